package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief"
)

// explainWidth is how much of each sentence --explain shows.
const explainWidth = 60

// writeExplain prints, for every body sentence of doc, the scorer's
// signals, the final score and whether the sentence became a key point of
// b (its rank, as "#1", "#2", …), so an analyst can see why a bullet was
// chosen.
func writeExplain(w io.Writer, doc *brief.Document, b *brief.Briefing) error {
	rank := map[string]int{}
	for i, kp := range b.KeyPoints {
		for _, id := range kp.Sources {
			if _, ok := rank[id]; !ok {
				rank[id] = i + 1
			}
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "id\tposition\tlead\tpara\tcentral\tcentroid\ttitle\tentities\tquote\tdangling\tlength\tscore\tkey\t sentence")
	for _, s := range brief.ScoreSentences(doc) {
		g := s.Signals
		key := ""
		if r, ok := rank[s.ID]; ok {
			key = fmt.Sprintf("#%d", r)
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.2f\t%.0f\t%.3f\t%.3f\t%.3f\t%.2f\t%.2f\t%.0f\t%.2f\t%.3f\t%s\t %s\n",
			s.ID, g.Position, g.Lead, g.ParagraphStart, g.Centrality, g.Centroid, g.Title,
			g.Entities, g.Quote, g.Dangling, g.Length, s.Score, key, sentenceStart(s.Text))
	}
	return tw.Flush()
}

// sentenceStart returns the start of text, cut at a word boundary, on one
// line and free of tabs.
func sentenceStart(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= explainWidth {
		return text
	}
	r := []rune(text)[:explainWidth]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > explainWidth/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
