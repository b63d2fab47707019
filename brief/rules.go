package brief

import (
	"regexp"
)

// This file holds every rule the parser uses to recognise the parts of a
// news article that are not body text: site boilerplate, bylines,
// publication stamps and datelines. To teach the parser a new kind of
// line, add a row to the matching table; the parsing code in parse.go does
// not need to change.

// lineKind says what a matched line is.
type lineKind int

const (
	// kindBoilerplate lines are removed and recorded in Document.Dropped.
	kindBoilerplate lineKind = iota + 1
	// kindByline lines fill Document.Byline.
	kindByline
	// kindStamp lines fill Document.Published.
	kindStamp
)

// lineRule recognises one kind of non-body line. A rule matches a whole
// line (or, with inSentence, a whole sentence of the body) of at most
// maxLen bytes.
type lineRule struct {
	name string
	kind lineKind
	re   *regexp.Regexp
	// maxLen bounds the length of a matching line, so that a rule meant for
	// a notice never swallows a paragraph of the article. 0 means 300.
	maxLen int
	// inSentence also applies the rule to single sentences of the body, for
	// articles whose paragraphs were joined into one line.
	inSentence bool
	// starts, when set, lists the words (in lower case) a matching line
	// begins with: a quick test done before the pattern.
	starts []string
	// headline marks a rule whose form a headline may have too ("Weak
	// dollar hits Reuters"): the first line of an article is its title
	// even when the rule matches it.
	headline bool
}

