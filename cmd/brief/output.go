package main

import (
	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/render"
)

// writeBriefing renders b in the chosen format to the chosen output.
//
// PLACEHOLDER until the renderer issue lands: Markdown or JSON on stdout.
func writeBriefing(opts summarizeOptions, b *brief.Briefing, io streams) error {
	if opts.format == "json" {
		return render.JSON(io.out, b)
	}
	return render.Markdown(io.out, b, render.Options{Cite: opts.cite})
}
