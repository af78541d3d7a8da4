package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/salesim/salesim/sim/org"
)

// Options adjust how a scenario is loaded.
type Options struct {
	// Variant selects one of the file's [variants.NAME] ("FILE#NAME" on
	// salesim's command line); "" is the base design.
	Variant string
	// Set lists overrides "key=value" applied, in order, after includes and
	// the variant: "roles.hunter.headcount=5", "run.seed=3",
	// "market.size=lognormal(mean=50k, top20=0.7)". The value is read as a
	// TOML value if it is one, else as a string.
	Set []string
}

// Scenario is a loaded and checked design.
type Scenario struct {
	// Name is the design's name: the file's name key, or the file name
	// without .toml. Config.Name is Name, followed by "#" and the variant
	// if one was selected.
	Name    string
	Variant string
	Config  org.Config
	// Document is the merged document as decoded, defaults applied.
	Document *Document
	// Variants lists the names of the variants the file defines.
	Variants []string
	// Set holds the overrides applied.
	Set []string
	// Sources are the files read: the named file first, then its includes,
	// depth first in the order written.
	Sources []Source
	// SHA256 is the hex SHA-256 of the bytes of all Sources, concatenated in
	// order (for a single file, that of the file).
	SHA256 string
	// Warnings are problems that do not stop a run, such as an activity
	// nobody does.
	Warnings []error

	tree *node // the design as written, overrides applied, for Settings
}

// Source is one file read for a scenario.
type Source struct {
	Name   string // as in messages: the path given, or builtin:NAME.toml
	Text   []byte // the exact bytes read
	SHA256 string // hex SHA-256 of Text
}

// Load reads the scenario file at path in fsys, with its includes, which
// are resolved relative to the including file inside fsys. Errors name
// files by their path in fsys. A non-nil error holds every problem found
// (see [Problems]); each is a [*FieldError].
//
// Only regular files are read, each of at most [MaxFileSize] bytes and
// all together at most [MaxTotalSize]. The type of a file is checked
// before it is opened, with [fs.Stat]; on a file system that does not
// implement [fs.StatFS], Stat opens the file, so such a file system must
// not block on Open (embed.FS and fstest.MapFS do not). An absolute include
// path is looked up from the root of fsys (for [LoadArg], the root of the
// file system) and keeps its absolute name in messages.
func Load(fsys fs.FS, path string, opt Options) (*Scenario, error) {
	return LoadAs(fsys, path, path, opt)
}

// LoadAs is [Load] with the file called name, rather than by its path in
// fsys, in messages and in [Scenario.Sources]: a command line loads
// "../plans/a.toml" from a file system rooted elsewhere and reports it as
// the user wrote it. Includes are named relative to name as they are read
// relative to path.
func LoadAs(fsys fs.FS, path, name string, opt Options) (*Scenario, error) {
	l := &loader{read: func(p string, limit int64) ([]byte, error) { return readFile(fsys, p, limit) }}
	return l.scenario(path, name, opt)
}

// Parse reads a single scenario file from r; name is used in messages and
// as the default design name. At most [MaxFileSize] bytes are read from
// r. A file that includes others is an error: use [Load] for those.
func Parse(r io.Reader, name string, opt Options) (*Scenario, error) {
	b, err := readLimited(r, MaxFileSize)
	if err != nil {
		return nil, &FieldError{File: name, Msg: err.Error(), Err: err}
	}
	l := &loader{read: func(p string, limit int64) ([]byte, error) {
		if p == name {
			if int64(len(b)) > limit {
				return nil, tooBig(sizeText(int64(len(b))), limit)
			}
			return b, nil
		}
		return nil, errors.New("includes are not supported when reading a single stream: load the file from a file system")
	}}
	return l.scenario(name, name, opt)
}

// A loader reads files and merges their trees.
type loader struct {
	// read returns the bytes of a file, refusing more than limit bytes.
	read func(fspath string, limit int64) ([]byte, error)
	// anyPath lets includes name any path, not only the valid paths of
	// an fs.FS: read looks them up among recorded sources.
	anyPath bool
	sources []Source
	total   int64 // bytes read
	tooMany bool  // MaxFiles was reached
	errs    errorList
}

// includer is a file that includes others.
type includer struct{ fspath, display string }

