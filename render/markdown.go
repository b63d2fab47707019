package render

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
)

// Markdown writes b as CommonMark that also reads well as plain text in
// an e-mail body: a title, a metadata line, a heading per non-empty
// section, "- " bullets, quotations with their speaker, and a closing
// source line. With opt.Cite each bullet ends in its source sentence ids,
// as " [s3, s4]". Characters that Markdown would take as markup are
// escaped only where they would be.
func Markdown(w io.Writer, b *brief.Briefing, opt Options) error {
	if b == nil {
		return errNil
	}
	m := newMDWriter(w)
	m.heading(1, title(b))
	m.para(metaLine(b.Meta))
	m.briefingBody(b, opt, 2)
	m.para(sourceLine(b))
	return m.flush()
}

// DigestMarkdown writes d as CommonMark: the key developments across all
// articles, each naming the inputs it came from, then a section per
// article with its title, source, bottom line and key points.
func DigestMarkdown(w io.Writer, d *digest.Digest, opt Options) error {
	return DigestMarkdownContext(context.Background(), w, d, opt)
}

// DigestMarkdownContext is DigestMarkdown that stops when ctx is done. It
// checks ctx before each article and writes to w only once the whole
// digest is made, so a stopped render writes nothing; it then returns an
// error wrapping ctx.Err().
func DigestMarkdownContext(ctx context.Context, w io.Writer, d *digest.Digest, opt Options) error {
	if d == nil {
		return errNil
	}
	var buf bytes.Buffer
	if err := digestMarkdown(ctx, &buf, d, opt); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("making the Markdown: %w", err)
	}
	_, err := buf.WriteTo(w)
	return err
}

func digestMarkdown(ctx context.Context, w io.Writer, d *digest.Digest, opt Options) error {
	p := planDigest(d)
	m := newMDWriter(w)
	m.heading(1, p.title)
	m.para(p.meta)
	if len(p.keys) > 0 {
		m.heading(2, headKeyDevs)
		for i, k := range p.keys {
			item := escapeMD(k.text, false) + escapeMD(keySuffix(k), false)
			if opt.Cite {
				item += mdCites(k.cites)
			}
			m.item(strconv.Itoa(i+1)+". ", item)
		}
	}
	if len(p.stories) > 0 {
		m.heading(2, headStories)
	}
	for _, s := range p.stories {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("making the Markdown: %w", err)
		}
		m.rawHeading(3, strconv.Itoa(s.number)+". "+escapeMD(s.title, false))
		m.para(storyLead(s))
		for _, a := range s.articles {
			if s.reports > 1 || a.title != s.title || a.url != "" {
				m.rawHeading(4, mdLink(a.title, a.url))
			}
			m.para(strings.Join(a.meta, metaSep))
			for k, x := range a.bottom {
				if t := clean(x.Text); t != "" {
					lead := ""
					if k == 0 {
						lead = "**" + headBottomLine + ":** "
					}
					m.bullet(lead + escapeMD(t, lead == "") + escapeMD(cite(opt, x.Sources), false))
				}
			}
			for _, x := range a.keys {
				if t := clean(x.Text); t != "" {
					m.bullet(escapeMD(t, true) + escapeMD(cite(opt, x.Sources), false))
				}
			}
		}
	}
	if len(p.others) > 0 {
		m.heading(2, headOthers)
	}
	for _, o := range p.others {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("making the Markdown: %w", err)
		}
		item := mdLink(o.title, o.url)
		if o.line != "" {
			item += " — " + escapeMD(o.line, false)
		}
		if o.source != "" {
			item += " (" + escapeMD(o.source, false) + ")"
		}
		m.bullet(item)
	}
	return m.flush()
}

// mdLink is text as a Markdown link to url, or text alone without one.
func mdLink(text, url string) string {
	t := escapeMD(clean(text), false)
	if url == "" {
		return t
	}
	t = strings.NewReplacer("[", `\[`, "]", `\]`).Replace(t)
	return "[" + t + "](" + linkURL(url) + ")"
}

// linkURL escapes the characters of url that would end a Markdown link
// destination.
func linkURL(url string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(clean(url))
}

// mdCites is the citation of a key development in Markdown: the titles of
// its articles (linked when they are web pages) and the sentence ids.
func mdCites(groups []citeGroup) string {
	return formatCites(groups, func(g citeGroup) string { return mdLink(g.title, g.url) }, " \\[", "\\]")
}

// mdWriter writes Markdown blocks separated by blank lines. Its first
// write error is kept and returned by flush.
type mdWriter struct {
	w       *bufio.Writer
	inList  bool // the last block was a list item
	started bool
}

func newMDWriter(w io.Writer) *mdWriter {
	return &mdWriter{w: bufio.NewWriter(w)}
}

// block starts a new block, with a blank line before it unless it
// continues a list.
func (m *mdWriter) block(listItem bool) {
	if m.started && !(listItem && m.inList) {
		m.w.WriteString("\n")
	}
	m.started = true
	m.inList = listItem
}

func (m *mdWriter) heading(level int, text string) {
	m.block(false)
	m.w.WriteString(strings.Repeat("#", level) + " " + escapeHeading(text) + "\n")
}

func (m *mdWriter) para(text string) {
	if text = clean(text); text == "" {
		return
	}
	m.block(false)
	m.w.WriteString(escapeMD(text, true) + "\n")
}

// bullet writes one list item; item is already escaped.
func (m *mdWriter) bullet(item string) {
	m.item("- ", item)
}

// item writes one list item with the given marker ("- ", "1. "); item is
// already escaped.
func (m *mdWriter) item(marker, item string) {
	m.block(true)
	m.w.WriteString(marker + item + "\n")
}

