package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// An outDir is a result folder written as one unit: everything goes to a
// hidden temporary folder beside it, which is renamed into place whole
// once the last file is written. A run killed on the way leaves no folder
// under the final name (only the temporary one, which the next run into
// the same parent removes), so report and merge never see half a run,
// nor a run mixed with an older one.
type outDir struct {
	final string // where the results go
	tmp   string // where they are written until commit
	force bool   // final held files: replace them at commit
	made  bool   // final was made by this run (and is removed if it fails)
	done  bool   // committed
}

// tempMark is in the names of temporary folders and files, followed by
// the host and the process id of their writer (see staleTemp).
const tempMark = ".tmp-"

// prepareOut makes the folder a run writes, before the run starts, so
// that a destination it cannot write fails at once. With out == "",
// def(n) names the default folder (n = 1, 2, ...: the first that does not
// exist yet is reserved, so runs started in the same second get folders
// of their own). An explicit out must be new or empty unless force.
func prepareOut(out string, def func(n int) string, force bool) (*outDir, error) {
	o := &outDir{force: force}
	if out == "" {
		for n := 1; ; n++ {
			dir := def(n)
			if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
				return nil, err
			}
			err := os.Mkdir(dir, 0o755)
			if err == nil {
				o.final, o.made = dir, true
				break
			}
			if !errors.Is(err, fs.ErrExist) || n >= 1000 {
				return nil, err
			}
		}
	} else {
		o.final = filepath.Clean(out)
		// The folder is renamed into place whole: it cannot be the
		// working directory, nor hold it, nor be the root.
		if wd, err := os.Getwd(); err == nil {
			abs := absPath(o.final)
			if filepath.Dir(abs) == abs || strings.HasPrefix(wd+string(filepath.Separator), abs+string(filepath.Separator)) {
				return nil, usagef("-out %s: the working directory (or a folder holding it) cannot take a run's results, which are renamed into place whole: give a new folder, such as -out results/run1", out)
			}
		}
		switch fi, err := os.Stat(o.final); {
		case err == nil && !fi.IsDir():
			return nil, usagef("-out %s: not a folder", out)
		case err == nil:
			names, err := dirNames(o.final)
			if err != nil {
				return nil, fmt.Errorf("-out %s: %w", out, err)
			}
			if len(names) > 0 && !force {
				return nil, usagef("-out %s: the folder is not empty (it holds %s): give a new or empty folder, or -force to replace its content with this run's", out, listNames(names, 3))
			}
		case errors.Is(err, fs.ErrNotExist):
			if err := os.MkdirAll(o.final, 0o755); err != nil {
				return nil, fmt.Errorf("-out %s: %w", out, err)
			}
			o.made = true
		default:
			return nil, fmt.Errorf("-out %s: %w", out, err)
		}
	}
	parent := filepath.Dir(o.final)
	cleanStale(parent)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(o.final)+tempMark+tempOwner()+"-")
	if err != nil {
		return nil, fmt.Errorf("-out %s: cannot write beside it: %w", o.final, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	o.tmp = tmp
	return o, nil
}

// commit renames the temporary folder into place. If another run has
// filled the final folder meanwhile, the results stay in the temporary
// folder, made visible under a name of its own, and the error says where.
func (o *outDir) commit() (err error) {
	defer func() { o.done = true }()
	err = os.Rename(o.tmp, o.final)
	if err == nil {
		return nil
	}
	// The final folder is not empty (or, on some systems, exists at all).
	names, lerr := dirNames(o.final)
	switch {
	case lerr == nil && len(names) == 0:
		if err = os.Remove(o.final); err == nil {
			err = os.Rename(o.tmp, o.final)
		}
	case lerr == nil && o.force:
		old, terr := os.MkdirTemp(filepath.Dir(o.final), "."+filepath.Base(o.final)+".old"+tempMark+tempOwner()+"-")
		if terr != nil {
			return terr
		}
		os.Remove(old)
		if err = os.Rename(o.final, old); err == nil {
			if err = os.Rename(o.tmp, o.final); err == nil {
				os.RemoveAll(old)
			}
		}
	}
	if err == nil {
		return nil
	}
	for n := 2; n < 1000; n++ {
		alt := o.final + "-" + strconv.Itoa(n)
		if _, serr := os.Lstat(alt); serr == nil {
			continue
		}
		if os.Rename(o.tmp, alt) == nil {
			return fmt.Errorf("%s was written by another run meanwhile (%v); this run's results are in %s", o.final, err, alt)
		}
	}
	return fmt.Errorf("%s was written by another run meanwhile (%v); this run's results are in %s", o.final, err, o.tmp)
}

// abandon removes the temporary folder, and the final folder if this run
// made it and it is still empty: a run that failed leaves nothing. After
// a commit it does nothing.
func (o *outDir) abandon() {
	if o == nil || o.done {
		return
	}
	os.RemoveAll(o.tmp)
	if o.made {
		os.Remove(o.final) // only if empty
	}
}

// dirNames lists a folder's entries.
func dirNames(dir string) ([]string, error) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.Name()
	}
	return names, nil
}

// listNames names the first n of names and how many more there are.
func listNames(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}

// tempOwner names the writer of a temporary file or folder: host and
// process id, so that cleanStale removes only those of processes of this
// host that are gone (a folder on a shared file system is written by the
// tasks of many hosts).
func tempOwner() string {
	host, _ := os.Hostname()
	host = strings.Map(func(r rune) rune {
		if r == '-' || r == '/' || r == '.' || r == os.PathSeparator {
			return '_'
		}
		return r
	}, host)
	return host + "-" + strconv.Itoa(os.Getpid())
}

// cleanStale removes the temporary files and folders in dir that a
// process of this host that no longer runs left (a run killed with
// SIGKILL, or by a power cut).
func cleanStale(dir string) {
	names, err := dirNames(dir)
	if err != nil {
		return
	}
	host, _, _ := strings.Cut(tempOwner(), "-")
	for _, n := range names {
		if !strings.HasPrefix(n, ".") {
			continue
		}
		_, owner, ok := strings.Cut(n, tempMark)
		if !ok {
			continue
		}
		parts := strings.SplitN(owner, "-", 3)
		if len(parts) < 3 || parts[0] != host {
			continue
		}
		pid, err := strconv.Atoi(parts[1])
		if err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(dir, n))
	}
}

// absPath is path made absolute, or path itself if that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
