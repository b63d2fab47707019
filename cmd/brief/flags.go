package main

import (
	"runtime"

	"github.com/urfave/cli/v3"
)

// The flags below are defined once and shared, so that the same flag
// means the same thing, with the same help text, in every command.

// outputFlags are the flags of the commands that write a briefing or a
// digest.
func outputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: md, pdf, json or html (default: from the -o extension, else md)"},
		outputFlag(),
		&cli.StringFlag{Name: "paper", Usage: "PDF paper size: a4 or letter", Value: "a4"},
		&cli.BoolFlag{Name: "cite", Usage: "show the source sentence ids of each bullet"},
		dateFlag(),
		bulletsFlag(),
	}
}

func outputFlag() cli.Flag {
	return &cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- is standard output); {date} in the name becomes the briefing date", Value: "-"}
}

func dateFlag() cli.Flag {
	return &cli.StringFlag{Name: "date", Usage: "briefing date, `YYYY-MM-DD` (default: SOURCE_DATE_EPOCH, else today)"}
}

func bulletsFlag() cli.Flag {
	return &cli.IntFlag{Name: "bullets", Usage: "number of key points of a briefing", Value: 5}
}

// logFlags say how much brief prints on stderr.
func logFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing on stderr but errors"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print details on stderr (timings, LLM requests, a summary of the run)"},
	}
}

// manyInputFlags are the flags of the commands that read many inputs.
func manyInputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "jsonl", Usage: `read each input as JSON Lines: one article per line, {"id", "title", "text" or "article"}`},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "number of articles worked on at once (and LLM requests in flight with --refine)", Value: runtime.NumCPU()},
		&cli.StringFlag{Name: "since", Usage: "brief only the feed items published after a `DURATION` before the briefing date (48h, 7d) or after a DATE (2026-11-24, RFC 3339); items without a date are kept"},
	}
}

// flags joins flag lists.
func flags(lists ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
