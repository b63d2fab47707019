package byline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/sentences"
)

// monthPattern matches an English month name or its abbreviation.
const monthPattern = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// wholeNameBylines are bylines that name a desk or agency rather than a
// person; they are kept whole as the name ("Daily Mail Reporter").
var wholeNameBylines = regexp.MustCompile(`(?i)^(daily mail|mail|mail on sunday|mailonline|associated press|press association|reuters|afp|staff|this is money|cnn wire)\b`)

// bylineRoleWords start the role part of a byline such as "Kevin Liptak
// CNN White House Producer".
var bylineRoleWords = map[string]bool{
	"correspondent": true, "reporter": true, "producer": true, "editor": true,
	"writer": true, "staff": true, "senior": true, "chief": true, "political": true,
	"foreign": true, "diplomatic": true, "special": true, "contributor": true,
	"columnist": true, "associate": true, "deputy": true, "for": true, "in": true,
	"white": true, "national": true, "international": true, "security": true,
	"business": true, "science": true, "health": true, "economics": true,
}

// Split splits author text into a name and a role: "Kevin Liptak CNN
// White House Producer" gives "Kevin Liptak" and "CNN White House
// Producer"; "Jane Roe, Reuters" gives "Jane Roe" and "Reuters".
func Split(s string) (name, role string) {
	s = strings.Trim(strings.Join(strings.Fields(s), " "), " .,;:-|")
	if s == "" {
		return "", ""
	}
	if name, role, ok := strings.Cut(s, ","); ok {
		return strings.TrimSpace(name), strings.Trim(role, " .,")
	}
	if deskByline(s) {
		return "", s // "Our Foreign Staff": a desk, no person
	}
	if wholeNameBylines.MatchString(s) {
		return s, ""
	}
	words := strings.Fields(s)
	for i := 1; i < len(words); i++ {
		w := words[i]
		if bylineRoleWords[strings.ToLower(w)] || (len(w) >= 2 && isUpperWord(w) && !isUpperWord(words[0]) && !isInitial(w)) {
			if strings.EqualFold(words[i-1], "and") {
				continue
			}
			return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		}
	}
	return s, ""
}

// isInitial reports whether w is a name initial such as "M.".
func isInitial(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

// isUpperWord reports whether w has letters and all of them are upper case
// ("CNN", "AP").
func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			letters++
		}
	}
	return letters > 0
}

// deskWords name a newsroom desk rather than a person in a byline.
var deskWords = map[string]bool{"our": true, "staff": true, "desk": true, "agencies": true,
	"editorial": true, "board": true, "team": true, "newsroom": true, "wire": true, "wires": true,
	"services": true, "service": true, "correspondents": true, "correspondent": true, "reporter": true,
	"reporters": true, "news": true, "web": true, "online": true, "bureau": true}

// deskByline reports whether a byline names a desk, not a person: "Our
// Foreign Staff", "Staff Reporter", "Agencies", "Web Desk".
func deskByline(s string) bool {
	words := strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", ".", " ").Replace(s)))
	if len(words) == 0 {
		return false
	}
	if words[0] == "our" {
		return true
	}
	for _, w := range words {
		if !deskWords[w] && !bylineRoleWords[w] {
			return false
		}
	}
	return true
}

// bylinePrefix matches the word that introduces an author line.
var bylinePrefix = regexp.MustCompile(`(?i)^(?:by|written by|words by|story by|text by|von|por|par|di|oleh|door|av|af|текст|автор|autor|autore|auteur|penulis)\s*[:.]?\s+`)

// bylineDateTail matches a date that ends an author line: "… on Monday,
// November 18th, 2019 at 11:08 a.m.".
var bylineDateTail = regexp.MustCompile(`(?i)\s+(?:on|at)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|` + monthPattern + `\s+\d|\d).*$`)

// bylineGlued matches where a page ran an author's name and a date or
// stamp together ("Carrie ArnoldNovember 15, 2019"), or a name in
// capitals and the next word ("ERIC TUCKERAssociated Press").
var bylineGlued = regexp.MustCompile(`(\p{Ll})((?:January|February|March|April|May|June|July|August|September|October|November|December|Updated|Published)\b)|(\p{Lu}{2})(\p{Lu}\p{Ll}{2,})`)

