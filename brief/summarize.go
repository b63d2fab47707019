package brief

// Summarize builds the briefing of d.
//
// PLACEHOLDER: key points are RankKeyPoints' top n (the most important
// first, so the first key point is also the bottom line).
func Summarize(d *Document, opt Options) *Briefing {
	n := opt.Bullets
	if n <= 0 {
		n = 5
	}
	scored := ScoreSentences(d)
	b := &Briefing{
		Title: d.Title,
		Meta: Meta{Source: d.Dateline.Source, Byline: d.Byline.Name, BylineRole: d.Byline.Role,
			Published: d.Published, Place: d.Dateline.Place, Sentences: len(scored)},
		BottomLine: []Bullet{}, KeyPoints: []Bullet{}, Actors: []Actor{}, Statements: []Statement{},
		Background: []Bullet{}, Outlook: []Bullet{},
	}
	for i, s := range RankKeyPoints(d, scored, n) {
		bl := Bullet{Text: s.Text, Sources: []string{s.ID}, Score: s.Score}
		if i == 0 {
			b.BottomLine = append(b.BottomLine, bl)
		}
		b.KeyPoints = append(b.KeyPoints, bl)
	}
	return b
}
