package dist

import "github.com/salesim/salesim/sim/quantity"

// Durations in hours, the project's time unit, as in package quantity: a
// month is a twelfth of a 365-day year.
const (
	Second = quantity.Second
	Minute = quantity.Minute
	Hour   = quantity.Hour
	Day    = quantity.Day
	Week   = quantity.Week
	Month  = quantity.Month
	Year   = quantity.Year
)

// ParseHours is [quantity.ParseHours]: a non-negative duration with a
// unit, in hours. Package quantity holds the grammar of values with units;
// this name stays for the callers that have not moved to it.
func ParseHours(s string) (float64, error) { return quantity.ParseHours(s) }
