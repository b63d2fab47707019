package render

import (
	"strconv"
	"strings"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
)

// This file lays a digest out for reading, once for every format: the
// Markdown and the PDF (and any other writer of a digest) walk the same
// plan, so that they carry the same words in the same order.

// digestPlan is a digest as it reads: the key developments, a section
// per detailed story with its articles under it, then the other stories
// one line each.
type digestPlan struct {
	title   string
	meta    string
	keys    []keyItem
	stories []storySection
	others  []otherItem
}

// keyItem is one key development.
type keyItem struct {
	text    string
	reports int
	story   int         // number of the story section, 0 when none
	storyID string      // Story.ID of that section, "" when none
	cites   []citeGroup // the sources, by article
}

// citeGroup is the sources a line cites in one article.
type citeGroup struct {
	title string
	url   string
	ids   []string // "s3"
}

// storySection is one detailed story.
type storySection struct {
	number   int    // 1, 2, … in reading order
	id       string // Story.ID, for anchors and links
	title    string
	line     string // the story's line; "" when it only repeats the title
	reports  int
	articles []articleEntry
}

// articleEntry is one article under its story.
type articleEntry struct {
	title    string
	url      string
	meta     []string // source, byline, publication, input
	bottom   []brief.Bullet
	keys     []brief.Bullet
	briefing *brief.Briefing
}

// otherItem is a story told in one line.
type otherItem struct {
	title  string
	url    string
	line   string // "" when it only repeats the title
	source string // the news source, when known
}

// digestTitle is the title of a digest.
func digestTitle(d *digest.Digest) string {
	if d.Date == "" {
		return "Digest"
	}
	return "Digest of " + longDate(d.Date)
}

// plural is "1 report", "2 reports".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// reportsLabel is "1 report", "11 reports".
func reportsLabel(n int) string { return plural(n, "report", "reports") }

// digestMeta is the line under a digest's title.
func digestMeta(d *digest.Digest) string {
	parts := []string{plural(len(d.Articles), "article", "articles")}
	if len(d.Stories) > 0 {
		parts = append(parts, plural(len(d.Stories), "story", "stories"))
	}
	parts = append(parts, plural(len(d.KeyDevelopments), "key development", "key developments"))
	return strings.Join(parts, metaSep)
}

// articleTitle is the title of article a: as found or derived, never
// empty.
func articleTitle(a *digest.Article) string {
	if t := clean(a.Title); t != "" {
		return t
	}
	if a.Briefing != nil {
		return title(a.Briefing)
	}
	return clean(a.Input)
}

// articleURL is the web address of article a, when it has one.
func articleURL(a *digest.Article) string {
	if u := clean(a.URL); u != "" {
		return u
	}
	if l := strings.ToLower(a.Input); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return clean(a.Input)
	}
	return ""
}

// unreadNote marks a feed item whose page could not be read.
const unreadNote = "page not read: only the feed's entry is known"

// articleMetaParts are the parts of the line under an article's title:
// source, byline, publication stamp, and the input (a file or record; a
// web address is the title's link instead).
func articleMetaParts(a *digest.Article) []string {
	var parts []string
	if a.Briefing != nil {
		for _, s := range []string{a.Meta.Source, a.Meta.Byline} {
			if s = clean(s); s != "" {
				parts = append(parts, s)
			}
		}
		if p := clean(a.Meta.Published); p != "" {
			parts = append(parts, "Published "+p)
		} else if p := clean(a.Published); p != "" {
			parts = append(parts, "Published "+longDate(p))
		}
	}
	if in := clean(a.Input); in != "" && articleURL(a) == "" {
		parts = append(parts, in)
	}
	if a.Unread {
		parts = append(parts, unreadNote)
	}
	return parts
}

// repeats reports whether line only repeats title, a title derived from
// it (the same words, perhaps cut short).
func repeats(line, title string) bool {
	line, title = clean(line), strings.TrimSuffix(clean(title), "…")
	return title != "" && strings.HasPrefix(strings.TrimRight(line, ". "), strings.TrimRight(title, ". "))
}

// cites groups sources ("INPUT#s3") by article, in the order they come,
// naming each article by its title.
func cites(d *digest.Digest, byInput map[string]int, sources []string) []citeGroup {
	var out []citeGroup
	at := map[string]int{}
	for _, src := range sources {
		in, id, ok := strings.Cut(src, "#")
		if !ok {
			in, id = src, ""
		}
		k, seen := at[in]
		if !seen {
			g := citeGroup{title: in}
			if i, ok := byInput[in]; ok {
				g.title, g.url = articleTitle(&d.Articles[i]), articleURL(&d.Articles[i])
			}
			out = append(out, g)
			k = len(out) - 1
			at[in] = k
		}
		if id != "" {
			out[k].ids = append(out[k].ids, id)
		}
	}
	return out
}

