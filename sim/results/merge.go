package results

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

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
			return nil, &MergeError{Msg: fmt.Sprintf("%s does not belong with %s: %s; %s",
				s.name(), shards[0].name(), headerDiff(ref, s.Header), mixHint(ref, s.Header))}
		}
		if s.digest() != shards[0].digest() {
			return nil, &MergeError{Msg: fmt.Sprintf("%s has other measures than %s: merge only the shards of one run", s.name(), shards[0].name())}
		}
	}
	out := &Shard{Header: ref, Keys: shards[0].Keys, People: shards[0].People}
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
				return nil, &MergeError{Msg: fmt.Sprintf("%s holds replication %d, outside its block %d..%d",
					s.name(), r.Rep, from, to-1), RerunShard: []int{s.Header.Shard}}
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

// headerDiff names every field in which two headers of shards differ,
// with both values.
func headerDiff(a, b Header) string {
	var d []string
	if a.Scenario != b.Scenario {
		d = append(d, fmt.Sprintf("scenario (%q vs %q)", a.Scenario, b.Scenario))
	}
	if a.SHA256 != b.SHA256 {
		d = append(d, fmt.Sprintf("scenario text (SHA-256 %.12s… vs %.12s…)", a.SHA256, b.SHA256))
	}
	if a.Variant != b.Variant {
		d = append(d, fmt.Sprintf("variant (%s vs %s)", orNone(a.Variant), orNone(b.Variant)))
	}
	if !slices.Equal(a.Set, b.Set) {
		d = append(d, fmt.Sprintf("overrides (-set %s vs %s)", setText(a.Set), setText(b.Set)))
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
	if a.Arch != b.Arch {
		d = append(d, fmt.Sprintf("architecture (%s vs %s)", a.Arch, b.Arch))
	}
	if len(d) == 0 {
		return "no difference in their headers"
	}
	return "different " + strings.Join(d, ", ")
}

// mixHint says what to do about shards of different runs.
func mixHint(a, b Header) string {
	if a.Arch != b.Arch {
		return "results differ in the last bits between architectures, so a merge would not be byte-identical to a run on one machine: run every shard on machines of one architecture"
	}
	if a.Version != b.Version {
		return "run every shard with one salesim version"
	}
	return "the shards come from different runs: keep only the shards of one run in the folder (run the missing ones again with the same command)"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func setText(set []string) string {
	if len(set) == 0 {
		return "none"
	}
	return strconv.Quote(strings.Join(set, " "))
}
