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

func parseCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:         "parse",
		Usage:        "print the parsed article (title, dateline, byline, sections, sentences) as JSON",
		ArgsUsage:    "[FILE|URL|-]",
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			name, err := oneInput(cmd)
			if err != nil {
				return err
			}
			it := readOne(ctx, name, std, logOptions{})
			if it.Err != nil {
				return fmt.Errorf("%s: %w", inputName(name), it.Err)
			}
			doc, err := parseItem(it)
			if err != nil {
				return fmt.Errorf("%s: %w", inputName(name), err)
			}
			enc := json.NewEncoder(std.out)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(doc)
		},
	}
}

func sentencesCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:         "sentences",
		Usage:        "split the whole input into sentences, one per line",
		ArgsUsage:    "[FILE|URL|-]",
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			name, err := oneInput(cmd)
			if err != nil {
				return err
			}
			it := readOne(ctx, name, std, logOptions{})
			if it.Err != nil {
				return fmt.Errorf("%s: %w", inputName(name), it.Err)
			}
			ss := sentences.Split(it.Text)
			if len(ss) == 0 {
				return fmt.Errorf("%s: %w", inputName(name), brief.ErrNoSentences)
			}
			_, err = fmt.Fprintln(std.out, strings.Join(ss, "\n"))
			return err
		},
	}
}
