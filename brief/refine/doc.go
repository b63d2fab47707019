// Package refine is the contract between brief and a language model that
// rewords a briefing's bullets: the [Prompt] and the [Refiner] that
// answers it, the [Request] (the extractive bullets and the article
// sentences they cite, within a token budget), tolerant parsing of the
// model's answer, and the grounding check ([Ground]) that every rewrite
// must pass before it replaces an extractive bullet ([Merge]).
//
// A rewrite may change wording only: its names, numbers, quotations and
// web addresses must be found in the sentences it cites, and it must cite
// at least one sentence of the bullet it replaces. A rewrite that fails
// keeps the extractive bullet, so a refusal costs wording, never a fact.
//
// The package does no I/O; package llm implements [Refiner] over an
// OpenAI-compatible API.
package refine
