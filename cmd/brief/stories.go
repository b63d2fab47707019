package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"text/tabwriter"

	"github.com/brief-dev/brief/brief/digest"
	"github.com/brief-dev/brief/brief/source"
)

// storyGold is a reference grouping of articles into stories, as in
// dev-clusters.json: {"clusters": [{"event", "ids", "borderline"}]}.
// A bare array of clusters, or of arrays of ids, is read too.
type storyGold struct {
	Clusters []goldCluster `json:"clusters"`
}

// goldCluster is one story of a reference grouping.
type goldCluster struct {
	Event      string   `json:"event,omitempty"`
	IDs        []string `json:"ids"`
	Borderline []string `json:"borderline,omitempty"`
}

// readStoryGold reads a reference grouping.
func readStoryGold(name string) ([]goldCluster, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading the story groups: %w", err)
	}
	var g storyGold
	if err := json.Unmarshal(b, &g); err == nil && g.Clusters != nil {
		return g.Clusters, nil
	}
	var list []goldCluster
	if err := json.Unmarshal(b, &list); err == nil {
		return list, nil
	}
	var ids [][]string
	if err := json.Unmarshal(b, &ids); err == nil {
		for _, g := range ids {
			list = append(list, goldCluster{IDs: g})
		}
		return list, nil
	}
	return nil, fmt.Errorf("%s: not story groups: want {\"clusters\": [{\"ids\": [...], \"borderline\": [...]}]} or [[ids...]]", name)
}

// storyResult is what "brief eval --stories" reports.
type storyResult struct {
	Articles   int     `json:"articles"`
	Stories    int     `json:"stories"`
	Multi      int     `json:"stories_of_two_or_more"`
	GoldGroups int     `json:"gold_groups"`
	Threshold  float64 `json:"threshold"`
	digest.Scores
}

// evalStories groups the articles of the JSON Lines file articles as
// "brief digest --jsonl" does (the same per-article step, the same
// grouping) and scores the grouping against the reference groups.
func evalStories(ctx context.Context, goldName, articles string, asJSON bool, std streams) error {
	gold, err := readStoryGold(goldName)
	if err != nil {
		return err
	}
	b := digest.NewBuilder(digest.Options{Developments: -1})
	s := &step{bullets: evalBullets, features: &digest.Featurizer{}}
	r := &source.Reader{JSONL: true, MaxBytes: maxInput}
	skipped := 0
	err = s.each(ctx, r, []string{articles}, runtime.GOMAXPROCS(0), func(a *briefed, err error) error {
		if err != nil {
			fmt.Fprintf(std.err, "brief: %s: %v\n", inputName(a.input), err)
			skipped++
			return nil
		}
		if err := b.Add(digest.Article{Input: a.input, Briefing: a.b}, a.feat); err != nil {
			return fmt.Errorf("internal error: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if b.Len() == 0 {
		return fmt.Errorf("%s: no article could be grouped", articles)
	}
	d := b.Digest("")
	at := make(map[string]int, len(d.Articles))
	for i, a := range d.Articles {
		at[a.Input] = i
	}
	var pred [][]int
	res := storyResult{Articles: len(d.Articles), Stories: len(d.Stories), Threshold: digest.DefaultThreshold}
	for _, st := range d.Stories {
		pred = append(pred, st.Members)
		if st.Reports > 1 {
			res.Multi++
		}
	}
	var stories []digest.GoldStory
	missing := 0
	for _, c := range gold {
		var g digest.GoldStory
		for _, id := range c.IDs {
			if i, ok := at[id]; ok {
				g.Members = append(g.Members, i)
			} else {
				missing++
			}
		}
		for _, id := range c.Borderline {
			if i, ok := at[id]; ok {
				g.Borderline = append(g.Borderline, i)
			}
		}
		if len(g.Members)+len(g.Borderline) > 0 {
			stories = append(stories, g)
		}
	}
	if missing > 0 {
		fmt.Fprintf(std.err, "brief: %s: %d ids of the story groups are not among the grouped articles (left out)\n", goldName, missing)
	}
	res.GoldGroups = len(stories)
	res.Scores = digest.Score(pred, stories)
	return printResults(std.out, asJSON, res, writeStoryTable, skipped)
}

func writeStoryTable(w io.Writer, r storyResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "measure\tprecision\trecall\tF1\t")
	fmt.Fprintf(tw, "pairwise\t%.3f\t%.3f\t%.3f\t\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(tw, "B-cubed\t%.3f\t%.3f\t%.3f\t\n", r.BCubedPrecision, r.BCubedRecall, r.BCubedF1)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d articles in %d stories (%d of two or more articles); %d reference groups; pairs: %d right, %d wrongly together, %d wrongly apart; threshold %.2f\n",
		r.Articles, r.Stories, r.Multi, r.GoldGroups, r.TP, r.FP, r.FN, r.Threshold)
	return err
}

// errNoStoryArticles is returned when --stories is given without the
// articles.
var errNoStoryArticles = errors.New("eval --stories GROUPS.json takes one ARTICLES.jsonl")
