package brief

import "strings"

// gender is what the article lets a reader tell of a person's sex, so
// that "he" and "she" can be matched to the right person. Most names
// leave it unknown, and then a pronoun is matched only when no one else
// could be meant.
type gender int

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
)

// agrees reports whether a person of gender g may be called by a pronoun
// of gender p.
func (g gender) agrees(p gender) bool {
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

// genderWords give a person's sex when they stand in a title or role:
// "Mr Blair", "the spokeswoman", "her mother".
var genderWords = func() map[string]gender {
	m := map[string]gender{}
	for _, w := range strings.Fields(`mr sir lord king prince duke emperor sultan emir sheikh
		spokesman chairman congressman councilman businessman policeman fireman
		father son brother husband uncle nephew grandfather boyfriend widower
		actor waiter monk pope cardinal bishop archbishop rabbi imam boy man gentleman`) {
		m[w] = genderMale
	}
	for _, w := range strings.Fields(`mrs ms miss madam dame lady queen princess duchess empress
		spokeswoman chairwoman congresswoman councilwoman businesswoman policewoman
		mother daughter sister wife aunt niece grandmother girlfriend widow
		actress waitress nun girl woman`) {
		m[w] = genderFemale
	}
	return m
}()

// firstNames are given names common in English-language news whose
// bearers are nearly always of one sex. The lists are short on purpose:
// a name missing from them leaves the gender unknown, which costs a
// resolved pronoun, never a wrong one.
var firstNames = func() map[string]gender {
	m := map[string]gender{}
	for _, w := range strings.Fields(`aaron abdul abdullah adam adrian ahmed alan albert alexander
		alexei alfred ali andre andrew andy angus anthony antonio arnold arthur barack ben
		benjamin bernard bernie bill billy bob boris brad bradley brendan brian bruce bryan carl
		carlos charles charlie chris christopher chuck clarence colin craig dan daniel danny darren
		dave david dennis derek derrick dick dmitry don donald doug douglas duncan dwight ed eddie
		edward emmanuel eric ernest eugene frank franklin fred frederick gary gavin george gerald
		gordon graham greg gregory harold harry hassan hector henry herbert howard hugh hussein ian
		igor isaac ivan jack jacob jake james jamie jason javier jeb jeff jeffrey jeremy jerry jesse
		jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin karl
		keith ken kenneth kevin kurt larry lawrence leo leon lewis louis
		luis luke malcolm marco marcus mario mark martin matt matthew michael miguel mike mitch
		mohamed mohammed muhammad nathan neil nicholas nick nigel noah norman oliver omar oscar
		owen pablo patrick paul pedro peter philip phil rafael ralph randy raul ray raymond reza
		richard rick ricky rob robert roberto rodrigo roger ron ronald rory roy rudy
		russell ryan sam samuel scott sean sergei sergey seth simon stanley stephen steve steven
		stuart ted terry theodore thomas tim timothy todd tom tommy tony travis trevor tyler
		vladimir walter warren wayne william willie yuri zachary`) {
		m[w] = genderMale
	}
	for _, w := range strings.Fields(`abigail alice alicia alison amanda amber amy andrea angela
		angelina ann anna anne annie april ashley barbara betty beverly brenda brittany carla carol
		caroline carolyn catherine cathy charlotte cheryl christina christine cindy claire claudia
		courtney cynthia dana deborah debra denise diana diane donna doris dorothy elaine eleanor
		elena elizabeth ellen emily emma erica erin eva evelyn fiona frances gloria grace hannah
		heather helen hillary holly irene jacqueline jane janet janice jennifer jenny jessica jill
		joan joanne josephine joyce judith judy julia julie karen kate katherine kathleen kathryn
		kathy katie kelly kimberly kristen laura lauren linda lisa lori louise lucy lynn madeleine
		margaret maria marie marilyn marina marion martha mary megan melania melissa michelle
		monica nancy natalie natalia nicole nina olga pamela patricia paula penelope rachel rebecca
		rita rose ruth sally samantha sandra sarah sharon shirley sophia sophie stephanie sue susan
		suzanne tamara teresa theresa tina tracy valerie vanessa victoria virginia wendy yulia`) {
		m[w] = genderFemale
	}
	return m
}()

// nameGender is the gender a person's name gives: its first word's, when
// that is a common given name, or a title's ("Mr", "Queen").
func nameGender(name string) gender {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.Trim(w, ".,")
		if g, ok := genderWords[w]; ok {
			return g
		}
		if g, ok := firstNames[w]; ok {
			return g
		}
		return genderUnknown // only the first word can be a given name
	}
	return genderUnknown
}

// roleGender is the gender a role gives: "spokeswoman", "her mother".
func roleGender(role string) gender {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if g, ok := genderWords[strings.Trim(w, ".,")]; ok {
			return g
		}
	}
	return genderUnknown
}
