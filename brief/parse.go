package brief

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/byline"
	"github.com/brief-dev/brief/brief/decode"
	"github.com/brief-dev/brief/brief/sentences"
)

// Limits of the layout heuristics, in runes or words.
const (
	maxTitleRunes    = 150
	maxTitleWords    = 25
	maxHeadingRunes  = 80
	maxHeadingWords  = 10
	maxStandfirst    = 600 // runes in one standfirst paragraph
	datelineSearch   = 3   // datelines are looked for in the first paragraphs
	defaultRuleLimit = 300 // maxLen of a line rule that sets none
)

// unit is one line or paragraph of the input before classification.
type unit struct {
	text string
	// own is true when the unit is a line of its own: a one-line block,
	// or any line of a text without blank lines.
	own bool
}

// Parse turns the text of a news article into a Document: title,
// standfirst, dateline, byline, publication time, sections of paragraphs
// of sentences, and the lines dropped as site boilerplate. Text should
// already be decoded (see [DecodeText]); Parse also accepts CRLF line
// ends. It returns [ErrEmpty], [ErrBinary] or [ErrNoSentences] when the
// text holds no article.
func Parse(text string) (*Document, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	if looksBinaryText(text) {
		return nil, ErrBinary
	}
	p := &parser{doc: &Document{Dropped: []string{}}}
	units := splitUnits(text)
	p.classify(units)
	p.findDateline()
	p.buildSections()
	if p.n == 0 {
		return nil, ErrNoSentences
	}
	return p.doc, nil
}

// parser holds the state of one Parse call.
type parser struct {
	doc *Document
	// blocks are the body parts in order: paragraphs and headings.
	blocks []block
	n      int // sentences numbered so far
}

// block is a body paragraph or a section heading.
type block struct {
	text    string
	heading bool
	embed   bool // from an embedded post (Block.Embed)
}

