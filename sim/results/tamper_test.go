package results

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// shardText writes shard i of n of a small run, as salesim would.
func shardText(t *testing.T, i, n int, edit func(*Shard)) string {
	t.Helper()
	keys, recs := testRun(12)
	sh := shardsOf(keys, recs, n)[i]
	if edit != nil {
		edit(sh)
	}
	var b bytes.Buffer
	if err := WriteShard(&b, sh); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// refused checks that err is a refusal whose message says every part.
func refused(t *testing.T, what string, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: accepted, want an error saying %q", what, parts)
		return
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %q does not say %q", what, err, p)
		}
	}
}

const name1 = "shard-00001-of-00004.csv"

func read(text string) (*Shard, error) {
	return ReadShard(strings.NewReader(text), name1)
}

// TestShardChangedValue: one changed digit of a value is found by the
// checksum, with the shard to run again.
func TestShardChangedValue(t *testing.T) {
	good := shardText(t, 1, 4, nil)
	if _, err := read(good); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(good, "\n")
	for i, l := range lines {
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "rep,") {
			continue
		}
		// The first digit after the second comma: a value.
		j := strings.IndexByte(l, ',') + 1
		j += strings.IndexByte(l[j:], ',') + 1
		for !strings.ContainsRune("0123456789", rune(l[j])) {
			j++
		}
		d := l[j] - '0'
		changed := l[:j] + string(rune('0'+(d+1)%10)) + l[j+1:]
		text := strings.Join(lines[:i], "") + changed + strings.Join(lines[i+1:], "")
		_, err := read(text)
		refused(t, fmt.Sprintf("line %d", i+1), err, name1+":", "does not match the SHA-256 in the end line",
			"the file was changed or damaged after salesim wrote it", "run shard 1/4 again")
		if !errors.Is(err, ErrChecksum) {
			t.Errorf("line %d: error does not wrap ErrChecksum", i+1)
		}
	}
}

// TestShardChangedHeader: a change to any header field, the magic line
// and the end line aside, is refused.
func TestShardChangedHeader(t *testing.T) {
	good := shardText(t, 1, 4, func(sh *Shard) { sh.Header.Variant = "big" })
	lines := strings.SplitAfter(good, "\n")
	seen := map[string]bool{}
	for i, l := range lines {
		if i == 0 || !strings.HasPrefix(l, "# ") || strings.HasPrefix(l, endPrefix) {
			continue
		}
		k, v, _ := strings.Cut(strings.TrimSuffix(l[2:], "\n"), "=")
		seen[k] = true
		// Change one character of the value, or add one.
		nv := v + "1"
		if len(v) > 0 {
			c := v[len(v)-1]
			nv = v[:len(v)-1] + string(c^1)
		}
		text := strings.Join(lines[:i], "") + "# " + k + "=" + nv + "\n" + strings.Join(lines[i+1:], "")
		_, err := read(text)
		refused(t, k, err, name1, "the file was changed or damaged", "run shard 1/4 again")
	}
	for _, k := range []string{"scenario", "sha256", "seed", "replications", "shard", "shards", "version", "arch", "keys", "partial", "variant", "set", "source"} {
		if !seen[k] {
			t.Errorf("header field %s not tried", k)
		}
	}
}

// TestShardTruncated: a shard cut at any byte is refused.
func TestShardTruncated(t *testing.T) {
	good := shardText(t, 1, 4, nil)
	for n := range len(good) {
		_, err := read(good[:n])
		if err == nil {
			t.Fatalf("cut to %d of %d bytes: accepted", n, len(good))
		}
		if !strings.Contains(err.Error(), name1) {
			t.Fatalf("cut to %d bytes: %q does not name the shard", n, err)
		}
	}
	_, err := read(good[:len(good)-1])
	refused(t, "no final newline", err, "the end line has no newline: the file is truncated")
	i := strings.Index(good, endPrefix)
	_, err = read(good[:i])
	refused(t, "no end line", err, name1+":18: no end line: the file is truncated after 3 records; run shard 1/4 again")
	_, err = read("")
	refused(t, "empty", err, name1+": empty file (0 bytes): not a shard; run shard 1/4 again")
	_, err = read(good + "0,1,2\n")
	refused(t, "data after the end", err, "data after the end line")
}

