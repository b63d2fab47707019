package digest

import (
	"strings"
	"time"
)

// corpus is the day's articles as grouping sees them: every article's
// sentences as term ids of one vocabulary, with their hashes. Articles
// are added one at a time, in input order, and their features dropped,
// so that memory grows with the terms of the day, not with the text.
type corpus struct {
	ids  map[string]int32 // term -> id
	keys []string         // id -> term

	sentStart  []int32  // article a's sentences are [sentStart[a], sentStart[a+1])
	hash       []uint64 // per sentence
	credit     []bool   // per sentence
	tokStart   []int32  // sentence s's terms are toks[tokStart[s]:tokStart[s+1]]
	toks       []int32
	titleStart []int32 // article a's title terms are titleToks[titleStart[a]:titleStart[a+1]]
	titleToks  []int32
	days       []int32 // publication day (days since 1970), noDay when unknown
}

// noDay marks an article whose publication date is unknown.
const noDay = -1 << 30

func newCorpus() *corpus {
	return &corpus{
		ids:        map[string]int32{},
		sentStart:  []int32{0},
		tokStart:   []int32{0},
		titleStart: []int32{0},
	}
}

// len is the number of articles.
func (c *corpus) len() int { return len(c.days) }

// add adds the article of features f (which must be valid).
func (c *corpus) add(f *Features) {
	local := make([]int32, len(f.Terms))
	for i, t := range f.Terms {
		id, ok := c.ids[t]
		if !ok {
			id = int32(len(c.keys))
			t = strings.Clone(t) // not the decoder's buffer
			c.ids[t] = id
			c.keys = append(c.keys, t)
		}
		local[i] = id
	}
	for _, s := range f.Sentences {
		c.hash = append(c.hash, uint64(s.Hash))
		c.credit = append(c.credit, s.Credit)
		for _, t := range s.Terms {
			c.toks = append(c.toks, local[t])
		}
		c.tokStart = append(c.tokStart, int32(len(c.toks)))
	}
	c.sentStart = append(c.sentStart, int32(len(c.hash)))
	for _, t := range f.TitleTerms {
		c.titleToks = append(c.titleToks, local[t])
	}
	c.titleStart = append(c.titleStart, int32(len(c.titleToks)))
	day := int32(noDay)
	if t, err := time.Parse(time.DateOnly, f.Published); err == nil {
		day = int32(t.Unix() / 86400)
	}
	c.days = append(c.days, day)
}

// sentences returns the range of article a's sentences.
func (c *corpus) sentences(a int) (int32, int32) { return c.sentStart[a], c.sentStart[a+1] }

// sentenceTerms returns the term ids of sentence s.
func (c *corpus) sentenceTerms(s int32) []int32 { return c.toks[c.tokStart[s]:c.tokStart[s+1]] }

// title returns the term ids of article a's title.
func (c *corpus) title(a int) []int32 { return c.titleToks[c.titleStart[a]:c.titleStart[a+1]] }

// isName reports whether term id t is a name.
func (c *corpus) isName(t int32) bool { return strings.HasPrefix(c.keys[t], namePrefix) }
