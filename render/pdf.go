package render

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
)

// This file holds every call into the PDF library (codeberg.org/go-pdf/fpdf),
// so that the library stays swappable. The rest of the package builds a
// memo (memo.go) that knows nothing about PDF.
//
// The PDF is made in two passes. Layout measures and wraps every block and
// assigns lines to pages, keeping a heading with what follows it; drawing
// then writes the pages. Since the number of pages is known before the
// first page is drawn, the footer's "Page N of M" needs no alias (fpdf's
// page-count alias leaves the digits of the count out of subset UTF-8
// fonts).

// PDF writes b as a briefing memo: a title block, the date and source,
// section headings, bullets with hanging indents, quotations set apart
// with their speaker, and a footer with the title and "Page N of M" on
// every page. The Go fonts are embedded (subset), so that any Unicode text
// the fonts cover shows and copies out as it is.
func PDF(w io.Writer, b *brief.Briefing, opt Options) error {
	return PDFContext(context.Background(), w, b, opt)
}

// PDFContext is PDF that stops when ctx is done. The layout checks ctx
// between blocks, between pages and every 1,024 lines of a long word.
// The PDF library's final pass, which cannot be stopped part way, runs in
// a goroutine of its own and is abandoned: it finishes on its own, into a
// buffer that is then dropped. Nothing reaches w before the whole PDF is
// made, so a stopped render writes nothing; it returns an error wrapping
// ctx.Err(), so that errors.Is(err, context.Canceled) tells an interrupt.
func PDFContext(ctx context.Context, w io.Writer, b *brief.Briefing, opt Options) error {
	if b == nil {
		return errNil
	}
	if opt.Date.IsZero() {
		if t, err := time.Parse("2006-01-02", b.Meta.Date); err == nil {
			opt.Date = t
		}
	}
	return writePDF(ctx, w, briefingMemo(b, opt), opt)
}

// DigestPDF writes d as a PDF: the key developments, then each story
// with its articles, then the other reports, with an outline entry
// (bookmark) for the key developments, each story and the other
// reports. Titles of articles read from the web link to them.
func DigestPDF(w io.Writer, d *digest.Digest, opt Options) error {
	return DigestPDFContext(context.Background(), w, d, opt)
}

// DigestPDFContext is DigestPDF that stops when ctx is done, as
// PDFContext does: a digest of thousands of articles stops within a
// fraction of a second, with nothing written to w.
func DigestPDFContext(ctx context.Context, w io.Writer, d *digest.Digest, opt Options) error {
	if d == nil {
		return errNil
	}
	if opt.Date.IsZero() {
		if t, err := time.Parse("2006-01-02", d.Date); err == nil {
			opt.Date = t
		}
	}
	return writePDF(ctx, w, digestMemo(d, opt), opt)
}

// geometry is the page and its margins, in millimetres.
type geometry struct {
	paper                    string // fpdf's name for the size
	width, height            float64
	left, right, top, bottom float64 // bottom is the lowest y body text may reach
}

func pageGeometry(paper string) (geometry, error) {
	var g geometry
	switch strings.ToLower(paper) {
	case "", "a4":
		g = geometry{paper: "A4", width: 210, height: 297}
	case "letter":
		g = geometry{paper: "Letter", width: 215.9, height: 279.4}
	default:
		return g, fmt.Errorf("unknown paper size %q: use a4 or letter", paper)
	}
	g.left, g.right, g.top = 22, g.width-22, 20
	g.bottom = g.height - 22
	return g, nil
}

// look is how a kind of block is set.
type look struct {
	size      float64   // font size in points
	leading   float64   // line height in mm
	style     fontStyle // style of spans that do not set their own
	tone      tone      // colour of spans that do not set their own
	indent    float64   // left edge of the text, from the left margin
	marker    string    // drawn before the first line, in the indent
	bar       tone      // colour of a bar to the left of the text
	hasBar    bool
	before    float64 // space above, dropped at the top of a page
	after     float64 // space below
	keepNext  bool    // never the last block on a page
	keepPrev  bool    // never the first block on a page
	balance   bool    // avoid a lone word on the last line
	ruleAbove bool
	ruleBelow bool
}