// file reads, parses and builds the tree of one file, with its includes
// merged under it. stack holds the files including it, for cycles; at is
// the include that names it, and via the chain of includes that led to
// it, which its problems are reported after.
func (l *loader) file(fspath, display string, stack []includer, at pos, via string) *node {
	for i, in := range stack {
		if in.fspath == fspath {
			var names []string
			for _, x := range stack[i:] {
				names = append(names, x.display)
			}
			l.errs.add(at, "include", "", nil, "include cycle: %s -> %s (a file may not include itself, directly or through others)", strings.Join(names, " -> "), display)
			return nil
		}
	}
	self := pos{file: display, via: via}
	if len(l.sources) >= MaxFiles {
		if !l.tooMany {
			l.errs.add(self, "", "", ErrLimit, "more than %d files read for one scenario: at most %d may be read (a file included twice counts twice)", MaxFiles, MaxFiles)
		}
		l.tooMany = true
		return nil
	}
	b, err := l.read(fspath, min(MaxFileSize, MaxTotalSize-l.total))
	if err != nil {
		l.errs.add(self, "", "", err, "%v", unwrapPath(err))
		return nil
	}
	l.total += int64(len(b))
	sum := sha256.Sum256(b)
	l.sources = append(l.sources, Source{Name: display, Text: b, SHA256: hex.EncodeToString(sum[:])})
	src := string(b)
	if line, msg := checkShape(src); msg != "" {
		p := self
		p.line = line
		l.errs.add(p, "", "", ErrLimit, "%s; refused before parsing", msg)
		return nil
	}
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// The line of the offending byte: toml's own line count is
			// one ahead when it stops at the newline ending a header.
			line := pe.Position.Line
			if st := pe.Position.Start; st >= 0 && st <= len(src) {
				line = strings.Count(src[:st], "\n") + 1
			}
			line = min(max(line, 1), strings.Count(src, "\n")+1)
			msg := strings.TrimSuffix(pe.Message, ".")
			if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
				msg += fmt.Sprintf(" (after key %s)", pe.LastKey)
			}
			p := self
			p.line = line
			l.errs.add(p, "", "", pe, "%s", lowerFirst(msg))
		} else {
			l.errs.add(self, "", "", err, "%v", err)
		}
		return nil
	}
	tree := build(m, "", self, locate(src))
	inc := tree.get("include")
	tree.del("include")
	if inc == nil {
		return tree
	}
	var list []*node
	switch {
	case inc.kind == scalarNode:
		list = []*node{inc}
	case inc.kind == arrayNode:
		list = inc.elems
	}
	var merged *node
	for i, e := range list {
		s, ok := e.val.(string)
		if e.kind != scalarNode || !ok || s == "" {
			l.errs.add(e.pos, indexKey("include", i), e.describe(), nil, "want a file name, got %s %s", e.kindName(), e.describe())
			continue
		}
		p, shown := path.Join(path.Dir(fspath), s), path.Join(path.Dir(display), s)
		if path.IsAbs(s) {
			// An absolute path stays absolute: it is looked up from the
			// root of the file system the scenario is loaded from.
			shown = path.Clean(s)
			p = strings.TrimLeft(shown, "/")
			if l.anyPath {
				p = shown // recorded sources keep their absolute names
			}
		}
		if !l.anyPath && !fs.ValidPath(p) {
			l.errs.add(e.pos, indexKey("include", i), e.describe(), nil, "%q leaves the directory tree the scenario is loaded from", s)
			continue
		}
		chain := fmt.Sprintf("%s:%d: include %q", e.pos.file, e.pos.line, s)
		if e.pos.via != "" {
			chain = e.pos.via + ": " + chain
		}
		t := l.file(p, shown, append(stack, includer{fspath, display}), e.pos, chain)
		if t != nil {
			merged = merge(merged, t)
		}
	}
	if inc.kind == tableNode {
		l.errs.add(inc.pos, "include", "", nil, "want a file name or an array of file names, got a table")
	}
	return merge(merged, tree)
}

