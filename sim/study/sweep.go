package study

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/results"
)

// PointsDir is the folder of a sweep's folder that holds each point's
// records: PointsDir/pNNNNN/shard-IIIII-of-NNNNN.csv, shard files of
// package results, one per shard of the replications the point has run.
const PointsDir = "points"

// SweepOptions say how [RunSweep] runs a sweep.
type SweepOptions struct {
	// Dir is the sweep's folder: points finished there are kept and not
	// run again.
	Dir string
	// Shard and Shards: run only block Shard of Shards of every point's
	// replications (see [experiment.ShardReps]); Shards 0 means 1.
	Shard, Shards int
	// Workers is the number of goroutines; 0: GOMAXPROCS.
	Workers int
	// Progress, if not nil, is called after each point finishes, with
	// the points done (kept ones included) and the total.
	Progress func(done, total int)
	// Replication, if not nil, is called as [experiment.Options.Progress]
	// for the points being run.
	Replication func(done, total int)
	// NoShare runs every point from the start, even where the points
	// could share their warm-up ([File.SharedWarmup]).
	NoShare bool
	// Batch is the most points run together sharing a warm-up; a batch
	// is kept whole or not at all when a sweep is interrupted. 0 means 1.
	Batch int
}

// A SweepRun tells what [RunSweep] did.
type SweepRun struct {
	Points []Point
	// Ran and Kept count the points run now and those found finished.
	Ran, Kept int
	// SharedUntil is the time up to which points shared their warm-up,
	// 0 if they did not; Note says why not.
	SharedUntil float64
	Note        string
}

// PointDir returns the folder of point i's records in a sweep's folder.
func PointDir(dir string, i int) string {
	return filepath.Join(dir, PointsDir, fmt.Sprintf("p%05d", i))
}

// RunSweep runs the points of the file's plan, in order, on every worker,
// with replication i of every point on the streams of (File.Seed, i)
// (common random numbers). Points that can share their warm-up
// ([File.SharedWarmup]) run in batches of opt.Batch: each replication is
// simulated once up to the first reorganisation and every point of the
// batch continues from a copy of that state, with records bit for bit
// those of points run from the start; other points run one at a time. Each point's records are
// written whole, atomically, to its folder under opt.Dir as soon as the
// point finishes; a point whose records are there already (for this
// shard, or complete in any sharding) is not run again, so a sweep that
// was interrupted resumes where it stopped when run again into the same
// folder. Records found that belong to another sweep (another design,
// overrides, seed, size or salesim version) are an error.
//
// If ctx is cancelled, RunSweep returns what it did with ctx's error:
// the points finished are kept, the batch running is dropped.
func RunSweep(ctx context.Context, f *File, opt SweepOptions) (*SweepRun, error) {
	pts, err := f.Points()
	if err != nil {
		return nil, err
	}
	shards := max(opt.Shards, 1)
	if opt.Shard < 0 || opt.Shard >= shards {
		return nil, fmt.Errorf("study: shard %d of %d", opt.Shard, shards)
	}
	run := &SweepRun{Points: pts}
	at, why := f.SharedWarmup()
	switch {
	case opt.NoShare:
		at, run.Note = 0, "the warm-up is not shared (asked)"
	case at == 0:
		run.Note = "the warm-up is not shared: " + why
	}
	run.SharedUntil = at
	batch := max(opt.Batch, 1)
	if at == 0 {
		batch = 1
	}
	// Pending points, in batches of one base design that run together.
	var todo []int
	var designs []*experiment.Design
	flush := func() error {
		if len(todo) == 0 {
			return nil
		}
		until := 0.0
		if at > 0 {
			until = firstReorg(designs)
		}
		out, err := experiment.Run(ctx, designs, experiment.Options{
			Seed: f.Seed, Replications: f.Replications, Shard: opt.Shard, Shards: shards,
			Workers: opt.Workers, Progress: opt.Replication, SharedUntil: until,
		})
		if err != nil {
			return err
		}
		for j, i := range todo {
			dir := PointDir(opt.Dir, i)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			sh := out.Shard(j)
			if err := writeAtomic(filepath.Join(dir, results.ShardName(opt.Shard, shards)), func(w io.Writer) error { return results.WriteShard(w, sh) }); err != nil {
				return err
			}
			run.Ran++
			if opt.Progress != nil {
				opt.Progress(run.Ran+run.Kept, len(pts))
			}
		}
		todo, designs = todo[:0], designs[:0]
		return nil
	}
	for i, p := range pts {
		d, err := f.Design(p)
		if err != nil {
			return run, err
		}
		done, err := pointDone(PointDir(opt.Dir, i), d, f, opt.Shard, shards)
		if err != nil {
			return run, err
		}
		if done {
			run.Kept++
			if opt.Progress != nil {
				opt.Progress(run.Ran+run.Kept, len(pts))
			}
			continue
		}
		if len(todo) > 0 && (len(todo) == batch || pts[todo[0]].Design != p.Design) {
			if err := flush(); err != nil {
				return run, err
			}
		}
		todo, designs = append(todo, i), append(designs, d)
	}
	return run, flush()
}

