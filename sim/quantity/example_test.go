package quantity_test

import (
	"fmt"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
)

// Values from a scenario are parsed into hours, rates per hour and plain
// fractions; a typo is reported with what is allowed.
func Example_parse() {
	for _, s := range []string{"15m", "10 minutes", "1h30m", "70d", "12mo", "3x"} {
		h, err := quantity.ParseHours(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-10s = %g h\n", s, h)
	}
	r, _ := quantity.ParseRate("40 per week")
	f, _ := quantity.ParseFraction("2.5%")
	m, _ := quantity.ParseMoney("1.2M")
	fmt.Printf("%.4g/h %g %g\n", r, f, m)
	// Output:
	// 15m        = 0.25 h
	// 10 minutes = 0.16666666666666666 h
	// 1h30m      = 1.5 h
	// 70d        = 1680 h
	// 12mo       = 8760 h
	// unknown unit "x" in "3x": use s, m, h, d, w, mo or y, or a name such as minutes, hours or days
	// 0.2381/h 0.025 1.2e+06
}

// A result is shown by its unit, with the 95 % interval of its mean, the
// same in the terminal, the report and the charts.
func Example_format() {
	for _, r := range []struct {
		name       string
		unit       metric.Unit
		mean, half float64
		lo, hi     float64
	}{
		{metric.Margin, metric.Money, 23.3e6, 0.93e6, 22.37e6, 24.23e6},
		{metric.NewClients, metric.Clients, 74.3, 2.1, 72.2, 76.4},
		{metric.Utilisation, metric.Share, 0.5724, 0.0024, 0.5700, 0.5748},
		{metric.QueueWait, metric.Hours, 10.7, 0.2, 10.5, 10.9},
	} {
		fmt.Printf("%-14s %-12s %s\n", r.name, quantity.PlusMinus(r.mean, r.half, r.unit, "₽"), quantity.Interval(r.lo, r.hi, r.unit, "₽"))
	}
	fmt.Println(quantity.Duration(1680), quantity.Span(1855.2), quantity.Rate(2.0/24), quantity.Percent(0.0035))
	// Output:
	// margin         23.3M ₽ ±4%  [22.4M ₽, 24.2M ₽]
	// new_clients    74.3 ±3%     [72.2, 76.4]
	// utilisation    57.2% ±0.2   [57%, 57.5%]
	// queue_wait_h   10.7h ±2%    [10.5h, 10.9h]
	// 70d 77.3d 2/day 0.35%
}
