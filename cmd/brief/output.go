package main

import (
	"io"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/render"
)

// writeOutput writes what write produces to path ("-" or "" is stdout).
// input is the input file, which the output may never be.
//
// PLACEHOLDER until the renderer issue lands: not yet atomic.
func writeOutput(path, input string, write func(io.Writer) error, io streams) error {
	return write(io.out)
}

// writeBriefing renders b in the chosen format to the chosen output.
//
// PLACEHOLDER until the renderer issue lands: Markdown or JSON on stdout.
func writeBriefing(opts summarizeOptions, b *brief.Briefing, io streams) error {
	if opts.format == "json" {
		return render.JSON(io.out, b)
	}
	return render.Markdown(io.out, b, render.Options{Cite: opts.cite})
}
