package brief

import (
	"strings"

	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/sentences"
)

// leadConnectives point back to the sentence before; a bullet drops them.
var leadConnectives = []string{
	"But ", "And ", "However, ", "However ", "Also, ", "Yet ", "So ", "Still, ", "Meanwhile, ",
	"Moreover, ", "Furthermore, ", "In addition, ", "Instead, ", "Nevertheless, ",
	"Nonetheless, ", "Besides, ", "Indeed, ", "Thus, ", "Therefore, ", "Then, ", "Again, ",
}

// pluralRefs name two people mentioned before: "The pair also discussed…".
var pluralRefs = []string{
	"They ", "The pair ", "The two leaders ", "The two men ", "The two women ",
	"The two presidents ", "Both men ", "Both leaders ", "The leaders ",
}

// backRefs open a sentence that cannot be understood alone and cannot be
// repaired by naming a person; first-person words are a speaker's, whom
// the bullet would not name.
var backRefs = wordSet(`it its their them these those such there's latter former
	we i you our my us`)

// demonstratives are back references when a verb follows them: "This is…",
// "That was…"; "This week’s talks…" stands alone.
var demonstratives = wordSet(`this that these those`)

// auxiliaries follow a demonstrative used as a pronoun.
var auxiliaries = wordSet(`is was are were has had have will would could can may might must
	should does did means meant came comes followed marks marked led leaves left shows showed
	suggests suggested includes included`)

// dropConnective removes one leading connective from text and capitalises
// what follows.
func dropConnective(text string) (string, bool) {
	for _, c := range leadConnectives {
		if strings.HasPrefix(text, c) && len(text) > len(c) {
			return upperFirst(text[len(c):]), true
		}
	}
	return text, false
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// usableText reports whether text reads as a full sentence: it has a few
// words (in Chinese and Japanese, characters: see
// [sentences.WordCount]), starts with a capital, a letter of a script
// without case, a digit or a quotation mark, and ends with sentence
// punctuation. Headings and fragments fail.
func usableText(text string) bool {
	if sentences.WordCount(text) < 5 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	uncased := unicode.IsLetter(r) && !unicode.IsLower(r)
	opener := unicode.Is(unicode.Pi, r) || strings.ContainsRune("\"'「『《【〈（", r)
	if !uncased && !unicode.IsDigit(r) && !opener {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return strings.ContainsRune(".!?”\"’)。！？｡」』）", last)
}

// usableLine reports whether text, less a list marker, has a few words
// and starts with a letter, a digit or a quotation mark.
func usableLine(text string) bool {
	text = strings.TrimLeftFunc(text, isListMarker)
	if sentences.WordCount(text) < 5 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Pi, r) || strings.ContainsRune("\"'「『《【〈（", r)
}

// isListMarker reports whether r marks an item of a list, or is the
// space after the marker.
func isListMarker(r rune) bool {
	return strings.ContainsRune("+-*•·–—‣▪►✓✔> ", r)
}

// standalone returns the text of sentence i made fit to stand alone as a
// bullet: dateline and leading connective dropped, an opening pronoun
// replaced by the name of the person it points to. It returns false when
// the sentence cannot stand alone.
func (a *analysis) standalone(i int) (string, bool) {
	return a.standaloneIf(i, usableText)
}

// standaloneLine is standalone for an article whose lines are not
// sentences, such as a changelog or a list of points: a line of a few
// words stands alone without a capital or closing punctuation, and
// without its list marker ("+ Added …", "- Fixed …").
func (a *analysis) standaloneLine(i int) (string, bool) {
	text, ok := a.standaloneIf(i, usableLine)
	if !ok {
		return "", false
	}
	return strings.TrimLeftFunc(text, isListMarker), true
}

// standaloneIf is standalone with usable as the test of a full sentence.
func (a *analysis) standaloneIf(i int, usable func(string) bool) (string, bool) {
	if a.sents[i].quoteIn || a.sents[i].quoteOut {
		return "", false // part of a quotation that goes on beyond the sentence
	}
	text := a.sents[i].text
	for k := 0; k < 2; k++ {
		var ok bool
		if text, ok = dropConnective(text); !ok {
			break
		}
	}
	if !balancedQuotes(text) || !usable(text) {
		return "", false
	}
	for _, ref := range pluralRefs {
		if strings.HasPrefix(text, ref) {
			pair, ok := a.lastPair(i, 2)
			if !ok {
				return "", false
			}
			return a.actors[pair[0]].name + " and " + a.actors[pair[1]].name + " " + text[len(ref):], true
		}
	}
	toks := wordToks(text)
	if len(toks) < 2 || toks[0].start != 0 {
		return text, true
	}
	w := toks[0].k
	switch {
	case w == "he" || w == "she" || w == "his" || w == "her" || w == "him":
		p := a.lastPerson(i, 0, 3)
		if p < 0 {
			return "", false
		}
		name := a.actors[p].name
		if w == "his" || w == "her" {
			name = possessive(name, text)
		}
		return name + text[toks[0].end:], true
	case w == "they" || backRefs[w] && !toks[0].poss && !allCaps(toks[0].word):
		return "", false
	case demonstratives[w] && auxiliaries[toks[1].k] && toks[1].gap == " ":
		return "", false
	}
	return text, true
}

// trimAttribution drops a trailing attribution such as ", the official
// said." from text, keeping the final full stop. It leaves text alone
// when the attribution is not a short clause at the end.
func trimAttribution(text string) string {
	if !strings.HasSuffix(text, ".") {
		return text
	}
	i := strings.LastIndex(text, ", ")
	if i <= 0 {
		return text
	}
	tail := text[i+2 : len(text)-1]
	if strings.ContainsAny(tail, "“”\",;") {
		return text
	}
	ws := lowerWordsOf(tail)
	if len(ws) == 0 || len(ws) > 8 {
		return text
	}
	attributed := ws[0] == "according" && len(ws) > 1 && ws[1] == "to"
	for _, w := range ws {
		attributed = attributed || speechVerbs[w]
	}
	head := text[:i]
	if !attributed || len(strings.Fields(head)) < 5 || strings.HasSuffix(head, "”") || strings.HasSuffix(head, `"`) {
		return text
	}
	return head + "."
}