// lineRules are tried in order; the first match wins. Every pattern must
// match the whole line (trimmed, spaces collapsed); most are
// case-insensitive, marked (?i).
var lineRules = []lineRule{
	// Site notices.
	{name: "archive notice", kind: kindBoilerplate, maxLen: 400,
		re: regexp.MustCompile(`(?i)^this (is an archived|article is archived|page has been archived)\b.*$`)},
	{name: "outdated browser", kind: kindBoilerplate, maxLen: 600,
		re: regexp.MustCompile(`(?i)^(notice:\s*)?(you are using an? (outdated|old|unsupported)|your browser is (out of date|outdated|not supported)|please (upgrade|update) your browser)\b.*$`)},
	{name: "javascript notice", kind: kindBoilerplate,
		re: regexp.MustCompile(`(?i)^.{0,40}\b(enable|turn on) javascript\b.*$`)},
	{name: "cookie notice", kind: kindBoilerplate, maxLen: 400,
		re: regexp.MustCompile(`(?i)^(we use cookies|this (site|website) uses cookies)\b.*$`)},
	{name: "advertisement", kind: kindBoilerplate,
		re: regexp.MustCompile(`(?i)^(advertisement|advert|sponsored( content)?|story continues below( advertisement)?|scroll down for video\.?)$`)},
	{name: "site furniture", kind: kindBoilerplate, maxLen: 40,
		re: regexp.MustCompile(`(?i)^(story highlights|most (read|popular|viewed)|trending( now)?|top stories|related (articles|stories|content|topics)|more from [\w ]+|skip to (main )?content|print this (page|article)|email this (page|article)|share)$`)},

	// Calls to action.
	{name: "click here", kind: kindBoilerplate, inSentence: true, starts: []string{"click", "please"},
		re: regexp.MustCompile(`(?i)^(please\s+)?click here\b.*$`)},
	{name: "read more", kind: kindBoilerplate, inSentence: true, maxLen: 200,
		starts: []string{"read", "related", "see", "more", "watch", "video", "(", "leggi", "lesen", "lire", "leia", "lea", "baca", "читайте", "lees", "läs"},
		re:     regexp.MustCompile(`(?i)^\(?(read more|read also|related|see also|more on this story|watch|video|leggi anche( su)?|lesen sie auch|lire aussi|leia também|leia mais|lea también|baca juga|читайте также|lees ook|läs också)\s*(:|»|>>|…|\.\.\.|$).*$`)},
	{name: "more on a site", kind: kindBoilerplate, maxLen: 200, starts: []string{"on ", "more on ", "also on "},
		re: regexp.MustCompile(`(?i)^(?:more |also )?on [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|co|news|io)\s*:.*$`)},
	{name: "share", kind: kindBoilerplate, inSentence: true, maxLen: 120, starts: []string{"share"},
		re: regexp.MustCompile(`(?i)^(share this (article|story|page|with)|share or comment on this article|share on (facebook|twitter|x|whatsapp|linkedin|email))\b.*$`)},
	{name: "follow us", kind: kindBoilerplate, inSentence: true, maxLen: 200, starts: []string{"follow", "like"},
		re: regexp.MustCompile(`(?i)^(follow|like) (us|me|@\w+|\w+ on|on) (on )?(twitter|facebook|instagram|x|linkedin|threads|bluesky)\b.*$|(?i)^follow us\b.*$`)},
	{name: "newsletter", kind: kindBoilerplate, inSentence: true, maxLen: 250,
		starts: []string{"sign", "subscribe", "get", "newsletter"},
		re:     regexp.MustCompile(`(?i)^((sign up|subscribe)( now| today)?( for| to)\b.*(newsletter|email|updates|alerts|briefing)|get (our|the) \w+( \w+)? newsletter|newsletter sign[- ]?up|get (breaking news|the latest news|news) alerts\b.*|subscribe to [\p{L}\p{N}&'’. -]{1,40} (and|to|for) (stay|get|read|keep|support|enjoy)\b.*)\b.*$`)},
	// A call to the reader to comment or write in: one sentence, not a
	// quotation.
	{name: "reader call", kind: kindBoilerplate, inSentence: true, maxLen: 300,
		re: regexp.MustCompile(`(?i)^[^"“”.!?]*\b(?:let us know|leave a comment|leaving a comment|comment below|in the comments(?: section)? below|share your (?:thoughts|views|stories|story|photos))\b[^"“”.!?]*[.!]?$`)},
	{name: "author links", kind: kindBoilerplate, maxLen: 40,
		re: regexp.MustCompile(`(?i)^(view author archive|email the author|more (articles|stories) by (this author|[\p{L} .'-]+)|author archive)$`)},
	{name: "contact details", kind: kindBoilerplate, maxLen: 300,
		re: regexp.MustCompile(`(?i)^[^.!?]{0,250}(?:\b(?:tel|fax|phone)\b\s*[:.]?\s*\+?\(?\d[\d() .-]{6,}|\+?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\s*(?:tel|fax|phone)\b)[^.!?]*$`)},
	{name: "comments", kind: kindBoilerplate, maxLen: 120,
		re: regexp.MustCompile(`(?i)^(comments? \(\d+\)|(view|show|hide|add your) comments?|join the conversation|the views expressed in the (contents|comments) above).*$`)},

	// Credits.
	{name: "copyright", kind: kindBoilerplate, maxLen: 250,
		re: regexp.MustCompile(`(?i)^(copyright\b|©|\(c\)\s*(19|20)\d\d).*$|(?i)^.{0,80}\ball rights reserved\.?$`)},
	{name: "image credit", kind: kindBoilerplate, maxLen: 160,
		re: regexp.MustCompile(`(?i)^(image (copyright|caption|source|credit)|photo(graph)? (credit|by)|pictures?:|credit:|source:\s*(getty|reuters|ap|afp|epa|pa)\b|(getty images|reuters|ap photo|afp|epa|pa wire)(/[^.]*)?$)\b.*$`)},
	{name: "photo credit", kind: kindBoilerplate, maxLen: 160, inSentence: true,
		re: regexp.MustCompile(`(?i)^[(\[]?(?:(?:file|ap|afp|reuters|getty|epa|pa|top|main|lead|header)\s+)?(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|credits?|photo credit|image credit|picture credit)\s*[:：]\s*[^.!?]{0,120}$`)},
	{name: "provided by", kind: kindBoilerplate, maxLen: 120, inSentence: true,
		re: regexp.MustCompile(`(?i)^(?:©\s*)?provided by\b[^.!?]*$`)},
	{name: "agency credit", kind: kindBoilerplate, maxLen: 100, inSentence: true,
		re: regexp.MustCompile(`(?i)^\p{L}[\p{L} .'’-]{1,40}\s*/\s*(?:getty images|getty|reuters|ap|afp|epa|shutterstock|bloomberg|pa images|pa wire|pa|istock(?:photo)?|alamy|xinhua|anadolu|sipa|zuma|nurphoto|tass|efe|ap photo)(?:\s+(?:file|via getty images))?[)\].]*$`)},
	{name: "caption", kind: kindBoilerplate, maxLen: 700,
		re: regexp.MustCompile(`(?i)^(?:file\s*[-–—:]\s*)?in this\b[^.]{0,120}\b(?:photo|photograph|picture|image|file photo|handout photo|video grab|screen ?grab|screenshot)\b.*$|(?i)^.*[(\[](?:ap|afp|reuters|getty images|epa|pa|file)?\s*(?:photo|photograph|image|picture)s?\s*(?:credits?\s*)?(?:/|:|by)[^()\[\]]{1,80}[)\]]\.?$|(?i)^.*(?:\||/)\s*(?:getty images|afp via getty images|shutterstock|istock(?:photo)?|alamy(?: stock photo)?|ap photo|epa-efe)\s*$|(?i)^.*\|\s*(?:reuters|afp|ap|bloomberg|epa)\s*(?:\|\s*getty images)?\s*$`)},
	{name: "wire credits", kind: kindBoilerplate, maxLen: 300,
		re: regexp.MustCompile(`(?i)^\(?((additional )?(reporting|writing|editing|compiled|research) by\b.*|our standards:.*)$|(?i)^[\p{L}\p{N},.'’ -]{3,200}\bcontributed (?:reporting|to this (?:report|story|article))\b[^.!?]{0,80}\.?$`)},
	// The same credit as the last sentence of a paragraph: "CNN's Jane
	// Roe contributed to this report." Nothing may follow but where from.
	{name: "contributor credit", kind: kindBoilerplate, maxLen: 250, inSentence: true,
		re: regexp.MustCompile(`(?i)^[\p{L}\p{N},.'’ -]{3,200}\bcontributed (?:reporting|to this (?:report|story|article))(?:\s+from\s+[^.!?]{1,60})?\s*\.?$`)},
	{name: "gallery", kind: kindBoilerplate, maxLen: 300,
		re: regexp.MustCompile(`(?i)^(?:(?:image|photo|picture|slide) \d+ (?:of|/) \d+|(?:enlarge|expand|view) (?:image|photo|picture|gallery)\b.*)$`)},

	// Publication stamps. The first capture group is the publication time;
	// it must start with a digit, a month or a weekday.
	{name: "published stamp", kind: kindStamp, maxLen: 200,
		re: regexp.MustCompile(`(?i)^(?:published|posted|first published)(?:\s+(?:on|at))?\s*:?[\s.]*(` + timeStart + `.*?)[\s.]*(?:\|.*)?$`)},
	{name: "updated stamp", kind: kindStamp, maxLen: 200,
		re: regexp.MustCompile(`(?i)^(?:last )?updated(?:\s+(?:on|at))?\s*:?[\s.]*(` + timeStart + `.*?)[\s.]*(?:\|.*)?$`)},
	{name: "date line", kind: kindStamp, maxLen: 60,
		re: regexp.MustCompile(`(?i)^(` + monthPattern + `\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+` + monthPattern + `,?\s+\d{4})[\s.]*$`)},

	// Bylines. The first capture group is the author text.
	{name: "byline", kind: kindByline, maxLen: 120,
		re: regexp.MustCompile(`^(?i:by)[\s.]+([\p{Lu}\p{Lo}][^.!?]*?(?:\.\s?[\p{Lu}][^.!?]*?)*)[\s.]*$`)},

	// A caption that ends with its agency's credit: "US professor Kevin
	// King (left) and his colleague Timothy Weeks AP". After the byline
	// rule, so that "By Jane Roe AP" stays a byline.
	{name: "credited caption", kind: kindBoilerplate, maxLen: 400, headline: true,
		re: regexp.MustCompile(`^[^.!?]{10,300}\s(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|EPA-EFE|Shutterstock|Bloomberg|Xinhua|AAP|ANP|TASS)$`)},
}

