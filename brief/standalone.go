package brief

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/lexicon"
	"github.com/brief-dev/brief/brief/sentences"
)

// pluralRefs name two people mentioned before: "The pair also discussed…".
var pluralRefs = []string{
	"They ", "The pair ", "The two leaders ", "The two men ", "The two women ",
	"The two presidents ", "Both men ", "Both leaders ", "The leaders ",
}

// standalone returns the text of sentence i made fit to stand alone as a
// bullet: dateline and leading connectives dropped and, when the article
// leaves no doubt who is meant, an opening "He", "She", "His", "Her" or
// "The two leaders" replaced by the names as the article writes them.
// named is then the sentence that names them, which the bullet must cite
// too (else -1). It returns false when the sentence cannot stand alone:
// it is part of a longer quotation, it is no full sentence, or it opens
// with a word that points back ("They", "It", "This is", "Many of them")
// to something it does not name.
func (a *analysis) standalone(i int) (text string, named int, ok bool) {
	return a.standaloneIf(i, sentences.Complete)
}

// standaloneLine is standalone for an article whose lines are not
// sentences, such as a changelog or a list of points: a line of a few
// words stands alone without a capital or closing punctuation, and
// without its list marker ("+ Added …", "- Fixed …").
func (a *analysis) standaloneLine(i int) (text string, named int, ok bool) {
	text, named, ok = a.standaloneIf(i, sentences.Item)
	if !ok {
		return "", -1, false
	}
	return sentences.TrimMarker(text), named, true
}

// standaloneIf is standalone with usable as the test of a full sentence.
func (a *analysis) standaloneIf(i int, usable func(string) bool) (text string, named int, ok bool) {
	if a.sents[i].quoteIn || a.embedded(i) {
		return "", -1, false // part of a quotation opened before, or of an embedded post
	}
	text = a.sents[i].text
	if a.sents[i].quoteOut {
		// A quotation that goes on into the next sentence can end here
		// when the sentence itself names who speaks.
		mark, ok := a.closingMark(i)
		if !ok {
			return "", -1, false
		}
		text += mark
	}
	for k := 0; k < 2; k++ {
		var ok bool
		if text, ok = sentences.DropConnective(text); !ok {
			break
		}
	}
	if !sentences.BalancedQuotes(text) || !usable(text) || sentences.WholeQuotation(text) {
		return "", -1, false
	}
	named = -1
	if k := a.speakerPronoun(i); k >= 0 {
		// "…, he said": name the source, or leave the sentence out.
		if text, named, ok = a.nameSpeaker(i, k, text); !ok {
			return "", -1, false
		}
	}
	for _, ref := range pluralRefs {
		if strings.HasPrefix(text, ref) {
			r, ok := a.pairReferent(i)
			if !ok || ref == "They " || named >= 0 {
				return "", -1, false
			}
			return r.names + " " + text[len(ref):], r.sent, true
		}
	}
	toks := tokenize(text, nil)
	if len(toks) < 2 || toks[0].start != 0 {
		return text, named, true
	}
	w := toks[0].norm
	if base, _, cut := strings.Cut(strings.ReplaceAll(w, "’", "'"), "'"); toks[0].poss && lexicon.Contractions.Has(w) ||
		cut && (lexicon.PersonalPronouns.Has(base) || lexicon.BackReferences.Has(base)) {
		return "", -1, false // "It's", "We’ll", "They're": a pronoun and a verb
	}
	switch {
	case w == "he" || w == "she" || w == "his" || w == "her" || w == "him":
		r, ok := a.pronounReferent(i, 0, pronounGender(w))
		if !ok || named >= 0 && named != r.sent {
			return "", -1, false
		}
		name := r.names
		if w == "his" || w == "her" {
			name = possessive(name, text)
		}
		return name + text[toks[0].end:], r.sent, true
	// A back reference as written: "U.S." reads as "us" but is no pronoun.
	case lexicon.BackReferences.Has(w) && !toks[0].poss && !allCaps(toks[0].text) && strings.EqualFold(toks[0].text, w):
		return "", -1, false
	case len(toks) > 2 && toks[1].norm == "of" && lexicon.GroupPronouns.Has(toks[2].norm):
		return "", -1, false // "Many of them", "Some of those"
	case lexicon.Demonstratives.Has(w) && !calendar(toks):
		return "", -1, false // "This is…", "That image…", "This time…"; not "This week…"
	}
	return text, named, true
}

