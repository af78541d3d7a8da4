package results

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/metric"
)

// MaxShardLine bounds the length of one line of a shard file: a record
// row, or the header line holding the text of one scenario file (at most
// 1 MiB, 1.4 MiB in base64). A longer line is refused before it is read
// further, so that a file that is not a shard cannot exhaust memory.
const MaxShardLine = 64 << 20

// A FormatError is a problem in a shard file, with its position (Line 0:
// the file as a whole).
type FormatError struct {
	Name string
	Line int
	Msg  string
	Err  error // the underlying error, if any
}

func (e *FormatError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Name, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg)
}

// Unwrap returns the underlying error.
func (e *FormatError) Unwrap() error { return e.Err }

// ErrChecksum is wrapped by the error of a shard whose content does not
// match the checksum in its end line.
var ErrChecksum = errors.New("results: shard checksum mismatch")

// ReadShardFS reads the shard file name of fsys (os.DirFS for a folder on
// disk). It refuses anything but a regular file before opening it
// (opening a FIFO blocks until a writer comes, a device such as /dev/zero
// never ends; fs.Stat follows symbolic links on os.DirFS), checks the
// type again on the open file, and, if the file's base name has the
// [ShardName] form, checks that its header says the same shard.
func ReadShardFS(fsys fs.FS, name string) (*Shard, error) {
	bad := func(format string, args ...any) error {
		return &FormatError{Name: name, Msg: fmt.Sprintf(format, args...) + rerunHint(name)}
	}
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, bad("not a regular file (%s): a shard is a regular file written by salesim run -shard", typeName(fi.Mode()))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, bad("not a regular file (%s): a shard is a regular file written by salesim run -shard", typeName(fi.Mode()))
	}
	if fi.Size() == 0 {
		return nil, bad("empty file (0 bytes): not a shard")
	}
	sh, err := ReadShard(f, name)
	if err != nil {
		return nil, err
	}
	base := name[strings.LastIndexByte(name, '/')+1:]
	if i, n, ok := parseShardName(base); ok && (i != sh.Header.Shard || n != sh.Header.Shards) {
		return nil, bad("the file is named for shard %d of %d but its header says shard %d of %d: was it renamed or copied over?", i, n, sh.Header.Shard, sh.Header.Shards)
	}
	return sh, nil
}

// parseShardName reads the index and count of a [ShardName].
func parseShardName(base string) (i, n int, ok bool) {
	var a, b int
	if _, err := fmt.Sscanf(base, "shard-%d-of-%d.csv", &a, &b); err != nil || ShardName(a, b) != base {
		return 0, 0, false
	}
	return a, b, true
}

// rerunHint says which shard to run again, if the name says it.
func rerunHint(name string) string {
	if i, n, ok := parseShardName(name[strings.LastIndexByte(name, '/')+1:]); ok {
		return fmt.Sprintf("; run shard %d/%d again", i, n)
	}
	return ""
}

func typeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// lineReader reads lines of at most MaxShardLine bytes, hashing every
// byte it returns.
type lineReader struct {
	br   *bufio.Reader
	sum  hashWriter
	line int
}

type hashWriter interface {
	io.Writer
	Sum([]byte) []byte
}

// next returns the next line without its newline, whether it had one,
// and io.EOF at the end. It hashes the line unless it is the end line,
// which the caller hashes or not.
func (lr *lineReader) next() (text []byte, nl bool, err error) {
	var buf []byte
	for {
		frag, err := lr.br.ReadSlice('\n')
		if len(buf)+len(frag) > MaxShardLine {
			lr.line++
			return nil, false, fmt.Errorf("line longer than %d MiB: not a shard line", MaxShardLine>>20)
		}
		buf = append(buf, frag...)
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			lr.line++
			return buf[:len(buf)-1], true, nil
		case io.EOF:
			if len(buf) == 0 {
				return nil, false, io.EOF
			}
			lr.line++
			return buf, false, nil
		default:
			return nil, false, err
		}
	}
}

