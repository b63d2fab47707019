package digest

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/sentences"
)

// FeaturesVersion is the version of the term rules behind [Features]
// (tokenizer, stop words, stemmer, name rule). Features of another
// version are refused: terms counted under other rules do not compare.
const FeaturesVersion = 1

// Features is what story matching needs of one article, computed where
// the article is parsed (in parallel, or on other machines: "brief batch"
// prints them) so that grouping a day's articles needs no article text.
// Its JSON form is part of the batch output and is a public interface.
type Features struct {
	// Version is FeaturesVersion at the time the features were made.
	Version int `json:"v"`
	// Title is the article's title as found, or, when it has none, one
	// made from its first sentence (see deriveTitle); Derived tells which.
	Title   string `json:"title"`
	Derived bool   `json:"title_derived,omitempty"`
	// Published is the publication date, YYYY-MM-DD, when the article
	// gives one; grouping then keeps stories days apart apart.
	Published string `json:"published,omitempty"`
	// Terms are the article's distinct terms: Porter stems of content
	// words, and names (capitalised words inside a sentence, and runs of
	// two to four of them) as "@" and the name in lower case.
	Terms []string `json:"terms"`
	// TitleTerms are the terms of a found title, as indexes into Terms.
	TitleTerms []int32 `json:"title_terms,omitempty"`
	// Sentences are the body's sentences in order.
	Sentences []SentenceTerms `json:"sentences"`
}

// SentenceTerms is one sentence of an article as grouping sees it.
type SentenceTerms struct {
	// Hash identifies the sentence's words (case and punctuation
	// ignored), so that the day's template sentences, found in several
	// articles, can be left out.
	Hash Hash `json:"h"`
	// Credit marks a closing credit line ("Jane Doe contributed to this
	// report"), which says who wrote the article, not what it reports.
	Credit bool `json:"credit,omitempty"`
	// Terms are the sentence's terms, as indexes into Features.Terms, one
	// entry per occurrence.
	Terms []int32 `json:"t"`
}

// Hash is a 64-bit sentence hash, written in JSON as 16 hexadecimal
// digits.
type Hash uint64

// MarshalText writes h as 16 hexadecimal digits.
func (h Hash) MarshalText() ([]byte, error) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(h))
	return []byte(hex.EncodeToString(b[:])), nil
}

// UnmarshalText reads 16 hexadecimal digits.
func (h *Hash) UnmarshalText(b []byte) error {
	v, err := strconv.ParseUint(string(b), 16, 64)
	if err != nil || len(b) != 16 {
		return fmt.Errorf("sentence hash %q is not 16 hexadecimal digits", b)
	}
	*h = Hash(v)
	return nil
}

// namePrefix starts a name term, keeping names apart from stemmed words
// (which never contain it).
const namePrefix = "@"

// maxNameRun is the longest run of capitalised words kept as one name
// ("Sigma Alpha Epsilon"); longer runs (title-case headings) give only
// their single words.
const maxNameRun = 4

// NewFeatures computes the features of a parsed article.
func NewFeatures(doc *brief.Document) *Features {
	return newFeatures(doc, nil)
}

// Featurizer computes features as NewFeatures does, faster over many
// articles: it remembers the stems of the words it has seen. It is safe
// for concurrent use; the zero value is ready.
type Featurizer struct {
	caches sync.Pool // of wordCache
}

// wordCache holds what is known of lower-case words whatever the
// article: whether they are stop words, names or content words, and their
// stems.
type wordCache map[string]wordStatic

// wordStatic is what is known of a lower-case word whatever the article.
type wordStatic struct {
	stem     string // "" for a stop word or a short word
	stop     bool
	keepName bool
}

// static returns what is known of the lower-case word w, from c when it
// is there (c may be nil).
func (c wordCache) static(w string) wordStatic {
	if ws, ok := c[w]; ok {
		return ws
	}
	_, stop := stopwords[w]
	ws := wordStatic{stop: stop, keepName: keepName(w)}
	if !stop && keepWord(w) {
		ws.stem = stemWord(w)
	}
	if c != nil {
		c[w] = ws
	}
	return ws
}

// maxWordCache bounds a word cache; a full one starts over.
const maxWordCache = 1 << 16

// Features computes the features of a parsed article.
func (z *Featurizer) Features(doc *brief.Document) *Features {
	c, _ := z.caches.Get().(wordCache)
	if c == nil || len(c) > maxWordCache {
		c = make(wordCache, 4096)
	}
	f := newFeatures(doc, c)
	z.caches.Put(c)
	return f
}

