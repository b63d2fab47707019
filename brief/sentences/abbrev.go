package sentences

// The word lists below drive the sentence splitter. Keep them sorted within
// each group; compare [isTitleAbbrev], [isAbbreviation] and [opensSentence].

// isTitleAbbrev reports whether w (without its full stop) is a title written
// before a name, such as "Mr", "Sen" or "Gen", after which a sentence never
// ends.
func isTitleAbbrev(w string) bool {
	switch w {
	case "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Det",
		"Dr", "Drs", "Fr", "Ft", "Gen", "Gens", "Gov", "Govs", "Hon", "Insp",
		"Lt", "Maj", "Messrs", "Mme", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Mt",
		"Mx", "Pres", "Prof", "Profs", "Pvt", "Rep", "Reps", "Rev", "Sen",
		"Sens", "Sgt", "Spc", "Supt":
		return true
	}
	return false
}

// isAbbreviation reports whether w (without its full stop) is a common
// abbreviation that may end a sentence but usually does not: a sentence
// ends after it only when the next word is one that typically opens a
// sentence. Initialisms with inner full stops (U.S., e.g.) and single
// letters are recognised separately.
func isAbbreviation(w string) bool {
	switch w {
	// companies, addresses, names
	case "Ave", "Blvd", "Bros", "Co", "Cos", "Corp", "Dept", "Esq", "Hwy",
		"Inc", "Jr", "Ltd", "Mfg", "Rd", "Sr", "St", "Univ",
		"ave", "bros", "co", "corp", "dept", "inc", "jr", "ltd", "rd", "sr", "st":
		return true
	// references and Latin
	case "al", "approx", "cf", "ch", "chap", "ed", "eds", "est", "fig", "figs",
		"ibid", "misc", "nos", "op", "para", "pp", "sec", "vol", "vols", "vs", "viz":
		return true
	// units
	case "ft", "hr", "hrs", "lb", "lbs", "min", "mins", "mo", "mos",
		"oz", "sq", "yr", "yrs":
		return true
	// months and days (not Sat, Sun, Wed: also words)
	case "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
		"Nov", "Dec", "Mon", "Tue", "Tues", "Thu", "Thur", "Thurs", "Fri":
		return true
	// US states in news style
	case "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga",
		"Ill", "Ind", "Kan", "Kans", "Ky", "La", "Mass", "Md", "Mich", "Minn",
		"Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
		"Va", "Vt", "Wash", "Wis", "Wyo":
		return true
	}
	return false
}

// opensSentence reports whether tok starts with a word that typically opens
// a sentence (pronouns, articles, conjunctions, common sentence adverbs),
// so that an abbreviation before it ends the sentence: "in the U.S. He said".
func opensSentence(tok string) bool {
	switch leadingWord(tok) {
	case "A", "After", "All", "Also", "Although", "An", "And", "Another", "Are",
		"As", "At", "Because", "Before", "Both", "But", "By", "Can", "Could",
		"Despite", "Did", "Do", "Does", "During", "Each", "Earlier", "Even",
		"Every", "For", "From", "Had", "Has", "Have", "He", "Her", "Here",
		"His", "How", "However", "I", "If", "In", "Indeed", "Instead", "Is",
		"It", "Its", "Later", "Let", "Many", "Meanwhile", "Most", "Mr", "Mrs",
		"Ms", "My", "No", "Not", "Now", "On", "One", "Only", "Or", "Our",
		"She", "Should", "Since", "So", "Some", "Still", "Such", "That", "The",
		"Their", "Then", "There", "These", "They", "This", "Those", "Though",
		"Thus", "To", "Under", "Was", "We", "Were", "What", "When", "Where",
		"Whether", "Which", "While", "Who", "Why", "With", "Without", "Would",
		"Yes", "Yet", "You", "Your":
		return true
	}
	return false
}
