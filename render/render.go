// Package render writes a brief.Briefing or brief.Digest as Markdown, PDF
// or JSON.
//
// Each format is one function taking an io.Writer and the value; render
// imports brief, never the other way round.
package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/brief-dev/brief/brief"
)

// Options tune the renderers. The zero value gives the defaults.
type Options struct {
	Cite    bool      // show source sentence ids after each bullet
	Paper   string    // PDF paper size: "a4" (default) or "letter"
	Version string    // brief's version, for the PDF Creator field
	Date    time.Time // PDF creation date; the same date gives the same bytes
}

// JSON writes b as indented JSON.
func JSON(w io.Writer, b *brief.Briefing) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// Markdown writes b as CommonMark.
//
// PLACEHOLDER until the renderer issue lands.
func Markdown(w io.Writer, b *brief.Briefing, opt Options) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# %s\n\n", b.Title)
	section := func(h string, bs []brief.Bullet) {
		if len(bs) == 0 {
			return
		}
		fmt.Fprintf(&sb, "## %s\n\n", h)
		for _, x := range bs {
			fmt.Fprintf(&sb, "- %s", x.Text)
			if opt.Cite {
				fmt.Fprintf(&sb, " [%s]", strings.Join(x.Sources, ", "))
			}
			sb.WriteString("\n")
		}
		sb.WriteString("\n")
	}
	section("Bottom line", b.BottomLine)
	section("Key points", b.KeyPoints)
	section("Background", b.Background)
	section("Outlook", b.Outlook)
	_, err := io.WriteString(w, sb.String())
	return err
}

// PDF writes b as a PDF briefing memo.
//
// PLACEHOLDER until the renderer issue lands.
func PDF(w io.Writer, b *brief.Briefing, opt Options) error {
	return errors.New("PDF output is not implemented yet")
}

// DigestJSON writes d as indented JSON.
func DigestJSON(w io.Writer, d *brief.Digest) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// DigestMarkdown writes d as CommonMark.
//
// PLACEHOLDER until the renderer issue lands.
func DigestMarkdown(w io.Writer, d *brief.Digest, opt Options) error {
	fmt.Fprintf(w, "# Digest %s\n\n## Key developments\n\n", d.Date)
	for _, k := range d.KeyDevelopments {
		fmt.Fprintf(w, "- %s\n", k.Text)
	}
	for _, a := range d.Articles {
		fmt.Fprintf(w, "\n## %s\n\n", a.Title)
	}
	return nil
}

// DigestPDF writes d as a PDF with a bookmark per article.
//
// PLACEHOLDER until the renderer issue lands.
func DigestPDF(w io.Writer, d *brief.Digest, opt Options) error {
	return errors.New("PDF output is not implemented yet")
}
