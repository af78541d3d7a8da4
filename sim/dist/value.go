package dist

import "github.com/salesim/salesim/sim/quantity"

// formatValue formats v exactly, as a duration if u is Time, else as a
// plain number.
func formatValue(v float64, u Unit) string {
	if u == Time {
		return quantity.Duration(v)
	}
	return quantity.Number(v)
}
