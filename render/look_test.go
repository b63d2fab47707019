package render

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var samples = flag.String("samples", "", "write sample PDFs and Markdown to this directory, to look at")

// TestSamples writes sample outputs for a person to look at; it runs only
// with -samples DIR.
func TestSamples(t *testing.T) {
	if *samples == "" {
		t.Skip("no -samples directory")
	}
	opt := Options{Version: "test", Date: testDate, Cite: true}
	write := func(name string, fn func(f *os.File) error) {
		f, err := os.Create(filepath.Join(*samples, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := fn(f); err != nil {
			t.Fatal(err)
		}
	}
	write("unicode.pdf", func(f *os.File) error { return PDF(f, unicodeBriefing(), opt) })
	write("syria.pdf", func(f *os.File) error { return PDF(f, syriaBriefing(), Options{Version: "test", Date: testDate}) })
	write("long.pdf", func(f *os.File) error { return PDF(f, longBriefing(45), opt) })
	write("letter.pdf", func(f *os.File) error { return PDF(f, longBriefing(45), Options{Paper: "letter"}) })
	write("digest.pdf", func(f *os.File) error { return DigestPDF(f, testDigest(), opt) })
	write("unicode.md", func(f *os.File) error { return Markdown(f, unicodeBriefing(), opt) })
	write("digest.md", func(f *os.File) error { return DigestMarkdown(f, testDigest(), opt) })
}
