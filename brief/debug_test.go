package brief

import (
	"fmt"
	"testing"
)

func TestDebugDev(t *testing.T) {
	for k, d := range devArticles(t, 400) {
		if k%40 != 3 {
			continue
		}
		b := Summarize(d, Options{})
		fmt.Println("=== ", k, d.Title)
		for _, a := range b.Actors {
			fmt.Printf("  A %s [%s] %q x%d\n", a.Name, a.Kind, a.Role, a.Mentions)
		}
		for _, s := range b.Statements {
			fmt.Printf("  Q %q — %s\n", s.Quote[:min(60, len(s.Quote))], s.Speaker)
		}
		for _, s := range b.Outlook {
			fmt.Printf("  O %s\n", s.Text[:min(100, len(s.Text))])
		}
	}
}