// ReadShard reads a shard written by WriteShard; name is used in errors.
// It checks the format, that every value is a number and not infinite
// (NaN stands for a value undefined in a replication), and the SHA-256
// in the end line over every byte before it: a changed byte, a truncated
// file or one that is not a shard is refused, naming the line and what
// to do. Lines are read up to [MaxShardLine] bytes.
func ReadShard(r io.Reader, name string) (*Shard, error) {
	lr := &lineReader{br: bufio.NewReaderSize(r, 64<<10), sum: sha256.New()}
	hint := rerunHint(name)
	bad := func(format string, args ...any) error {
		return &FormatError{Name: name, Line: lr.line, Msg: fmt.Sprintf(format, args...) + hint}
	}
	// The first line, read apart with a small bound: anything that is not
	// a shard stops here.
	first, err := lr.br.Peek(len(shardMagic) + 1)
	if len(first) == 0 {
		if err != nil && err != io.EOF {
			return nil, &FormatError{Name: name, Msg: err.Error(), Err: err}
		}
		return nil, &FormatError{Name: name, Msg: "empty file (0 bytes): not a shard" + hint}
	}
	if !bytes.HasPrefix(first, []byte(shardMagic+"\n")) {
		lr.line = 1
		if bytes.HasPrefix(first, []byte(shardMagicV1+"\n")) {
			return nil, bad("written by an older salesim (shard format v1, without a checksum): run the shards again with this salesim, or merge them with the salesim that wrote them")
		}
		return nil, bad("not a salesim shard file (it starts %q, want %q)", trunc(string(first)), shardMagic)
	}

	if _, _, err := lr.next(); err != nil {
		return nil, bad("%v", err)
	}
	lr.sum.Write([]byte(shardMagic + "\n"))
	p := &shardParser{sh: &Shard{File: name}, fields: map[string]string{}, bad: bad}
	var problem error // the first problem found; the checksum comes first
	var end []byte
	for {
		t, nl, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bad("%v", err)
		}
		if bytes.HasPrefix(t, []byte(endPrefix)) {
			if !nl {
				return nil, bad("the end line has no newline: the file is truncated")
			}
			end = t
			break
		}
		lr.sum.Write(t)
		if nl {
			lr.sum.Write([]byte{'\n'})
		}
		if problem == nil {
			problem = p.line(string(t), lr.line, nl)
		}
	}
	if end == nil {
		if problem != nil {
			return nil, problem
		}
		return nil, bad("no end line: the file is truncated after %d records", len(p.sh.Records))
	}
	endLine := lr.line
	n, sum, ok := parseEnd(string(end))
	if !ok {
		return nil, bad("end line %q is not %q", trunc(string(end)), endPrefix+"N sha256=HEX")
	}
	if got := hex.EncodeToString(lr.sum.Sum(nil)); got != sum {
		msg := fmt.Sprintf("the content does not match the SHA-256 in the end line (%.12s…, the content has %.12s…): the file was changed or damaged after salesim wrote it", sum, got)
		var fe *FormatError
		if errors.As(problem, &fe) {
			msg += fmt.Sprintf(" (line %d: %s)", fe.Line, strings.TrimSuffix(fe.Msg, hint))
		}
		return nil, &FormatError{Name: name, Line: endLine, Msg: msg + hint, Err: ErrChecksum}
	}
	if problem != nil {
		return nil, problem
	}
	if _, _, err := lr.next(); err != io.EOF {
		lr.line = endLine + 1
		return nil, bad("data after the end line")
	}
	lr.line = endLine
	if p.cols == nil {
		return nil, bad("no column header row")
	}
	if n != len(p.sh.Records) {
		return nil, bad("the end line says %d records but the file has %d", n, len(p.sh.Records))
	}
	return p.sh, nil
}

// parseEnd reads "# end records=N sha256=HEX".
func parseEnd(t string) (n int, sum string, ok bool) {
	rest := strings.TrimPrefix(t, endPrefix)
	ns, sum, found := strings.Cut(rest, " sha256=")
	n, err := strconv.Atoi(ns)
	if !found || err != nil || n < 0 || len(sum) != 64 {
		return 0, "", false
	}
	return n, sum, true
}

// shardParser reads the lines of a shard between its first line and its
// end line.
type shardParser struct {
	sh      *Shard
	fields  map[string]string
	sources []Source
	cols    []string
	bad     func(format string, args ...any) error
}

// line parses one line.
func (p *shardParser) line(t string, line int, nl bool) error {
	if !nl {
		return p.bad("the last line has no newline: the file is truncated")
	}
	if p.cols == nil && strings.HasPrefix(t, "# ") {
		return p.headerLine(t)
	}
	if p.cols == nil {
		return p.columns(t)
	}
	return p.record(t)
}

func (p *shardParser) headerLine(t string) error {
	k, v, ok := strings.Cut(t[2:], "=")
	if !ok {
		return p.bad("header line %q is not key=value", trunc(t))
	}
	if k == "source" {
		n, txt, _ := strings.Cut(v, " ")
		name, e1 := base64.StdEncoding.DecodeString(n)
		text, e2 := base64.StdEncoding.DecodeString(txt)
		if e1 != nil || e2 != nil {
			return p.bad("source header line is not base64")
		}
		p.sources = append(p.sources, Source{Name: string(name), Text: text})
		return nil
	}
	if _, dup := p.fields[k]; dup {
		return p.bad("header %s appears twice", k)
	}
	p.fields[k] = v
	return nil
}