// citeText is the plain-text citation of groups: " [“Title” s1, s3; “Other” s2]".
func citeText(groups []citeGroup) string {
	return formatCites(groups, func(g citeGroup) string { return g.title }, " [", "]")
}

// formatCites writes groups as open + "“Title” s1, s3; “Other” s2" +
// close, each title as title(g) gives it; "" for no groups.
func formatCites(groups []citeGroup, title func(citeGroup) string, open, close string) string {
	var parts []string
	for _, g := range groups {
		p := "“" + title(g) + "”"
		if len(g.ids) > 0 {
			p += " " + strings.Join(g.ids, ", ")
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return open + strings.Join(parts, "; ") + close
}

// planDigest lays d out. Articles that no story names (a digest made by
// hand) are listed one line each after the stories.
func planDigest(d *digest.Digest) *digestPlan {
	p := &digestPlan{title: digestTitle(d), meta: digestMeta(d)}
	byInput := make(map[string]int, len(d.Articles))
	for i, a := range d.Articles {
		if _, ok := byInput[a.Input]; !ok {
			byInput[a.Input] = i
		}
	}
	section := map[string]int{} // story ID -> section number
	inStory := make([]bool, len(d.Articles))
	for _, s := range d.Stories {
		var members []int
		for _, m := range s.Members {
			if m >= 0 && m < len(d.Articles) && d.Articles[m].Briefing != nil {
				members = append(members, m)
				inStory[m] = true
			}
		}
		if len(members) == 0 {
			continue
		}
		lead := &d.Articles[members[0]]
		if !s.Detailed {
			o := otherItem{title: articleTitle(lead), url: articleURL(lead), line: clean(s.Text), source: clean(lead.Meta.Source)}
			if repeats(o.line, o.title) {
				o.line = ""
			}
			if lead.Unread {
				o.line = unreadNote
			}
			p.others = append(p.others, o)
			continue
		}
		sec := storySection{number: len(p.stories) + 1, id: s.ID, title: clean(s.Title), line: clean(s.Text), reports: len(members)}
		if sec.title == "" {
			sec.title = articleTitle(lead)
		}
		if repeats(sec.line, sec.title) {
			sec.line = ""
		}
		for _, m := range members {
			a := &d.Articles[m]
			sec.articles = append(sec.articles, articleEntry{
				title:    articleTitle(a),
				url:      articleURL(a),
				meta:     articleMetaParts(a),
				bottom:   a.BottomLine,
				keys:     freshKeyPoints(a.BottomLine, a.KeyPoints),
				briefing: a.Briefing,
			})
		}
		section[s.ID] = sec.number
		p.stories = append(p.stories, sec)
	}
	for _, k := range d.KeyDevelopments {
		t := clean(k.Text)
		if t == "" {
			continue
		}
		n := k.Reports
		if n == 0 {
			n = len(k.Articles)
		}
		ki := keyItem{text: t, reports: n, story: section[k.Story], cites: cites(d, byInput, k.Sources)}
		if ki.story > 0 {
			ki.storyID = k.Story
		}
		p.keys = append(p.keys, ki)
	}
	for i := range d.Articles {
		a := &d.Articles[i]
		if inStory[i] || a.Briefing == nil {
			continue
		}
		o := otherItem{title: articleTitle(a), url: articleURL(a), source: clean(a.Meta.Source)}
		if len(a.BottomLine) > 0 {
			o.line = clean(a.BottomLine[0].Text)
		}
		if repeats(o.line, o.title) {
			o.line = ""
		}
		if a.Unread {
			o.line = unreadNote
		}
		p.others = append(p.others, o)
	}
	return p
}

// keySuffix is what follows a key development: how many reports it rests
// on and where its story is told.
func keySuffix(k keyItem) string {
	s := " (" + reportsLabel(k.reports)
	if k.story > 0 {
		s += "; story " + strconv.Itoa(k.story)
	}
	return s + ")"
}

// storyLead is the paragraph that opens a story's section: its line and
// how many reports it rests on.
func storyLead(s storySection) string {
	if s.line == "" {
		return reportsLabel(s.reports)
	}
	return s.line + " (" + reportsLabel(s.reports) + ")"
}
