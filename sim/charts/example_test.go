package charts_test

import (
	"fmt"

	"github.com/salesim/salesim/sim/charts"
)

func ExampleMoney() {
	for _, x := range []float64{12_345_678, 450_000, 4_000_000, 9_100, 950} {
		fmt.Println(charts.Money(x))
	}
	// Output:
	// 12.3M
	// 450k
	// 4.00M
	// 9.10k
	// 950
}

func ExampleCount() {
	fmt.Println(charts.Count(10_388), charts.Count(1_269), charts.Count(2.4), charts.Percent(0.2478))
	// Output: 10.4k 1269 2.4 24.8%
}
