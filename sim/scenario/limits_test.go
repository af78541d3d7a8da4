package scenario

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// within runs f and fails the test if it takes longer than d: the loader
// must refuse bad input, never block on it.
func within(t *testing.T, d time.Duration, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
		return nil
	}
}

// wantProblem checks that err is one problem whose text has every part.
func wantProblem(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one with %q", parts)
	}
	ps := Problems(err)
	if len(ps) != 1 {
		t.Errorf("%d problems, want 1: %.400v", len(ps), err)
	}
	for _, p := range parts {
		if msg := err.Error(); !strings.Contains(msg, p) {
			if len(msg) > 400 {
				msg = msg[:200] + "…" + msg[len(msg)-200:]
			}
			t.Errorf("error %q does not say %q", msg, p)
		}
	}
}

// TestIncludeNotRegular: an include that is a device behind a symbolic
// link, a directory or (see TestIncludeFIFO) a named pipe is refused
// before it is read, naming the include and what is allowed.
func TestIncludeNotRegular(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.toml")); err != nil {
		t.Skip(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "dir.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	for _, tc := range []struct{ inc, kind string }{
		{"zero.toml", "a character device"},
		{"dir.toml", "a directory"},
	} {
		os.WriteFile(filepath.Join(dir, "main.toml"), []byte("include = [\""+tc.inc+"\"]\n"+base), 0o644)
		err := within(t, 10*time.Second, func() error { _, err := Load(fsys, "main.toml", Options{}); return err })
		wantProblem(t, err, `main.toml:1: include "`+tc.inc+`": `+tc.inc+": not a regular file ("+tc.kind+"): a scenario file must be a regular file of at most 1 MiB")
		if !errors.Is(err, ErrLimit) {
			t.Errorf("%s: error does not wrap ErrLimit", tc.inc)
		}
		// Named directly, too.
		err = within(t, 10*time.Second, func() error { _, err := Load(fsys, tc.inc, Options{}); return err })
		wantProblem(t, err, tc.inc+": not a regular file ("+tc.kind+")")
	}
}

// endless is a reader that never ends, as /dev/zero.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	e.n += int64(len(p))
	clear(p)
	return len(p), nil
}

// TestSizeLimits: a file over MaxFileSize, files over MaxTotalSize
// together and an endless stream are refused after reading at most one
// byte past the limit.
func TestSizeLimits(t *testing.T) {
	r := &endless{}
	_, err := Parse(r, "zero.toml", Options{})
	wantProblem(t, err, "zero.toml: more than 1 MiB: a scenario file may hold at most 1 MiB")
	if r.n > MaxFileSize+64<<10 {
		t.Errorf("read %d bytes of an endless stream, want about %d", r.n, MaxFileSize)
	}

	big := "# " + strings.Repeat("x", MaxFileSize) + "\n"
	_, err = Load(fstest.MapFS{"big.toml": {Data: []byte(big)}}, "big.toml", Options{})
	wantProblem(t, err, "big.toml: 1048579 bytes: a scenario file may hold at most 1 MiB")

	// Five files of 900 KiB: the fifth passes 4 MiB.
	part := []byte("# " + strings.Repeat("x", 900<<10) + "\n")
	fsys := fstest.MapFS{}
	var incs []string
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		fsys[n+".toml"] = &fstest.MapFile{Data: part}
		incs = append(incs, `"`+n+`.toml"`)
	}
	fsys["main.toml"] = &fstest.MapFile{Data: []byte("include = [" + strings.Join(incs, ", ") + "]\n" + base)}
	_, err = Load(fsys, "main.toml", Options{})
	wantProblem(t, err, `main.toml:1: include "e.toml": e.toml: 921603 bytes: the files of a scenario may hold at most 4 MiB together`)
}

// TestTooManyFiles: includes that fan out (the same empty file included
// 300 times) stop at MaxFiles.
func TestTooManyFiles(t *testing.T) {
	incs := strings.Repeat(`"e.toml", `, 300)
	fsys := fstest.MapFS{
		"e.toml":    {Data: nil},
		"main.toml": {Data: []byte("include = [" + incs + "]\n" + base)},
	}
	_, err := Load(fsys, "main.toml", Options{})
	wantProblem(t, err, `main.toml:1: include "e.toml": e.toml: more than 256 files read for one scenario`)
}

