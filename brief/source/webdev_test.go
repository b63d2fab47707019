package source

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/internal/evalset"
	"golang.org/x/text/unicode/norm"
)

// TestWebDevPages reads the development set of saved news pages
// (shared/eval/web-dev: source.html, expected.txt, meta.json per page)
// as "brief FILE" does and holds the HTML path to floors on the figures
// that eval/web-check.py reports, measured the same way: every page
// gives a briefing, none has mojibake, titles and bylines are right, and
// the body's sentences are found (recall) without boilerplate
// (precision), and few bullets are page chrome.
func TestWebDevPages(t *testing.T) {
	dir := filepath.Join(evalset.Dir(t), "web-dev")
	pages, err := filepath.Glob(filepath.Join(dir, "*", "meta.json"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in %s", dir)
	}
	var (
		n, briefed, mojibaked         int
		titled, titles, bylined, byls int
		recall, precision             float64
		measured                      int
		bullets, chrome               int
	)
	for _, metaPath := range pages {
		page := filepath.Dir(metaPath)
		name := filepath.Base(page)
		var meta struct {
			Title  string `json:"title"`
			Byline string `json:"byline"`
		}
		mb, err := os.ReadFile(metaPath)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(mb, &meta); err != nil {
			t.Fatalf("%s: %v", metaPath, err)
		}
		eb, err := os.ReadFile(filepath.Join(page, "expected.txt"))
		if err != nil {
			t.Fatal(err)
		}
		expected := string(eb)
		n++
		var r Reader
		it := r.Read(t.Context(), Input{Name: filepath.Join(page, "source.html"), kind: kindFile})
		if it.Err != nil || it.Page == nil {
			t.Errorf("%s: no page read: %v", name, it.Err)
			continue
		}
		doc, err := brief.ParsePage(*it.Page)
		if err != nil {
			t.Errorf("%s: ParsePage: %v", name, err)
			continue
		}
		b := brief.Summarize(doc, brief.Options{})
		if len(b.KeyPoints) == 0 {
			t.Errorf("%s: no key points", name)
			continue
		}
		briefed++

		var sents []string
		ids := map[string]string{}
		hay := []string{doc.Title, doc.Standfirst, doc.Byline.Name, doc.Byline.Role, doc.Dateline.Place, doc.Dateline.Source}
		for _, sec := range doc.Sections {
			hay = append(hay, sec.Heading)
		}
		for _, s := range doc.Sentences() {
			sents = append(sents, s.Text)
			ids[s.ID] = s.Text
		}
		hay = append(hay, sents...)
		hayNorm := evalNorm(strings.Join(hay, " | "))
		expNorm := evalNorm(expected)

		if title := evalNorm(meta.Title); title != "" {
			titles++
			got := evalNorm(doc.Title)
			if got != "" && (got == title || strings.Contains(title, got) || strings.Contains(got, title)) {
				titled++
			} else {
				t.Logf("%s: title %q, want %q", name, doc.Title, meta.Title)
			}
		}
		if names := nameWords(meta.Byline); len(names) > 0 {
			byls++
			ok := false
			for _, w := range strings.Fields(evalNorm(doc.Byline.Name + " " + doc.Byline.Role)) {
				ok = ok || names[w]
			}
			if ok {
				bylined++
			} else {
				t.Logf("%s: byline %q, want %q", name, doc.Byline.Name, meta.Byline)
			}
		}
		got := strings.Join(append([]string{doc.Title, doc.Standfirst}, sents...), " ")
		if len(mojibakeRe.FindAllString(got, -1)) > len(mojibakeRe.FindAllString(expected, -1)) {
			mojibaked++
			t.Errorf("%s: mojibake %q", name, mojibakeRe.FindString(got))
		}
		var exp []string
		for _, s := range evalSentences(expected) {
			if evalWords(s) >= 6 {
				exp = append(exp, s)
			}
		}
		var units []string
		for _, s := range append(evalSentences(doc.Standfirst), sents...) {
			if evalWords(s) >= 6 {
				units = append(units, s)
			}
		}
		if len(exp) > 0 && len(units) > 0 {
			found, inside := 0, 0
			for _, s := range exp {
				if strings.Contains(hayNorm, evalNorm(s)) {
					found++
				}
			}
			for _, s := range units {
				if strings.Contains(expNorm, evalNorm(s)) {
					inside++
				}
			}
			measured++
			recall += float64(found) / float64(len(exp))
			precision += float64(inside) / float64(len(units))
		}
		seen := map[string]bool{}
		for _, bl := range append(b.BottomLine, b.KeyPoints...) {
			if seen[bl.Text] {
				continue
			}
			seen[bl.Text] = true
			bullets++
			t1 := evalNorm(bl.Text)
			keys := []string{prefix(t1), suffix(t1)}
			for _, id := range bl.Sources {
				keys = append(keys, prefix(evalNorm(ids[id])))
			}
			fromBody := false
			for _, k := range keys {
				fromBody = fromBody || k != "" && strings.Contains(expNorm, k)
			}
			if !fromBody {
				chrome++
				t.Logf("%s: bullet not from the article body: %q", name, bl.Text)
			}
		}
	}
	share := func(a, b int) float64 { return float64(a) / float64(max(b, 1)) }
	t.Logf("web-dev: %d pages, briefed %d, titles %.3f, bylines %.3f, recall %.3f, precision %.3f, mojibake %d, chrome bullets %d/%d",
		n, briefed, share(titled, titles), share(bylined, byls), recall/float64(max(measured, 1)),
		precision/float64(max(measured, 1)), mojibaked, chrome, bullets)
	floors := []struct {
		what      string
		got, want float64
	}{
		{"pages briefed", share(briefed, n), 1},
		{"titles right", share(titled, titles), 0.85},
		{"bylines right", share(bylined, byls), 0.85},
		{"mean recall", recall / float64(max(measured, 1)), 0.98},
		{"mean precision", precision / float64(max(measured, 1)), 0.95},
		{"bullets from the body", 1 - share(chrome, bullets), 0.97},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s: %.3f, below the floor of %.3f", f.what, f.got, f.want)
		}
	}
	if mojibaked > 0 {
		t.Errorf("%d pages with mojibake", mojibaked)
	}
}

