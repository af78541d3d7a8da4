package results

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/bits"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// Arch is the architecture the shard was computed on, as [Arch]
	// returns it: results differ in the last bits between architectures
	// (math.Exp is assembly on amd64, FMA instructions from GOAMD64=v3
	// on), so shards of different architectures are not merged.
	// [WriteShard] writes Arch() when it is empty.
	Arch    string
	Partial bool // the run was interrupted: this shard lacks replications
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
		h.Arch == o.Arch && h.Variant == o.Variant && slices.Equal(h.Set, o.Set)
}

// Arch returns the architecture the running program computes on:
// runtime.GOARCH, followed by the instruction-set level it was built for
// where the architecture has one, such as "amd64 GOAMD64=v1" or
// "arm64 GOARM64=v8.0".
func Arch() string {
	arch := runtime.GOARCH
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "GOAMD64", "GOARM64", "GOARM", "GO386", "GOPPC64", "GORISCV64", "GOMIPS", "GOMIPS64", "GOWASM":
				if s.Value != "" {
					arch += " " + s.Key + "=" + s.Value
				}
			}
		}
	}
	return arch
}

// ShardName returns the conventional file name of shard i of n
// (the Hadoop/Beam "-SSSSS-of-NNNNN" form).
func ShardName(i, n int) string { return fmt.Sprintf("shard-%05d-of-%05d.csv", i, n) }

// ShardReps returns the replications shard i of n runs: the contiguous
// block [i·N/n, (i+1)·N/n) of N replications.
func ShardReps(i, n, reps int) (from, to int) {
	return mulDiv(i, reps, n), mulDiv(i+1, reps, n)
}

// mulDiv returns a·b/c without overflow for 0 ≤ a ≤ c and b ≥ 0, where
// the result is at most b; other values go the plain way (the callers
// have refused them already).
func mulDiv(a, b, c int) int {
	if a < 0 || b < 0 || c <= 0 || a > c {
		return a * b / c
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	q, _ := bits.Div64(hi, lo, uint64(c))
	return int(q)
}

// Shard is the content of a shard file.
type Shard struct {
	Header Header
	Keys   []metric.Key
	// People are the keys of the measures per post (Post ≥ 1), whose
	// values are each record's People; their columns follow Keys'.
	People  []metric.Key
	Records []Record
	// File is the name the shard was read from, for messages; "" for a
	// shard made in memory.
	File string
}

// name names the shard in messages: its file, or its index.
func (sh *Shard) name() string {
	if sh.File != "" {
		return fmt.Sprintf("%s (shard %d of %d)", sh.File, sh.Header.Shard, sh.Header.Shards)
	}
	return fmt.Sprintf("shard %d of %d", sh.Header.Shard, sh.Header.Shards)
}

const (
	shardMagic   = "# salesim shard v2"
	shardMagicV1 = "# salesim shard v1"
	endPrefix    = "# end records="
)

// WriteShard writes a shard: '#' header lines, a CSV header row
// "rep,events,<key>...,<people key>...", one row per record, and an end
// line with the record count and the SHA-256 of every byte before it:
//
//	# salesim shard v2
//	# scenario=growth-plan
//	...
//	rep,events,margin:department:total,...
//	0,181234,1.25e+06,...
//	# end records=20 sha256=9f2c...
//
// The text stays readable; the checksum makes any change to it, or a
// truncation, detectable by [ReadShard].
func WriteShard(w io.Writer, sh *Shard) error {
	h := sh.Header
	if h.Arch == "" {
		h.Arch = Arch()
	}
	sum := sha256.New()
	bw := bufio.NewWriter(io.MultiWriter(w, sum))
	fmt.Fprintln(bw, shardMagic)
	fmt.Fprintf(bw, "# scenario=%s\n# sha256=%s\n# seed=%d\n# replications=%d\n# shard=%d\n# shards=%d\n# version=%s\n# arch=%s\n# keys=%s\n# partial=%t\n",
		headerText(h.Scenario), h.SHA256, h.Seed, h.Replications, h.Shard, h.Shards, headerText(h.Version), headerText(h.Arch), sh.digest(), h.Partial)
	fmt.Fprintf(bw, "# variant=%s\n", headerText(h.Variant))
	set, _ := json.Marshal(h.Set)
	fmt.Fprintf(bw, "# set=%s\n", set)
	for _, src := range h.Sources {
		fmt.Fprintf(bw, "# source=%s %s\n", base64.StdEncoding.EncodeToString([]byte(src.Name)), base64.StdEncoding.EncodeToString(src.Text))
	}
	bw.WriteString("rep,events")
	for _, ks := range [][]metric.Key{sh.Keys, sh.People} {
		for _, k := range ks {
			bw.WriteByte(',')
			bw.WriteString(k.String())
		}
	}
	bw.WriteByte('\n')
	var buf []byte
	for _, r := range sh.Records {
		if len(r.Values) != len(sh.Keys) || len(r.People) != len(sh.People) {
			return fmt.Errorf("results: record of replication %d has %d+%d values for %d+%d keys", r.Rep, len(r.Values), len(r.People), len(sh.Keys), len(sh.People))
		}
		buf = strconv.AppendInt(buf[:0], int64(r.Rep), 10)
		buf = append(buf, ',')
		buf = strconv.AppendUint(buf, r.Events, 10)
		for _, vs := range [][]float64{r.Values, r.People} {
			for _, v := range vs {
				buf = append(buf, ',')
				buf = strconv.AppendFloat(buf, v, 'g', -1, 64)
			}
		}
		buf = append(buf, '\n')
		bw.Write(buf)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%s%d sha256=%x\n", endPrefix, len(sh.Records), sum.Sum(nil))
	return err
}

// digest returns the [KeysDigest] of every column: the keys, then the
// people keys.
func (sh *Shard) digest() string {
	return KeysDigest(append(append(make([]metric.Key, 0, len(sh.Keys)+len(sh.People)), sh.Keys...), sh.People...))
}

// headerText writes a header value on one line: as it is if it is
// printable text that does not start with a quote, else quoted in Go
// syntax ("a\nb"). [ReadShard] reads both.
func headerText(s string) string {
	if s != "" && s[0] == '"' || !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) {
		return strconv.Quote(s)
	}
	return s
}
