package render

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/internal/golden"
)

// checkGolden compares got with the golden file testdata/render/name, or
// rewrites the file with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("..", "testdata", "render", name), got)
}

func TestMarkdownGolden(t *testing.T) {
	tests := []struct {
		name string
		b    *brief.Briefing
		opt  Options
	}{
		{"syria.md", syriaBriefing(), Options{}},
		{"syria-cite.md", syriaBriefing(), Options{Cite: true}},
		{"unicode.md", unicodeBriefing(), Options{Cite: true}},
		{"sparse.md", &brief.Briefing{
			Title:     "# Hashtags, *stars* and 1. lists",
			KeyPoints: []brief.Bullet{bullet("- a dash opens this point"), bullet("2016. A year opens this one"), bullet("Prices rose 5*3 times; see [the report](http://x) and <b>bold</b> &amp; snake_case _under_")},
		}, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Markdown(&buf, tt.b, tt.opt); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, buf.Bytes())
		})
	}
}

func TestDigestMarkdownGolden(t *testing.T) {
	for _, cite := range []bool{false, true} {
		name := "digest.md"
		if cite {
			name = "digest-cite.md"
		}
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := DigestMarkdown(&buf, testDigest(), Options{Cite: cite}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, buf.Bytes())
		})
	}
}

func TestMarkdownSections(t *testing.T) {
	b := syriaBriefing()
	b.Actors, b.Background, b.Statements = nil, []brief.Bullet{}, nil
	var buf bytes.Buffer
	if err := Markdown(&buf, b, Options{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, absent := range []string{"## Actors", "## Background", "## Statements"} {
		if strings.Contains(md, absent) {
			t.Errorf("empty section %q is shown:\n%s", absent, md)
		}
	}
	for _, present := range []string{"# No deal on Syria as Obama and Putin meet\n", "## Bottom line\n\n- US President", "## Key points\n", "## Outlook\n", "\nSource: “No deal on Syria"} {
		if !strings.Contains(md, present) {
			t.Errorf("missing %q in:\n%s", present, md)
		}
	}
	if strings.Contains(md, "\n\n\n") || !strings.HasSuffix(md, ".\n") {
		t.Errorf("stray blank lines or ending:\n%q", md)
	}
}

func TestStatementMarkdown(t *testing.T) {
	b := &brief.Briefing{Title: "T", Statements: []brief.Statement{
		{Quote: "It was constructive,", Speaker: "a US official"},
		{Quote: "“Already quoted,”", Speaker: "Ms Roe"},
		{Quote: "No speaker known."},
	}}
	var buf bytes.Buffer
	if err := Markdown(&buf, b, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "## Statements\n\n- “It was constructive,” — a US official\n- “Already quoted,” — Ms Roe\n- “No speaker known.”\n"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("got\n%s\nwant it to contain\n%s", buf.String(), want)
	}
}

func TestEscapeMD(t *testing.T) {
	tests := []struct {
		in        string
		lineStart bool
		want      string
	}{
		{"Plain text, with “quotes” — and dashes.", true, "Plain text, with “quotes” — and dashes."},
		{"snake_case stays", true, "snake_case stays"},
		{"_emphasis_ is escaped", true, `\_emphasis\_ is escaped`},
		{"a *star* and 2 * 3", false, `a \*star\* and 2 * 3`},
		{"# not a heading", true, `\# not a heading`},
		{"# mid-line hash", false, "# mid-line hash"},
		{"> not a quote", true, `\> not a quote`},
		{"- not a list", true, `\- not a list`},
		{"-5 degrees", true, "-5 degrees"},
		{"* star list", true, `\* star list`},
		{"2016. A year", true, `2016\. A year`},
		{"3) item", true, `3\) item`},
		{"1.5 million", true, "1.5 million"},
		{"see [the report](http://x)", false, `see [the report\](http://x)`},
		{"[sic] stays", false, "[sic] stays"},
		{"<b>tag</b> and 3 < 4", false, `\<b>tag\</b> and 3 < 4`},
		{"AT&T and &amp; and &#8212;", false, `AT&T and \&amp; and \&#8212;`},
		{"a `code` span", false, "a \\`code\\` span"},
		{`back\slash and \*`, false, `back\slash and \\\*`},
		{"~~struck~~", false, `\~\~struck\~\~`},
		{"= rule", true, `\= rule`},
	}
	for _, tt := range tests {
		if got := escapeMD(tt.in, tt.lineStart); got != tt.want {
			t.Errorf("escapeMD(%q, %v) = %q, want %q", tt.in, tt.lineStart, got, tt.want)
		}
	}
	if got, want := escapeHeading("Trending #"), `Trending \#`; got != want {
		t.Errorf("escapeHeading = %q, want %q", got, want)
	}
}

func TestMarkdownDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Markdown(&a, unicodeBriefing(), Options{Cite: true}); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&b, unicodeBriefing(), Options{Cite: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders differ")
	}
}
