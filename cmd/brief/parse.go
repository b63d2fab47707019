package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/sentences"
	"github.com/urfave/cli/v3"
)

func parseCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:         "parse",
		Usage:        "print the parsed article (title, dateline, byline, sections, sentences) as JSON",
		ArgsUsage:    "[FILE|-]",
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			name, err := oneInput(cmd)
			if err != nil {
				return err
			}
			doc, err := readDocument(ctx, name, io)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(io.out)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(doc)
		},
	}
}

func sentencesCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:         "sentences",
		Usage:        "split the whole input into sentences, one per line",
		ArgsUsage:    "[FILE|-]",
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			name, err := oneInput(cmd)
			if err != nil {
				return err
			}
			text, err := readText(ctx, name, io)
			if err != nil {
				return err
			}
			ss := sentences.Split(text)
			if len(ss) == 0 {
				return fmt.Errorf("%s: %w", inputName(name), brief.ErrNoSentences)
			}
			_, err = fmt.Fprintln(io.out, strings.Join(ss, "\n"))
			return err
		},
	}
}