func lookOf(k blockKind) look {
	switch k {
	case kindKicker:
		return look{size: 8, leading: 4, style: bold, tone: toneMuted, after: 1}
	case kindTitle:
		return look{size: 19, leading: 8.2, style: bold, tone: toneAccent, after: 1.5, keepNext: true, balance: true}
	case kindMeta:
		return look{size: 9, leading: 4.6, tone: toneMuted, after: 1, ruleBelow: true}
	case kindHeading:
		return look{size: 11.5, leading: 6, style: bold, tone: toneAccent, before: 4.2, after: 1, keepNext: true}
	case kindArticle:
		return look{size: 14, leading: 6.6, style: bold, tone: toneText, before: 9, after: 0.8, keepNext: true, ruleAbove: true, balance: true}
	case kindArticleMeta:
		return look{size: 9, leading: 4.6, tone: toneMuted, after: 0.5, keepNext: true}
	case kindSubheading:
		return look{size: 10, leading: 5.4, style: bold, tone: toneAccent, before: 3, after: 0.8, keepNext: true}
	case kindLead:
		return look{size: 11.5, leading: 6, indent: 5, hasBar: true, bar: toneAccent, before: 0.5, after: 1.5}
	case kindQuote:
		return look{size: 10.5, leading: 5, indent: 10, hasBar: true, bar: toneMuted, before: 0.4, after: 1.8}
	case kindSource:
		return look{size: 8.5, leading: 4.2, tone: toneMuted, before: 6, ruleAbove: true, keepPrev: true}
	case kindNumbered:
		return look{size: 10.5, leading: 5, indent: 7.5, after: 1.3}
	default: // kindBullet
		return look{size: 10.5, leading: 5, indent: 6, marker: "•", after: 1.3}
	}
}

const (
	ptToMM   = 25.4 / 72
	ruleGap  = 3   // space between a rule and the text it goes with
	barWidth = 0.8 // width of the bar beside a lead or quotation
	barGap   = 3.5 // space between that bar and the text
	epsilon  = 1e-6
)

// op is one drawing operation on a page.
type op struct {
	kind  opKind
	x, y  float64 // text: baseline start; rule: left end; bar: top left
	w, h  float64
	text  string
	style fontStyle
	size  float64
	tone  tone
}

type opKind int

const (
	opText opKind = iota
	opRule
	opBar
	opBookmark
	opLink // a link area: x, y (top), w, h; text is the address
)

// layout is the state of the first pass.
type layout struct {
	ctx   context.Context // polled by stopped
	err   error           // ctx's error once it is done
	f     *fpdf.Fpdf      // used for measuring only
	g     geometry
	unit  map[runeKey]float64 // width of a rune at 1 pt, in mm
	latin [4][256]float64     // the same for U+0000–U+00FF, looked up without hashing
	known [4][256]bool        // which entries of latin are set
	cov   *coverage
	pages [][]op
	y     float64
}

type runeKey struct {
	style fontStyle
	r     rune
}

// writePDF lays out m and writes it to w, unless ctx is done first.
func writePDF(ctx context.Context, w io.Writer, m *memo, opt Options) error {
	f, l, err := layoutPDF(ctx, m, opt)
	if err != nil {
		return err
	}
	for _, ops := range l.pages {
		if l.stopped() {
			return l.cancelled()
		}
		f.AddPage()
		draw(f, ops)
	}
	buf, err := output(ctx, f)
	if err != nil {
		return err
	}
	out := buf.Bytes()
	// Bold italic first: the bold face's name is a prefix of its name.
	styles := usedStyles(m)
	for i := len(styles) - 1; i >= 0; i-- {
		out = bytes.ReplaceAll(out, []byte(styles[i].libraryName()), []byte(styles[i].subsetName()))
	}
	if l.stopped() {
		return l.cancelled()
	}
	_, err = w.Write(out)
	return err
}