// TestNestingLimits: deep nesting, whose cost grows with the square of
// the depth in the TOML parser and the tree, is refused before parsing,
// quickly, with the line and the limit.
func TestNestingLimits(t *testing.T) {
	n := 40000
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		// 82 KB of brackets, as in issue 14.
		{"arrays", "name = \"x\"\na = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
			[]string{"d.toml:2: arrays and inline tables nested 33 levels deep: at most 32 levels"}},
		{"inline tables", "\n\na = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n",
			[]string{"d.toml:3: ", "nested 33 levels deep"}},
		{"dotted key", strings.Repeat("a.", n) + "a = 1\n", []string{"d.toml:1: key nested 33 levels deep"}},
		{"table header", "[" + strings.Repeat("a.", n) + "a]\nb = 1\n", []string{"d.toml:1: key nested 33 levels deep"}},
		{"array of tables header", "[[" + strings.Repeat("a.", 31) + "a]]\nb = 1\n", []string{"d.toml:1: table header nested 33 levels deep"}},
		{"deep under a header", "[" + strings.Repeat("a.", 20) + "a]\nb = " + strings.Repeat("[", 12) + strings.Repeat("]", 12) + "\n",
			[]string{"d.toml:2: arrays and inline tables nested 33 levels deep"}},
		{"long key", "[\"" + strings.Repeat("k", 300) + "\"]\n\"" + strings.Repeat("v", 300) + "\" = 1\n",
			[]string{"d.toml:2: full key longer than 512 bytes"}},
		{"many values", "a = [" + strings.Repeat("1,", MaxValues) + "]\n", []string{"d.toml:1: more than 100000 values in one file"}},
		{"many tables", strings.Repeat("[[a]]\n", MaxValues+1), []string{"d.toml:100001: more than 100000 values"}},
	} {
		start := time.Now()
		err := within(t, 10*time.Second, func() error { _, err := Parse(strings.NewReader(tc.src), "d.toml", Options{}); return err })
		wantProblem(t, err, append(tc.want, "refused before parsing")...)
		if !errors.Is(err, ErrLimit) {
			t.Errorf("%s: error does not wrap ErrLimit", tc.name)
		}
		t.Logf("%s: %d bytes refused in %v", tc.name, len(tc.src), time.Since(start))
	}
	// Within the limits, nesting is fine.
	ok := base + "[variants.v.roles.hunter]\nspeed = { call = 2 }\n"
	if _, err := Parse(strings.NewReader(ok), "d.toml", Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestSetNestingLimit: a -set value is held to the same limits.
func TestSetNestingLimit(t *testing.T) {
	set := "roles.hunter.does=" + strings.Repeat("{a=", 40000) + "1" + strings.Repeat("}", 40000)
	err := within(t, 10*time.Second, func() error {
		_, err := Parse(strings.NewReader(base), "d.toml", Options{Set: []string{set}})
		return err
	})
	wantProblem(t, err, "-set roles.hunter.does={a={a={a=", "{a…: roles.hunter.does: value refused: key nested 33 levels deep")
	if n := len(err.Error()); n > 300 {
		t.Errorf("the message repeats the whole override: %d bytes", n)
	}
}

// TestAbsoluteInclude: an absolute include path is looked up from the
// root of the file system and named as written.
func TestAbsoluteInclude(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "common", "market.toml")
	os.MkdirAll(filepath.Dir(abs), 0o755)
	os.WriteFile(abs, []byte("[market]\nmargin_rate = \"300%\"\nsize = \"10k\"\n"), 0o644)
	main := filepath.Join(dir, "d", "t.toml")
	os.MkdirAll(filepath.Dir(main), 0o755)
	os.WriteFile(main, []byte("include = \""+filepath.ToSlash(abs)+"\"\n"+base), 0o644)
	// What LoadArg does with a file on disk: the root of the file system.
	_, err := Load(os.DirFS("/"), strings.TrimPrefix(filepath.ToSlash(main), "/"), Options{})
	wantProblem(t, err, `:1: include "`+abs+`": `+abs+`:2: market.margin_rate: 300% out of range`)
}

// TestIncludeChain: a problem two includes down names both.
func TestIncludeChain(t *testing.T) {
	fsys := fstest.MapFS{
		"d/main.toml":  {Data: []byte("include = [\"../x.toml\"]\n" + base)},
		"x.toml":       {Data: []byte("# market\n\ninclude = \"sub/y.toml\"\n")},
		"sub/y.toml":   {Data: []byte("[market]\nsize = \"10k\"\nmargin_rate = [1]\n")},
		"syntax.toml":  {Data: []byte("include = \"bad.toml\"\n" + base)},
		"bad.toml":     {Data: []byte("[market\n")},
		"missing.toml": {Data: []byte("include = [\"a.toml\", \"none.toml\"]\n" + base)},
		"a.toml":       {Data: []byte("")},
	}
	_, err := Load(fsys, "d/main.toml", Options{})
	wantProblem(t, err, `d/main.toml:1: include "../x.toml": x.toml:3: include "sub/y.toml": sub/y.toml:3: market.margin_rate: want a fraction`)
	_, err = Load(fsys, "syntax.toml", Options{})
	wantProblem(t, err, `syntax.toml:1: include "bad.toml": bad.toml:1: `)
	_, err = Load(fsys, "missing.toml", Options{})
	wantProblem(t, err, `missing.toml:1: include "none.toml": none.toml: file does not exist`)
}

// TestShapeScanFollowsTOML: the scan before parsing follows valid TOML to
// its end, whatever forms it uses, so that nothing escapes the limits.
func TestShapeScanFollowsTOML(t *testing.T) {
	src := base + `
s1 = """multi
line "" \""" still"""
s2 = '''lit
eral'''
s3 = 'lit'
"quoted key".'lit key' . bare = 1
d = 1979-05-27 07:32:00Z
a = [ # comment
  1, [2, 3], { x = 1, y.z = "}" },
]
t = { a = [ "]" ], b = { c = 1 } }
[[arr.of]]
x = 1.5e3
[ "q" . r ]
y = -inf
`
	sc := &shapeScan{s: src}
	sc.run()
	if sc.err != "" || sc.i != len(src) {
		t.Fatalf("scan stopped at %d of %d (%q): %s", sc.i, len(src), src[min(sc.i, len(src)):], sc.err)
	}
	var r io.Reader = strings.NewReader(src)
	if _, err := Parse(r, "s.toml", Options{}); err == nil || errors.Is(err, ErrLimit) {
		t.Fatalf("want the decoder's unknown keys, got %v", err)
	}
}