// trailingCredit matches a picture credit run on at the end of a
// sentence, as where a caption's credit and the next paragraph were
// joined: "… kept running. © Provided by Business Insider".
var trailingCredit = regexp.MustCompile(`(?i)\s+©\s*provided by\s[^.!?©]{1,60}$`)

// timeStart matches how a publication time begins: a digit, a month or a
// weekday.
const timeStart = `(?:\d|` + monthPattern + `\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)`

// monthPattern matches an English month name or its abbreviation.
const monthPattern = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// prefixRules are stripped, repeatedly, from the start of the first body
// paragraph of articles whose header lines were joined to the text, as in
// "By . Daily Mail Reporter . PUBLISHED: . 08:12 EST, 2 January 2014 . | .
// UPDATED: . 09:40 EST, 2 January 2014 . The council said …". Each needs a
// first capture group holding the value.
var prefixRules = []lineRule{
	{name: "byline prefix", kind: kindByline,
		re: regexp.MustCompile(`^(?i:by)\s+\.\s+([^.]{2,60}?)\s+\.\s+`)},
	{name: "stamp prefix", kind: kindStamp,
		re: regexp.MustCompile(`^(?i:published|last updated|updated)(?:\s+(?i:on|at))?\s*:?\s*\.?\s*([0-9][^|]{0,60}?\d{4})\s*\.?\s*(?:\|\s*\.?\s*(?i:updated)\s*:?\s*\.?\s*[0-9][^|]{0,60}?\d{4}\s*\.?\s*)?`)},
	{name: "date prefix", kind: kindStamp,
		re: regexp.MustCompile(`^((?i:` + monthPattern + `)\s+\d{1,2},\s+\d{4})\s+\.\s+`)},
}

