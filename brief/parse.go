package brief

import (
	"fmt"
	"strings"
)

// Parse turns raw article text into a Document.
//
// PLACEHOLDER: paragraphs are blank-line separated, the first short line is
// the title. The real parser replaces this.
func Parse(text string) (*Document, error) {
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	d := &Document{Sections: []Section{{}}}
	n := 0
	for i, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		block = strings.TrimSpace(block)
		if block == "" {
			continue
		}
		if i == 0 && !strings.ContainsAny(block[len(block)-1:], ".?!\"”") {
			d.Title = block
			continue
		}
		var p Paragraph
		for _, s := range SplitSentences(block) {
			n++
			p.Sentences = append(p.Sentences, Sentence{ID: fmt.Sprintf("s%d", n), Text: s})
		}
		d.Sections[0].Paragraphs = append(d.Sections[0].Paragraphs, p)
	}
	if n == 0 {
		return nil, ErrNoSentences
	}
	return d, nil
}
