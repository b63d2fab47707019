package brief

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are starting inputs for the fuzz targets.
var fuzzSeeds = []string{
	"",
	"Title\n\nBody text. More text.",
	"(CNN)The U.S. military said so. It left.",
	"HANGZHOU, China (CNN) — Leaders met. They talked.",
	"WASHINGTON (Reuters) - Prices rose.\n\nBy Jane Roe, Reuters",
	"By . Daily Mail Reporter . PUBLISHED: . 12:34 EST, 1 January 2014 . | . UPDATED: . 12:35 EST, 1 January 2014 . The council said no.",
	"Heading\n\nPara one.\n\nSub head\n\nPara two.\n\nClick here to subscribe",
	"\x00\x01binary",
	"a\r\nb\rc\u00a0d\te",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	if b, err := os.ReadFile("../testdata/no-deal-on-syria.txt"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := Parse(text)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrNoSentences) {
				t.Fatalf("Parse: unexpected error %v", err)
			}
			return
		}
		checkDocument(t, doc)
		if utf8.ValidString(text) {
			for _, s := range doc.Sentences() {
				if !utf8.ValidString(s.Text) {
					t.Errorf("sentence %s is not valid UTF-8", s.ID)
				}
			}
		}
	})
}

// checkDocument checks the invariants every parsed document keeps.
func checkDocument(t *testing.T, doc *Document) {
	t.Helper()
	if doc.Dropped == nil {
		t.Error("Dropped is nil, want an empty list")
	}
	n := 0
	for si, sec := range doc.Sections {
		if si > 0 && sec.Heading == "" {
			t.Errorf("section %d has no heading; only the lead may be untitled", si)
		}
		if len(sec.Paragraphs) == 0 {
			t.Errorf("section %d (%q) has no paragraphs", si, sec.Heading)
		}
		for _, p := range sec.Paragraphs {
			if len(p.Sentences) == 0 {
				t.Errorf("empty paragraph in section %d", si)
			}
			for _, s := range p.Sentences {
				n++
				if want := "s" + strconv.Itoa(n); s.ID != want {
					t.Fatalf("sentence id %q, want %q", s.ID, want)
				}
				if strings.TrimSpace(s.Text) == "" || strings.ContainsAny(s.Text, "\n\r") {
					t.Errorf("sentence %s has bad text %q", s.ID, s.Text)
				}
			}
		}
	}
	if n == 0 {
		t.Error("document without sentences returned without error")
	}
	if got := len(doc.Sentences()); got != n {
		t.Errorf("Sentences() = %d, want %d", got, n)
	}
}