// SharedWarmup returns the time up to which every point of the plan on a
// base design is the same replication: the time of the base designs'
// first reorganisation, if every factor is the headcount of a role after
// a reorganisation (reorg[i].headcount.<role>); 0 and why otherwise.
// Sweeps then simulate each replication up to the first reorganisation
// of the points run together, as they are run (overrides added to Set
// after Load included), once for a batch of points and continue each
// point from a copy of the state.
func (f *File) SharedWarmup() (at float64, why string) {
	if len(f.Factors) == 0 {
		return 0, "no factors"
	}
	for _, fc := range f.Factors {
		if !reorgHeadcountKey.MatchString(fc.Key) {
			return 0, fmt.Sprintf("factor %s may change the department before its reorganisation (only reorg[i].headcount.<role> factors share it)", fc.Key)
		}
	}
	at = math.Inf(1)
	for _, b := range f.bases {
		for _, ro := range b.Config.Reorgs {
			at = math.Min(at, ro.At)
		}
	}
	if at <= 0 || math.IsInf(at, 1) {
		return 0, "the first reorganisation is at the start"
	}
	return at, ""
}

// firstReorg returns the time of the first reorganisation of any of
// the designs, as they are run (with every override), 0 if that is the
// start or there is none: the points of a batch share their warm-up up
// to it.
func firstReorg(ds []*experiment.Design) float64 {
	at := math.Inf(1)
	for _, d := range ds {
		for _, ro := range d.Plan.Config().Reorgs {
			at = math.Min(at, ro.At)
		}
	}
	if math.IsInf(at, 1) {
		return 0
	}
	return at
}

// reorgHeadcountKey matches the keys of the headcount of a role after a
// reorganisation.
var reorgHeadcountKey = regexp.MustCompile(`^reorg\[\d+\]\.headcount\.("[^"]*"|[A-Za-z0-9_-]+)$`)

// pointDone reports whether the point's folder holds its records for
// shard of shards, or a complete set of shards; records of another run
// are an error.
func pointDone(dir string, d *experiment.Design, f *File, shard, shards int) (bool, error) {
	shs, err := readShards(dir)
	if err != nil || len(shs) == 0 {
		return false, err
	}
	for _, sh := range shs {
		if err := matches(sh, d, f); err != nil {
			return false, err
		}
	}
	if complete(shs) {
		return true, nil
	}
	for _, sh := range shs {
		if sh.Header.Shards == shards && sh.Header.Shard == shard {
			return true, nil
		}
	}
	return false, nil
}

// complete reports whether shs hold every shard of one sharding.
func complete(shs []*results.Shard) bool {
	by := map[int]map[int]bool{}
	for _, sh := range shs {
		h := sh.Header
		if by[h.Shards] == nil {
			by[h.Shards] = map[int]bool{}
		}
		by[h.Shards][h.Shard] = true
	}
	for n, got := range by {
		if len(got) == n {
			return true
		}
	}
	return false
}

