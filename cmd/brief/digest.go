package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strconv"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
	"github.com/brief-dev/brief/brief/source"
	"github.com/brief-dev/brief/internal/ordered"
	"github.com/brief-dev/brief/render"
	"github.com/urfave/cli/v3"
)

// digestOptions are the flags of "brief digest".
type digestOptions struct {
	inputs       []string
	jsonl        bool
	briefings    bool
	developments int
	jobs         int
	since        time.Time // feed items published after it; zero: all
	out          outputOptions
	log          logOptions
	refine       refineOptions
	mail         mailOptions
}

func digestCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "digest",
		Usage:     "write one briefing across many articles: key developments, then each story with its articles",
		ArgsUsage: "[FILE|DIR|URL|-]...",
		Description: "Reads every input (files, the files of directories, URLs, - for standard input,\n" +
			"or with --jsonl the lines of JSON Lines files; HTML pages are reduced to their\n" +
			"article), groups the articles that report the same story, and writes a digest:\n" +
			"the key developments (stories reported by more articles first, each told in its\n" +
			"most representative bottom line), then a section per story with its articles\n" +
			"under it, then the other articles one line each. With --refine, each article's\n" +
			"briefing is reworded by the language model first.\n\n" +
			"  brief digest -o 'briefing-{date}.pdf' ~/articles/\n\n" +
			"With --briefings, the inputs are the JSON Lines output of \"brief batch\" (made on\n" +
			"this machine or many): only the grouping runs here.\n\n" +
			"  brief batch --jsonl a.jsonl > a.out; brief batch --jsonl b.jsonl > b.out\n" +
			"  brief digest --briefings -o digest.pdf a.out b.out\n\n" +
			"A bad input is reported on stderr and skipped. Exit status: 0 all inputs used,\n" +
			"1 nothing produced, 2 usage error, 3 produced with some inputs skipped.",
		Flags: flags(outputFlags(), manyInputFlags(), []cli.Flag{
			&cli.IntFlag{Name: "developments", Aliases: []string{"n"}, Usage: "number of key developments (0 for none)", Value: digest.DefaultDevelopments},
			&cli.BoolFlag{Name: "briefings", Usage: `read the JSON Lines output of "brief batch" instead of articles`},
		}, logFlags(), refineFlags(), mailFlags()),
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			opts, err := digestOptionsFrom(cmd, std)
			if err != nil {
				return err
			}
			return digestRun(ctx, opts, std)
		},
	}
}

func digestOptionsFrom(cmd *cli.Command, std streams) (digestOptions, error) {
	opts := digestOptions{
		inputs:       inputsOf(cmd),
		jsonl:        cmd.Bool("jsonl"),
		briefings:    cmd.Bool("briefings"),
		developments: int(cmd.Int("developments")),
		log:          logOptionsFrom(cmd),
	}
	var err error
	if opts.jobs, err = jobsOf(cmd); err != nil {
		return opts, err
	}
	if opts.developments < 0 || opts.developments > 1000 {
		return opts, usagef("--developments must be between 0 and 1000, got %d", opts.developments)
	}
	if opts.out, err = outputOptionsFrom(cmd, opts.inputs, std.out); err != nil {
		return opts, err
	}
	if opts.refine, err = refineOptionsFrom(cmd); err != nil {
		return opts, err
	}
	if opts.briefings && (opts.jsonl || cmd.Bool("refine") || cmd.IsSet("since")) {
		return opts, usagef("--briefings reads finished briefings: --jsonl, --refine and --since do not apply")
	}
	if opts.since, err = sinceOf(cmd, opts.out.date); err != nil {
		return opts, err
	}
	if opts.mail, err = mailOptionsFrom(cmd, opts.log); err != nil {
		return opts, err
	}
	return opts, nil
}

// digestOptions are the digest options the flags set.
func (o digestOptions) digestOptions() digest.Options {
	n := o.developments
	if n == 0 {
		n = -1 // none
	}
	return digest.Options{Developments: n}
}

func digestRun(ctx context.Context, opts digestOptions, std streams) error {
	b := digest.NewBuilder(opts.digestOptions())
	t := newTally(std, opts.log, countInputs(opts.inputs, opts.jsonl || opts.briefings))
	var err error
	if opts.briefings {
		err = readBriefings(ctx, opts, std, t, b)
		t.end("briefings")
	} else {
		err = briefArticles(ctx, opts, std, t, b)
	}
	if err != nil {
		return err
	}
	if b.Len() == 0 {
		return t.status("articles")
	}
	d := b.Digest(opts.out.day())
	ro := opts.out.renderOptions()
	if err := writeOutputContext(ctx, opts.out.output, digestWriter(ctx, d, opts.out.format, ro), std); err != nil {
		return err
	}
	if opts.mail.enabled() {
		write := func(f render.Format) func(io.Writer) error { return digestWriter(ctx, d, f, ro) }
		if err := opts.mail.send(ctx, "Digest "+opts.out.day(), "digest-"+opts.out.day()+".pdf", write, std); err != nil {
			return err
		}
	}
	return t.status("articles")
}

