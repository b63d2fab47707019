package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func TestMain(m *testing.M) {
	api.DisableConfigDir() // pdfcpu would otherwise write a configuration directory
	os.Exit(m.Run())
}

// pdfConf is a fresh pdfcpu configuration for one call.
func pdfConf() *model.Configuration {
	c := model.NewDefaultConfiguration()
	c.ValidationMode = model.ValidationStrict
	return c
}

func renderPDF(t testing.TB, b *brief.Briefing, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := PDF(&buf, b, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pageTexts returns the strings shown on each page of the PDF, in the
// order they are drawn, decoded from the (pdfcpu-inflated) content
// streams. Text in the embedded fonts is written as UTF-16BE.
func pageTexts(t *testing.T, pdf []byte) [][]string {
	t.Helper()
	var pages [][]string
	err := api.ExtractContent(bytes.NewReader(pdf), nil, func(r io.Reader, page int) error {
		content, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		for len(pages) < page {
			pages = append(pages, nil)
		}
		pages[page-1] = showStrings(t, content)
		return nil
	}, pdfConf())
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// showStrings decodes the operands of the Tj operators of a content stream.
func showStrings(t *testing.T, content []byte) []string {
	var out []string
	for i := 0; i < len(content); i++ {
		if content[i] != '(' {
			continue
		}
		var raw []byte
		depth := 1
		j := i + 1
		for ; j < len(content) && depth > 0; j++ {
			c := content[j]
			switch {
			case c == '\\' && j+1 < len(content):
				j++
				switch e := content[j]; e {
				case 'n':
					raw = append(raw, '\n')
				case 'r':
					raw = append(raw, '\r')
				case 't':
					raw = append(raw, '\t')
				case 'b':
					raw = append(raw, '\b')
				case 'f':
					raw = append(raw, '\f')
				default:
					if e >= '0' && e <= '7' {
						k := j
						for k < j+3 && k < len(content) && content[k] >= '0' && content[k] <= '7' {
							k++
						}
						v, _ := strconv.ParseUint(string(content[j:k]), 8, 8)
						raw = append(raw, byte(v))
						j = k - 1
					} else {
						raw = append(raw, e)
					}
				}
			case c == '(':
				depth++
				raw = append(raw, c)
			case c == ')':
				depth--
				if depth > 0 {
					raw = append(raw, c)
				}
			default:
				raw = append(raw, c)
			}
		}
		rest := bytes.TrimLeft(content[j:], " ")
		if bytes.HasPrefix(rest, []byte("Tj")) {
			if len(raw)%2 != 0 {
				t.Fatalf("odd-length UTF-16 string %q", raw)
			}
			u := make([]uint16, len(raw)/2)
			for k := range u {
				u[k] = uint16(raw[2*k])<<8 | uint16(raw[2*k+1])
			}
			out = append(out, string(utf16.Decode(u)))
		}
		i = j - 1
	}
	return out
}

// bodyWords splits the text of every page, less the footer, into words,
// dropping the bullet markers and the kicker above the title. It checks
// that each page ends in its footer.
func bodyWords(t *testing.T, pages [][]string, title, kicker string) []string {
	t.Helper()
	var words []string
	for p, ss := range pages {
		n := len(ss)
		if n < 2 || ss[n-1] != fmt.Sprintf("Page %d of %d", p+1, len(pages)) || !strings.HasPrefix(title, strings.TrimSuffix(ss[n-2], "…")) {
			t.Fatalf("page %d does not end in a footer with %q and its number: %q", p+1, title, ss[max(0, n-2):])
		}
		for i, s := range ss[:n-2] {
			if s == "•" || (p == 0 && i == 0 && s == kicker) {
				continue
			}
			words = append(words, strings.Fields(s)...)
		}
	}
	return words
}

// mdLinkRE matches a Markdown link, [text](address).
var mdLinkRE = regexp.MustCompile(`\[((?:[^\]\\]|\\.)*)\]\([^)]*\)`)

// markdownWords is the text of a Markdown briefing as words, with the
// markup taken out.
func markdownWords(md string) []string {
	var words []string
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimLeft(line, "#")
		line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
		line = strings.ReplaceAll(line, "**", "")
		line = mdLinkRE.ReplaceAllString(line, "$1")
		var sb strings.Builder
		for i := 0; i < len(line); i++ {
			if line[i] == '\\' && i+1 < len(line) && isASCIIPunct(line[i+1]) {
				i++
			}
			sb.WriteByte(line[i])
		}
		words = append(words, strings.Fields(sb.String())...)
	}
	return words
}

func TestPDFTextMatchesMarkdown(t *testing.T) {
	cov, err := newCoverage()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		b    *brief.Briefing
		opt  Options
	}{
		{"syria", syriaBriefing(), Options{}},
		{"unicode-cite", unicodeBriefing(), Options{Cite: true}},
		{"long-letter", longBriefing(45), Options{Paper: "letter", Cite: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Date = testDate
			pdf := renderPDF(t, tt.b, tt.opt)
			if err := api.Validate(bytes.NewReader(pdf), pdfConf()); err != nil {
				t.Fatalf("pdfcpu rejects the PDF: %v", err)
			}
			var md bytes.Buffer
			if err := Markdown(&md, tt.b, tt.opt); err != nil {
				t.Fatal(err)
			}
			got := bodyWords(t, pageTexts(t, pdf), title(tt.b), "BRIEFING")
			// The long URL is broken over lines in the PDF: join it.
			got = joinBroken(got, "https://")
			want := markdownWords(cov.displayable(md.String()))
			if !slices.Equal(got, want) {
				t.Errorf("PDF words differ from Markdown words\nPDF: %q\nMD:  %q", got, want)
			}
		})
	}
}

// joinBroken joins a word starting with prefix to the words after it up
// to the first that ends a sentence.
func joinBroken(words []string, prefix string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, prefix) {
			for i+1 < len(words) && words[i+1] != "and" {
				i++
				w += words[i]
			}
		}
		out = append(out, w)
	}
	return out
}

