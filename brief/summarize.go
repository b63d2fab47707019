package brief

import "sort"

// Summarize builds the briefing of d.
//
// PLACEHOLDER: top sentences by score as key points, first as bottom line.
func Summarize(d *Document, opt Options) *Briefing {
	n := opt.Bullets
	if n <= 0 {
		n = 5
	}
	scored := ScoreSentences(d)
	sort.SliceStable(scored, func(i, j int) bool { return scored[i].Score > scored[j].Score })
	b := &Briefing{
		Title: d.Title,
		Meta: Meta{Source: d.Dateline.Source, Byline: d.Byline.Name, BylineRole: d.Byline.Role,
			Published: d.Published, Place: d.Dateline.Place, Sentences: len(scored)},
		BottomLine: []Bullet{}, KeyPoints: []Bullet{}, Actors: []Actor{}, Statements: []Statement{},
		Background: []Bullet{}, Outlook: []Bullet{},
	}
	for i, s := range scored {
		bl := Bullet{Text: s.Text, Sources: []string{s.ID}, Score: s.Score}
		if i == 0 {
			b.BottomLine = append(b.BottomLine, bl)
			continue
		}
		if len(b.KeyPoints) < n {
			b.KeyPoints = append(b.KeyPoints, bl)
		}
	}
	return b
}
