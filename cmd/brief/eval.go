package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/decode"
	"github.com/brief-dev/brief/brief/rouge"
	"github.com/brief-dev/brief/internal/ordered"
	"github.com/urfave/cli/v3"
)

// evalBullets is the number of key points scored against the references.
const evalBullets = 3

func evalCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score the key points against reference highlights with ROUGE, beside Lead-3; or with --stories, the digest's story grouping",
		ArgsUsage: "FILE.jsonl",
		Description: "Reads one JSON object per line: {\"id\", \"article\", \"highlights\": [...]}\n" +
			"(other fields are ignored). Each article is parsed and summarized as the\n" +
			"default action does; the first 3 key points, one per line, are scored\n" +
			"against the highlights, one per line. Lead-3 (the first three body\n" +
			"sentences) is scored in the same run.\n\n" +
			"ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (×100, averaged over articles) are\n" +
			"computed as the reference rouge-score package does: lower-cased text,\n" +
			"alphanumeric tokens (every other character separates), tokens longer\n" +
			"than 3 characters Porter-stemmed, clipped n-gram counts, and Lsum as the\n" +
			"summary-level LCS over newline-separated sentences.\n\n" +
			"With --words N both are cut to their first N words (the key points in\n" +
			"order, then Lead-3), so that methods are compared at equal length.\n\n" +
			"A line that cannot be read is reported with its number and skipped\n" +
			"(exit status 3).\n\n" +
			"With --stories GROUPS.json, FILE.jsonl holds articles ({\"id\", \"title\", \"text\" or\n" +
			"\"article\"}) and GROUPS.json the stories among them as judged by reading\n" +
			"({\"clusters\": [{\"ids\": [...], \"borderline\": [...]}]}; every other article is a\n" +
			"story of its own). The articles are grouped as brief digest --jsonl groups them,\n" +
			"and the grouping is scored: pairwise precision, recall and F1 over all pairs of\n" +
			"articles (a borderline article paired with its own group counts neither way),\n" +
			"and B-cubed precision and recall (per article, the share of its group that is\n" +
			"in its true story and of its true story that is in its group; borderline\n" +
			"articles left out).",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the results as JSON"},
			&cli.IntFlag{Name: "words", Usage: "score only the first `N` words of the key points and of Lead-3, so that choosing long sentences earns nothing (0: whole sentences)"},
			&cli.StringFlag{Name: "stories", Usage: "score the digest's story grouping against the groups in `GROUPS.json`"},
		},
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if g := cmd.String("stories"); g != "" {
				if cmd.NArg() != 1 {
					return usageError{errNoStoryArticles}
				}
				return evalStories(ctx, g, cmd.Args().First(), cmd.Bool("json"), std)
			}
			if cmd.NArg() != 1 {
				return usagef("eval takes one FILE.jsonl, got %d arguments", cmd.NArg())
			}
			words := int(cmd.Int("words"))
			if words < 0 {
				return usagef("--words must be 0 or more, got %d", words)
			}
			return evalAction(ctx, cmd.Args().First(), cmd.Bool("json"), words, std)
		},
	}
}

// evalRecord is one line of an eval file.
type evalRecord struct {
	ID         string   `json:"id"`
	Article    string   `json:"article"`
	Highlights []string `json:"highlights"`
}

// methodResult is the mean score of one method over the articles.
type methodResult struct {
	Method       string  `json:"method"`
	Rouge1       float64 `json:"rouge1"`
	Rouge2       float64 `json:"rouge2"`
	RougeLsum    float64 `json:"rougeLsum"`
	Articles     int     `json:"articles"`
	MsPerArticle float64 `json:"ms_per_article"`

	elapsed time.Duration
}

func (m *methodResult) add(r rouge.Scores, d time.Duration) {
	m.Rouge1 += r.R1.F1
	m.Rouge2 += r.R2.F1
	m.RougeLsum += r.RLsum.F1
	m.Articles++
	m.elapsed += d
}

func (m *methodResult) finish() {
	if m.Articles == 0 {
		return
	}
	n := float64(m.Articles)
	m.Rouge1 = 100 * m.Rouge1 / n
	m.Rouge2 = 100 * m.Rouge2 / n
	m.RougeLsum = 100 * m.RougeLsum / n
	m.MsPerArticle = float64(m.elapsed.Microseconds()) / 1000 / n
}

func evalAction(ctx context.Context, name string, asJSON bool, words int, std streams) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("reading eval file: %w", err)
	}
	defer f.Close()
	results, skipped, err := evaluate(ctx, f, name, words, std.err)
	if err != nil {
		return err
	}
	if results[0].Articles == 0 {
		return fmt.Errorf("%s: no article could be evaluated", name)
	}
	return printResults(std.out, asJSON, results, writeEvalTable, skipped)
}

