package render

// Line breaking for the PDF: it measures text through the layout (which
// asks the PDF library, in pdf.go, for the width of each rune once) and
// cuts lines at spaces, or inside a word too long for a line.

import (
	"strings"
	"unicode/utf8"
)

// width is the width in mm of s set in the given style and size.
func (l *layout) width(s string, st fontStyle, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += l.runeWidth(st, r)
	}
	return w * size
}

func (l *layout) runeWidth(st fontStyle, r rune) float64 {
	if r >= 0 && r < 256 {
		if !l.known[st][r] {
			l.latin[st][r] = l.measure(st, r)
			l.known[st][r] = true
		}
		return l.latin[st][r]
	}
	k := runeKey{st, r}
	if w, ok := l.unit[k]; ok {
		return w
	}
	w := l.measure(st, r)
	l.unit[k] = w
	return w
}

// token is a word, or the piece of a word that fits on a line.
type token struct {
	text   string
	style  fontStyle
	size   float64
	tone   tone
	w      float64
	spaceW float64 // width of the space after it; 0 when none follows
	brk    bool    // a forced line break
	glue   bool    // keep on the line of the word before it
}

// wrap breaks the spans of a block into lines at most maxW wide. A word
// wider than a line (a long URL) is broken between characters, so that
// nothing ever runs past the margin.
func (l *layout) wrap(spans []span, lk look, maxW float64) [][]token {
	var toks []token
	for _, s := range spans {
		if s.text == "\n" {
			toks = append(toks, token{brk: true})
			continue
		}
		st, size, tn := spanStyle(s, lk), spanSize(s, lk), spanTone(s, lk)
		for i, word := range strings.Split(l.cov.displayable(s.text), " ") {
			if i > 0 && len(toks) > 0 && !toks[len(toks)-1].brk {
				prev := &toks[len(toks)-1]
				prev.spaceW = l.width(" ", prev.style, prev.size)
			}
			if word == "" {
				continue
			}
			toks = append(toks, token{text: word, style: st, size: size, tone: tn, w: l.width(word, st, size), glue: s.small && i == 1})
		}
	}

	var lines [][]token
	var cur []token
	curW := 0.0
	flush := func() {
		if len(cur) > 0 {
			cur[len(cur)-1].spaceW = 0
			lines = append(lines, cur)
		}
		cur, curW = nil, 0
	}
	for _, t := range toks {
		if t.brk {
			flush()
			continue
		}
		gap := 0.0
		if len(cur) > 0 {
			gap = cur[len(cur)-1].spaceW
		}
		if curW+gap+t.w <= maxW+epsilon {
			cur = append(cur, t)
			curW += gap + t.w
			continue
		}
		// A glued token (a citation marker) takes the word before it
		// along to the next line rather than start a line alone.
		var carry []token
		if t.glue && len(cur) > 1 {
			carry = []token{cur[len(cur)-1]}
			cur = cur[:len(cur)-1]
		}
		flush()
		if len(carry) == 1 && carry[0].w+carry[0].spaceW+t.w <= maxW+epsilon {
			cur, curW = carry, carry[0].w
			cur = append(cur, t)
			curW += carry[0].spaceW + t.w
			continue
		}
		if len(carry) == 1 {
			cur, curW = carry, carry[0].w
			flush()
		}
		if t.w > maxW+epsilon {
			lines, t = l.splitToken(lines, t, maxW)
		}
		cur, curW = []token{t}, t.w
	}
	flush()
	return lines
}

// splitToken cuts t, a token wider than maxW, into pieces at most maxW
// wide (but at least one character each). It appends every piece but the
// last to lines, one piece a line, and returns the last piece, which fits
// on a line.
//
// The work is linear in the length of t, however long it is (a hostile
// page can hold megabytes without a space): each cut scans only the
// characters of the piece it cuts off, and whether the rest still
// overflows is decided by measuring the rest only until it overflows.
// The widths are added up in the order l.width adds them, so that every
// piece gets exactly the width l.width would give it, and the PDF is the
// same as with measuring the whole rest: a partial sum of widths, which
// are never negative, never exceeds the whole sum, so a rest whose
// beginning overflows overflows as a whole, and a rest measured to its
// end is measured as l.width measures it.
func (l *layout) splitToken(lines [][]token, t token, maxW float64) ([][]token, token) {
	limit := maxW + epsilon
	for cuts := 1; t.w > limit; cuts++ {
		if cuts%splitPoll == 0 && l.stopped() {
			break
		}
		w, cut := 0.0, 0
		for cut < len(t.text) {
			r, n := utf8.DecodeRuneInString(t.text[cut:])
			rw := l.runeWidth(t.style, r) * t.size
			if w+rw > limit && cut > 0 {
				break
			}
			w += rw
			cut += n
		}
		head := t
		head.text, head.w, head.spaceW = t.text[:cut], w, 0
		lines = append(lines, []token{head})
		t.text = t.text[cut:]
		units := 0.0
		for _, r := range t.text {
			units += l.runeWidth(t.style, r)
			if units*t.size > limit {
				break
			}
		}
		t.w = units * t.size
	}
	return lines, t
}

// splitPoll is how many lines splitToken cuts between looks at the
// context.
const splitPoll = 1024

// balance rewraps a heading that ends in a lone word on a narrower
// measure, so that its last line carries at least two words, as long as
// that takes no more lines.
func (l *layout) balance(spans []span, lk look, maxW float64, lines [][]token) [][]token {
	for w := maxW * 0.95; len(lines) > 1 && len(lines[len(lines)-1]) < 2 && w > maxW*0.6; w -= maxW * 0.05 {
		narrower := l.wrap(spans, lk, w)
		if len(narrower) > len(lines) {
			break
		}
		lines = narrower
	}
	return lines
}

// truncate shortens s, which is w mm wide, with an ellipsis to at most
// maxW mm.
func (l *layout) truncate(s string, w float64, st fontStyle, size, maxW float64) string {
	if w <= maxW {
		return s
	}
	ell := l.width("…", st, size)
	w = 0.0
	for i, r := range s {
		w += l.runeWidth(st, r) * size
		if w+ell > maxW {
			return strings.TrimRight(s[:i], " ,;:·—–-") + "…"
		}
	}
	return s
}
