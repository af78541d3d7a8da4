package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/results"
)

type mergeFlags struct {
	out string
	outFlags
}

func init() {
	register(&command{
		Name:      "merge",
		UsageLine: "DIR [flags]",
		Args:      argDir,
		Short:     "merge the shard files of a run split over a cluster",
		Long: `
Merge reads the shard files DIR/shard-*-of-*.csv written by 'salesim run
-shard i/n', checks that they belong to one run (same scenario text, seed,
replication count, shard count and salesim version), that no replication
is there twice and none is missing, and writes the same result files as a
single-machine run: summary.csv, replications.parquet and
replications.csv (see -records), timeseries.csv, summary.json, the
results per person (people-summary.csv, people.parquet, people.csv),
manifest.json and the plots. The result is byte-identical to running all
replications on one machine. With -json it prints summary.json.

If a shard is missing, incomplete or partial, merge names the shard
indices to run again (for example with sbatch --array=3,7) and exits
with status 1, writing nothing.`,
		Flags: func(fs *flag.FlagSet) any {
			f := &mergeFlags{}
			fs.StringVar(&f.out, "out", "", "output `folder` (default: DIR)")
			f.outFlags.register(fs, "summary.json", false)
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			f := flags.(*mergeFlags)
			if len(args) != 1 {
				return usagef("merge takes one folder of shard files")
			}
			return mergeCmd(env, f, args[0])
		},
	})
}

// readShards reads every shard file in dir.
func readShards(dir string) ([]*results.Shard, error) {
	names, err := filepath.Glob(filepath.Join(dir, "shard-*-of-*.csv"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: no shard files (shard-NNNNN-of-NNNNN.csv)", dir)
	}
	sort.Strings(names)
	var shards []*results.Shard
	files := map[[2]int]string{} // (index, count) -> file name
	for _, n := range names {
		sh, err := results.ReadShardFS(os.DirFS(filepath.Dir(n)), filepath.Base(n))
		if err != nil {
			return nil, err
		}
		id := [2]int{sh.Header.Shard, sh.Header.Shards}
		if prev, dup := files[id]; dup {
			return nil, fmt.Errorf("%s and %s are both shard %d of %d: remove one", prev, n, id[0], id[1])
		}
		files[id] = n
		shards = append(shards, sh)
	}
	return shards, nil
}

func mergeCmd(env *cmdEnv, f *mergeFlags, dir string) error {
	shards, err := readShards(dir)
	if err != nil {
		return err
	}
	// Partial shards are refused, naming the shards to run again.
	m, err := experiment.Merge(shards, experiment.MergeOptions{})
	if err != nil {
		return err
	}
	out := f.out
	if out == "" {
		out = dir
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	// The manifest goes last: an older one is removed first, so that a
	// merge stopped half way never leaves it over new files (report
	// refuses a folder without one).
	cleanStale(out)
	// The files an older run's manifest lists go too: a merge without
	// plots or page into another run's folder must not leave that run's
	// figures and report.html beside the merged data.
	removeListed(out, statusQuoFile) // status-quo.csv is not listed
	removeListed(filepath.Join(out, statusQuoDir))
	for _, old := range []string{filepath.Join(out, "manifest.json"), filepath.Join(out, statusQuoDir, "manifest.json")} {
		if err := os.Remove(old); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	man := experiment.Manifest{Command: append([]string{"salesim", "merge"}, os.Args[min(2, len(os.Args)):]...)}
	opts := f.options()
	if opts.statusQuo, err = mergeStatusQuo(dir); err != nil {
		return err
	}
	held, flush := heldStdout(env)
	err = writeRun(held, out, m, &man, opts)
	flush()
	return err
}

// removeListed removes from dir the files its manifest.json lists (but
// the manifest) and the extra ones; a folder without a readable manifest
// is left alone. Only plain names are removed: a manifest does not reach
// outside dir.
func removeListed(dir string, extra ...string) {
	man, err := readManifest(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return
	}
	for _, name := range append(man.Files, extra...) {
		if name != "manifest.json" && filepath.Base(name) == name && name != "." && name != ".." {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