// cjkBylineAffix matches the words around a name in a Chinese or
// Japanese author line: 记者 (reporter), 文／ (text by), 作者 (author),
// and 記者 after the name.
var cjkBylineAffix = regexp.MustCompile(`^(?:本报记者|特约记者|记者|記者|撰文|作者|文)\s*[:：/／]?\s*|\s*(?:記者|记者|特派員|編集部)$`)

// bylineNoise matches what pages put beside the author's name: web and
// e-mail addresses, handles, and parentheses holding them or a date.
var bylineNoise = regexp.MustCompile(`(?i)\((?:[^()]*(?:https?://|www\.|@|\d)[^()]*)\)|https?://\S+|www\.\S+|\S+@\S+\.\S+|(?:^|\s)@\w+`)

// bylineSeparators split an author line into its parts: "Jane Roe |
// 12 March 2026", "Jane Roe - 11/18/19 11:04 PM EST".
var bylineSeparators = regexp.MustCompile(`\s+[|•·–—-]\s+|\s*[|•·]\s*|\s+(?i:updated|published|posted|last updated)\b`)

// bylineDate matches a part of an author line that is a date or time.
var bylineDate = regexp.MustCompile(`(?i)^(?:on\s+)?(?:\d|` + monthPattern + `\s+\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)`)

// SplitPage splits a page's author names from the role or desk
// that follows a comma ("Jane Roe, Science Correspondent", "Jill Disis,
// CNN Business"); a list of names ("Jane Roe, Omar Haddad") stays whole.
func SplitPage(s string) (name, role string) {
	name, role, ok := strings.Cut(s, ",")
	name, role = strings.TrimSpace(name), strings.Trim(role, " .,")
	if !ok || name == "" || role == "" {
		return strings.Trim(s, " ,"), ""
	}
	for _, w := range strings.Fields(role) {
		if bylineRoleWords[strings.ToLower(w)] || len(w) >= 2 && isUpperWord(w) && !isUpperWord(name) {
			return name, role
		}
	}
	return s, ""
}

// authorListSep separates the names of a list of authors.
var authorListSep = regexp.MustCompile(`\s*[,;&]\s*|\s+(?:and|und|et|y|e|i|и|と)\s+`)

// Clean returns the author names of a page's author line: the
// "By" before them and the addresses, handles, dates and stamps beside
// them removed. It returns "" when what is left does not read as names.
func Clean(s string) string {
	s = bylineNoise.ReplaceAllString(s, " ")
	if !bylinePrefix.MatchString(s) && sentences.WordCount(s) > 12 {
		return "" // a sentence, not an author line
	}
	s = bylineGlued.ReplaceAllStringFunc(s, func(m string) string {
		g := bylineGlued.FindStringSubmatch(m)
		if g[1] != "" {
			return g[1] + " | " + g[2] // a name and a date: two parts
		}
		return g[3] + " " + g[4] // "TUCKERAssociated": two words
	})
	s = bylineDateTail.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(s), " ")
	var name string
	for part := range strings.SplitSeq(bylineSeparators.ReplaceAllString(s, "\x00"), "\x00") {
		part = strings.Trim(part, " ,;:()[]")
		part = bylinePrefix.ReplaceAllString(part, "")
		if part == "" || strings.EqualFold(part, "by") || bylineDate.MatchString(part) || !sentences.HasWord(part) {
			continue
		}
		name = part
		break
	}
	name = strings.Trim(bylinePrefix.ReplaceAllString(name, ""), " ,;:")
	if strings.ContainsFunc(name, sentences.Unspaced) {
		if n := strings.TrimSpace(cjkBylineAffix.ReplaceAllString(name, "")); n != "" {
			name = n
		}
	}
	switch {
	case name == "":
		return ""
	case utf8.RuneCountInString(name) > 100, len(strings.Fields(name)) > 12:
		// A long list of authors: the first of them.
		first := strings.TrimSpace(authorListSep.Split(name, 2)[0])
		if len(strings.Fields(first)) <= 6 && Plausible(first) {
			return first
		}
		return ""
	case sentences.Ended(name) && !strings.HasSuffix(name, "."):
		return ""
	}
	return name
}

// Plausible reports whether s reads like a name and role rather than
// a sentence: a few words, each capitalised (or in a script without case,
// such as Japanese) or a small joining word.
func Plausible(s string) bool {
	words := strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(s))
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r) {
			continue // a capital, or a letter of a script without case
		}
		switch w {
		case "and", "for", "in", "of", "at", "the", "de", "van", "von", "da", "der", "&":
			continue
		}
		return false
	}
	return true
}