// matches checks that a shard found in a point's folder is of the point's
// design, seed and size, and of this salesim.
func matches(sh *results.Shard, d *experiment.Design, f *File) error {
	h, sc := sh.Header, d.Scenario
	var diff string
	switch {
	case h.SHA256 != sc.SHA256 || h.Variant != sc.Variant:
		diff = "another design"
	case !slices.Equal(h.Set, sc.Set):
		diff = fmt.Sprintf("other overrides (%q, this sweep's point is %q)", h.Set, sc.Set)
	case h.Seed != f.Seed:
		diff = fmt.Sprintf("seed %d, not %d", h.Seed, f.Seed)
	case h.Replications != f.Replications:
		diff = fmt.Sprintf("%d replications, not %d", h.Replications, f.Replications)
	case h.Version != experiment.Version():
		diff = fmt.Sprintf("salesim %s, not %s", h.Version, experiment.Version())
	case h.Arch != results.Arch():
		diff = fmt.Sprintf("architecture %s, not %s", h.Arch, results.Arch())
	case h.Partial:
		diff = "an interrupted run"
	default:
		return nil
	}
	return fmt.Errorf("%s holds the records of %s: this folder belongs to another sweep; give another -out, or remove it", sh.File, diff)
}

// readShards reads the shard files of a point's folder.
func readShards(dir string) ([]*results.Shard, error) {
	es, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var shs []*results.Shard
	for _, e := range es {
		if !strings.HasPrefix(e.Name(), "shard-") || !strings.HasSuffix(e.Name(), ".csv") {
			continue
		}
		sh, err := results.ReadShardFS(os.DirFS(dir), e.Name())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, e.Name()), err)
		}
		sh.File = filepath.Join(dir, e.Name())
		shs = append(shs, sh)
	}
	return shs, nil
}

// writeAtomic writes a file through a temporary file in its folder,
// renamed into place once written and synced: a reader sees the whole
// file or none.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// A Swept sweep is every point of a plan with all its records, read back
// from a sweep's folder.
type Swept struct {
	File    *File
	Points  []Point
	Designs []*experiment.Design
	// Records holds each point's records, replications 0..N-1 in order.
	Records [][]results.Record
}

// ReadSweep reads every point's records from a sweep's folder, merging
// the shards of each ([results.Merge]): the records of a sweep run on one
// machine and of one run in shards and merged are the same. A point
// without all its records is an error that says which shards to run.
func ReadSweep(f *File, dir string) (*Swept, error) {
	pts, err := f.Points()
	if err != nil {
		return nil, err
	}
	s := &Swept{File: f, Points: pts}
	for i, p := range pts {
		d, err := f.Design(p)
		if err != nil {
			return nil, err
		}
		pd := PointDir(dir, i)
		shs, err := readShards(pd)
		if err != nil {
			return nil, err
		}
		if len(shs) == 0 {
			return nil, fmt.Errorf("point %d (%s) has not run: no records in %s", i, d.Name, pd)
		}
		for _, sh := range shs {
			if err := matches(sh, d, f); err != nil {
				return nil, err
			}
		}
		// Of several shardings, take a complete one, of the fewest shards.
		var use []*results.Shard
		for _, c := range shardings(shs) {
			if complete(c) {
				use = c
				break
			}
		}
		if use == nil {
			use = shardings(shs)[0]
		}
		m, err := results.Merge(use)
		if err != nil {
			return nil, fmt.Errorf("point %d (%s): %w", i, d.Name, err)
		}
		s.Designs = append(s.Designs, d)
		s.Records = append(s.Records, m.Records)
	}
	return s, nil
}

// shardings groups shards by their number of shards, fewest first.
func shardings(shs []*results.Shard) [][]*results.Shard {
	by := map[int][]*results.Shard{}
	var ns []int
	for _, sh := range shs {
		n := sh.Header.Shards
		if by[n] == nil {
			ns = append(ns, n)
		}
		by[n] = append(by[n], sh)
	}
	sort.Ints(ns)
	out := make([][]*results.Shard, len(ns))
	for i, n := range ns {
		out[i] = by[n]
	}
	return out
}