// mojibakeRe matches UTF-8 read as Windows-1252, as web-check.py counts it.
var mojibakeRe = mojibake

// evalNorm normalises text as web-check.py compares it: NFKC, without
// soft hyphens and zero-width characters, lower case, each run of
// characters other than letters and digits one space.
func evalNorm(s string) string {
	s = norm.NFKC.String(s)
	var sb strings.Builder
	space := false
	for _, r := range s {
		switch {
		case strings.ContainsRune("\u00ad\u200b\u200c\u200d\u2060\ufeff", r):
			continue
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return sb.String()
}

// evalSentenceEnd is where web-check.py cuts a paragraph into sentences.
var evalSentenceEnd = regexp.MustCompile(`[.!?]+["'\x{201d}\x{2019}\x{00bb})\]]*\s+|[\x{3002}\x{ff01}\x{ff1f}]+["\x{201d}\x{2019}\x{300d}\x{300f})]*\s*`)

// evalSentences cuts text (paragraphs separated by blank lines) into
// sentences as web-check.py does.
func evalSentences(text string) []string {
	var out []string
	for _, para := range regexp.MustCompile(`\n\s*\n`).Split(text, -1) {
		para = strings.Join(strings.Fields(para), " ")
		start := 0
		for _, m := range evalSentenceEnd.FindAllStringIndex(para, -1) {
			if s := strings.TrimSpace(para[start:m[1]]); s != "" {
				out = append(out, s)
			}
			start = m[1]
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// evalCJK are the characters web-check.py counts as words of their own.
var evalCJK = regexp.MustCompile(`[\x{3040}-\x{30ff}\x{3400}-\x{4dbf}\x{4e00}-\x{9fff}\x{f900}-\x{faff}\x{ac00}-\x{d7af}]`)

// evalWords counts words as web-check.py does.
func evalWords(s string) int {
	return len(strings.Fields(evalCJK.ReplaceAllString(s, " x ")))
}

// nameWords are the words of an expected byline that name someone.
func nameWords(byline string) map[string]bool {
	stop := map[string]bool{}
	for _, w := range strings.Fields(`by par por von und and et y e the de da di of staff writer reporter
		correspondent editor updated posted published last at on am pm jan feb mar apr may jun jul aug
		sep sept oct nov dec january february march april june july august september october november
		december monday tuesday wednesday thursday friday saturday sunday`) {
		stop[w] = true
	}
	out := map[string]bool{}
	for _, w := range strings.Fields(evalNorm(byline)) {
		w = strings.TrimFunc(w, unicode.IsDigit)
		if len([]rune(w)) > 1 && !stop[w] && !strings.ContainsFunc(w, unicode.IsDigit) {
			out[w] = true
		}
	}
	return out
}

// prefix and suffix are the first and last 60 characters of s.
func prefix(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 60)])
}

func suffix(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-60):])
}
