// Package rouge scores a summary against a reference summary with
// ROUGE-1, ROUGE-2 and ROUGE-Lsum, computed as Google's rouge-score
// package computes them (lower-cased alphanumeric tokens, the Porter
// stemmer on tokens over three characters, clipped n-gram counts, and
// the summary-level longest common subsequence over newline-separated
// sentences), so that figures are comparable with published ones.
//
// brief uses it to check that its key points pick the sentences editors
// pick; see "brief eval".
package rouge
