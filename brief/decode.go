package brief

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrHTML is returned by [DecodeText] for input that is an HTML page
// rather than plain text. Callers that accept web pages extract the
// article from such input first.
var ErrHTML = errors.New("input looks like HTML, not plain text")

// binaryControlShare: text in which more than one character in this many
// is a control character is taken for binary data.
const binaryControlShare = 10

// Notes returned by DecodeText.
const (
	noteWindows1252 = "not valid UTF-8; decoded as Windows-1252"
)

// DecodeText turns raw input bytes into text. It accepts UTF-8 with or
// without a byte order mark, UTF-16 with a byte order mark, and, when the
// bytes are not valid UTF-8, Windows-1252. It turns CRLF and CR line ends
// into LF, non-breaking spaces and tabs into spaces, and drops other
// control characters. Note is non-empty when the input had to be decoded
// from a legacy encoding and says how.
//
// It returns [ErrEmpty] for input without text, [ErrBinary] for binary
// data and [ErrHTML] for an HTML page.
func DecodeText(b []byte) (text string, note string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		u, derr := dec.Bytes(b)
		if derr != nil {
			return "", "", ErrBinary
		}
		b = u
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", "", ErrEmpty
	}
	if looksBinary(b) {
		return "", "", ErrBinary
	}
	if LooksLikeHTML(b) {
		return "", "", ErrHTML
	}
	if !utf8.Valid(b) {
		u, derr := charmap.Windows1252.NewDecoder().Bytes(b)
		if derr != nil {
			return "", "", ErrBinary
		}
		b, note = u, noteWindows1252
	}
	text = normalizeText(string(b))
	if strings.TrimSpace(text) == "" {
		return "", "", ErrEmpty
	}
	return text, note, nil
}

// NormalizeText normalises text that is already decoded as [DecodeText]
// does: line ends become LF, non-breaking spaces and tabs spaces, and
// other control and format characters (ESC, BEL, zero-width spaces) are
// dropped. Readers of other formats, such as web pages, use it so that
// such characters never reach a Document.
func NormalizeText(s string) string { return normalizeText(s) }

// normalizeText makes line ends LF, turns non-breaking spaces and tabs
// into spaces and drops other control and format characters.
func normalizeText(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			sb.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n':
			sb.WriteByte('\n')
		case r == '\u2028', r == '\u2029':
			sb.WriteByte('\n')
		case r == '\t', r == '\u00A0', r == '\u202F', r == '\u2007', r == '\f', r == '\v':
			sb.WriteByte(' ')
		case r == utf8.RuneError && size == 1:
			// An invalid byte cannot occur after decoding; drop it.
		case r == '\uFEFF', r == '\u200B':
			// Stray byte order marks and zero-width spaces.
		case r < 0x20, r == 0x7F, r >= 0x80 && r <= 0x9F:
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// looksBinary reports whether b holds NUL bytes or many control bytes.
func looksBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range b {
		if isBinaryControl(rune(c)) {
			ctrl++
		}
	}
	return ctrl*binaryControlShare > len(b)
}

// isBinaryControl reports whether r is a C0 control character that plain
// text does not use (tabs, line ends and form feeds are text).
func isBinaryControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v') || r == 0x7F
}

// htmlTag matches common HTML tags.
var htmlTag = regexp.MustCompile(`(?i)</?(?:p|div|span|a|br|hr|script|style|meta|link|table|tr|td|th|li|ul|ol|h[1-6]|img|article|section|header|footer|nav|main|iframe|strong|em|b|i|figure|figcaption|form|input|button|noscript|title)\b[^<>]*>`)

// LooksLikeHTML reports whether b is an HTML page rather than plain text:
// it starts with a doctype or an html, head or body tag, or is dense with
// HTML tags.
func LooksLikeHTML(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\ufeff"))
	lower = bytes.TrimPrefix(lower, []byte("\xef\xbb\xbf"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	for _, p := range []string{"<html", "<head>", "<body"} {
		if bytes.Contains(lower, []byte(p)) {
			return true
		}
	}
	sample := b
	if len(sample) > 1<<16 {
		sample = sample[:1<<16]
	}
	return len(htmlTag.FindAllIndex(sample, 10)) >= 10
}
