package brief

import (
	"strings"

	"github.com/brief-dev/brief/brief/lexicon"
)

// gender is what the article lets a reader tell of a person's sex, so
// that "he" and "she" can be matched to the right person. Most names
// leave it unknown, and then a pronoun is matched only when no one else
// could be meant.
type gender = lexicon.Gender

const (
	genderUnknown = lexicon.Unknown
	genderMale    = lexicon.Male
	genderFemale  = lexicon.Female
)

// agrees reports whether a person of gender g may be called by a pronoun
// of gender p.
func agrees(g, p gender) bool {
	return g == genderUnknown || p == genderUnknown || g == p
}

// pronounGender is the gender of a personal pronoun ("he", "his", "him"
// are male), or genderUnknown.
func pronounGender(w string) gender {
	switch w {
	case "he", "his", "him", "himself":
		return genderMale
	case "she", "her", "hers", "herself":
		return genderFemale
	}
	return genderUnknown
}

// nameGender is the gender a person's name gives: its first word's, when
// that is a common given name, or a title's ("Mr", "Queen").
func nameGender(name string) gender {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.Trim(w, ".,")
		if g := lexicon.GenderWord(w); g != genderUnknown {
			return g
		}
		if g := lexicon.GivenName(w); g != genderUnknown {
			return g
		}
		return genderUnknown // only the first word can be a given name
	}
	return genderUnknown
}

// roleGender is the gender a role gives: "spokeswoman", "her mother".
func roleGender(role string) gender {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if g := lexicon.GenderWord(strings.Trim(w, ".,")); g != genderUnknown {
			return g
		}
	}
	return genderUnknown
}
