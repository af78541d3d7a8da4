// Package quantity reads and writes values with units: durations, rates,
// fractions, money, counts, and means with their 95 % intervals.
//
// It is the one place where salesim turns numbers into text and back: the
// scenario grammar of package dist and package scenario parses with it,
// and the terminal tables, "salesim check", the report and the charts
// format with it, so that one value of one unit reads the same everywhere.
// It is a leaf package: it imports only [metric], for [metric.Unit].
//
// # Units
//
// Durations are in hours, the project's time unit. A month is 730 h (a
// twelfth of a 365-day year) and a year 8760 h; see [Month] and [Year].
// Rates are per hour, fractions are plain (0.25 is 25 %), money is in the
// scenario's currency.
//
// # Parsing
//
// [ParseHours] reads a duration: a number and a unit, with or without a
// space ("90s", "15m", "10 minutes", "4h", "70d", "2w", "12mo", "1y"), or a
// sum ("1h30m", "1 h 30 min"). Units are s, m (or min), h, d, w, mo and y,
// or their names, singular or plural (minute, hours, days, ...); they are
// case-sensitive: M is a million, m a minute.
// [ParseRate] reads a count per unit of time ("12/h", "3/day", "40 per
// week", "every 2d"), [ParseFraction] a percentage or a fraction ("10%",
// "0.1"), [ParseMoney] and [ParseCount] an amount with an optional k, M or
// G suffix and digit groups ("150000", "150k", "1.2M", "150 000",
// "150_000"). A duration or a rate without a unit is an error, so that "4"
// is never silently 4 hours; zero needs no unit. [Parse] picks the parser
// by [metric.Unit]. [ParseValue] and [ParseRateRat] serve spec parsers
// (package dist) that learn the unit from the text.
//
// Durations and rates are converted with exact rational arithmetic and
// rounded once: "0.1d" is the float64 nearest 2.4, "40/week" the one
// nearest 40/168.
//
// # Formatting
//
// Two kinds of text are written. Exact texts ([Number], [Duration],
// [Percent]) are the shortest that parse back to the same float64; they
// are for specs and for messages that quote a scenario's values. Display
// texts ([Money], [Count], [Hours], [Share], [Rate], [Span]) round to three
// significant digits, the precision of a simulated result, drop trailing
// zeros, and read the same in every output, from the results of a run to
// the summary of a design:
//
//	money    Money       12.3M, 450k, 4M, 9.1k, 950, 2.4; a currency after a space: 12.3M ₽
//	counts   Count       10.4k, 1269, 64, 2.4 (k from 10,000 on)
//	hours    Hours       3.45h, 0.25h, 1269h (whole hours from 100 h on)
//	share    Share       24.8%, 3.45%, 0.16%, 100%
//	rates    Rate        12/h, 2/day, 40/week, 1.5/mo
//	spans    Span        12mo, 70d, 77.3d, 26.4h (a scenario's durations: exact when short)
//
// [Format] picks the format by [metric.Unit]; [Signed] adds a "+" to
// positive differences; [PlusMinus] writes a mean with the half-width of
// its 95 % interval ("12.3M ±4%": relative; "24.8% ±0.3" for shares:
// percentage points) and [Interval] the interval itself ("[11.8M, 12.8M]").
// [Scale] labels the ticks of an axis, which share one suffix. NaN and
// infinities are shown as "—". Display texts parse back (with [Parse], a
// currency aside) to the value within half a unit of their last digit.
//
// # Errors
//
// Parse errors are written for the author of a scenario: they quote the
// text, say what is wrong and what is allowed, and carry no package
// prefix, as in `unknown unit "x" in "3x": use s, m, h, d, w, mo or y, or
// a name such as minutes, hours or days`.
package quantity