func TestPDFUnicodeAndMetadata(t *testing.T) {
	b := unicodeBriefing()
	pdf := renderPDF(t, b, Options{Version: "1.2.3", Date: testDate})
	info, err := api.PDFInfo(bytes.NewReader(pdf), "unicode.pdf", nil, true, pdfConf())
	if err != nil {
		t.Fatal(err)
	}
	if info.Title != b.Title {
		t.Errorf("Title = %q, want %q", info.Title, b.Title)
	}
	if info.Author != "Zoë Müller-Peña" {
		t.Errorf("Author = %q", info.Author)
	}
	if info.Creator != "brief 1.2.3" {
		t.Errorf("Creator = %q", info.Creator)
	}
	if !strings.Contains(info.Subject, "14 March 2026") {
		t.Errorf("Subject = %q", info.Subject)
	}
	if kw := strings.Join(info.Keywords, ","); !strings.Contains(kw, "Сергей Лавров") || !strings.Contains(kw, "Νίκος Δένδιας") {
		t.Errorf("Keywords = %q", info.Keywords)
	}
	if !strings.HasPrefix(info.CreationDate, "D:20260314093000") && !strings.Contains(info.CreationDate, "2026-03-14") {
		t.Errorf("CreationDate = %q", info.CreationDate)
	}
	if len(info.Fonts) == 0 {
		t.Fatal("no fonts listed")
	}
	for _, f := range info.Fonts {
		if !f.Embedded {
			t.Errorf("font %s is not embedded", f.Name)
		}
		if f.Prefix == "" && !strings.Contains(f.Name, "+") {
			t.Errorf("font %s has no subset tag", f.Name)
		}
	}
	text := strings.Join(slices.Concat(pageTexts(t, pdf)...), " ")
	for _, want := range []string{"Сергей Лавров", "Νίκος Δένδιας", "François Léger", "“It is fragile, but it is real,”", "— François Léger", "Türkiye’s", "Ελληνικά", "русский", "ñ, ç, ü and ø", "clause – drafted"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

func TestPDFDeterministic(t *testing.T) {
	opt := Options{Version: "t", Date: testDate, Cite: true}
	a := renderPDF(t, unicodeBriefing(), opt)
	b := renderPDF(t, unicodeBriefing(), opt)
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same briefing and date differ")
	}
	opt.Date = opt.Date.AddDate(0, 0, 1)
	if c := renderPDF(t, unicodeBriefing(), opt); bytes.Equal(a, c) {
		t.Error("a different date gives the same bytes")
	}
}

func TestPDFLongBriefingPages(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			b := longBriefing(45)
			opt := Options{Paper: paper, Date: testDate, Cite: true}
			_, l, err := layoutPDF(context.Background(), briefingMemo(b, opt), opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.pages) < 3 {
				t.Fatalf("45 bullets fit on %d pages; want them to flow over several", len(l.pages))
			}
			g := l.g
			for p, ops := range l.pages {
				for i, o := range ops {
					switch o.kind {
					case opText:
						w := l.width(o.text, o.style, o.size)
						if o.x < g.left-epsilon || o.x+w > g.right+epsilon {
							t.Errorf("page %d: %q runs from x=%.2f to %.2f, outside the margins %.0f–%.2f", p+1, o.text, o.x, o.x+w, g.left, g.right)
						}
						if o.y < g.top || o.y > g.height-8 {
							t.Errorf("page %d: %q at y=%.2f is outside the page body and footer", p+1, o.text, o.y)
						}
						if i < len(ops)-3 && o.y > g.bottom {
							t.Errorf("page %d: body text %q below the bottom margin (y=%.2f > %.2f)", p+1, o.text, o.y, g.bottom)
						}
					case opBar:
						if o.y+o.h > g.bottom+epsilon || o.x < g.left-epsilon {
							t.Errorf("page %d: bar at x=%.2f y=%.2f–%.2f runs outside the margins", p+1, o.x, o.y, o.y+o.h)
						}
					}
				}
			}
			pdf := renderPDF(t, b, opt)
			if err := api.Validate(bytes.NewReader(pdf), pdfConf()); err != nil {
				t.Fatal(err)
			}
			pages := pageTexts(t, pdf)
			if len(pages) != len(l.pages) {
				t.Fatalf("PDF has %d pages, layout %d", len(pages), len(l.pages))
			}
			for p, ss := range pages {
				if want := fmt.Sprintf("Page %d of %d", p+1, len(pages)); ss[len(ss)-1] != want {
					t.Errorf("page %d ends in %q, want %q", p+1, ss[len(ss)-1], want)
				}
			}
		})
	}
}