// output runs the PDF library's final pass, which builds the whole file in
// memory and cannot be stopped part way: for thousands of pages it takes
// seconds. When ctx can be done, the pass runs in a goroutine of its own
// and is abandoned if ctx is done first; it finishes into its own buffer,
// which is then dropped.
func output(ctx context.Context, f *fpdf.Fpdf) (*bytes.Buffer, error) {
	if ctx.Done() == nil {
		var buf bytes.Buffer
		if err := f.Output(&buf); err != nil {
			return nil, fmt.Errorf("making the PDF: %w", err)
		}
		return &buf, nil
	}
	done := make(chan error, 1)
	buf := new(bytes.Buffer)
	go func() { done <- f.Output(buf) }()
	select {
	case err := <-done:
		if err != nil {
			return nil, fmt.Errorf("making the PDF: %w", err)
		}
		return buf, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("making the PDF: %w", ctx.Err())
	}
}

// stopped reports whether the render is to stop: whether ctx is done.
func (l *layout) stopped() bool {
	if l.err == nil {
		l.err = l.ctx.Err()
	}
	return l.err != nil
}

// cancelled is the error a stopped render returns.
func (l *layout) cancelled() error {
	return fmt.Errorf("making the PDF: %w", l.err)
}

// layoutPDF sets up the document for m and lays m out on pages. It stops
// with an error wrapping ctx.Err() when ctx is done.
func layoutPDF(ctx context.Context, m *memo, opt Options) (*fpdf.Fpdf, *layout, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("making the PDF: %w", err)
	}
	g, err := pageGeometry(opt.Paper)
	if err != nil {
		return nil, nil, err
	}
	f := fpdf.New("P", "mm", g.paper, "")
	f.SetCompression(true)
	f.SetCatalogSort(true)
	date := opt.Date
	if date.IsZero() {
		date = time.Now()
	}
	f.SetCreationDate(date.UTC())
	f.SetModificationDate(date.UTC())
	f.SetTitle(m.title, true)
	f.SetSubject(m.subject, true)
	f.SetAuthor(m.author, true)
	if m.keywords != "" {
		f.SetKeywords(m.keywords, true)
	}
	creator := "brief"
	if v := clean(opt.Version); v != "" {
		creator += " " + v
	}
	f.SetCreator(creator, true)
	f.SetProducer(creator, true)
	f.SetMargins(g.left, g.top, g.width-g.right)
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	for _, st := range usedStyles(m) {
		f.AddUTF8FontFromBytes(st.family(), "", st.ttf())
	}
	if err := f.Error(); err != nil {
		return nil, nil, fmt.Errorf("loading the PDF fonts: %w", err)
	}
	cov, err := newCoverage()
	if err != nil {
		return nil, nil, err
	}
	l := &layout{ctx: ctx, f: f, g: g, unit: make(map[runeKey]float64), cov: cov}
	l.place(m)
	if l.stopped() {
		return nil, nil, l.cancelled()
	}
	l.footers(m.title)
	return f, l, nil
}

// usedStyles lists the faces m uses, so that no unused font is embedded.
// The regular face is always used, by the footer.
func usedStyles(m *memo) []fontStyle {
	used := [4]bool{regular: true}
	for _, b := range m.blocks {
		lk := lookOf(b.kind)
		for _, s := range b.spans {
			used[spanStyle(s, lk)] = true
		}
	}
	var out []fontStyle
	for st, u := range used {
		if u {
			out = append(out, fontStyle(st))
		}
	}
	return out
}

func spanStyle(s span, lk look) fontStyle {
	if s.style != regular {
		return s.style
	}
	return lk.style
}

