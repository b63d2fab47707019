package brief

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bundledArticle reads the bundled example article and parses it. Until
// the real parser lands, lines that any parser drops as site boilerplate
// (the archive notice, the browser notice, the byline line, the photo
// caption) are removed here, and the dateline and byline are filled in
// when the parser did not find them, so that the briefing is built from
// realistic input.
func bundledArticle(t testing.TB) *Document {
	t.Helper()
	b, err := os.ReadFile("../testdata/no-deal-on-syria.txt")
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, block := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n") {
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

// testArticles returns the invented test articles of testdata/articles,
// parsed, by file name.
func testArticles(t testing.TB) map[string]*Document {
	t.Helper()
	files, err := filepath.Glob("../testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	out := map[string]*Document{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(string(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = d
	}
	return out
}

// handDoc builds a document by hand: one paragraph per argument, its
// sentences separated by "|". Sentence ids are s1, s2, … in order.
func handDoc(paras ...string) *Document {
	d := &Document{Title: "Test", Sections: []Section{{}}}
	n := 0
	for _, p := range paras {
		var para Paragraph
		for _, s := range strings.Split(p, "|") {
			n++
			para.Sentences = append(para.Sentences, Sentence{ID: fmt.Sprintf("s%d", n), Text: strings.TrimSpace(s)})
		}
		d.Sections[0].Paragraphs = append(d.Sections[0].Paragraphs, para)
	}
	return d
}

// analyzeDoc analyzes d with the package scorer.
func analyzeDoc(d *Document) *analysis { return analyze(d, ScoreSentences(d)) }
