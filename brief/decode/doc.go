// Package decode turns the bytes of an input into the text brief reads:
// it recognises UTF-8 (with a few stray bytes replaced), UTF-16 and
// Windows-1252, normalises line ends, spaces and control characters, and
// tells text from binary data and HTML. It does no I/O.
package decode
