// Package sentences splits the body text of news articles into
// sentences.
//
// Its rules are written for news copy: titles and initials (Mr., Sen.,
// John F. Kennedy), abbreviations (U.S., Jan., Calif.), times (5 a.m.),
// numbers, addresses, ellipses, quotations that end a sentence, and
// bulleted or numbered lists. It imports nothing of brief's.
package sentences
