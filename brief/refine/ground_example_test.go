package refine_test

import (
	"fmt"

	"github.com/brief-dev/brief/brief/refine"
)

func ExampleGround() {
	cited := []string{"The two leaders talked for ninety minutes on the sidelines of the G20 summit in Hangzhou, a US official said."}
	for _, rewrite := range []string{
		"The leaders talked for 90 minutes at the G20 in Hangzhou.",
		"The leaders talked for 90 minutes at the G20 in Beijing.",
		"The leaders talked for 45 minutes.",
	} {
		if why := refine.Ground(rewrite, cited); why != "" {
			fmt.Println("rejected:", why)
		} else {
			fmt.Println("grounded:", rewrite)
		}
	}
	// Output:
	// grounded: The leaders talked for 90 minutes at the G20 in Hangzhou.
	// rejected: name "Beijing" is not in the cited sentences
	// rejected: number "45" is not in the cited sentences
}