// briefArticles briefs every input, in parallel, and adds each to b in
// input order.
func briefArticles(ctx context.Context, opts digestOptions, std streams, t *tally, b *digest.Builder) error {
	ref, err := newRefiner(opts.refine, opts.log, std.err, true)
	if err != nil {
		return err
	}
	s := &step{bullets: opts.out.bullets, date: opts.out.day(), refiner: ref, features: &digest.Featurizer{}}
	r := manyReader(std, opts.inputs, opts.jsonl, opts.since)
	err = s.each(ctx, r, opts.inputs, opts.jobs, func(a *briefed, err error) error {
		var strict errStrict
		if errors.As(err, &strict) {
			return err
		}
		art := digest.Article{Input: source.Redact(a.input)}
		if source.IsURL(a.input) {
			art.URL = art.Input
		}
		feat := a.feat
		switch {
		case t.record(a.input, a.note, err):
			art.Briefing = a.b
		case a.feed != nil:
			// A feed item whose page gave no briefing stands alone: its
			// title, date and author, under its link (still skipped: exit 3).
			art.Briefing = a.feed.Briefing()
			art.Briefing.Meta.Date = s.date
			art.Unread = true
			feat = s.features.Features(&brief.Document{Title: art.Briefing.Title})
		default:
			return nil
		}
		if err := b.Add(art, feat); err != nil {
			return fmt.Errorf("internal error: %w", err)
		}
		return nil
	})
	t.end("articles")
	ref.finish()
	return err
}

// briefingLine is one line of "brief batch" output, read back.
type briefingLine struct {
	num  int
	text []byte
	line batchLine
	err  error
}

// readBriefings reads the lines of "brief batch" output named by
// opts.inputs (files, or - for standard input), decoding them in
// parallel, and adds them to b in order. A line that cannot be used is
// reported as FILE:LINE and skipped.
func readBriefings(ctx context.Context, opts digestOptions, std streams, t *tally, b *digest.Builder) error {
	for _, name := range opts.inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readBriefingFile(ctx, name, opts.jobs, std, t, b); err != nil {
			return err
		}
	}
	return nil
}

// readBriefingFile reads one file of "brief batch" output (- is standard
// input) into b.
func readBriefingFile(ctx context.Context, name string, jobs int, std streams, t *tally, b *digest.Builder) error {
	rd := std.in
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			t.record(name, "", fileErr(err))
			return nil
		}
		defer f.Close()
		rd = f
	}
	sc := bufio.NewScanner(source.SkipBOM(rd))
	sc.Buffer(make([]byte, 0, 1<<20), maxInput)
	lines := func(yield func(*briefingLine) bool) {
		for num := 1; sc.Scan(); num++ {
			if len(bytes.TrimSpace(sc.Bytes())) == 0 {
				continue
			}
			if !yield(&briefingLine{num: num, text: bytes.Clone(sc.Bytes())}) {
				return
			}
		}
	}
	err := ordered.Map(ctx, jobs, iter.Seq[*briefingLine](lines),
		func(_ context.Context, l *briefingLine) *briefingLine { l.decode(); return l },
		func(l *briefingLine) error {
			where := inputName(name) + ":" + strconv.Itoa(l.num)
			if l.err != nil {
				t.record(where, "", l.err)
				return nil
			}
			id := l.line.ID
			if id == "" {
				id = where
			}
			t.record(id, "", nil)
			art := digest.Article{Input: id, Briefing: l.line.Briefing}
			if source.IsURL(id) {
				art.URL = id
			}
			if err := b.Add(art, l.line.Features); err != nil {
				return fmt.Errorf("internal error: %w", err)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("a line is longer than %d MiB", maxInput>>20)
		}
		t.record(inputName(name), "", err)
	}
	return nil
}

// decode reads the line's briefing and features, and checks them.
func (l *briefingLine) decode() {
	defer func() { l.text = nil }()
	if err := json.Unmarshal(l.text, &l.line); err != nil {
		l.err = fmt.Errorf("not a line of brief batch: %w", err)
		return
	}
	switch {
	case l.line.Briefing == nil || len(l.line.KeyPoints) == 0:
		l.err = errors.New("not a line of brief batch: no key points")
	case l.line.Features == nil:
		l.err = errors.New(`no "features": made by an older brief batch, run it again`)
	default:
		l.err = l.line.Features.Validate()
	}
}

// fileErr words a file error without the path (the caller names it).
func fileErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, os.ErrNotExist) {
			return errors.New("no such file or directory")
		}
		return pe.Err
	}
	return err
}

// digestWriter returns the function that renders d in format; it stops,
// writing nothing, when ctx ends.
func digestWriter(ctx context.Context, d *digest.Digest, format render.Format, opt render.Options) func(io.Writer) error {
	return func(w io.Writer) error {
		switch format {
		case render.FormatJSON:
			return render.DigestJSON(w, d)
		case render.FormatPDF:
			return render.DigestPDFContext(ctx, w, d, opt)
		case render.FormatHTML:
			return render.DigestHTML(w, d, opt)
		}
		return render.DigestMarkdownContext(ctx, w, d, opt)
	}
}
