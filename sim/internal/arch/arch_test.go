package arch

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Limits of the code's shape: no hand-written Go file over maxLines
// lines, no type with more than maxMethods methods (research/code-review.md
// found one type with 125; "about 30" is the bound).
const (
	maxLines   = 500
	maxMethods = 32
)

// sources returns the hand-written, non-test Go files under sim/ and cmd/.
func sources(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..", "..")
	var files []string
	for _, dir := range []string{"sim", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 50 {
		t.Fatalf("found only %d Go files: wrong root?", len(files))
	}
	return files
}

// TestFileLength: no hand-written Go file is over maxLines lines.
func TestFileLength(t *testing.T) {
	for _, f := range sources(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "Code generated") {
			continue
		}
		if n := strings.Count(string(b), "\n"); n > maxLines {
			t.Errorf("%s: %d lines, more than %d: split it by what its parts do", f, n, maxLines)
		}
	}
}

// TestMethodCount: no type has more than maxMethods methods.
func TestMethodCount(t *testing.T) {
	count := map[string]int{}
	fset := token.NewFileSet()
	for _, f := range sources(t) {
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || len(fd.Recv.List) == 0 {
				continue
			}
			typ := fd.Recv.List[0].Type
			if st, ok := typ.(*ast.StarExpr); ok {
				typ = st.X
			}
			if ix, ok := typ.(*ast.IndexExpr); ok {
				typ = ix.X
			}
			if ix, ok := typ.(*ast.IndexListExpr); ok {
				typ = ix.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				count[filepath.Dir(f)+"."+id.Name]++
			}
		}
	}
	var names []string
	for n := range count {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if count[n] > maxMethods {
			t.Errorf("type %s has %d methods, more than %d: split its state by mechanism", n, count[n], maxMethods)
		}
	}
}
