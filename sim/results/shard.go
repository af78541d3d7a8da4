package results

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/metric"
)

// Header identifies the run a shard belongs to. Every shard of a run has
// the same header except Shard.
type Header struct {
	Scenario     string // scenario name
	SHA256       string // SHA-256 of the scenario text as run
	Seed         uint64
	Replications int // replications in the whole run
	Shard        int // this shard's index, 0 ≤ Shard < Shards
	Shards       int
	Version      string // salesim version
	Partial      bool   // the run was interrupted: this shard lacks replications
	// Variant, Set and Sources say how to load the scenario again: the
	// variant selected, the overrides applied and the text of every file
	// read, so that a merge can rebuild the design without the files.
	Variant string
	Set     []string
	Sources []Source
}

// Source is a scenario file as read for a run.
type Source struct {
	Name string
	Text []byte
}

// same reports whether two headers describe the same run, ignoring the
// shard index and the partial flag.
func (h Header) same(o Header) bool {
	return h.Scenario == o.Scenario && h.SHA256 == o.SHA256 && h.Seed == o.Seed &&
		h.Replications == o.Replications && h.Shards == o.Shards && h.Version == o.Version &&
		h.Variant == o.Variant && slices.Equal(h.Set, o.Set)
}

// ShardName returns the conventional file name of shard i of n
// (the Hadoop/Beam "-SSSSS-of-NNNNN" form).
func ShardName(i, n int) string { return fmt.Sprintf("shard-%05d-of-%05d.csv", i, n) }

// ShardReps returns the replications shard i of n runs: the contiguous
// block [i·N/n, (i+1)·N/n) of N replications.
func ShardReps(i, n, reps int) (from, to int) {
	return i * reps / n, (i + 1) * reps / n
}

// Shard is the content of a shard file.
type Shard struct {
	Header  Header
	Keys    []metric.Key
	Records []Record
}

const shardMagic = "# salesim shard v1"

// WriteShard writes a shard: '#' header lines, a CSV header row
// "rep,events,<key>...", and one row per record.
func WriteShard(w io.Writer, sh *Shard) error {
	bw := bufio.NewWriter(w)
	h := sh.Header
	fmt.Fprintln(bw, shardMagic)
	fmt.Fprintf(bw, "# scenario=%s\n# sha256=%s\n# seed=%d\n# replications=%d\n# shard=%d\n# shards=%d\n# version=%s\n# keys=%s\n# partial=%t\n",
		h.Scenario, h.SHA256, h.Seed, h.Replications, h.Shard, h.Shards, h.Version, KeysDigest(sh.Keys), h.Partial)
	fmt.Fprintf(bw, "# variant=%s\n", h.Variant)
	set, _ := json.Marshal(h.Set)
	fmt.Fprintf(bw, "# set=%s\n", set)
	for _, src := range h.Sources {
		fmt.Fprintf(bw, "# source=%s %s\n", base64.StdEncoding.EncodeToString([]byte(src.Name)), base64.StdEncoding.EncodeToString(src.Text))
	}
	bw.WriteString("rep,events")
	for _, k := range sh.Keys {
		bw.WriteByte(',')
		bw.WriteString(k.String())
	}
	bw.WriteByte('\n')
	var buf []byte
	for _, r := range sh.Records {
		if len(r.Values) != len(sh.Keys) {
			return fmt.Errorf("results: record of replication %d has %d values for %d keys", r.Rep, len(r.Values), len(sh.Keys))
		}
		buf = strconv.AppendInt(buf[:0], int64(r.Rep), 10)
		buf = append(buf, ',')
		buf = strconv.AppendUint(buf, r.Events, 10)
		for _, v := range r.Values {
			buf = append(buf, ',')
			buf = strconv.AppendFloat(buf, v, 'g', -1, 64)
		}
		buf = append(buf, '\n')
		bw.Write(buf)
	}
	fmt.Fprintf(bw, "# end records=%d\n", len(sh.Records))
	return bw.Flush()
}

// A FormatError is a problem in a shard file, with its position.
type FormatError struct {
	Name string
	Line int
	Msg  string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg)
}