// columns reads the column header row, after the header lines.
func (p *shardParser) columns(t string) error {
	if err := p.header(); err != nil {
		return err
	}
	cols := strings.Split(t, ",")
	if len(cols) < 2 || cols[0] != "rep" || cols[1] != "events" {
		return p.bad("column header must start with rep,events")
	}
	for _, c := range cols[2:] {
		k, ok := metric.ParseKey(c)
		if !ok {
			return p.bad("column %q is not metric:role:period or metric:role:period:post", trunc(c))
		}
		switch {
		case k.Post > 0:
			p.sh.People = append(p.sh.People, k)
		case len(p.sh.People) > 0:
			return p.bad("column %q follows the columns per post: the columns per post come last", trunc(c))
		default:
			p.sh.Keys = append(p.sh.Keys, k)
		}
	}
	if p.sh.digest() != p.fields["keys"] {
		return p.bad("the columns do not match the header's keys digest")
	}
	p.cols = cols
	return nil
}

// header decodes the header fields.
func (p *shardParser) header() error {
	h := &p.sh.Header
	for _, k := range []string{"scenario", "sha256", "seed", "replications", "shard", "shards", "version", "arch", "keys", "partial", "variant", "set"} {
		if _, ok := p.fields[k]; !ok {
			return p.bad("the header has no %s= line", k)
		}
	}
	var err error
	text := func(k string) string {
		v := p.fields[k]
		if strings.HasPrefix(v, `"`) {
			u, e := strconv.Unquote(v)
			if e != nil && err == nil {
				err = p.bad("header %s=%s is not a quoted string", k, trunc(v))
			}
			return u
		}
		return v
	}
	num := func(k string) int {
		n, e := strconv.Atoi(p.fields[k])
		if e != nil && err == nil {
			err = p.bad("header %s=%q is not a whole number", k, trunc(p.fields[k]))
		}
		return n
	}
	h.Scenario, h.Version, h.Arch, h.Variant = text("scenario"), text("version"), text("arch"), text("variant")
	h.SHA256 = p.fields["sha256"]
	h.Replications, h.Shard, h.Shards = num("replications"), num("shard"), num("shards")
	if s, e := strconv.ParseUint(p.fields["seed"], 10, 64); e == nil {
		h.Seed = s
	} else if err == nil {
		err = p.bad("header seed=%q is not a whole number", trunc(p.fields["seed"]))
	}
	switch p.fields["partial"] {
	case "true":
		h.Partial = true
	case "false":
	default:
		if err == nil {
			err = p.bad("header partial=%q is not true or false", trunc(p.fields["partial"]))
		}
	}
	h.Sources = p.sources
	if v := p.fields["set"]; v != "null" {
		if e := json.Unmarshal([]byte(v), &h.Set); e != nil && err == nil {
			err = p.bad("header set=%q is not a JSON list", trunc(v))
		}
	}
	if err != nil {
		return err
	}
	if h.Shards < 1 || h.Shard < 0 || h.Shard >= h.Shards || h.Replications < 0 {
		return p.bad("header shard=%d shards=%d replications=%d is inconsistent: want 0 ≤ shard < shards and replications ≥ 0", h.Shard, h.Shards, h.Replications)
	}
	return nil
}

// record reads one row.
func (p *shardParser) record(t string) error {
	parts := strings.Split(t, ",")
	if len(parts) != len(p.cols) {
		return p.bad("%d fields, want %d", len(parts), len(p.cols))
	}
	rep, e1 := strconv.Atoi(parts[0])
	ev, e2 := strconv.ParseUint(parts[1], 10, 64)
	if e1 != nil || e2 != nil || rep < 0 {
		return p.bad("bad replication number or event count")
	}
	nk := len(p.sh.Keys)
	vals := make([]float64, nk+len(p.sh.People))
	for i, s := range parts[2:] {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return p.bad("column %s: %q is not a number", p.column(i), trunc(s))
		}
		if math.IsInf(v, 0) {
			return p.bad("column %s: %s is not finite: salesim writes finite values, or NaN for a value undefined in a replication", p.column(i), s)
		}
		vals[i] = v
	}
	r := Record{Rep: rep, Events: ev, Values: vals[:nk:nk]}
	if len(p.sh.People) > 0 {
		r.People = vals[nk:]
	}
	p.sh.Records = append(p.sh.Records, r)
	return nil
}

// column returns the key of value column i.
func (p *shardParser) column(i int) metric.Key {
	if i < len(p.sh.Keys) {
		return p.sh.Keys[i]
	}
	return p.sh.People[i-len(p.sh.Keys)]
}

func trunc(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
