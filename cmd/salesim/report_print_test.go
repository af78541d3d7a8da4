//go:build browser

// The print check of a comparison's report (acceptance point 2 of issue
// 15): run with
//
//	go test -tags browser -run TestCompareReportPrint -v ./cmd/salesim
//
// (.ci/browser-check does). It needs Chromium and pdftotext (Debian's
// poppler-utils); it skips without them, except under CI, where it fails.
// SALESIM_BROWSER_OUT names a folder to keep the PDFs in;
// SALESIM_COMPARE_DIR a folder whose en/ and ru/ hold the comparisons to
// print (default: written here, 10 replications per design).

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// printDesigns are the built-in designs of the printed comparison.
var printDesigns = []string{"growth-plan", "full-cycle", "information-dept"}

// TestCompareReportPrint runs compare on three built-in designs with
// -report in English and in Russian, prints each page to an A4 PDF in
// headless Chromium and checks the text of every printed page: no page
// of the body is raw TOML or JSON. Printed again with the appendix opened,
// the raw pages appear, all at the end: the check can fail.
func TestCompareReportPrint(t *testing.T) {
	bin := findBrowser()
	pdftotext, err := exec.LookPath("pdftotext")
	if bin == "" || err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs chromium (%q) and pdftotext (%v): .ci/browser-check installs them", bin, err)
		}
		t.Skip("no chromium or no pdftotext (Debian's poppler-utils)")
	}
	outDir := os.Getenv("SALESIM_BROWSER_OUT")
	if outDir == "" {
		outDir = t.TempDir()
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang  string
		title string // on the first page
		diffs string // the forest plot's title, on a page of figures
	}{
		{"en", "Comparison of 3 designs", "Differences against growth-plan"},
		{"ru", "Сравнение вариантов (3)", "Разница с growth-plan"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			dir := filepath.Join(os.Getenv("SALESIM_COMPARE_DIR"), tc.lang)
			if os.Getenv("SALESIM_COMPARE_DIR") == "" {
				dir = t.TempDir()
				args := append([]string{"compare", "-q", "-reps", "10", "-report", "-lang", tc.lang, "-out", dir}, printDesigns...)
				runQuiet(t, args...)
			}
			report := filepath.Join(dir, "report.html")
			closed, opened := printPDF(t, bin, report)
			write(t, filepath.Join(outDir, "compare-"+tc.lang+".pdf"), closed)
			write(t, filepath.Join(outDir, "compare-"+tc.lang+"-appendix-open.pdf"), opened)

			pages := pdfPages(t, pdftotext, closed)
			t.Logf("%s: %d A4 pages", tc.lang, len(pages))
			if len(pages) < 3 {
				t.Fatalf("%d pages printed, want the designs, the figures and the differences", len(pages))
			}
			if !strings.Contains(pages[0], tc.title) {
				t.Errorf("page 1 lacks the title %q:\n%s", tc.title, pages[0])
			}
			if !strings.Contains(strings.Join(pages, "\f"), tc.diffs) {
				t.Errorf("no page has the forest plot's title %q", tc.diffs)
			}
			for i, p := range pages {
				if raw, n, of := rawPage(p); raw {
					t.Errorf("page %d of %d is raw TOML or JSON (%d of %d lines):\n%.600s", i+1, len(pages), n, of, p)
				}
			}
			if info := pdfInfo(t, closed); !regexp.MustCompile(`Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)`).MatchString(info) {
				t.Errorf("the PDF is not A4:\n%s", info)
			}

			// With the appendix opened the manifest prints, from a new
			// page, after the body.
			all := pdfPages(t, pdftotext, opened)
			firstRaw := -1
			for i, p := range all {
				if raw, _, _ := rawPage(p); raw && firstRaw < 0 {
					firstRaw = i
				}
			}
			if firstRaw < 0 {
				t.Fatalf("with the appendix opened no page is raw JSON: the check of raw pages cannot fail (%d pages)", len(all))
			}
			if firstRaw < len(pages)-1 {
				t.Errorf("with the appendix opened, raw page %d comes before the end of the body (%d pages)", firstRaw+1, len(pages))
			}
		})
	}
}

// printPDF opens a report in headless Chromium and prints it to PDF as
// it is (the appendix closed) and with every <details> opened.
func printPDF(t *testing.T, bin, report string) (closed, opened []byte) {
	t.Helper()
	abs, err := filepath.Abs(report)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()))
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+abs)); err != nil {
		t.Fatalf("opening %s: %v", abs, err)
	}
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	print := func() []byte {
		pdf, err := chromedp.Run(bctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
			yes := true
			r, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PrintBackground: &yes, PreferCSSPageSize: &yes})
			return r.Data, err
		})
		if err != nil {
			t.Fatalf("printing %s to PDF: %v", abs, err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Fatal("the printed page is not a PDF")
		}
		return pdf
	}
	closed = print()
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll('details').forEach(d => d.open = true), document.querySelectorAll('details').length`)); err != nil {
		t.Fatal(err)
	}
	return closed, print()
}

// pdfPages returns the text of each page of a PDF, as pdftotext lays it
// out.
func pdfPages(t *testing.T, pdftotext string, pdf []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.pdf")
	write(t, path, pdf)
	out, err := exec.Command(pdftotext, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

func pdfInfo(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.pdf")
	write(t, path, pdf)
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out)
}

// rawLine matches a line of TOML (a table header or key = value) or of
// JSON (a "key": value member, or a lone bracket).
var rawLine = regexp.MustCompile(`^\s*(\[\[?[\w."\-]+\]\]?\s*$|[\w."\-]+\s*=\s*\S|"[^"]*"\s*:\s*|[{}\[\]],?\s*$)`)

// rawPage reports whether a printed page is raw TOML or JSON: at least 8
// of its lines, and at least a third, are.
func rawPage(text string) (raw bool, n, of int) {
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		of++
		if rawLine.MatchString(line) {
			n++
		}
	}
	return n >= 8 && 3*n >= of, n, of
}

func TestRawPage(t *testing.T) {
	toml := "[market]\nsize = \"10k\"\nmargin_rate = \"30%\"\n[[stages]]\nname = \"a\"\nactivity = \"call\"\n[roles.x]\nheadcount = 3\ndoes = [\"call\"]\n"
	json := "{\n  \"salesim\": \"v1\",\n  \"seed\": 1,\n  \"files\": [\n    \"a.csv\",\n  ],\n  \"command\": [\n  ]\n}\n"
	prose := strings.Repeat("The designs compared: margin, cost and profit with their intervals.\n", 20)
	for _, tc := range []struct {
		text string
		want bool
	}{{toml, true}, {json, true}, {prose, false}, {prose + toml, false}} {
		if raw, n, of := rawPage(tc.text); raw != tc.want {
			t.Errorf("rawPage = %t (%d of %d lines), want %t:\n%s", raw, n, of, tc.want, tc.text)
		}
	}
}
