// Package digest turns the briefings of a morning's articles into one
// digest: the key developments across all of them, the same story
// reported by several articles told once and citing each of them, then
// every article's own briefing.
package digest
