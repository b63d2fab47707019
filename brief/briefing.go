package brief

// Briefing is a bullet-point diplomatic briefing of one article, bottom
// line up front. It is a plain value: renderers in package render turn it
// into Markdown, PDF or JSON. Its JSON form is a public interface.
//
// Every bullet names the ids of the sentences it was drawn from, so a
// reader can trace it back to the article.
type Briefing struct {
	Title      string      `json:"title"`
	Meta       Meta        `json:"meta"`
	BottomLine []Bullet    `json:"bottom_line"`
	KeyPoints  []Bullet    `json:"key_points"`
	Actors     []Actor     `json:"actors"`
	Statements []Statement `json:"statements"`
	Background []Bullet    `json:"background"`
	Outlook    []Bullet    `json:"outlook"`
}

// Meta is what the article says about itself, as found, plus the date the
// briefing is for (set by the caller; the domain never reads the clock).
type Meta struct {
	Source     string `json:"source,omitempty"`      // news organisation, e.g. "CNN"
	Byline     string `json:"byline,omitempty"`      // author's name
	BylineRole string `json:"byline_role,omitempty"` // author's role, e.g. "CNN White House Producer"
	Published  string `json:"published,omitempty"`   // publication stamp as found
	Place      string `json:"place,omitempty"`       // dateline place, e.g. "HANGZHOU, China"
	Date       string `json:"date,omitempty"`        // briefing date, YYYY-MM-DD
	Lang       string `json:"lang,omitempty"`        // the article's language (ISO 639-1), when known
	Sentences  int    `json:"sentences"`             // number of body sentences in the article
}

// Bullet is one line of the briefing.
type Bullet struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"` // ids of the sentences it comes from
	Score   float64  `json:"score"`
	// Refined reports whether an LLM rewrote the text (and the rewrite
	// passed the grounding check).
	Refined bool `json:"refined"`
}

// Actor is a person, country or organisation that matters in the article.
type Actor struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind,omitempty"` // "person", "country" or "organisation"
	Role     string   `json:"role,omitempty"`
	Mentions int      `json:"mentions"`          // how often the article refers to the actor, all forms merged
	Aliases  []string `json:"aliases,omitempty"` // other forms found, e.g. "President Barack Obama"
	Sources  []string `json:"sources,omitempty"` // sentences that give the role
}

// Statement is a direct quotation and who said it.
type Statement struct {
	Quote   string   `json:"quote"`
	Speaker string   `json:"speaker"`
	Sources []string `json:"sources"`
	Score   float64  `json:"score"`
	Refined bool     `json:"refined"`
}

// Options tune [Summarize]. The zero value gives the defaults.
type Options struct {
	// Bullets is the number of key points; 0 means 5.
	Bullets int
}
