package des_test

import (
	"fmt"

	"github.com/salesim/salesim/sim/des"
)

// A caller makes a call every 15 minutes from 9:00; a meeting booked for
// 10:30 comes first at that instant because it has the more urgent
// priority; the working day ends at 11:00.
func Example() {
	env := des.New()
	var call, meeting des.Handler
	call = func(n int) {
		fmt.Printf("%5.2f h  call %d\n", env.Now(), n)
		env.After(0.25, des.Normal, call, n+1)
	}
	meeting = func(int) { fmt.Printf("%5.2f h  meeting\n", env.Now()) }
	env.At(9, des.Normal, call, 1)
	env.At(10.5, des.Urgent, meeting, 0)
	env.RunUntil(11)
	fmt.Printf("%d events, clock at %g h, %d pending\n", env.Processed(), env.Now(), env.Len())
	// Output:
	//  9.00 h  call 1
	//  9.25 h  call 2
	//  9.50 h  call 3
	//  9.75 h  call 4
	// 10.00 h  call 5
	// 10.25 h  call 6
	// 10.50 h  meeting
	// 10.50 h  call 7
	// 10.75 h  call 8
	// 11.00 h  call 9
	// 10 events, clock at 11 h, 1 pending
}

// Cancel and reschedule a client's churn timer when a care call resets it.
func ExampleEnv_Reschedule() {
	env := des.New()
	churn := env.At(100, des.Normal, func(int) { fmt.Println("churned at", env.Now()) }, 0)
	env.At(60, des.Normal, func(int) {
		env.Reschedule(churn, env.Now()+100) // a care call: the clock starts again
	}, 0)
	env.Run()
	// Output:
	// churned at 160
}