// printResults writes the results of an eval as indented JSON or, for
// people, as a table; skipped lines make the status errPartial.
func printResults[T any](w io.Writer, asJSON bool, results T, table func(io.Writer, T) error, skipped int) error {
	var err error
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(results)
	} else {
		err = table(w, results)
	}
	if err != nil {
		return err
	}
	if skipped > 0 {
		return errPartial
	}
	return nil
}

// evalLine is one line of an eval file and what scoring it gave.
type evalLine struct {
	num  int
	text []byte

	key, lead         rouge.Scores
	keyTime, leadTime time.Duration
	problem           string // why the line was skipped, "" if scored
}

// evaluate scores every line of r; bad lines are reported on stderr (as
// name:line) and counted in skipped. Articles are scored in parallel, one
// worker per CPU, and summed in line order, so the output does not depend
// on scheduling; lines are read as they are scored, so memory stays flat.
func evaluate(ctx context.Context, r io.Reader, name string, words int, stderr io.Writer) (results []methodResult, skipped int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxInput)
	lines := func(yield func(*evalLine) bool) {
		for num := 1; sc.Scan(); num++ {
			text := sc.Bytes()
			if num == 1 {
				text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf")) // a byte order mark
			}
			if len(bytes.TrimSpace(text)) == 0 {
				continue
			}
			if !yield(&evalLine{num: num, text: bytes.Clone(text)}) {
				return
			}
		}
	}
	s := &step{bullets: evalBullets}
	key := methodResult{Method: "brief key points"}
	lead := methodResult{Method: "Lead-3"}
	if words > 0 {
		key.Method += fmt.Sprintf(" (first %d words)", words)
		lead.Method += fmt.Sprintf(" (first %d words)", words)
	}
	err = ordered.Map(ctx, runtime.GOMAXPROCS(0), lines,
		func(ctx context.Context, l *evalLine) *evalLine { s.score(ctx, l, words); return l },
		func(l *evalLine) error {
			if l.problem != "" {
				fmt.Fprintf(stderr, "brief: %s:%d: %s\n", name, l.num, l.problem)
				skipped++
				return nil
			}
			key.add(l.key, l.keyTime)
			lead.add(l.lead, l.leadTime)
			return nil
		})
	if err != nil {
		return nil, 0, err
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, 0, fmt.Errorf("%s: a line is longer than %d MiB", name, maxInput>>20)
		}
		return nil, 0, fmt.Errorf("reading %s: %w", name, err)
	}
	key.finish()
	lead.finish()
	return []methodResult{key, lead}, skipped, nil
}

// score scores the key points and Lead-3 of one line against its
// highlights, or notes why it cannot.
func (s *step) score(ctx context.Context, l *evalLine, words int) {
	defer func() { l.text = nil }()
	var rec evalRecord
	if err := json.Unmarshal(l.text, &rec); err != nil {
		l.problem = fmt.Sprintf("not a JSON object: %v", err)
		return
	}
	if len(rec.Highlights) == 0 {
		l.problem = "no highlights"
		return
	}
	ref := strings.Join(rec.Highlights, "\n")

	// Both methods start from the same decoded and parsed text; each is
	// charged the parse and its own work.
	start := time.Now()
	text, _, err := decode.Text([]byte(rec.Article))
	if err == nil {
		var doc *brief.Document
		if doc, err = brief.Parse(text); err == nil {
			parseTime := time.Since(start)
			l.lead, l.leadTime = lead3(doc, ref, words)
			l.leadTime += parseTime

			start = time.Now()
			var b *brief.Briefing
			if _, b, err = s.document(ctx, rec.ID, doc); err == nil {
				var kp []string
				for _, bl := range b.KeyPoints[:min(evalBullets, len(b.KeyPoints))] {
					kp = append(kp, bl.Text)
				}
				l.key = rouge.Compute(rouge.FirstWords(kp, words), ref)
				l.keyTime = parseTime + time.Since(start)
				return
			}
		}
	}
	l.problem = fmt.Sprintf("article %s: %v", rec.ID, err)
}

// lead3 scores the first three body sentences of doc (their first words
// words, when not 0) against ref.
func lead3(doc *brief.Document, ref string, words int) (rouge.Scores, time.Duration) {
	start := time.Now()
	var l3 []string
	for _, s := range doc.Sentences() {
		if len(l3) == evalBullets {
			break
		}
		l3 = append(l3, s.Text)
	}
	return rouge.Compute(rouge.FirstWords(l3, words), ref), time.Since(start)
}

func writeEvalTable(w io.Writer, results []methodResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "method\tROUGE-1\tROUGE-2\tROUGE-Lsum\tarticles\tms/article\t")
	for _, m := range results {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%d\t%.3f\t\n", m.Method, m.Rouge1, m.Rouge2, m.RougeLsum, m.Articles, m.MsPerArticle)
	}
	return tw.Flush()
}