// splitUnits cuts text into lines and paragraphs. Paragraphs are separated
// by blank lines; in a text without blank lines, each line is a paragraph
// unless the lines look hard-wrapped.
func splitUnits(text string) []unit {
	var paras [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		line = cleanSpace(line)
		if line == "" {
			if len(cur) > 0 {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	if len(paras) == 1 && !hardWrapped(paras[0]) {
		// No blank lines: one paragraph per line.
		var out []unit
		for _, l := range paras[0] {
			out = append(out, unit{text: l, own: true})
		}
		return out
	}
	var out []unit
	for _, lines := range paras {
		if len(lines) == 1 {
			out = append(out, unit{text: lines[0], own: true})
			continue
		}
		// A block of several lines: lines that a rule recognises stand
		// alone, and so does a leading heading; the rest are joined.
		var acc []string
		flush := func() {
			if len(acc) > 0 {
				out = append(out, unit{text: strings.Join(acc, " ")})
				acc = nil
			}
		}
		for i, l := range lines {
			_, ruled := matchLine(l)
			lead := i == 0 && len(lines) > 1 && looksLikeHeading(l) &&
				utf8.RuneCountInString(l)*10 < utf8.RuneCountInString(lines[1])*6
			if ruled || lead {
				flush()
				out = append(out, unit{text: l, own: true})
				continue
			}
			acc = append(acc, l)
		}
		flush()
	}
	return out
}

// hardWrapped reports whether lines look like one text wrapped at a fixed
// width rather than one paragraph per line.
func hardWrapped(lines []string) bool {
	if len(lines) < 3 {
		return false
	}
	long, open := 0, 0
	for _, l := range lines {
		if utf8.RuneCountInString(l) < 40 {
			continue
		}
		long++
		if !sentences.Ended(l) {
			open++
		}
	}
	return long >= 3 && open*2 > long
}

// classify sorts units into title, byline, stamp, dropped boilerplate,
// headings and paragraphs. A heading is a short line of its own between
// body paragraphs: the next unit that no rule removes is a paragraph, and
// the one before (if any) is not another short line.
func (p *parser) classify(units []unit) {
	ruled := make([]bool, len(units))
	short := make([]bool, len(units))
	for i, u := range units {
		_, ruled[i] = matchLine(u.text)
		short[i] = looksLikeHeading(u.text)
	}
	// bodyNext[i]: the next unruled unit after i is a paragraph.
	bodyNext := make([]bool, len(units))
	next := false
	for i := len(units) - 1; i >= 0; i-- {
		bodyNext[i] = next
		if !ruled[i] {
			next = !short[i]
		}
	}
	title := startsWithTitle(units)
	prevShort := false
	for i, u := range units {
		switch {
		case i == 0 && title:
			p.doc.Title = u.text
		case ruled[i]:
			r, _ := matchLine(u.text)
			p.apply(r, u.text)
		case u.own && i > 0 && short[i] && bodyNext[i] && !prevShort:
			p.blocks = append(p.blocks, block{text: u.text, heading: true})
		default:
			p.blocks = append(p.blocks, block{text: u.text})
		}
		if !ruled[i] && !(i == 0 && title) {
			prevShort = short[i]
		}
	}
}

// startsWithTitle reports whether the first unit is the title: a short line
// without a full stop, followed by the rest of the article.
func startsWithTitle(units []unit) bool {
	if len(units) < 2 || !units[0].own {
		return false
	}
	t := units[0].text
	if utf8.RuneCountInString(t) > maxTitleRunes || len(strings.Fields(t)) > maxTitleWords {
		return false
	}
	if r, ok := matchLine(t); ok && !r.headline {
		return false
	}
	if _, _, ok := matchDateline(t); ok {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".,;:", last)
}

// looksLikeHeading reports whether line could be a subheading: short,
// starting with a capital or digit, without end punctuation.
func looksLikeHeading(line string) bool {
	if utf8.RuneCountInString(line) > maxHeadingRunes || len(strings.Fields(line)) > maxHeadingWords {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;:!?\"”’)…-—", last) {
		return false
	}
	return !strings.Contains(line, "(CNN)")
}

// matchLine finds the line rule that matches line.
func matchLine(line string) (lineRule, bool) {
	return matchRule(line, false)
}

// matchRule finds the rule that matches line; with sentence set, only the
// boilerplate rules meant for single sentences are tried.
func matchRule(line string, sentence bool) (lineRule, bool) {
	for _, r := range lineRules {
		if sentence && !r.inSentence {
			continue
		}
		limit := r.maxLen
		if limit == 0 {
			limit = defaultRuleLimit
		}
		if len(line) > limit || !startsWithAny(line, r.starts) {
			continue
		}
		if !r.re.MatchString(line) {
			continue
		}
		if r.kind == kindByline && !byline.Plausible(r.re.FindStringSubmatch(line)[1]) {
			continue
		}
		return r, true
	}
	return lineRule{}, false
}

// startsWithAny reports whether line begins with one of the lower-case
// words, ignoring case; it is true when words is empty.
func startsWithAny(line string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if len(line) >= len(w) && strings.EqualFold(line[:len(w)], w) {
			return true
		}
	}
	return false
}

// apply records a line recognised by rule r.
func (p *parser) apply(r lineRule, line string) {
	m := r.re.FindStringSubmatch(line)
	switch r.kind {
	case kindByline:
		if p.doc.Byline.Name == "" {
			p.doc.Byline = newByline(byline.Split(m[1]))
			return
		}
	case kindStamp:
		if p.doc.Published == "" && len(m) > 1 {
			p.doc.Published = strings.Trim(m[1], " .|")
			return
		}
	}
	p.doc.Dropped = append(p.doc.Dropped, line)
}

// findDateline strips header prefixes and the dateline from the first
// body paragraphs. Paragraphs before the one with the dateline are the
// standfirst (a teaser or photo caption).
func (p *parser) findDateline() {
	for i := 0; i < len(p.blocks) && i < datelineSearch; i++ {
		b := &p.blocks[i]
		if b.heading {
			return
		}
		if i == 0 {
			b.text = p.stripPrefixes(b.text)
		}
		rest, dl, ok := matchDateline(b.text)
		if !ok {
			continue
		}
		p.doc.Dateline = dl
		b.text = rest
		if i > 0 && p.standfirstFits(i) {
			var parts []string
			for _, sb := range p.blocks[:i] {
				parts = append(parts, sb.text)
			}
			p.doc.Standfirst = strings.Join(parts, " ")
			p.blocks = p.blocks[i:]
		}
		return
	}
}

// standfirstFits reports whether the first n blocks are short enough to
// be a standfirst.
func (p *parser) standfirstFits(n int) bool {
	for _, b := range p.blocks[:n] {
		if b.heading || b.text == "" || utf8.RuneCountInString(b.text) > maxStandfirst {
			return false
		}
	}
	return true
}

// stripPrefixes removes bylines, stamps and dates joined to the start of
// the first paragraph, recording them.
func (p *parser) stripPrefixes(text string) string {
	for changed := true; changed; {
		changed = false
		for _, r := range prefixRules {
			m := r.re.FindStringSubmatch(text)
			if m == nil || len(m[0]) == len(text) {
				continue
			}
			switch {
			case r.kind == kindByline && p.doc.Byline.Name == "":
				p.doc.Byline = newByline(byline.Split(m[1]))
			case r.kind == kindStamp && p.doc.Published == "":
				p.doc.Published = strings.TrimSpace(m[1])
			default:
				p.doc.Dropped = append(p.doc.Dropped, strings.TrimSpace(m[0]))
			}
			text = text[len(m[0]):]
			changed = true
		}
	}
	return text
}

// matchDateline finds a dateline at the start of text and returns the
// text without it.
func matchDateline(text string) (rest string, dl Dateline, ok bool) {
	for _, re := range datelineRules {
		m := re.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		end := m[1]
		for gi, name := range re.SubexpNames() {
			if m[2*gi] < 0 {
				continue
			}
			v := text[m[2*gi]:m[2*gi+1]]
			switch name {
			case "place":
				dl.Place = strings.Trim(v, " ,")
			case "source":
				dl.Source = v
			case "dateline":
				end = m[2*gi+1]
			}
		}
		rest = strings.TrimLeft(text[end:], " ")
		return rest, dl, true
	}
	return text, Dateline{}, false
}

// buildSections splits body blocks into sentences and sections.
func (p *parser) buildSections() {
	secs := []Section{{Paragraphs: []Paragraph{}}}
	for _, b := range p.blocks {
		if b.heading {
			secs = append(secs, Section{Heading: b.text, Paragraphs: []Paragraph{}})
			continue
		}
		para := Paragraph{Embed: b.embed}
		for _, s := range sentences.Split(b.text) {
			s = p.stripInnerDateline(s)
			if loc := trailingCredit.FindStringIndex(s); loc != nil {
				p.doc.Dropped = append(p.doc.Dropped, strings.TrimSpace(s[loc[0]:]))
				s = s[:loc[0]]
			}
			if !sentences.HasWord(s) || isSentenceBoilerplate(s) {
				p.doc.Dropped = append(p.doc.Dropped, s)
				continue
			}
			p.n++
			para.Sentences = append(para.Sentences, Sentence{ID: "s" + strconv.Itoa(p.n), Text: s})
		}
		if len(para.Sentences) > 0 {
			last := &secs[len(secs)-1]
			last.Paragraphs = append(last.Paragraphs, para)
		}
	}
	for _, s := range secs {
		switch {
		case len(s.Paragraphs) > 0:
			p.doc.Sections = append(p.doc.Sections, s)
		case s.Heading != "":
			p.doc.Dropped = append(p.doc.Dropped, s.Heading)
		}
	}
}

// stripInnerDateline removes a CNN dateline that starts a sentence inside
// the body (as where two stories were joined), recording it in Dropped.
func (p *parser) stripInnerDateline(s string) string {
	if !strings.Contains(s, "(CNN)") {
		return s
	}
	m := datelineRules[0].FindStringSubmatchIndex(s)
	if m == nil || !strings.Contains(s[:m[1]], "(CNN)") {
		return s
	}
	p.doc.Dropped = append(p.doc.Dropped, strings.TrimSpace(s[:m[1]]))
	return strings.TrimLeft(s[m[1]:], " ")
}

// isSentenceBoilerplate reports whether a body sentence matches a
// boilerplate rule meant for sentences.
func isSentenceBoilerplate(s string) bool {
	r, ok := matchRule(s, true)
	return ok && r.kind == kindBoilerplate
}

// cleanSpace trims a line and collapses runs of white space.
func cleanSpace(s string) string {
	s = strings.TrimSpace(s)
	prevSpace := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return s
}

// looksBinaryText reports whether text holds NUL bytes or many control
// characters, as binary data does.
func looksBinaryText(text string) bool {
	ctrl, total := 0, 0
	for _, r := range text {
		total++
		if r == 0 {
			return true
		}
		if decode.IsBinaryControl(r) {
			ctrl++
		}
	}
	return ctrl*decode.BinaryControlShare > total
}
