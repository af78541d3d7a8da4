package metric_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// names returns the metric names declared as constants in metric.go.
func names(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "metric.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, sp := range g.Specs {
			vs := sp.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if i >= len(vs.Values) {
					continue
				}
				bl, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || bl.Kind != token.STRING {
					continue
				}
				if _, isUnit := vs.Type.(*ast.Ident); isUnit { // Unit constants
					continue
				}
				v, _ := strconv.Unquote(bl.Value)
				switch n.Name {
				case "Department", "Total", "EveryPost":
					continue
				}
				out[v] = n.Name
			}
		}
	}
	if len(out) < 30 {
		t.Fatalf("found only %d metric names in metric.go", len(out))
	}
	return out
}

// allowed are literals that equal a metric name but are not one: labels
// and file names, by file.
var allowed = map[string][]string{
	"sim/charts/cost.go":        {"cost"},        // the figure's file name
	"sim/charts/throughput.go":  {"throughput"},  // the figure's file name
	"sim/charts/utilisation.go": {"utilisation"}, // the figure's file name
	// The table of human labels: English labels equal to the names.
	"sim/labels/metrics.go": {"revenue", "margin", "cost", "profit", "utilisation", "headcount", "growth"},
}

// TestNoMetricNameLiterals checks that no Go file outside package metric
// spells a metric name as a string literal: metric names are used through
// the constants of package metric, so that each is written once.
func TestNoMetricNameLiterals(t *testing.T) {
	want := names(t)
	var prefixes []string
	for v := range want {
		if strings.HasSuffix(v, ".") {
			prefixes = append(prefixes, v)
		}
	}
	root := filepath.Join("..", "..")
	var bad []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(rel, ".") && rel != "." || rel == "sim/metric" || rel == "results" || strings.HasSuffix(rel, "/testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, rel, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			bl, ok := n.(*ast.BasicLit)
			if !ok || bl.Kind != token.STRING {
				return true
			}
			v, err := strconv.Unquote(bl.Value)
			if err != nil {
				return true
			}
			c, isName := want[v]
			if !isName {
				for _, prefix := range prefixes {
					if strings.HasPrefix(v, prefix) {
						bad = append(bad, fset.Position(bl.Pos()).String()+": "+bl.Value+" (use a prefix constant of package metric)")
					}
				}
				return true
			}
			for _, a := range allowed[rel] {
				if a == v {
					return true
				}
			}
			bad = append(bad, fset.Position(bl.Pos()).String()+": "+bl.Value+" (use metric."+c+")")
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Error(b)
	}
}
