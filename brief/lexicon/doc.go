// Package lexicon holds the word lists brief's rules read: countries and
// international organisations with their other names, titles and roles,
// speech verbs, function words, and words that tell a person's sex. They
// are read-only: every list is a value with lookup methods.
package lexicon
