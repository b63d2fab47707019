package main

import (
	"context"

	"github.com/brief-dev/brief/brief"
	"github.com/urfave/cli/v3"
)

// refineOptions are the flags of the optional LLM refinement.
//
// PLACEHOLDER until the refinement issue lands.
type refineOptions struct {
	enabled bool
}

func refineFlags() []cli.Flag { return nil }

func refineOptionsFrom(cmd *cli.Command) (refineOptions, error) { return refineOptions{}, nil }

func refineBriefing(ctx context.Context, opts summarizeOptions, doc *brief.Document, b *brief.Briefing, io streams) (*brief.Briefing, error) {
	return b, nil
}