// datelineRules recognise a dateline at the start of the first body
// paragraph. Named groups: place and source (both optional) and dateline,
// the text to remove (the whole match when the group is absent).
var datelineRules = []*regexp.Regexp{
	// "HANGZHOU, China (CNN) —", "Sanaa, Yemen (CNN)The", "(CNN) -- ",
	// "WASHINGTON (Reuters) -", "LONDON (AP) —": a known news agency.
	regexp.MustCompile(`^(?:(?P<place>` + placePattern + `)\s*)?\((?P<source>` + agencyPattern + `)\)\s*(?:(?:--|—|–|-|:)\s*)?`),
	// "Paris (Le Monde) —": any short capitalised source followed by a
	// dash.
	regexp.MustCompile(`^(?:(?P<place>` + placePattern + `)\s*)?\((?P<source>` + sourcePattern + `)\)\s*(?:--|—|–|-)\s*`),
	// "(The Hollywood Reporter)Melissa": any short capitalised source glued
	// to the text (so that "Apple (AAPL) shares" is not taken for a
	// dateline). Only the "dateline" group is removed.
	regexp.MustCompile(`^(?P<dateline>(?:(?P<place>` + placePattern + `)\s*)?\((?P<source>` + sourcePattern + `)\))[\p{Lu}"“‘'0-9]`),
	// "WASHINGTON — " and "KYIV, Ukraine — ": a place in capitals and a
	// dash, without a news source.
	regexp.MustCompile(`^(?P<place>\p{Lu}[\p{Lu} .'-]{1,30}(?:,\s*\p{Lu}[\p{L} .'-]{1,25})?)\s+(?:--|—|–)\s+`),
}

// agencyPattern matches the news agencies that datelines name.
const agencyPattern = `CNN|CNN Money|CNNMoney|CNN Student News|AP|AFP|Reuters|UPI|Bloomberg|dpa|Xinhua|EW\.com|Mashable|Fortune|Time|People|Billboard`

// placePattern matches the place of a dateline: up to a few capitalised
// words, separated by spaces or commas ("Chao Hu, Anhui, China", "U.S.").
const placePattern = `\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:\p{Lu}[\p{L}.'’-]*|am|de|del|la|el|es|al|upon|on|of))*?`

// sourcePattern matches the news source in parentheses: a known agency or
// a short capitalised name ("The Hollywood Reporter", "EW.com").
const sourcePattern = `[\p{Lu}][\p{L}.&'-]*(?:\s+[\p{Lu}][\p{L}.&'-]*){0,3}`

// newByline makes a Byline of a name and a role.
func newByline(name, role string) Byline { return Byline{Name: name, Role: role} }