// unwrapPath drops the operation and path of an *fs.PathError, which the
// message already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' || len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// scenario loads the design at fspath.
func (l *loader) scenario(fspath, display string, opt Options) (*Scenario, error) {
	tree := l.file(fspath, display, nil, pos{}, "")
	if len(l.errs) > 0 {
		return nil, l.errs.join()
	}
	top := pos{file: display}
	if len(tree.keys) == 0 {
		return nil, &FieldError{File: display, Msg: "empty scenario: no roles"}
	}
	errs := l.errs
	base := copyTable(tree)
	base.del("variants")
	base.pos = top
	for _, k := range []string{setKey, unsetKey} {
		if n := base.get(k); n != nil {
			errs.add(n.pos, k, n.describe(), nil, "%s belongs in a variant ([variants.NAME] %s = [...]); in the design itself, write or leave out the value at its key", k, k)
			base.del(k)
		}
	}

	// Variants: check each that is not selected on its own, as a partial
	// document; the selected one is checked merged.
	variants := tree.get("variants")
	var names []string
	vd := newDecoder()
	vd.partial = true
	if variants != nil && variants.kind != tableNode {
		vd.fail(variants, "variants", "want a table of variants, got %s %s", variants.kindName(), variants.describe())
		variants = nil
	}
	if variants != nil {
		names = variants.keys
		for _, k := range variants.keys {
			v := variants.m[k]
			key := joinKey("variants", k)
			if v.kind == tableNode {
				for _, bad := range []string{"include", "variants"} {
					if b := v.get(bad); b != nil {
						vd.fail(b, joinKey(key, bad), "not allowed in a variant")
					}
				}
			}
			sets, v := variantSets(v, key, &vd.errs)
			if k == opt.Variant {
				continue
			}
			var doc Document
			vd.decodeValue(v, reflect.ValueOf(&doc).Elem(), key, &field{partial: true})
			check := merge(base, v)
			for _, st := range sets {
				if e := st.apply(check); e != nil {
					vd.errs = append(vd.errs, st.fail(e))
				}
			}
		}
	}
	errs = append(errs, vd.errs...)
	design := base
	if opt.Variant != "" {
		v := variants.get(opt.Variant)
		if v == nil {
			msg := fmt.Sprintf("no variant %q", opt.Variant)
			if len(names) == 0 {
				msg += ": the file defines no variants"
			} else {
				msg += suggest(opt.Variant, names) + "; variants: " + strings.Join(names, ", ")
			}
			return nil, &FieldError{File: display, Msg: msg}
		}
		var sets []variantSet
		if v.kind == tableNode {
			v = copyTable(v)
			v.del("include")
			v.del("variants")
			var ignored errorList // reported above
			sets, v = variantSets(v, joinKey("variants", opt.Variant), &ignored)
		}
		design = copyTable(merge(base, v))
		for _, st := range sets {
			if e := st.apply(design); e != nil {
				errs = append(errs, st.fail(e))
			}
		}
	}
	design = copyTable(design)
	for _, s := range opt.Set {
		if e := applySet(design, s); e != nil {
			errs = append(errs, e)
		}
	}

	d := newDecoder()
	d.where[""] = top
	var doc Document
	d.decodeStruct(design, reflect.ValueOf(&doc).Elem(), "")
	errs = append(errs, d.errs...)
	errs = append(errs, checkSetScope(&doc, opt.Set)...)

	name := doc.Name
	if name == "" {
		name = strings.TrimSuffix(path.Base(fspath), ".toml")
	}
	cfgName := name
	if opt.Variant != "" {
		cfgName += "#" + opt.Variant
	}
	cfg, cerrs, warns := convert(&doc, d.where, d.bare, cfgName, d.hasFailed, len(errs) > 0)
	for _, e := range cerrs {
		if !d.hasFailed(e.Key) {
			errs = append(errs, e)
		}
	}
	if err := errs.join(); err != nil {
		return nil, err
	}
	h := sha256.New()
	for _, s := range l.sources {
		h.Write(s.Text)
	}
	sc := &Scenario{
		Name:     name,
		Variant:  opt.Variant,
		Config:   cfg,
		Document: &doc,
		Variants: names,
		Set:      opt.Set,
		Sources:  l.sources,
		SHA256:   hex.EncodeToString(h.Sum(nil)),
		tree:     design,
	}
	for _, w := range warns {
		sc.Warnings = append(sc.Warnings, w)
	}
	return sc, nil
}

// hasFailed reports whether key, or a key it is part of, failed to decode:
// problems found later on such a key would only repeat the first.
func (d *decoder) hasFailed(key string) bool {
	for k := key; ; k = parentKey(k) {
		if d.failed[k] {
			return true
		}
		if k == "" {
			return false
		}
	}
}