// TestPDFKeepWithNext fills a page so that a heading would fall at its
// foot, and checks that no page ends in a heading.
func TestPDFKeepWithNext(t *testing.T) {
	for n := 10; n < 30; n++ {
		b := longBriefing(n)
		b.KeyPoints[3].Text = "Short."
		opt := Options{Date: testDate}
		m := briefingMemo(b, opt)
		_, l, err := layoutPDF(context.Background(), m, opt)
		if err != nil {
			t.Fatal(err)
		}
		headings := map[string]bool{}
		for _, bl := range m.blocks {
			if bl.kind == kindHeading {
				headings[bl.spans[0].text] = true
			}
		}
		for p, ops := range l.pages[:len(l.pages)-1] {
			var last string
			for _, o := range ops[:len(ops)-3] { // less the footer
				if o.kind == opText {
					last = o.text
				}
			}
			if headings[last] {
				t.Errorf("%d bullets: page %d ends in the heading %q", n, p+1, last)
			}
		}
	}
}

func TestPDFPaper(t *testing.T) {
	for _, tt := range []struct {
		paper string
		w, h  float64
	}{{"", 210, 297}, {"A4", 210, 297}, {"letter", 215.9, 279.4}} {
		g, err := pageGeometry(tt.paper)
		if err != nil || g.width != tt.w || g.height != tt.h {
			t.Errorf("pageGeometry(%q) = %v, %v", tt.paper, g, err)
		}
	}
	if err := PDF(io.Discard, syriaBriefing(), Options{Paper: "a5"}); err == nil {
		t.Error("paper a5 gave no error")
	}
}