// TestShardNotFinite: an infinite value is refused even with a valid
// checksum; NaN, a value undefined in a replication, is kept.
func TestShardNotFinite(t *testing.T) {
	for _, v := range []string{"+Inf", "-Inf"} {
		text := shardText(t, 1, 4, func(sh *Shard) {
			sh.Records = append([]Record(nil), sh.Records...)
			sh.Records[1].Values = append([]float64(nil), sh.Records[1].Values...)
			sh.Records[1].Values[2], _ = parseFloat(v)
		})
		_, err := read(text)
		refused(t, v, err, name1+":", "column p_target:all:total: "+v+" is not finite")
	}
	text := shardText(t, 1, 4, func(sh *Shard) {
		sh.Records = append([]Record(nil), sh.Records...)
		sh.Records[1].Values = append([]float64(nil), sh.Records[1].Values...)
		sh.Records[1].Values[2], _ = parseFloat("NaN")
	})
	if _, err := read(text); err != nil {
		t.Errorf("NaN: %v", err)
	}
}

// TestShardBadIndex: a header whose shard index disagrees with the file
// name, or with the shard count, is named as such (it used to be taken
// for a duplicate).
func TestShardBadIndex(t *testing.T) {
	fsys := fstest.MapFS{
		name1:                      {Data: []byte(shardText(t, 2, 4, nil))},
		"shard-00000-of-00004.csv": {Data: []byte(shardText(t, 0, 4, func(sh *Shard) { sh.Header.Shard = 7 }))},
	}
	_, err := ReadShardFS(fsys, name1)
	refused(t, "renamed", err, name1+": the file is named for shard 1 of 4 but its header says shard 2 of 4", "run shard 1/4 again")
	_, err = ReadShardFS(fsys, "shard-00000-of-00004.csv")
	refused(t, "index past the count", err, "header shard=7 shards=4 replications=12 is inconsistent", "run shard 0/4 again")
}

// TestShardOlderFormat: a shard of the format without a checksum is
// refused with what to do.
func TestShardOlderFormat(t *testing.T) {
	text := strings.Replace(shardText(t, 1, 4, nil), shardMagic, shardMagicV1, 1)
	_, err := read(text)
	refused(t, "v1", err, "written by an older salesim (shard format v1, without a checksum)")
}

// TestShardNotAShard: text that is not a shard is refused on its first
// line, whatever follows.
func TestShardNotAShard(t *testing.T) {
	r := &zeros{}
	_, err := ReadShard(r, name1)
	refused(t, "zeros", err, "not a salesim shard file")
	if r.n > 1<<20 {
		t.Errorf("read %d bytes of an endless stream", r.n)
	}
}

func parseFloat(s string) (float64, error) { return strconv.ParseFloat(s, 64) }

type zeros struct{ n int }

func (z *zeros) Read(p []byte) (int, error) {
	z.n += len(p)
	clear(p)
	return len(p), nil
}

// TestShardNotRegular: a directory, a FIFO or a device named like a
// shard is refused without being read.
func TestShardNotRegular(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "shard-00000-of-00004.csv"), 0o755)
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "shard-00001-of-00004.csv")); err != nil {
		t.Skip(err)
	}
	os.WriteFile(filepath.Join(dir, "shard-00002-of-00004.csv"), nil, 0o644)
	fifo := mkfifo(filepath.Join(dir, "shard-00003-of-00004.csv"))
	fsys := os.DirFS(dir)
	for i, want := range []string{"a directory", "a character device", "", "a named pipe (FIFO)"} {
		if want == "" || i == 3 && fifo != nil {
			continue
		}
		name := ShardName(i, 4)
		done := make(chan error, 1)
		go func() { _, err := ReadShardFS(fsys, name); done <- err }()
		select {
		case err := <-done:
			refused(t, name, err, name+": not a regular file ("+want+"): a shard is a regular file written by salesim run -shard", fmt.Sprintf("run shard %d/4 again", i))
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10 s", name)
		}
	}
	_, err := ReadShardFS(fsys, ShardName(2, 4))
	refused(t, "empty", err, ShardName(2, 4)+": empty file (0 bytes): not a shard; run shard 2/4 again")
}

