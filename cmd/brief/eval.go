package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v3"
)

// PLACEHOLDER until the scorer issue lands.
func evalCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:         "eval",
		Usage:        "score the key points against reference highlights with ROUGE, beside Lead-3",
		ArgsUsage:    "FILE.jsonl",
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			return errors.New("eval is not implemented yet")
		},
	}
}