func TestDigestPDF(t *testing.T) {
	d := testDigest()
	var buf bytes.Buffer
	if err := DigestPDF(&buf, d, Options{Date: testDate, Cite: true}); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	// The PDF library writes link annotations as direct objects, which
	// every reader takes but strict validation does not: the digest with
	// its links is validated in relaxed mode, and the same digest without
	// web addresses strictly.
	relaxed := pdfConf()
	relaxed.ValidationMode = model.ValidationRelaxed
	if err := api.Validate(bytes.NewReader(pdf), relaxed); err != nil {
		t.Fatal(err)
	}
	noLinks := testDigest()
	for i := range noLinks.Articles {
		noLinks.Articles[i].URL = ""
		noLinks.Articles[i].Input = strings.TrimPrefix(noLinks.Articles[i].Input, "https://")
	}
	var plain bytes.Buffer
	if err := DigestPDF(&plain, noLinks, Options{Date: testDate, Cite: true}); err != nil {
		t.Fatal(err)
	}
	if err := api.Validate(bytes.NewReader(plain.Bytes()), pdfConf()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("/URI (https://example.org/g20.html)")) {
		t.Error("the web page's title is not a link to it")
	}
	bms, err := api.Bookmarks(bytes.NewReader(pdf), pdfConf())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, bm := range bms {
		got = append(got, bm.Title)
	}
	want := []string{headKeyDevs, "1. No deal on Syria as Obama and Putin meet", "2. Ministers in Genève agree a grain corridor — for now", headOthers}
	if !slices.Equal(got, want) {
		t.Errorf("bookmarks = %q, want %q (a bookmark per story)", got, want)
	}
	var md bytes.Buffer
	if err := DigestMarkdown(&md, noLinks, Options{Cite: true}); err != nil {
		t.Fatal(err)
	}
	cov, _ := newCoverage()
	words := bodyWords(t, pageTexts(t, plain.Bytes()), digestTitle(d), "DIGEST")
	if want := markdownWords(cov.displayable(md.String())); !slices.Equal(words, want) {
		t.Errorf("digest PDF words differ from Markdown\nPDF: %q\nMD:  %q", words, want)
	}
}

// TestPdftotext checks with poppler's pdftotext, when installed, that the
// text copies out with its curly quotes and accents.
func TestPdftotext(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, renderPDF(t, unicodeBriefing(), Options{Date: testDate}), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"“It is fragile, but it is real,”", "Сергей Лавров — Russian foreign minister", "Νίκος Δένδιας", "Zoë Müller-Peña", "Page 1 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, text)
		}
	}
}

func TestFontNamesKeepLength(t *testing.T) {
	for _, st := range []fontStyle{regular, bold, italic, boldItalic} {
		if a, b := st.libraryName(), st.subsetName(); len(a) != len(b) {
			t.Errorf("%s and %s differ in length: the swap would break the PDF's offsets", a, b)
		}
	}
}

