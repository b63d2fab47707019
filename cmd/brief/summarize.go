package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/urfave/cli/v3"
)

// summarizeOptions are the flags of the default action.
type summarizeOptions struct {
	input   string
	format  string // md, pdf or json; "" means from the -o extension, else md
	output  string // "" or "-" is stdout
	bullets int
	cite    bool
	explain bool
	date    time.Time
	paper   string
	quiet   bool
	verbose bool
	refine  refineOptions
}

func summarizeFlags() []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: md, pdf or json (default: from the -o extension, else md)"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- is standard output)", Value: "-"},
		&cli.IntFlag{Name: "bullets", Usage: "number of key points", Value: 5},
		&cli.BoolFlag{Name: "cite", Usage: "show the source sentence ids of each bullet"},
		&cli.BoolFlag{Name: "explain", Usage: "print each sentence's scoring signals and score instead of the briefing"},
		&cli.StringFlag{Name: "date", Usage: "briefing date, `YYYY-MM-DD` (default: SOURCE_DATE_EPOCH, else today)"},
		&cli.StringFlag{Name: "paper", Usage: "PDF paper size: a4 or letter", Value: "a4"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing on stderr but errors"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print details (timings, LLM requests) on stderr"},
	}
	return append(flags, refineFlags()...)
}

func summarizeCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:         "summarize",
		Usage:        "write the briefing (the default action)",
		ArgsUsage:    "[FILE|-]",
		Flags:        summarizeFlags(),
		OnUsageError: onUsageError,
		Action:       func(ctx context.Context, cmd *cli.Command) error { return summarizeAction(ctx, cmd, io) },
	}
}

func summarizeOptionsFrom(cmd *cli.Command) (summarizeOptions, error) {
	in, err := oneInput(cmd)
	if err != nil {
		return summarizeOptions{}, err
	}
	opts := summarizeOptions{
		input:   in,
		format:  cmd.String("format"),
		output:  cmd.String("output"),
		bullets: int(cmd.Int("bullets")),
		cite:    cmd.Bool("cite"),
		explain: cmd.Bool("explain"),
		paper:   cmd.String("paper"),
		quiet:   cmd.Bool("quiet"),
		verbose: cmd.Bool("verbose"),
	}
	if opts.bullets < 1 || opts.bullets > 100 {
		return opts, usagef("--bullets must be between 1 and 100, got %d", opts.bullets)
	}
	if opts.date, err = briefingDate(cmd.String("date")); err != nil {
		return opts, err
	}
	if opts.refine, err = refineOptionsFrom(cmd); err != nil {
		return opts, err
	}
	return opts, nil
}

// briefingDate is the date the briefing is for: --date, else
// SOURCE_DATE_EPOCH (for reproducible builds of the output), else now.
func briefingDate(flag string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse("2006-01-02", flag)
		if err != nil {
			return time.Time{}, usagef("--date wants YYYY-MM-DD, got %q", flag)
		}
		return t, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH is not a number of seconds: %q", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now(), nil
}

func summarizeAction(ctx context.Context, cmd *cli.Command, io streams) error {
	opts, err := summarizeOptionsFrom(cmd)
	if err != nil {
		return err
	}
	doc, err := readDocument(ctx, opts.input, io)
	if err != nil {
		return err
	}
	b := brief.Summarize(doc, brief.Options{Bullets: opts.bullets})
	if len(b.KeyPoints) == 0 && !opts.explain {
		return fmt.Errorf("%s: %w", inputName(opts.input), errNothingToBrief)
	}
	if opts.explain {
		return writeExplain(io.out, doc, b)
	}
	b.Meta.Date = opts.date.Format("2006-01-02")
	if opts.refine.enabled {
		if b, err = refineBriefing(ctx, opts, doc, b, io); err != nil {
			return err
		}
	}
	return writeBriefing(opts, b, io)
}