// ReadShard reads a shard written by WriteShard; name is used in errors.
func ReadShard(r io.Reader, name string) (*Shard, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	line := 0
	bad := func(format string, args ...any) error {
		return &FormatError{Name: name, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	sh := &Shard{}
	var digest string
	fields := map[string]string{}
	var sources []Source
	for sc.Scan() {
		line++
		t := sc.Text()
		if line == 1 {
			if t != shardMagic {
				return nil, bad("not a salesim shard file (first line %q, want %q)", trunc(t), shardMagic)
			}
			continue
		}
		if !strings.HasPrefix(t, "# ") {
			break
		}
		k, v, ok := strings.Cut(t[2:], "=")
		if !ok {
			return nil, bad("header line %q is not key=value", trunc(t))
		}
		if k == "source" {
			n, txt, _ := strings.Cut(v, " ")
			name, e1 := base64.StdEncoding.DecodeString(n)
			text, e2 := base64.StdEncoding.DecodeString(txt)
			if e1 != nil || e2 != nil {
				return nil, bad("source header line is not base64")
			}
			sources = append(sources, Source{Name: string(name), Text: text})
			continue
		}
		fields[k] = v
	}
	if line == 0 {
		return nil, bad("empty file")
	}
	var err error
	h := &sh.Header
	h.Scenario, h.SHA256, h.Version, digest = fields["scenario"], fields["sha256"], fields["version"], fields["keys"]
	num := func(k string) int {
		n, e := strconv.Atoi(fields[k])
		if e != nil && err == nil {
			err = bad("header %s=%q is not a whole number", k, fields[k])
		}
		return n
	}
	h.Replications, h.Shard, h.Shards = num("replications"), num("shard"), num("shards")
	if h.Seed, err = strconv.ParseUint(fields["seed"], 10, 64); err != nil {
		err = bad("header seed=%q is not a whole number", fields["seed"])
	}
	h.Partial = fields["partial"] == "true"
	h.Variant = fields["variant"]
	h.Sources = sources
	if v := fields["set"]; v != "" && v != "null" {
		if e := json.Unmarshal([]byte(v), &h.Set); e != nil && err == nil {
			err = bad("header set=%q is not a JSON list", trunc(v))
		}
	}
	if err != nil {
		return nil, err
	}
	if h.Shards < 1 || h.Shard < 0 || h.Shard >= h.Shards || h.Replications < 0 {
		return nil, bad("header shard=%d shards=%d replications=%d is inconsistent", h.Shard, h.Shards, h.Replications)
	}
	cols := strings.Split(sc.Text(), ",")
	if len(cols) < 2 || cols[0] != "rep" || cols[1] != "events" {
		return nil, bad("column header must start with rep,events")
	}
	for _, c := range cols[2:] {
		k, ok := metric.ParseKey(c)
		if !ok {
			return nil, bad("column %q is not metric:role:period", trunc(c))
		}
		sh.Keys = append(sh.Keys, k)
	}
	if KeysDigest(sh.Keys) != digest {
		return nil, bad("the columns do not match the header's keys digest")
	}
	ended := false
	for sc.Scan() {
		line++
		t := sc.Text()
		if ended {
			return nil, bad("data after the end line")
		}
		if strings.HasPrefix(t, "# end records=") {
			n, err := strconv.Atoi(strings.TrimPrefix(t, "# end records="))
			if err != nil || n != len(sh.Records) {
				return nil, bad("end line says %q but the file has %d records", t, len(sh.Records))
			}
			ended = true
			continue
		}
		parts := strings.Split(t, ",")
		if len(parts) != len(cols) {
			return nil, bad("%d fields, want %d (truncated file?)", len(parts), len(cols))
		}
		rep, e1 := strconv.Atoi(parts[0])
		ev, e2 := strconv.ParseUint(parts[1], 10, 64)
		if e1 != nil || e2 != nil || rep < 0 {
			return nil, bad("bad replication number or event count")
		}
		vals := make([]float64, len(sh.Keys))
		for i, p := range parts[2:] {
			if vals[i], err = strconv.ParseFloat(p, 64); err != nil {
				return nil, bad("column %s: %q is not a number", sh.Keys[i], trunc(p))
			}
		}
		sh.Records = append(sh.Records, Record{Rep: rep, Events: ev, Values: vals})
	}
	if err := sc.Err(); err != nil {
		return nil, bad("%v", err)
	}
	if !ended {
		return nil, bad("no end line: the file is truncated")
	}
	return sh, nil
}

func trunc(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// A MergeError lists what is wrong with a set of shards, naming the shard
// indices to run again.
type MergeError struct {
	Missing    []int // replications no shard has
	Duplicate  []int // replications more than one shard has
	RerunShard []int // shard indices to run again
	Msg        string
}

func (e *MergeError) Error() string {
	var b strings.Builder
	b.WriteString("results: ")
	if e.Msg != "" {
		b.WriteString(e.Msg)
	}
	if len(e.Duplicate) > 0 {
		fmt.Fprintf(&b, "%d replications appear in more than one shard (first: %d)", len(e.Duplicate), e.Duplicate[0])
	}
	if len(e.Missing) > 0 {
		if len(e.Duplicate) > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%d replications are missing (first: %d)", len(e.Missing), e.Missing[0])
	}
	if len(e.RerunShard) > 0 {
		fmt.Fprintf(&b, "; run shards %s again", joinInts(e.RerunShard))
	}
	return b.String()
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

// Merge checks that shards form one complete run and returns its header
// (with Shard 0 of 1), keys and records sorted by replication.
//
// A shard marked partial (its run was interrupted) may lack replications
// of its own block; the merged run is then marked partial too. Every
// other missing replication, and every replication found twice or
// outside its shard's block, is an error naming the shards to run again.
func Merge(shards []*Shard) (*Shard, error) {
	if len(shards) == 0 {
		return nil, errors.New("results: no shards to merge")
	}
	ref := shards[0].Header
	n := ref.Shards
	for _, s := range shards[1:] {
		if !ref.same(s.Header) {
			return nil, &MergeError{Msg: fmt.Sprintf("shard %d does not belong with shard %d: different %s",
				s.Header.Shard, ref.Shard, headerDiff(ref, s.Header))}
		}
		if KeysDigest(s.Keys) != KeysDigest(shards[0].Keys) {
			return nil, &MergeError{Msg: fmt.Sprintf("shard %d has other measures than shard %d", s.Header.Shard, ref.Shard)}
		}
	}
	out := &Shard{Header: ref, Keys: shards[0].Keys}
	out.Header.Shard, out.Header.Shards, out.Header.Partial = 0, 1, false
	seen := make(map[int]int)
	partial := map[int]bool{} // shard indices present but interrupted
	for _, s := range shards {
		if s.Header.Partial {
			partial[s.Header.Shard] = true
			out.Header.Partial = true
		}
		from, to := ShardReps(s.Header.Shard, n, ref.Replications)
		for _, r := range s.Records {
			if r.Rep < from || r.Rep >= to {
				return nil, &MergeError{Msg: fmt.Sprintf("shard %d of %d holds replication %d, outside its block %d..%d",
					s.Header.Shard, n, r.Rep, from, to-1), RerunShard: []int{s.Header.Shard}}
			}
			seen[r.Rep]++
			out.Records = append(out.Records, r)
		}
	}
	me := &MergeError{}
	rerun := map[int]bool{}
	for rep, c := range seen {
		if c > 1 {
			me.Duplicate = append(me.Duplicate, rep)
		}
	}
	for i := 0; i < n; i++ {
		if partial[i] {
			continue
		}
		from, to := ShardReps(i, n, ref.Replications)
		for rep := from; rep < to; rep++ {
			if seen[rep] == 0 {
				me.Missing = append(me.Missing, rep)
				rerun[i] = true
			}
		}
	}
	if len(me.Duplicate) > 0 || len(me.Missing) > 0 {
		sort.Ints(me.Duplicate)
		for i := range rerun {
			me.RerunShard = append(me.RerunShard, i)
		}
		sort.Ints(me.RerunShard)
		if len(me.Duplicate) > 0 {
			// Name the shards that share replications.
			var dup []int
			for _, s := range shards {
				for _, r := range s.Records {
					if seen[r.Rep] > 1 {
						if !slices.Contains(dup, s.Header.Shard) {
							dup = append(dup, s.Header.Shard)
						}
						break
					}
				}
			}
			sort.Ints(dup)
			me.Msg = fmt.Sprintf("shards %s overlap: ", joinInts(dup))
		}
		return nil, me
	}
	sort.Slice(out.Records, func(i, j int) bool { return out.Records[i].Rep < out.Records[j].Rep })
	return out, nil
}

func headerDiff(a, b Header) string {
	var d []string
	if a.Scenario != b.Scenario {
		d = append(d, fmt.Sprintf("scenario (%s vs %s)", a.Scenario, b.Scenario))
	}
	if a.SHA256 != b.SHA256 {
		d = append(d, "scenario text (SHA-256)")
	}
	if a.Seed != b.Seed {
		d = append(d, fmt.Sprintf("seed (%d vs %d)", a.Seed, b.Seed))
	}
	if a.Replications != b.Replications {
		d = append(d, fmt.Sprintf("replications (%d vs %d)", a.Replications, b.Replications))
	}
	if a.Shards != b.Shards {
		d = append(d, fmt.Sprintf("shard count (%d vs %d)", a.Shards, b.Shards))
	}
	if a.Version != b.Version {
		d = append(d, fmt.Sprintf("salesim version (%s vs %s)", a.Version, b.Version))
	}
	return strings.Join(d, ", ")
}
