// Package byline reads author lines: the names and the role in "Kevin
// Liptak, CNN White House Producer", a desk ("Our Foreign Staff") that
// names no person, and, for web pages, the names left when the "By",
// dates, addresses and handles beside them are taken away.
package byline
