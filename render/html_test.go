package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
	"golang.org/x/net/html"
)

func TestHTMLGolden(t *testing.T) {
	tests := []struct {
		name string
		b    *brief.Briefing
		opt  Options
	}{
		{"syria.html", syriaBriefing(), Options{Version: "test"}},
		{"syria-cite.html", syriaBriefing(), Options{Cite: true, Version: "test"}},
		{"unicode.html", unicodeBriefing(), Options{Version: "test"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := HTML(&buf, tt.b, tt.opt); err != nil {
				t.Fatal(err)
			}
			checkHTMLPage(t, buf.Bytes())
			checkGolden(t, tt.name, buf.Bytes())
		})
	}
}

func TestDigestHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := DigestHTML(&buf, testDigest(), Options{Cite: true}); err != nil {
		t.Fatal(err)
	}
	checkHTMLPage(t, buf.Bytes())
	checkGolden(t, "digest.html", buf.Bytes())
}

// TestHTMLEscapes: text from an article can never become markup.
func TestHTMLEscapes(t *testing.T) {
	b := &brief.Briefing{
		Title:      `<script>alert("t")</script> & co`,
		Meta:       brief.Meta{Source: `"><img src=x onerror=alert(1)>`, Lang: `en" onload="x`},
		BottomLine: []brief.Bullet{bullet(`Prices rose <b>5%</b> & <a href="javascript:x">more</a>.`, "s1")},
		Statements: []brief.Statement{{Quote: `</blockquote><script>x()</script>`, Speaker: "<i>Doe</i>", Sources: []string{"s1"}}},
	}
	var buf bytes.Buffer
	if err := HTML(&buf, b, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<img", "<b>", "<a href", "<i>", `onload="x`} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in the page:\n%s", bad, out)
		}
	}
	checkHTMLPage(t, buf.Bytes())
}

// checkHTMLPage checks what every page brief writes must be: one HTML5
// document with its language, character set and title, an <h1>,
// headings in order, no script and nothing loaded from elsewhere.
func checkHTMLPage(t *testing.T, page []byte) {
	t.Helper()
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) {
		t.Error("no HTML5 doctype")
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var lang, charset, title bool
	h1 := 0
	level := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				for _, a := range n.Attr {
					lang = lang || a.Key == "lang" && a.Val != ""
				}
			case "meta":
				for _, a := range n.Attr {
					charset = charset || a.Key == "charset" && strings.EqualFold(a.Val, "utf-8")
				}
			case "title":
				title = n.FirstChild != nil && strings.TrimSpace(n.FirstChild.Data) != ""
			case "script", "iframe", "object", "embed", "img", "link", "video", "audio", "source":
				t.Errorf("the page has a <%s> element", n.Data)
			case "h1", "h2", "h3", "h4", "h5", "h6":
				l := int(n.Data[1] - '0')
				if l == 1 {
					h1++
				}
				if l > level+1 {
					t.Errorf("heading <%s> after <h%d>: headings skip a level", n.Data, level)
				}
				level = l
			}
			for _, a := range n.Attr {
				if a.Key == "src" || strings.HasPrefix(a.Key, "on") || a.Key == "href" && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(a.Val, "http") {
					t.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !lang || !charset || !title || h1 != 1 {
		t.Errorf("lang %t, charset %t, title %t, %d <h1>; want all and one <h1>", lang, charset, title, h1)
	}
}
