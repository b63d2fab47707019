package brief

// Digest is one briefing across many articles: the key developments
// across all of them (the same story reported several times merged into
// one item), then each article's own briefing. Its JSON form is a public
// interface.
type Digest struct {
	Date            string          `json:"date"`
	KeyDevelopments []Development   `json:"key_developments"`
	Articles        []DigestArticle `json:"articles"`
}

// Development is one item of a digest's key developments.
type Development struct {
	Text string `json:"text"`
	// Articles names every input the item came from, as given: a path, a
	// URL or a JSON Lines id.
	Articles []string `json:"articles"`
	// Sources are the sentences the item rests on, as "INPUT#sN".
	Sources []string `json:"sources"`
}

// DigestArticle is one article's briefing within a digest, with the input
// it came from. The briefing's fields are inlined in JSON.
type DigestArticle struct {
	Input string `json:"input"`
	*Briefing
}
