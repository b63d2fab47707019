package sentences_test

import (
	"fmt"

	"github.com/brief-dev/brief/brief/sentences"
)

func ExampleSplit() {
	text := `Sen. John McCain, R-Ariz., met U.S. officials at 9 a.m. on Monday. "We are done." she said. Talks resume in Geneva.`
	for _, s := range sentences.Split(text) {
		fmt.Println(s)
	}
	// Output:
	// Sen. John McCain, R-Ariz., met U.S. officials at 9 a.m. on Monday.
	// "We are done." she said.
	// Talks resume in Geneva.
}
