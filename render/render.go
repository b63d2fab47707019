// Package render writes a brief.Briefing as Markdown, PDF or JSON.
//
// Each format is one function taking an io.Writer and the briefing value;
// render imports brief, never the other way round.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/brief-dev/brief/brief"
)

// Options tune the renderers. The zero value gives the defaults.
type Options struct {
	Cite bool // show source sentence ids after each bullet (Markdown)
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
