package scenario

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/salesim/salesim/sim/internal/edit"
)

// FieldError is a problem with one value of a scenario. File and Line say
// where the value was written (Line 0: unknown, File may then name a -set
// override); Key is the dotted path of the value in the merged design, such
// as "roles.hunter.headcount" or "stages[2].convert"; Value is the value as
// written, if any.
//
// Via is the chain of includes that brought File in, empty for the file
// named to the loader: `main.toml:1: include "../x.toml"`, and for a file
// included from an included file `main.toml:1: include "a.toml":
// a.toml:2: include "b.toml"`.
type FieldError struct {
	File  string
	Line  int
	Key   string
	Value string
	Msg   string
	Via   string
	Err   error // the underlying error, if any
}

// Error formats the error in the compiler style "file:line: key: msg",
// leaving out the parts that are unknown, after the chain of includes
// that led to the file if there is one:
// `main.toml:1: include "../x.toml": ../x.toml:3: key: msg`.
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Via != "" {
		b.WriteString(e.Via)
		b.WriteString(": ")
	}
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }

// errorList collects the problems of a design.
type errorList []*FieldError

func (l *errorList) add(p pos, key, value string, err error, format string, args ...any) {
	*l = append(*l, &FieldError{File: p.file, Line: p.line, Key: key, Value: value, Msg: fmt.Sprintf(format, args...), Via: p.via, Err: err})
}

// join sorts the problems by include chain, file and line (unknown lines
// last, otherwise in the order found) and joins them; nil if there are
// none.
func (l errorList) join() error {
	if len(l) == 0 {
		return nil
	}
	l = slices.Clone(l)
	slices.SortStableFunc(l, func(a, b *FieldError) int {
		if c := cmp.Compare(a.Via, b.Via); c != 0 {
			return c
		}
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		la, lb := a.Line, b.Line
		if la == 0 {
			la = 1 << 30
		}
		if lb == 0 {
			lb = 1 << 30
		}
		return cmp.Compare(la, lb)
	})
	errs := make([]error, 0, min(len(l), MaxProblems)+1)
	for _, e := range l[:min(len(l), MaxProblems)] {
		errs = append(errs, e)
	}
	if len(l) > MaxProblems {
		errs = append(errs, &MoreProblems{Shown: MaxProblems, Total: len(l)})
	}
	return errors.Join(errs...)
}

// MaxProblems bounds the problems an error of [Load] lists: a generated
// file gone wrong can have a hundred thousand, tens of megabytes of text.
const MaxProblems = 100

// MoreProblems ends the problems of an error that lists only the first
// [MaxProblems] of them.
type MoreProblems struct{ Shown, Total int }

func (e *MoreProblems) Error() string {
	return fmt.Sprintf("... and %d more problems (%d in all; the first %d are shown: fix them and check again)", e.Total-e.Shown, e.Total, e.Shown)
}

// CountProblems returns how many problems an error of [Load] holds, those
// it does not list included.
func CountProblems(err error) int {
	probs := Problems(err)
	if len(probs) > 0 {
		if m, ok := probs[len(probs)-1].(*MoreProblems); ok {
			return m.Total
		}
	}
	return len(probs)
}

// Problems returns the individual problems in an error returned by [Load],
// [LoadAs], [Parse], [Builtin] or [FromSources], in order.
func Problems(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// suggest returns " (did you mean X?)" for the candidate closest to s, if
// any is close enough to be a likely typo, else "".
func suggest(s string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		d := edit.Distance(strings.ToLower(s), strings.ToLower(c))
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(2, len(s)/3)
	if best == "" || bestD > limit || bestD >= len(s) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// quoteList formats names for a message: "a, b or c".
func quoteList(names []string) string {
	switch len(names) {
	case 0:
		return "(none)"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
