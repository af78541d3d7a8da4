package labels

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/org"
)

// translators are the functions and methods whose first argument (for
// Plural: second) is a key of the phrase (plural) table: Lang's own and
// the wrappers of packages charts (Meta.tr, Meta.trf) and report.
var translators = map[string]int{"Tr": 0, "Trf": 0, "tr": 0, "trf": 0, "Plural": 1}

// templateCall finds the keys of the report's templates: {{tr "..."}} and
// {{trf "..." ...}}.
var templateCall = regexp.MustCompile(`(?:\{\{-?\s*|\()(tr|trf)\s+("(?:[^"\\]|\\.)*")`)

// use is where a key is used, and whether as a format (Trf, trf).
type use struct {
	where  string
	format bool
}

// used returns the keys of the phrase and plural tables used in salesim's
// Go files and templates, with where each is used, and the calls whose key
// is not a string literal.
func used(t *testing.T) (phr map[string]use, plu map[string]string, bad []string) {
	t.Helper()
	root := filepath.Join("..", "..")
	phr, plu = map[string]use{}, map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata" || rel == "results" {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(rel, ".tmpl"):
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range templateCall.FindAllStringSubmatch(string(src), -1) {
				k, err := strconv.Unquote(m[2])
				if err != nil {
					bad = append(bad, rel+": "+m[2])
					continue
				}
				phr[k] = use{rel, m[1] == "trf" || phr[k].format}
			}
		case strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go"):
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				arg, ok := translators[sel.Sel.Name]
				if !ok || len(call.Args) <= arg {
					return true
				}
				pos := fset.Position(call.Pos())
				where := rel + ":" + strconv.Itoa(pos.Line)
				switch a := call.Args[arg].(type) {
				case *ast.BasicLit:
					k, err := strconv.Unquote(a.Value)
					if a.Kind != token.STRING || err != nil {
						bad = append(bad, where)
						return true
					}
					if sel.Sel.Name == "Plural" {
						plu[k] = where
					} else {
						format := sel.Sel.Name == "Trf" || sel.Sel.Name == "trf"
						phr[k] = use{where, format || phr[k].format}
					}
				case *ast.Ident:
					// The wrappers pass on their parameter en.
					if a.Name != "en" {
						bad = append(bad, where+": "+a.Name)
					}
				default:
					bad = append(bad, where)
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(phr) < 50 {
		t.Fatalf("found only %d phrases in use: is the walk broken?", len(phr))
	}
	return phr, plu, bad
}

// TestPhrasesComplete checks that every phrase used has a Russian text,
// that every key is a literal (so that the table can be checked), and that
// the table holds no phrase nobody uses.
func TestPhrasesComplete(t *testing.T) {
	phr, plu, bad := used(t)
	for _, b := range bad {
		t.Errorf("%s: the key of a translation must be a string literal", b)
	}
	var missing []string
	for k, u := range phr {
		if phrases[k] == "" {
			missing = append(missing, u.where+": "+strconv.Quote(k))
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no Russian text for %s", m)
	}
	for k := range phrases {
		if _, ok := phr[k]; !ok {
			t.Errorf("phrase %q is not used anywhere: remove it", k)
		}
	}
	for k, where := range plu {
		if f, ok := plurals[k]; !ok || f.ru[0] == "" || f.ru[1] == "" || f.ru[2] == "" || f.en[0] == "" {
			t.Errorf("%s: noun %q has no plural forms", where, k)
		}
	}
}

// verbs matches the verbs of a format.
var verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// TestPhraseFormats checks that the translation of a format has its
// verbs: as many, of the same kinds.
func TestPhraseFormats(t *testing.T) {
	phr, _, _ := used(t)
	kinds := func(s string) []string {
		var out []string
		for _, v := range verbs.FindAllString(s, -1) {
			if v != "%%" {
				out = append(out, v[len(v)-1:])
			}
		}
		sort.Strings(out)
		return out
	}
	for en, ru := range phrases {
		if !phr[en].format {
			if strings.Contains(en, "%%") {
				t.Errorf("%q is not a format but has %%%%", en)
			}
			continue
		}
		if a, b := kinds(en), kinds(ru); strings.Join(a, "") != strings.Join(b, "") {
			t.Errorf("%q has verbs %v, its translation %q %v", en, a, ru, b)
		}
		if strings.Count(en, "%%") != strings.Count(ru, "%%") && strings.Contains(en, "%") {
			t.Errorf("%q and %q differ in their %%%% signs", en, ru)
		}
	}
}

// TestMetricLabels checks that every metric salesim reports has a label
// in both languages and a Russian description.
func TestMetricLabels(t *testing.T) {
	t.Parallel()
	for _, m := range org.Metrics {
		lb, _, ok := lookup(m.Name)
		if !ok || lb.en == "" || lb.ru == "" || lb.ruDoc == "" {
			t.Errorf("metric %s has no label in both languages and no Russian description: %+v", m.Name, lb)
		}
	}
	for name := range metrics {
		found := false
		for _, m := range org.Metrics {
			found = found || m.Name == name
		}
		if !found {
			t.Errorf("label of %q, a metric salesim does not report", name)
		}
	}
	for _, f := range families {
		found := false
		for _, m := range org.Metrics {
			found = found || m.Pattern && strings.HasPrefix(m.Name, f.prefix)
		}
		if !found {
			t.Errorf("label of the family %q, which salesim does not report", f.prefix)
		}
	}
	for _, tc := range []struct {
		l         Lang
		name, out string
	}{
		{English, metric.NewClients, "new clients"},
		{Russian, metric.NewClients, "новые клиенты"},
		{English, metric.Done("cold_call"), "tasks done: cold call"},
		{Russian, metric.Entered("meeting"), "лиды на этапе meeting"},
		{Russian, "no_such_metric", "no_such_metric"},
	} {
		if got := tc.l.Metric(tc.name); got != tc.out {
			t.Errorf("%s.Metric(%q) = %q, want %q", tc.l, tc.name, got, tc.out)
		}
	}
	if got := Russian.WithUnit(metric.Margin, metric.Money, "₽"); got != "маржа, ₽" {
		t.Errorf("WithUnit(margin) = %q", got)
	}
	if got := English.WithUnit(metric.QueueWait, metric.Hours, "₽"); got != "queue wait, h" {
		t.Errorf("WithUnit(queue wait) = %q", got)
	}
	if got := English.WithUnit(metric.NewClients, metric.Clients, "₽"); got != "new clients" {
		t.Errorf("WithUnit(new clients) = %q", got)
	}
}

func TestPlural(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		l    Lang
		n    int
		want string
	}{
		{English, 1, "1 month"}, {English, 12, "12 months"}, {English, 0, "0 months"},
		{Russian, 1, "1 месяц"}, {Russian, 2, "2 месяца"}, {Russian, 5, "5 месяцев"},
		{Russian, 11, "11 месяцев"}, {Russian, 12, "12 месяцев"}, {Russian, 21, "21 месяц"},
		{Russian, 24, "24 месяца"}, {Russian, 111, "111 месяцев"}, {Russian, 0, "0 месяцев"},
	} {
		if got := tc.l.Plural(tc.n, "month"); got != tc.want {
			t.Errorf("%s.Plural(%d, month) = %q, want %q", tc.l, tc.n, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Lang{"": English, "en": English, "RU": Russian, " ru ": Russian} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := Parse("de"); err == nil || !strings.Contains(err.Error(), `"de"`) || !strings.Contains(err.Error(), "ru") {
		t.Errorf("Parse(de): %v, want an error naming the value and the choices", err)
	}
	if Russian.Tr("no such phrase") != "no such phrase" {
		t.Error("a phrase without translation is not returned in English")
	}
	if got := Russian.And([]string{"a", "b", "c"}); got != "a, b и c" {
		t.Errorf("And = %q", got)
	}
	if got := Capitalize("маржа"); got != "Маржа" {
		t.Errorf("Capitalize = %q", got)
	}
}