func spanTone(s span, lk look) tone {
	if s.tone != toneText {
		return s.tone
	}
	return lk.tone
}

func spanSize(s span, lk look) float64 {
	if s.small {
		return max(lk.size*0.8, 7)
	}
	return lk.size
}

// measure asks the PDF library for the width of r at 1 pt, in mm.
func (l *layout) measure(st fontStyle, r rune) float64 {
	l.f.SetFont(st.family(), "", 100)
	return l.f.GetStringWidth(string(r)) / 100
}

// laidBlock is a block wrapped into lines.
type laidBlock struct {
	b     *block
	lk    look
	lines [][]token
}

// height is the height of the block's rules and lines.
func (lb laidBlock) height() float64 {
	h := float64(len(lb.lines)) * lb.lk.leading
	if lb.lk.ruleAbove {
		h += ruleGap
	}
	if lb.lk.ruleBelow {
		h += ruleGap
	}
	return h
}

// place lays out every block of m on pages. It stops early, leaving the
// layout unfinished, when the context is done.
func (l *layout) place(m *memo) {
	textW := l.g.right - l.g.left
	laid := make([]laidBlock, len(m.blocks))
	for i := range m.blocks {
		if l.stopped() {
			return
		}
		lk := lookOf(m.blocks[i].kind)
		laid[i] = laidBlock{b: &m.blocks[i], lk: lk, lines: l.wrap(m.blocks[i].spans, lk, textW-lk.indent)}
		if lk.balance {
			laid[i].lines = l.balance(m.blocks[i].spans, lk, textW-lk.indent, laid[i].lines)
		}
	}
	bodyH := l.g.bottom - l.g.top

	// need is the space block i must find on the current page: itself
	// whole when small, else its first two lines; plus, for a heading,
	// what must stay with it.
	var need func(i int) float64
	need = func(i int) float64 {
		lb := laid[i]
		h := lb.height()
		if !lb.lk.keepNext && h > bodyH/3 {
			h = min(h, 2*lb.lk.leading)
			if lb.lk.ruleAbove {
				h += ruleGap
			}
		}
		if i+1 < len(laid) && (lb.lk.keepNext || laid[i+1].lk.keepPrev) {
			h += lb.lk.after + laid[i+1].lk.before + need(i+1)
		}
		return h
	}

	l.newPage()
	for i, lb := range laid {
		if len(lb.lines) == 0 {
			continue
		}
		if l.stopped() {
			return
		}
		before := lb.lk.before
		if l.y <= l.g.top+epsilon {
			before = 0
		}
		if l.y+before+need(i) > l.g.bottom+epsilon && l.y > l.g.top+epsilon {
			l.newPage()
			before = 0
		}
		l.y += before
		if lb.b.bookmark != "" {
			l.add(op{kind: opBookmark, text: lb.b.bookmark, y: l.y})
		}
		if lb.lk.ruleAbove {
			l.add(op{kind: opRule, x: l.g.left, y: l.y, w: textW, tone: toneMuted})
			l.y += ruleGap
		}
		l.placeLines(lb)
		if lb.lk.ruleBelow {
			l.y += ruleGap - 1
			l.add(op{kind: opRule, x: l.g.left, y: l.y, w: textW, tone: toneMuted})
			l.y += 1
		}
		l.y += lb.lk.after
	}
}

