//go:build browser

// The browser check of report.html: run with
//
//	go test -tags browser -run TestReportInBrowser -v ./cmd/salesim
//
// (.ci/browser-check does, after installing Debian's chromium). It skips
// when no Chromium or Chrome binary is found. SALESIM_REPORT names the
// report to check (default: one written here by a short run of the
// default scenario); SALESIM_BROWSER_OUT a folder for the screenshots and
// the printed PDF (default: a temporary one); SALESIM_CHROMIUM the
// browser binary.

package main

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// findBrowser returns the Chromium or Chrome binary to use, or "".
func findBrowser() string {
	if p := os.Getenv("SALESIM_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// pageCheck is what the page reports about itself once its fonts are
// loaded.
type pageCheck struct {
	Title       string   `json:"title"`
	Images      int      `json:"images"`
	Broken      []string `json:"broken"`
	Figures     int      `json:"figures"`
	Small       []string `json:"small"`
	Font        bool     `json:"font"`
	Sections    int      `json:"sections"`
	ScrollWidth int      `json:"scrollWidth"`
	ViewWidth   int      `json:"viewWidth"`
}

const checkJS = `document.fonts.ready.then(() => {
  const imgs = Array.from(document.images);
  const svgs = Array.from(document.querySelectorAll('figure svg'));
  return {
    title: document.title,
    images: imgs.length,
    broken: imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src.slice(0, 80)),
    figures: svgs.length,
    small: svgs.filter(s => { const r = s.getBoundingClientRect(); return r.width < 300 || r.height < 100; })
               .map(s => s.closest('figure').id),
    font: document.fonts.check('12px "Liberation Sans"'),
    sections: document.querySelectorAll('section').length,
    scrollWidth: document.documentElement.scrollWidth,
    viewWidth: window.innerWidth,
  };
})`

func TestReportInBrowser(t *testing.T) {
	bin := findBrowser()
	if bin == "" {
		t.Skip("no chromium or chrome binary found (set SALESIM_CHROMIUM)")
	}
	path := os.Getenv("SALESIM_REPORT")
	if path == "" {
		dir := t.TempDir()
		var out, errb bytes.Buffer
		env := &cmdEnv{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
		if err := runEnv(context.Background(), env, []string{"run", "-q", "-reps", "10", "-report", "-no-plots", "-out", dir}); err != nil {
			t.Fatalf("run: %v\n%s", err, errb.String())
		}
		path = filepath.Join(dir, "report.html")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	outDir := os.Getenv("SALESIM_BROWSER_OUT")
	if outDir == "" {
		outDir = t.TempDir()
	}

	var mu sync.Mutex
	var problems []string
	problem := func(format string, args ...any) {
		mu.Lock()
		problems = append(problems, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	listen := func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				problem("console %s: %s", ev.Type, consoleText(ev.Args))
			}
		case *runtime.EventExceptionThrown:
			problem("exception: %s", ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				problem("log %s: %s (%s)", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			if u := ev.Request.URL; !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") {
				problem("network request to %s", u)
			}
		case *network.EventLoadingFailed:
			problem("loading failed: %s", ev.ErrorText)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithListener(listen))
	defer bcancel()

	start := time.Now()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+abs)); err != nil {
		t.Fatalf("opening %s: %v", abs, err)
	}
	pc, err := chromedp.Run(bctx, chromedp.Evaluate[pageCheck](checkJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("checking the page: %v", err)
	}
	t.Logf("%s: %q, %d figures, %d sections, %d images, font loaded %t (%.1fs)",
		abs, pc.Title, pc.Figures, pc.Sections, pc.Images, pc.Font, time.Since(start).Seconds())
	if pc.Title == "" {
		t.Error("the page has no title")
	}
	if len(pc.Broken) > 0 {
		t.Errorf("broken images: %v", pc.Broken)
	}
	// Six figures for a run with a target (charts.RunFigures).
	if pc.Figures < 6 {
		t.Errorf("%d figures, want at least 6", pc.Figures)
	}
	if len(pc.Small) > 0 {
		t.Errorf("figures drawn smaller than 300×100 px: %v", pc.Small)
	}
	if !pc.Font {
		t.Error("the embedded font Liberation Sans is not available")
	}
	if pc.ScrollWidth > pc.ViewWidth {
		t.Errorf("the page scrolls sideways: %d px wide in a %d px window", pc.ScrollWidth, pc.ViewWidth)
	}

	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	checkNotBlank(t, "screenshot", shot)
	write(t, filepath.Join(outDir, "report-screen.png"), shot)

	// Printed: the print style sheet, as a picture and as a PDF.
	printed, err := chromedp.Run(bctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		if _, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			return nil, err
		}
		return chromedp.FullScreenshot(100)(ctx, tg)
	})
	if err != nil {
		t.Fatalf("print-media screenshot: %v", err)
	}
	checkNotBlank(t, "print-media screenshot", printed)
	write(t, filepath.Join(outDir, "report-print.png"), printed)
	pdf, err := chromedp.Run(bctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		bg := true
		r, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PrintBackground: &bg, PreferCSSPageSize: &bg})
		return r.Data, err
	})
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Error("the printed page is not a PDF")
	}
	write(t, filepath.Join(outDir, "report.pdf"), pdf)
	t.Logf("screenshots and PDF (%d kB) in %s", len(pdf)/1024, outDir)

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
}

// consoleText renders the arguments of a console call.
func consoleText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// checkNotBlank fails unless the PNG has content: at least 2 % of its
// pixels differ from the top-left one and it has at least 50 colours (a
// white page with some text has fewer than 2 % ink; a report has plots).
func checkNotBlank(t *testing.T, what string, b []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	r := img.Bounds()
	bg := img.At(r.Min.X, r.Min.Y)
	colours := map[[4]uint32]bool{}
	var differ, n int
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			c := img.At(x, y)
			n++
			if c != bg {
				differ++
			}
			cr, cg, cb, ca := c.RGBA()
			colours[[4]uint32{cr >> 8, cg >> 8, cb >> 8, ca >> 8}] = true
		}
	}
	t.Logf("%s: %dx%d px, %.1f%% not background, %d colours", what, r.Dx(), r.Dy(), 100*float64(differ)/float64(n), len(colours))
	if float64(differ) < 0.02*float64(n) || len(colours) < 50 {
		t.Errorf("%s looks blank: %.1f%% of pixels differ from the background, %d colours", what, 100*float64(differ)/float64(n), len(colours))
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