// TestMergeMixedRuns: shards of different runs are refused, naming each
// field that differs with both values and what to do.
func TestMergeMixedRuns(t *testing.T) {
	keys, recs := testRun(20)
	for _, tc := range []struct {
		what string
		edit func(*Header)
		want []string
	}{
		{"seed", func(h *Header) { h.Seed = 8 }, []string{"different seed (7 vs 8)", "the shards come from different runs"}},
		{"scenario", func(h *Header) { h.Scenario = "u"; h.SHA256 = "def" }, []string{`different scenario ("t" vs "u"), scenario text (SHA-256 abc… vs def…)`}},
		{"variant", func(h *Header) { h.Variant = "big" }, []string{"different variant (none vs big)", "the shards come from different runs"}},
		{"overrides", func(h *Header) { h.Set = []string{"run.seed=7", "roles.hunter.headcount=3"} }, []string{`different overrides (-set "run.seed=7" vs "run.seed=7 roles.hunter.headcount=3")`}},
		{"no overrides", func(h *Header) { h.Set = nil }, []string{`different overrides (-set "run.seed=7" vs none)`}},
		{"version", func(h *Header) { h.Version = "w" }, []string{"different salesim version (v vs w)", "run every shard with one salesim version"}},
		{"architecture", func(h *Header) { h.Arch = "arm64 GOARM64=v8.0" }, []string{"different architecture (" + Arch() + " vs arm64 GOARM64=v8.0)", "run every shard on machines of one architecture"}},
		{"replications", func(h *Header) { h.Replications = 21 }, []string{"different replications (20 vs 21)"}},
	} {
		shards := shardsOf(keys, recs, 4)
		for i := range shards {
			shards[i] = roundTripNamed(t, shards[i])
		}
		other := *shards[2]
		tc.edit(&other.Header)
		_, err := Merge([]*Shard{shards[0], shards[1], &other, shards[3]})
		refused(t, tc.what, err, append([]string{"shard-00002-of-00004.csv (shard 2 of 4) does not belong with shard-00000-of-00004.csv (shard 0 of 4): "}, tc.want...)...)
		if err != nil && regexp.MustCompile(`different [;,]|different $`).MatchString(err.Error()) {
			t.Errorf("%s: %q names no difference", tc.what, err)
		}
	}
}

// roundTripNamed writes a shard and reads it back under its file name.
func roundTripNamed(t *testing.T, sh *Shard) *Shard {
	t.Helper()
	var b bytes.Buffer
	if err := WriteShard(&b, sh); err != nil {
		t.Fatal(err)
	}
	got, err := ReadShard(&b, ShardName(sh.Header.Shard, sh.Header.Shards))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestShardOddNames: names with a newline, a quote or invalid UTF-8 are
// written on one line and read back as they were.
func TestShardOddNames(t *testing.T) {
	for _, s := range []string{"a\nb", `"q"`, "x\xffy", "tab\there", "ok name"} {
		text := shardText(t, 1, 4, func(sh *Shard) { sh.Header.Scenario = s; sh.Header.Variant = s })
		sh, err := read(text)
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if sh.Header.Scenario != s || sh.Header.Variant != s {
			t.Errorf("%q read back as %q, %q", s, sh.Header.Scenario, sh.Header.Variant)
		}
	}
}

// TestShardLongLine: a line past MaxShardLine is refused without reading
// the rest of it.
func TestShardLongLine(t *testing.T) {
	r := io.MultiReader(strings.NewReader(shardMagic+"\n# scenario="), &zeros{})
	_, err := ReadShard(r, name1)
	refused(t, "long line", err, name1+":2: line longer than 64 MiB")
}

// TestShardAnyByteChanged: a change of any single byte of a shard, in its
// header, records, column line or end line, is refused with the shard's
// name: nothing of a shard can change unnoticed, short of forging its
// checksum.
func TestShardAnyByteChanged(t *testing.T) {
	good := shardText(t, 1, 4, func(sh *Shard) { sh.Header.Variant = "big"; sh.Header.Set = []string{"run.seed=3"} })
	if _, err := read(good); err != nil {
		t.Fatal(err)
	}
	for n := range len(good) {
		for _, flip := range []byte{1, 2, 0x20} {
			c := good[n] ^ flip
			text := good[:n] + string([]byte{c}) + good[n+1:]
			sh, err := read(text)
			if err == nil {
				t.Errorf("byte %d changed from %q to %q: accepted (%d records)", n, good[n], c, len(sh.Records))
				continue
			}
			if !strings.Contains(err.Error(), name1) {
				t.Errorf("byte %d changed: %q does not name the shard", n, err)
			}
		}
	}
}

// TestShardRecordsReordered: records swapped, repeated or dropped are
// refused, though each line is valid on its own.
func TestShardRecordsReordered(t *testing.T) {
	good := shardText(t, 1, 4, nil)
	lines := strings.SplitAfter(good, "\n")
	var data []int
	for i, l := range lines {
		if l != "" && !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "rep,") {
			data = append(data, i)
		}
	}
	if len(data) < 2 {
		t.Fatalf("%d records, want 2 or more", len(data))
	}
	edit := func(f func(ls []string) []string) string {
		ls := append([]string(nil), lines...)
		return strings.Join(f(ls), "")
	}
	a, b := data[0], data[1]
	for what, text := range map[string]string{
		"swapped":  edit(func(ls []string) []string { ls[a], ls[b] = ls[b], ls[a]; return ls }),
		"repeated": edit(func(ls []string) []string { ls[b] = ls[a]; return ls }),
		"dropped":  edit(func(ls []string) []string { return append(ls[:a:a], ls[a+1:]...) }),
	} {
		_, err := read(text)
		refused(t, what, err, name1)
	}
}
