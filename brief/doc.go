// Package brief turns a news article into a diplomatic briefing.
//
// It is the pure domain of the brief command: it parses raw article text
// into a [Document] (title, dateline, byline, sections, paragraphs and
// sentences, with site boilerplate set aside), scores the sentences, and
// assembles a [Briefing] whose every bullet names the sentences it came
// from. Nothing in this package reads files, opens network connections,
// looks at the clock or uses randomness: the same input always gives the
// same output.
package brief
