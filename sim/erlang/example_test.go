package erlang_test

import (
	"fmt"

	"github.com/salesim/salesim/sim/erlang"
)

// The M/M/c yardstick: 9 arrivals an hour, one-hour service, 10 servers.
func ExampleSolve() {
	q, err := erlang.Solve(9, 1, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("P(wait)=%.4f Wq=%.4f h L=%.3f\n", q.PWait, q.Wq, q.L)
	// Output:
	// P(wait)=0.6687 Wq=0.6687 h L=15.019
}
