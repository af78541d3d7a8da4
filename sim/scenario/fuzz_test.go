package scenario

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/salesim/salesim/scenarios"
)

// FuzzLoad checks that no input makes the loader panic, and that every
// problem has a message and, when positioned by line, a line that exists
// in the input. The seed corpus is every shipped scenario file.
func FuzzLoad(f *testing.F) {
	err := fs.WalkDir(scenarios.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		b, err := fs.ReadFile(scenarios.FS, p)
		if err != nil {
			return err
		}
		f.Add(b, "")
		f.Add(b, "roles.hunter.headcount=5")
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(base), "stages[1].convert=5%")
	f.Add([]byte(base+"[variants.x.roles.hunter]\nheadcount = 3\n"), "run.seed=3")
	f.Add([]byte(""), "")
	f.Fuzz(func(t *testing.T, data []byte, set string) {
		var opt Options
		if set != "" {
			opt.Set = []string{set}
		}
		s, err := Parse(bytes.NewReader(data), "f.toml", opt)
		if err == nil && s == nil {
			t.Fatal("nil scenario and nil error")
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		var all []error
		all = append(all, Problems(err)...)
		if s != nil {
			all = append(all, s.Warnings...)
		}
		for _, e := range all {
			if e == nil || e.Error() == "" {
				t.Fatalf("empty problem in %v", err)
			}
			var fe *FieldError
			if !errors.As(e, &fe) {
				t.Fatalf("problem %q is not a *FieldError", e)
			}
			if fe.Msg == "" {
				t.Fatalf("problem %q has no message", e)
			}
			switch {
			case fe.Via != "":
				if !strings.HasPrefix(fe.Via, "f.toml:") {
					t.Fatalf("problem %q: the include chain does not start in f.toml", e)
				}
			case fe.File == "f.toml":
				if fe.Line < 0 || fe.Line > lines {
					t.Fatalf("problem %q: line %d not in the input's %d lines", e, fe.Line, lines)
				}
			case strings.HasPrefix(fe.File, "-set "):
				if fe.Line != 0 {
					t.Fatalf("problem %q: a -set override has no line", e)
				}
			default:
				t.Fatalf("problem %q names file %q", e, fe.File)
			}
		}
	})
}