// rawHeading writes a heading whose text is already escaped.
func (m *mdWriter) rawHeading(level int, text string) {
	m.block(false)
	m.w.WriteString(strings.Repeat("#", level) + " " + text + "\n")
}

// bullets writes a section of bullets under a heading, or nothing when
// the section is empty.
func (m *mdWriter) bullets(level int, heading string, bs []brief.Bullet, opt Options) {
	var items []string
	for _, x := range bs {
		if t := clean(x.Text); t != "" {
			items = append(items, escapeMD(t, true)+escapeMD(cite(opt, x.Sources), false))
		}
	}
	if len(items) == 0 {
		return
	}
	m.heading(level, heading)
	for _, it := range items {
		m.bullet(it)
	}
}

// briefingBody writes the sections of b, headings at the given level.
func (m *mdWriter) briefingBody(b *brief.Briefing, opt Options, level int) {
	m.bullets(level, headBottomLine, b.BottomLine, opt)
	m.bullets(level, headKeyPoints, freshKeyPoints(b.BottomLine, b.KeyPoints), opt)
	var actors []string
	for _, a := range b.Actors {
		if name := clean(a.Name); name != "" {
			actors = append(actors, "**"+escapeMD(name, false)+"**"+escapeMD(roleSuffix(a.Role)+cite(opt, a.Sources), false))
		}
	}
	if len(actors) > 0 {
		m.heading(level, headActors)
		for _, a := range actors {
			m.bullet(a)
		}
	}
	var quotes []string
	for _, s := range b.Statements {
		if q := quoted(s.Quote); q != "" {
			quotes = append(quotes, escapeMD(q, true)+escapeMD(speakerSuffix(s.Speaker)+cite(opt, s.Sources), false))
		}
	}
	if len(quotes) > 0 {
		m.heading(level, headStatements)
		for _, q := range quotes {
			m.bullet(q)
		}
	}
	m.bullets(level, headBackground, b.Background, opt)
	m.bullets(level, headOutlook, b.Outlook, opt)
}

func (m *mdWriter) flush() error {
	return m.w.Flush()
}

// escapeHeading escapes text for an ATX heading: as a line start, and
// with a closing run of '#' kept as text.
func escapeHeading(text string) string {
	s := escapeMD(clean(text), true)
	if strings.HasSuffix(s, "#") {
		s = s[:len(s)-1] + `\#`
	}
	return s
}

// escapeMD escapes the characters of s that CommonMark would read as
// markup, and leaves every other character as it is, so that the text
// still reads well as plain text. lineStart says s opens a block (a
// paragraph or a list item), where "#", ">", "-", "+", "=" and "1." would
// start a heading, quotation, list or rule.
func escapeMD(s string, lineStart bool) string {
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	if lineStart {
		s = escapeLineStart(&sb, s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				sb.WriteByte('\\')
			}
		case '`':
			sb.WriteByte('\\')
		case '*':
			// A lone "*" between spaces can open or close nothing.
			if !(spaceBefore(s, i) && spaceAfter(s, i+1)) {
				sb.WriteByte('\\')
			}
		case '_':
			// Inside a word (snake_case) "_" is never emphasis.
			if !(wordBefore(s, i) && wordAfter(s, i+1)) {
				sb.WriteByte('\\')
			}
		case '<':
			if i+1 < len(s) && (isASCIILetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) {
				sb.WriteByte('\\')
			}
		case ']':
			if i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '[') {
				sb.WriteByte('\\')
			}
		case '[':
			if strings.HasPrefix(s[i:], "[^") {
				sb.WriteByte('\\')
			}
		case '&':
			if isEntity(s[i+1:]) {
				sb.WriteByte('\\')
			}
		case '~':
			if strings.HasPrefix(s[i:], "~~") || (i > 0 && s[i-1] == '~') {
				sb.WriteByte('\\')
			}
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// escapeLineStart writes s's opening with the escapes it needs at the
// start of a block and returns the rest of s.
func escapeLineStart(sb *strings.Builder, s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '=', '|':
		sb.WriteByte('\\')
		sb.WriteByte(s[0])
		return s[1:]
	case '-', '+', '*', '_':
		if len(s) == 1 || s[1] == ' ' || s[1] == s[0] {
			sb.WriteByte('\\')
			sb.WriteByte(s[0])
			return s[1:]
		}
	}
	// An ordered list marker: up to nine digits, then "." or ")".
	n := 0
	for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && n < 10 && n < len(s) && (s[n] == '.' || s[n] == ')') && (n+1 == len(s) || s[n+1] == ' ') {
		sb.WriteString(s[:n])
		sb.WriteByte('\\')
		sb.WriteByte(s[n])
		return s[n+1:]
	}
	return s
}

// isEntity reports whether s (the text after an '&') opens an HTML entity
// or numeric character reference, such as "amp;" or "#8212;".
func isEntity(s string) bool {
	n := 0
	if strings.HasPrefix(s, "#") {
		n = 1
		if len(s) > 1 && (s[1] == 'x' || s[1] == 'X') {
			n = 2
		}
	}
	start := n
	for n < len(s) && n-start < 32 && (isASCIILetter(s[n]) || (s[n] >= '0' && s[n] <= '9')) {
		n++
	}
	return n > start && n < len(s) && s[n] == ';'
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func isASCIILetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func spaceBefore(s string, i int) bool {
	return i == 0 || s[i-1] == ' '
}

func spaceAfter(s string, i int) bool {
	return i >= len(s) || s[i] == ' '
}

func wordBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func wordAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