func TestWrapLongWord(t *testing.T) {
	opt := Options{Date: testDate}
	_, l, err := layoutPDF(context.Background(), &memo{title: "t"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	lk := lookOf(kindBullet)
	word := strings.Repeat("x", 400)
	lines := l.wrap([]span{{text: "see " + word + " now"}}, lk, 50)
	var joined strings.Builder
	for _, line := range lines {
		w := 0.0
		for i, tok := range line {
			w += tok.w
			if i < len(line)-1 {
				w += tok.spaceW
			}
			joined.WriteString(tok.text)
		}
		if w > 50+epsilon {
			t.Errorf("line %v is %.2f mm wide, more than 50", line, w)
		}
	}
	if joined.String() != "see"+word+"now" {
		t.Errorf("wrapping lost or added characters")
	}
}

// naiveSplit is the straightforward way to cut a long token: measure the
// whole rest again after every cut. splitToken must cut at the same places
// and give the same widths, in linear time.
func naiveSplit(l *layout, t token, maxW float64) [][]token {
	var lines [][]token
	for t.w > maxW+epsilon {
		w, cut := 0.0, 0
		for i, r := range t.text {
			rw := l.runeWidth(t.style, r) * t.size
			if w+rw > maxW+epsilon && i > 0 {
				break
			}
			w += rw
			cut = i + utf8.RuneLen(r)
		}
		head := t
		head.text, head.w, head.spaceW = t.text[:cut], w, 0
		lines = append(lines, []token{head})
		t.text = t.text[cut:]
		t.w = l.width(t.text, t.style, t.size)
	}
	return append(lines, []token{t})
}

func TestSplitTokenMatchesNaive(t *testing.T) {
	// A memo that uses every face, so that all four fonts are loaded.
	m := &memo{title: "t", blocks: []block{{kind: kindBullet, spans: []span{{text: "a"}, {text: "b", style: bold}, {text: "c", style: italic}, {text: "d", style: boldItalic}}}}}
	_, l, err := layoutPDF(context.Background(), m, Options{Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		st   fontStyle
		size float64
		maxW float64
	}{
		{"ascii", strings.Repeat("x", 400), regular, 10.5, 50},
		{"url", "https://example.org/" + strings.Repeat("path/", 300), bold, 14, 160},
		{"mixed widths", strings.Repeat("iWm.l—", 500), italic, 9, 33.3},
		{"accents and scripts", strings.Repeat("éñΔжç“”", 400), boldItalic, 19, 72},
		{"one character a line", strings.Repeat("W", 50), regular, 40, 1},
		{"just over", strings.Repeat("a", 30), regular, 10.5, 0},
		{"narrow measure", strings.Repeat("ab", 1000), regular, 7, 4.9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := token{text: tt.text, style: tt.st, size: tt.size, w: l.width(tt.text, tt.st, tt.size), spaceW: 1.5}
			want := naiveSplit(l, tok, tt.maxW)
			got, last := l.splitToken(nil, tok, tt.maxW)
			got = append(got, []token{last})
			if len(want) < 2 {
				t.Fatalf("test case does not split: %d line", len(want))
			}
			if !slices.EqualFunc(got, want, slices.Equal[[]token]) {
				t.Errorf("splitToken gives %d lines, the naive cut %d; first difference:", len(got), len(want))
				for i := range min(len(got), len(want)) {
					if !slices.Equal(got[i], want[i]) {
						t.Errorf("line %d: got %+v, want %+v", i, got[i], want[i])
						break
					}
				}
			}
		})
	}
}

func BenchmarkPDF(b *testing.B) {
	br := syriaBriefing()
	opt := Options{Version: "bench", Date: testDate}
	b.ReportAllocs()
	for b.Loop() {
		if err := PDF(io.Discard, br, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarkdown(b *testing.B) {
	br := syriaBriefing()
	b.ReportAllocs()
	for b.Loop() {
		if err := Markdown(io.Discard, br, Options{Cite: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzWrap checks that wrapping keeps every character but the spaces it
// breaks at, and that no line is wider than the measure.
func FuzzWrap(f *testing.F) {
	f.Add("The delegations went over the draft text clause by clause.", 40.0)
	f.Add("https://example.org/"+strings.Repeat("a", 300), 25.0)
	f.Add("Сергей Лавров — “quoted,” ñ", 5.0)
	_, l, err := layoutPDF(context.Background(), &memo{title: "t"}, Options{Date: testDate})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, maxW float64) {
		if maxW < 5 || maxW > 400 || !utf8.ValidString(s) || strings.ContainsAny(s, "\n\u00a0") {
			t.Skip()
		}
		s = l.cov.displayable(s)
		lk := lookOf(kindBullet)
		var got strings.Builder
		for _, line := range l.wrap([]span{{text: s}}, lk, maxW) {
			w := 0.0
			for i, tok := range line {
				w += tok.w
				if i < len(line)-1 {
					w += tok.spaceW
				}
				got.WriteString(tok.text)
			}
			if w > maxW+epsilon && !(len(line) == 1 && utf8.RuneCountInString(line[0].text) == 1) {
				t.Fatalf("line %v is %.2f wide, more than %.2f", line, w, maxW)
			}
		}
		if want := strings.ReplaceAll(s, " ", ""); got.String() != want {
			t.Fatalf("wrapped text %q, want %q", got.String(), want)
		}
	})
}

// longTokenBriefing is the bundled article's briefing with a key point
// holding one unbroken token of n bytes, as a hostile page could supply.
func longTokenBriefing(n int) *brief.Briefing {
	b := syriaBriefing()
	b.KeyPoints[0].Text = "The full text is at https://example.org/" + strings.Repeat("a", max(n-20, 0)) + " and nowhere else."
	return b
}

// BenchmarkPDFLongToken lays out and writes a briefing with one unbroken
// token of 100 KB, 400 KB and 1 MB: the time must grow linearly.
func BenchmarkPDFLongToken(b *testing.B) {
	for _, n := range []int{100 << 10, 400 << 10, 1 << 20} {
		br := longTokenBriefing(n)
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			opt := Options{Version: "bench", Date: testDate}
			b.SetBytes(int64(n))
			for b.Loop() {
				if err := PDF(io.Discard, br, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
