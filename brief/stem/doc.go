// Package stem reduces English words to their stems, so that the
// inflections of a word ("negotiations", "negotiated") count as one
// term when texts are compared.
//
// It holds the Porter stemmer in the variant that Google's rouge-score
// package uses (through NLTK), so that ROUGE computed here matches the
// published figures. It imports nothing of brief's.
package stem