func newFeatures(doc *brief.Document, cache wordCache) *Features {
	f := &Features{Version: FeaturesVersion, Terms: []string{}, Sentences: []SentenceTerms{}}
	f.Title, f.Derived = strings.Join(strings.Fields(doc.Title), " "), false
	if f.Title == "" {
		f.Title, f.Derived = deriveTitle(doc), true
	}
	f.Published = PublishedDate(doc.Published)

	located := doc.Sentences()
	toks := make([][]token, len(located))
	n := 0
	for k, s := range located {
		toks[k] = tokenize(s.Text, nil)
		n += len(toks[k])
	}
	x := newExtractorSized(n / 2)
	x.cache = cache
	wis := make([][]*wordInfo, len(located))
	for k, s := range located {
		wis[k] = x.mark(s.Text, toks[k])
	}
	f.Sentences = make([]SentenceTerms, len(located))
	for k, s := range located {
		f.Sentences[k] = SentenceTerms{
			Hash:   Hash(sentenceHash(s.Text)),
			Credit: k >= len(located)-creditTail && isCredit(s.Text),
			Terms:  x.terms(s.Text, toks[k], wis[k], false),
		}
	}
	if !f.Derived {
		f.TitleTerms = x.textTerms(f.Title, true)
	}
	f.Terms = x.list
	return f
}

// extractor turns the sentences of one article into terms.
type extractor struct {
	ids   map[string]int32 // term -> index in list
	list  []string
	words map[string]*wordInfo // lower-case word -> what is known of it
	cache wordCache            // shared across articles, or nil
	lower []byte
	key   []byte
}

// wordInfo is what the extractor knows of one lower-case word.
type wordInfo struct {
	stem     int32 // index of its stem, -1 for a stop word or a short word
	name     int32 // index of its name term, -1 until first needed
	stop     bool  // a stop word: never a name
	keepName bool  // long enough to be a name of its own
	// Whether the article writes the word in lower case, and
	// capitalised inside a sentence.
	lowerSeen, capSeen bool
}

func newExtractor() *extractor { return newExtractorSized(0) }

// newExtractorSized returns an extractor ready for about n distinct words.
func newExtractorSized(n int) *extractor {
	return &extractor{ids: make(map[string]int32, n), words: make(map[string]*wordInfo, n), list: make([]string, 0, n)}
}

// id returns the index of term key, adding it.
func (x *extractor) id(key []byte) int32 {
	if id, ok := x.ids[string(key)]; ok {
		return id
	}
	id := int32(len(x.list))
	k := string(key)
	x.ids[k] = id
	x.list = append(x.list, k)
	return id
}

// idString is id for a key held as a string.
func (x *extractor) idString(key string) int32 {
	if id, ok := x.ids[key]; ok {
		return id
	}
	id := int32(len(x.list))
	x.ids[key] = id
	x.list = append(x.list, key)
	return id
}

// word returns what is known of the word s[t.start:t.end].
func (x *extractor) word(s string, t token) *wordInfo {
	x.lower = lowerInto(x.lower, s[t.start:t.end])
	if wi, ok := x.words[string(x.lower)]; ok {
		return wi
	}
	w := string(x.lower)
	ws := x.cache.static(w)
	wi := &wordInfo{stem: -1, name: -1, stop: ws.stop, keepName: ws.keepName}
	if ws.stem != "" {
		wi.stem = x.idString(ws.stem)
	}
	x.words[w] = wi
	return wi
}

// mark notes which words the sentence writes in lower case and which
// capitalised inside it, for the name rule, and returns what is known of
// each token's word.
func (x *extractor) mark(s string, toks []token) []*wordInfo {
	wis := make([]*wordInfo, len(toks))
	for k, t := range toks {
		wi := x.word(s, t)
		wis[k] = wi
		switch {
		case !t.capital:
			if r, _ := utf8.DecodeRuneInString(s[t.start:]); unicode.IsLower(r) {
				wi.lowerSeen = true
			}
		case !t.first || t.allCaps:
			wi.capSeen = true
		}
	}
	return wis
}

// textTerms returns the terms of a text that is not one of the article's
// sentences (its title, a bullet), by what the article's sentences said
// of its words.
func (x *extractor) textTerms(s string, title bool) []int32 {
	toks := tokenize(s, nil)
	wis := make([]*wordInfo, len(toks))
	for k, t := range toks {
		wis[k] = x.word(s, t)
	}
	return x.terms(s, toks, wis, title)
}

// isName reports whether token t, of word wi, is a name word: capitalised,
// not a stop word, and not merely opening a sentence. A sentence's first
// word is a name only when the article also writes it capitalised inside
// a sentence and never in lower case (or it is in capitals, as "ISIS").
// In a title, which is often in title case, only names that the body
// confirms count.
func isName(t token, wi *wordInfo, title bool) bool {
	if !t.capital || wi.stop {
		return false
	}
	if title {
		return wi.capSeen
	}
	if t.first && !t.allCaps {
		return wi.capSeen && !wi.lowerSeen
	}
	return true
}

