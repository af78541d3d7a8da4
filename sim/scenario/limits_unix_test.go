//go:build unix

package scenario

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestIncludeFIFO: a named pipe, as a scenario or as an include, is
// refused at once; opening it would block until a writer came.
func TestIncludeFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "f.toml"), 0o644); err != nil {
		t.Skip(err)
	}
	os.WriteFile(filepath.Join(dir, "main.toml"), []byte("include = \"f.toml\"\n"+base), 0o644)
	fsys := os.DirFS(dir)
	err := within(t, 10*time.Second, func() error { _, err := Load(fsys, "main.toml", Options{}); return err })
	wantProblem(t, err, `main.toml:1: include "f.toml": f.toml: not a regular file (a named pipe (FIFO)): a scenario file must be a regular file`)
	err = within(t, 10*time.Second, func() error { _, err := Load(fsys, "f.toml", Options{}); return err })
	wantProblem(t, err, `f.toml: not a regular file (a named pipe (FIFO))`)
}