// speakerPronoun returns the index in sentence i's words of a pronoun that
// gives the source of what it says ("…, he said", "“…,” she added", "…, it
// said") or, for "he" and "she", its subject after an opening phrase,
// when no one is named before it outside quotations; else -1.
func (a *analysis) speakerPronoun(i int) int {
	s := &a.sents[i]
	for k := 1; k+1 < len(s.toks); k++ {
		t := s.toks[k]
		gap, says := strings.TrimSpace(t.gap), lexicon.SpeechVerbs.Has(s.toks[k+1].norm)
		var source bool
		switch t.norm {
		case "he", "she": // "…, he said", "“…,” she added", "At times, he got…"
			source = strings.HasSuffix(gap, ",") || says && strings.ContainsAny(gap, `”"`)
		case "it", "they": // "…, it said", "…, they say"
			source = says && strings.HasSuffix(gap, ",")
		}
		if !source || a.inQuote(i, t.start) {
			continue
		}
		if slices.ContainsFunc(s.mentions, func(m mention) bool {
			return m.end <= t.start && !m.inQuote && a.actors[m.actor].kind == kindPerson
		}) || slices.ContainsFunc(s.toks[:k], func(w token) bool { return lexicon.PersonNouns.Has(w.norm) && !a.inQuote(i, w.start) }) {
			return -1
		}
		return k
	}
	return -1
}

// nameSpeaker replaces in text, sentence i as the bullet words it, the
// speaker pronoun at word k by the person it certainly stands for, named
// in an earlier sentence, which it returns too; it fails for "it",
// "they" and a pronoun the article leaves in doubt.
func (a *analysis) nameSpeaker(i, k int, text string) (string, int, bool) {
	t := a.sents[i].toks[k]
	g := pronounGender(t.norm)
	r, ok := a.pronounReferent(i, 0, g)
	// The pronoun ends where the rest of the sentence begins; its case may differ.
	at := strings.LastIndex(text, a.sents[i].text[t.end:]) - len(t.text)
	if g == genderUnknown || !ok || at < 0 || !strings.EqualFold(text[at:at+len(t.text)], t.text) {
		return "", -1, false
	}
	return text[:at] + r.names + text[at+len(t.text):], r.sent, true
}

// embedded reports whether sentence i is in a post embedded in the page.
func (a *analysis) embedded(i int) bool {
	return a.doc.Sections[a.sents[i].Section].Paragraphs[a.sents[i].Paragraph].Embed
}

// closingMark returns the mark that closes, at the end of sentence i, a
// quotation that opens in it and goes on into the next sentence, when
// the clause before the opening mark names who speaks: in
// `A spokesman for the club said: "We regret it.` the quotation can end
// after "it." without changing what it says or on whose word. It
// returns false when the speaker is not named in the sentence: a pronoun
// ("He said: “…") or nobody.
func (a *analysis) closingMark(i int) (string, bool) {
	s := &a.sents[i]
	if len(s.quotes) == 0 {
		return "", false
	}
	last := s.quotes[len(s.quotes)-1]
	sp, ok := a.beforeOpen(quoteSpan{sents: []int{i}, openSent: i, openOff: last.start, closeOff: -1})
	if !ok || sp.reported {
		return "", false
	}
	named := false
	for _, t := range sp.toks {
		if lexicon.PersonalPronouns.Has(t.norm) {
			return "", false
		}
		named = named || t.capital || lexicon.SpeakerNouns.Has(t.norm)
	}
	if !named {
		return "", false
	}
	switch open, _ := utf8.DecodeLastRuneInString(s.text[:last.start]); open {
	case '“':
		return "”", true
	case '"':
		return `"`, true
	}
	return "", false
}

// calendar reports whether toks, opening with a demonstrative, point at
// the calendar ("This week…", "This past season…", "This Sunday…")
// rather than back at what came before: any other opener, a pronoun
// ("This is…", "That, too, …") or a noun it qualifies ("That image…",
// "This time…", "That night…"), needs the sentences before it.
func calendar(toks []token) bool {
	if toks[0].norm != "this" || toks[1].gap != " " {
		return false
	}
	next := toks[1].norm
	if (next == "past" || next == "coming") && len(toks) > 2 {
		next = toks[2].norm
	}
	return lexicon.Calendar.Has(next)
}