// placeLines places the lines of lb from the current position, going on
// to a new page when one is full.
func (l *layout) placeLines(lb laidBlock) {
	lk := lb.lk
	x0 := l.g.left + lk.indent
	barTop := l.y
	endBar := func() {
		if lk.hasBar && l.y > barTop {
			l.add(op{kind: opBar, x: x0 - barGap - barWidth, y: barTop + 0.4, w: barWidth, h: l.y - barTop - 0.8, tone: lk.bar})
		}
	}
	for n, line := range lb.lines {
		if l.y+lk.leading > l.g.bottom+epsilon && l.y > l.g.top+epsilon {
			endBar()
			l.newPage()
			barTop = l.y
		}
		base := l.y + 0.5*lk.leading + 0.3*lk.size*ptToMM
		if marker := cmp.Or(lb.b.marker, lk.marker); n == 0 && marker != "" {
			l.add(op{kind: opText, x: l.g.left + 1.2, y: base, text: marker, style: regular, size: lk.size, tone: toneAccent})
		}
		x := x0
		var seg *op
		for i, t := range line {
			if seg != nil && (seg.style != t.style || seg.size != t.size || seg.tone != t.tone) {
				l.add(*seg)
				seg = nil
			}
			if seg == nil {
				seg = &op{kind: opText, x: x, y: base, style: t.style, size: t.size, tone: t.tone}
			}
			seg.text += strings.ReplaceAll(t.text, nbsp, " ")
			x += t.w
			if i < len(line)-1 && t.spaceW > 0 {
				seg.text += " "
				x += t.spaceW
			}
		}
		if seg != nil {
			l.add(*seg)
		}
		if lb.b.link != "" && x > x0 {
			l.add(op{kind: opLink, x: x0, y: l.y, w: x - x0, h: lk.leading, text: lb.b.link})
		}
		l.y += lk.leading
	}
	endBar()
}

func (l *layout) newPage() {
	l.pages = append(l.pages, nil)
	l.y = l.g.top
}

func (l *layout) add(o op) {
	p := len(l.pages) - 1
	l.pages[p] = append(l.pages[p], o)
}

// footers adds to every page a rule, the title on the left and
// "Page N of M" on the right.
func (l *layout) footers(title string) {
	const size = 8
	ruleY := l.g.height - 15
	base := l.g.height - 10.5
	total := len(l.pages)
	// The title is measured once, and cut once for each width the page
	// label leaves it: a long title on many pages costs no more.
	title = l.cov.displayable(title)
	titleW := l.width(title, regular, size)
	cut := make(map[float64]string)
	for p := range l.pages {
		label := fmt.Sprintf("Page %d of %d", p+1, total)
		lw := l.width(label, regular, size)
		maxW := l.g.right - l.g.left - lw - 10
		t, ok := cut[maxW]
		if !ok {
			t = l.truncate(title, titleW, regular, size, maxW)
			cut[maxW] = t
		}
		l.pages[p] = append(l.pages[p],
			op{kind: opRule, x: l.g.left, y: ruleY, w: l.g.right - l.g.left, tone: toneMuted},
			op{kind: opText, x: l.g.left, y: base, text: t, style: regular, size: size, tone: toneMuted},
			op{kind: opText, x: l.g.right - lw, y: base, text: label, style: regular, size: size, tone: toneMuted},
		)
	}
}

// rgb is the colour of a tone.
func (t tone) rgb() (r, g, b int) {
	switch t {
	case toneMuted:
		return 105, 110, 118
	case toneAccent:
		return 22, 52, 96
	default:
		return 28, 28, 30
	}
}

// draw writes the operations of one page.
func draw(f *fpdf.Fpdf, ops []op) {
	for _, o := range ops {
		r, g, b := o.tone.rgb()
		switch o.kind {
		case opText:
			f.SetFont(o.style.family(), "", o.size)
			f.SetTextColor(r, g, b)
			f.Text(o.x, o.y, o.text)
		case opRule:
			f.SetDrawColor(200, 203, 208)
			f.SetLineWidth(0.25)
			f.Line(o.x, o.y, o.x+o.w, o.y)
		case opBar:
			f.SetFillColor(r, g, b)
			f.Rect(o.x, o.y, o.w, o.h, "F")
		case opBookmark:
			f.SetFont(regular.family(), "", 10)
			f.Bookmark(o.text, 0, o.y)
		case opLink:
			f.LinkString(o.x, o.y, o.w, o.h, o.text)
		}
	}
}
