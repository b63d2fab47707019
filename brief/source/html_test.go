package source

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"headings kept as their own lines",
			"<div><p>First  paragraph\n here.</p><h2>Cautious optimism</h2><p>Second <b>bold</b> one.</p></div>",
			[]string{"First paragraph here.", "Cautious optimism", "Second bold one."}},
		{"double line break ends a paragraph",
			"<div>One line<br>same paragraph.<br><br>New paragraph.</div>",
			[]string{"One line same paragraph.", "New paragraph."}},
		{"list items are paragraphs",
			"<ul><li>Alpha point.</li><li>Beta point.</li></ul>",
			[]string{"Alpha point.", "Beta point."}},
		{"furniture inside the article is dropped",
			"<article><p>Body text.</p><figure><img src=x><figcaption>Photo: agency</figcaption></figure><script>var x;</script><nav>Next story</nav><aside>Related</aside><footer>Tags</footer></article>",
			[]string{"Body text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := paragraphs(doc); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtractHTMLCharset(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 talks</title></head><body><article>" +
		"<p>The minister said the caf\xe9 talks were \x93constructive\x94 and would resume on Monday.</p>" +
		"<p>Both sides agreed to meet again next week to review the text.</p></article></body></html>"
	text, err := extractHTML([]byte(page), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text, "Café talks\n\n") || !strings.Contains(text, "the café talks were “constructive”") {
		t.Errorf("Windows-1252 page not decoded:\n%s", text)
	}
}
