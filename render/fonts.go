package render

import (
	"fmt"
	"strings"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// The PDF embeds the Go fonts (a freely licensed TrueType family by
// Bigelow & Holmes that ships inside the binary, so that the output looks
// the same on a machine with no fonts installed). They cover Latin with
// its accents, Greek, Cyrillic and typographic punctuation.

// The PDF library names an embedded font "utf8" followed by the family
// name as given, in lower case, and writes no subset tag. Each face is
// registered as a family of its own, named so that its PDF name has the
// length of a proper subset name ("GOFNTR+GoRegular"); writePDF swaps the
// one for the other, which keeps every byte offset in the file valid and
// lets tools see that the fonts are subset.

// family is the family name the face is registered under.
func (s fontStyle) family() string {
	return "sub" + s.psName()
}

// libraryName is the font name the PDF library writes for the face.
func (s fontStyle) libraryName() string {
	return "/utf8" + strings.ToLower(s.family())
}

// subsetName is the face's PDF name with a subset tag.
func (s fontStyle) subsetName() string {
	return "/GOFNT" + string("RBIJ"[s]) + "+" + s.psName()
}

// psName is the face's PostScript name.
func (s fontStyle) psName() string {
	switch s {
	case bold:
		return "GoBold"
	case italic:
		return "GoItalic"
	case boldItalic:
		return "GoBoldItalic"
	default:
		return "GoRegular"
	}
}

// ttf returns the TrueType bytes of a face.
func (s fontStyle) ttf() []byte {
	switch s {
	case bold:
		return gobold.TTF
	case italic:
		return goitalic.TTF
	case boldItalic:
		return gobolditalic.TTF
	default:
		return goregular.TTF
	}
}

// nbsp is the no-break space, which keeps words together on a line.
const nbsp = "\u00a0"

// coverage tells which characters the embedded fonts can show.
type coverage struct {
	font *sfnt.Font
	buf  sfnt.Buffer
}

func newCoverage() (*coverage, error) {
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("reading the embedded font: %w", err)
	}
	return &coverage{font: f}, nil
}

// has reports whether the fonts have a glyph for r.
func (c *coverage) has(r rune) bool {
	i, err := c.font.GlyphIndex(&c.buf, r)
	return err == nil && i != 0
}

// stand-ins for characters the Go fonts lack, close enough to read the
// same. The empty string drops a character that has no look of its own.
var standIns = map[rune]string{
	'\u2010': "-", '\u2011': "-", '\u2012': "–", '\u2015': "—", '\u2212': "−",
	'\u2007': " ", '\u2008': " ", '\u2009': " ", '\u200a': " ", '\u202f': nbsp, '\u2002': " ", '\u2003': " ",
	'\u200b': "", '\u200c': "", '\u200d': "", '\u2060': "", '\ufeff': "", '\u00ad': "",
	'\u2032': "'", '\u2033': "\"", '\u2043': "-", '\u2044': "/", '\u2027': "·",
}

// displayable returns s with each character the fonts lack replaced by a
// stand-in that reads the same, where there is one. Other missing
// characters are kept: they show as a box but still copy out.
func (c *coverage) displayable(s string) string {
	ok := true
	for _, r := range s {
		if r >= 0x2000 || r == 0xad {
			if !c.has(r) {
				ok = false
				break
			}
		}
	}
	if ok {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		if r >= 0x2000 || r == 0xad {
			if !c.has(r) {
				if alt, found := standIns[r]; found && (alt == "" || c.has([]rune(alt)[0])) {
					sb.WriteString(alt)
					continue
				}
			}
		}
		sb.WriteRune(r)
	}
	return sb.String()
}