// terms returns the terms of one sentence: the stem of every content
// word, every name word, and every run of two to maxNameRun name words
// joined by spaces only (of a longer run, its last two words).
func (x *extractor) terms(s string, toks []token, wis []*wordInfo, title bool) []int32 {
	out := []int32{}
	runStart := -1
	flushRun := func(end int) {
		if runStart < 0 {
			return
		}
		n := end - runStart
		if n > maxNameRun {
			// A long run is mostly titles before a name ("Senate
			// Majority Leader Mitch McConnell"): keep its last two words.
			runStart, n = end-2, 2
		}
		if n >= 2 {
			x.key = append(x.key[:0], namePrefix...)
			for k := runStart; k < end; k++ {
				if k > runStart {
					x.key = append(x.key, ' ')
				}
				x.key = append(x.key, lowerInto(x.lower, s[toks[k].start:toks[k].end])...)
			}
			out = append(out, x.id(x.key))
		}
		runStart = -1
	}
	for k, t := range toks {
		wi := wis[k]
		if wi.stem >= 0 {
			out = append(out, wi.stem)
		}
		if !isName(t, wi, title) {
			flushRun(k)
			continue
		}
		if runStart >= 0 && !t.joined {
			flushRun(k)
		}
		if runStart < 0 {
			runStart = k
		}
		if wi.keepName {
			if wi.name < 0 {
				x.lower = lowerInto(x.lower, s[t.start:t.end])
				x.key = append(append(x.key[:0], namePrefix...), x.lower...)
				wi.name = x.id(x.key)
			}
			out = append(out, wi.name)
		}
	}
	flushRun(len(toks))
	return out
}

// Validate reports whether f can be grouped: made under this version of
// the term rules, every index in range.
func (f *Features) Validate() error {
	if f.Version != FeaturesVersion {
		return fmt.Errorf("features of version %d, want %d (made by another version of brief: run brief batch again)", f.Version, FeaturesVersion)
	}
	n := int32(len(f.Terms))
	check := func(ts []int32) error {
		for _, t := range ts {
			if t < 0 || t >= n {
				return fmt.Errorf("term index %d out of range (%d terms)", t, n)
			}
		}
		return nil
	}
	if err := check(f.TitleTerms); err != nil {
		return err
	}
	for _, s := range f.Sentences {
		if err := check(s.Terms); err != nil {
			return err
		}
	}
	if f.Published != "" {
		if _, err := time.Parse(time.DateOnly, f.Published); err != nil {
			return fmt.Errorf("published date %q is not YYYY-MM-DD", f.Published)
		}
	}
	return nil
}

// datePatterns find a date in a publication stamp: ISO (2015-03-26),
// day month year (26 March 2015) and month day, year (March 26, 2015).
var (
	isoDate      = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:\D|$)`)
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b`)
	monthDayYear = regexp.MustCompile(`(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
)

// PublishedDate reads the date of a publication stamp as found in an
// article ("09:15 EST, 14 March 2014", "Updated 1:15 PM ET, Thu March 26,
// 2015", "2015-03-26T09:00:00Z") and returns it as YYYY-MM-DD, or ""
// when it finds none.
func PublishedDate(stamp string) string {
	if m := isoDate.FindStringSubmatch(stamp); m != nil {
		return validDate(m[1], m[2], m[3])
	}
	if m := dayMonthYear.FindStringSubmatch(stamp); m != nil {
		if mon := monthNumber(m[2]); mon > 0 {
			return validDate(m[3], strconv.Itoa(mon), m[1])
		}
	}
	if m := monthDayYear.FindStringSubmatch(stamp); m != nil {
		if mon := monthNumber(m[1]); mon > 0 {
			return validDate(m[3], strconv.Itoa(mon), m[2])
		}
	}
	return ""
}

func validDate(y, m, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Year() != yi || int(t.Month()) != mi || t.Day() != di || yi < 1900 {
		return ""
	}
	return t.Format(time.DateOnly)
}

// monthNumber is the number of an English month name or abbreviation, or
// 0.
func monthNumber(s string) int {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	for i, m := range [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		if strings.HasPrefix(m, s) || (len(s) == 4 && s == "sept" && i == 8) {
			return i + 1
		}
	}
	return 0
}

// minTitleWords is how many words a sentence needs to stand as a title:
// an opening such as "There were screams." says nothing of the story.
const minTitleWords = 6

// deriveTitle makes a title for an article that has none: its first
// sentence of six words or more (else its first sentence), shortened with
// sentences.Title. An article with no sentence is "Article without a title".
// so that no article of a digest is listed as untitled.
func deriveTitle(doc *brief.Document) string {
	first := ""
	for _, s := range doc.Sentences() {
		t := sentences.Title(s.Text)
		if t == "" {
			continue
		}
		if first == "" {
			first = t
		}
		if len(strings.Fields(t)) >= minTitleWords {
			return t
		}
	}
	if first != "" {
		return first
	}
	return "Article without a title"
}
