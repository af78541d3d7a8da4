package labels

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lang is a language of the report and the figures.
type Lang string

// The languages.
const (
	English Lang = "en"
	Russian Lang = "ru"
)

// Langs lists the languages, the default first.
var Langs = []Lang{English, Russian}

// Parse returns the language of a code: "en" or "ru" ("" is English).
func Parse(s string) (Lang, error) {
	switch Lang(strings.ToLower(strings.TrimSpace(s))) {
	case "", English:
		return English, nil
	case Russian:
		return Russian, nil
	}
	return English, fmt.Errorf("unknown language %q: use en (English) or ru (Russian)", s)
}

// String returns the language's code.
func (l Lang) String() string {
	if l == "" {
		return string(English)
	}
	return string(l)
}

// Tr returns the phrase en in language l. en is the key of the phrase
// table and must be a string literal (a test checks both); a phrase
// without a translation is returned in English.
func (l Lang) Tr(en string) string {
	if l == Russian {
		if ru, ok := phrases[en]; ok && ru != "" {
			return ru
		}
	}
	return en
}

// Trf formats args with the format en in language l, as fmt.Sprintf
// does. A translation may reorder the arguments with explicit indices
// (%[2]s).
func (l Lang) Trf(en string, args ...any) string {
	return fmt.Sprintf(l.Tr(en), args...)
}

// Plural returns n followed by the noun en (an English singular, a key of
// the plural table) in the form its number needs: "1 month", "12 months";
// "1 месяц", "3 месяца", "12 месяцев".
func (l Lang) Plural(n int, en string) string {
	f, ok := plurals[en]
	if !ok {
		f = forms{en: [2]string{en, en + "s"}}
	}
	if l == Russian && f.ru != [3]string{} {
		return fmt.Sprintf("%d %s", n, f.ru[russianForm(n)])
	}
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, f.en[0])
	}
	return fmt.Sprintf("%d %s", n, f.en[1])
}

// russianForm returns which of the three Russian forms n takes: 0 after
// 1, 21, 31 ... (месяц), 1 after 2–4, 22–24 ... (месяца), 2 otherwise
// (месяцев).
func russianForm(n int) int {
	if n < 0 {
		n = -n
	}
	switch n10, n100 := n%10, n%100; {
	case n10 == 1 && n100 != 11:
		return 0
	case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
		return 1
	}
	return 2
}

// forms are the plural forms of a noun: English singular and plural,
// Russian after 1, after 2–4 and after 5.
type forms struct {
	en [2]string
	ru [3]string
}

// And joins items as a list: "a, b and c", "a, b и c".
func (l Lang) And(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + l.Tr("and") + " " + items[len(items)-1]
}

// Capitalize returns s with its first letter in upper case, in any
// script.
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Pretty turns a snake_case name from a scenario into words: cold_call
// becomes "cold call". Names of roles, activities and stages are the
// scenario author's and are not translated.
func Pretty(name string) string { return strings.ReplaceAll(name, "_", " ") }
