package digest

// stopwords are lower-case words that say nothing about which story an
// article reports: English function words, reporting verbs, and the
// names of days and months (a date is not a story). They are neither
// content words nor parts of names.
var stopwords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range []string{
		// function words
		"a", "about", "above", "across", "after", "afterwards", "again", "against", "ago", "all",
		"almost", "alone", "along", "already", "also", "although", "always", "am", "among",
		"amongst", "an", "and", "another", "any", "anybody", "anyone", "anything", "anyway",
		"anywhere", "are", "around", "as", "at", "away", "back", "be", "became", "because",
		"become", "becomes", "been", "before", "behind", "being", "below", "beside", "besides",
		"between", "beyond", "both", "but", "by", "can", "cannot", "could", "did", "do", "does",
		"doing", "done", "down", "during", "each", "either", "else", "elsewhere", "enough",
		"etc", "even", "ever", "every", "everyone", "everything", "everywhere", "except", "few",
		"for", "former", "formerly", "from", "further", "get", "gets", "getting", "got", "had",
		"has", "have", "having", "he", "hence", "her", "here", "hers", "herself", "him",
		"himself", "his", "how", "however", "i", "if", "in", "indeed", "instead", "into", "is",
		"it", "its", "itself", "just", "least", "less", "like", "likely", "made", "make",
		"makes", "many", "may", "me", "meanwhile", "might", "mine", "more", "moreover", "most",
		"mostly", "much", "must", "my", "myself", "neither", "never", "nevertheless", "next",
		"no", "nobody", "none", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often",
		"on", "once", "one", "only", "onto", "or", "other", "others", "otherwise", "our",
		"ours", "ourselves", "out", "over", "own", "per", "perhaps", "please", "quite",
		"rather", "really", "same", "several", "she", "should", "since", "so", "some",
		"somehow", "someone", "something", "sometime", "sometimes", "somewhere", "still",
		"such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
		"there", "thereby", "therefore", "these", "they", "this", "those", "though", "through",
		"throughout", "thus", "to", "together", "too", "toward", "towards", "under", "unless",
		"until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what",
		"whatever", "when", "whenever", "where", "whereas", "wherever", "whether", "which",
		"while", "who", "whoever", "whole", "whom", "whose", "why", "will", "with", "within",
		"without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "it's",
		"don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't", "won't", "can't",
		"couldn't", "wouldn't", "shouldn't", "hasn't", "haven't", "hadn't", "i'm", "i've",
		"i'd", "i'll", "you're", "you've", "we're", "we've", "they're", "they've", "he's",
		"she's", "that's", "there's", "what's", "let's", "who's", "ll", "re", "ve", "s", "t",
		"d", "m", "de", "la", "el", "le", "del", "der", "von", "van", "da",
		// reporting and filler words of news copy
		"said", "say", "says", "saying", "told", "tell", "tells", "according", "reported",
		"reports", "report", "asked", "added", "noted", "went", "going", "come", "came",
		"comes", "take", "took", "taken", "want", "wanted", "know", "known", "think",
		"thought", "see", "seen", "way", "thing", "things", "lot", "lots", "yes", "okay",
		"mr", "mrs", "ms", "dr", "cnn", "percent", "new", "first", "last", "two", "three",
		"four", "five", "six", "seven", "eight", "nine", "ten", "time", "times", "year",
		"years", "day", "days", "week", "weeks", "month", "months", "today", "yesterday",
		"tomorrow", "people", "including", "told", "since", "because",
		// dates
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december",
	} {
		m[w] = struct{}{}
	}
	return m
}()
