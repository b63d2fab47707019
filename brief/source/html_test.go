package source

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPageBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // blocks; a heading starts with "# ", an embedded post's block with "> "
		dropped  []string
	}{
		{"headings are blocks of their own",
			"<div><p>First  paragraph\n here.</p><h2>Cautious <em>optimism</em></h2><p>Second <b>bold</b> one.</p></div>",
			[]string{"First paragraph here.", "# Cautious optimism", "Second bold one."}, nil},
		{"line breaks separate lines",
			"<div>One line<br>next line.<br><br>Third line.</div>",
			[]string{"One line\nnext line.\nThird line."}, nil},
		{"list items are paragraphs",
			"<ul><li>Alpha point.</li><li>Beta point.</li></ul>",
			[]string{"Alpha point.", "Beta point."}, nil},
		{"captions and furniture are set aside",
			"<article><p>Body text.</p><figure><img src=x><figcaption>A ferry. <span>Photo: agency</span></figcaption><span>© Agency</span></figure>" +
				"<script>var x;</script><nav>Next story</nav><aside>Related</aside><footer>Tags</footer></article>",
			[]string{"Body text."}, []string{"A ferry. Photo: agency", "© Agency", "Next story", "Related", "Tags"}},
		{"a figure holding a quotation is body",
			"<figure><blockquote><p>We will build it.</p></blockquote><figcaption>The mayor</figcaption></figure>",
			[]string{"We will build it."}, []string{"The mayor"}},
		{"a hover card of links inside a paragraph is set aside",
			"<p>Rep. <span><a href=/p/jr>Jane Roe</a><span><a href=/p/jr>Jane Roe</a> <a href=/a1>Budget passes</a> | <a href=/a2>Vote delayed</a> <a href=/p/jr>MORE</a></span></span> (D-Ore.) spoke.</p>" +
				"<p>She cited <span><a href=/x>one</a>, <a href=/y>two</a> and <a href=/z>three</a></span> reports.</p>",
			[]string{"Rep. Jane Roe (D-Ore.) spoke.", "She cited one, two and three reports."}, []string{"Jane Roe Budget passes | Vote delayed MORE"}},
		{"an embedded post is marked; a plain quotation is body",
			"<p>Body text.</p><blockquote class=\"twitter-tweet\"><p>Work starts this summer.</p>— Port Ellis (@portellis) March 3, 2026</blockquote>" +
				"<blockquote cite=\"https://www.instagram.com/p/x/\"><p>A post.</p></blockquote><blockquote><p>We will build it.</p></blockquote>",
			[]string{"Body text.", "> Work starts this summer.", "> — Port Ellis (@portellis) March 3, 2026", "> A post.", "We will build it."}, nil},
		{"a form is read like a division",
			"<form><p>Body text.</p></form>",
			[]string{"Body text."}, nil},
		{"hidden elements are skipped",
			"<p>Shown.</p><p aria-hidden=\"true\">Hidden.</p><div hidden>Also hidden.</div>",
			[]string{"Shown."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			blocks, dropped := pageBlocks(doc)
			var got []string
			for _, b := range blocks {
				switch {
				case b.Heading:
					got = append(got, "# "+b.Text)
				case b.Embed:
					got = append(got, "> "+b.Text)
				default:
					got = append(got, b.Text)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("blocks = %q, want %q", got, tt.want)
			}
			if !slices.Equal(dropped, tt.dropped) {
				t.Errorf("dropped = %q, want %q", dropped, tt.dropped)
			}
		})
	}
}
