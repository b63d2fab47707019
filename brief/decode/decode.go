package decode

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Errors returned by [Text] for input that holds no text.
var (
	// ErrEmpty means the input has no text at all (or only white space).
	ErrEmpty = errors.New("input is empty")
	// ErrBinary means the input looks like binary data, not text.
	ErrBinary = errors.New("input looks like binary data, not text")
)

// ErrHTML is returned by [Text] for input that is an HTML page
// rather than plain text. Callers that accept web pages extract the
// article from such input first.
var ErrHTML = errors.New("input looks like HTML, not plain text")

// BinaryControlShare: text in which more than one character in this many
// is a control character is taken for binary data.
const BinaryControlShare = 10

// Notes returned by Text.
const (
	noteWindows1252 = "not valid UTF-8; decoded as Windows-1252"
	noteUTF16LE     = "no byte order mark; decoded as UTF-16LE"
	noteUTF16BE     = "no byte order mark; decoded as UTF-16BE"
)

// Text turns raw input bytes into text. It turns CRLF and CR line
// ends into LF, non-breaking spaces and tabs into spaces, and drops other
// control characters. Note is non-empty when the bytes were not plain
// UTF-8 and says what was done; it is meant for the user (stderr).
//
// The encoding is decided as follows:
//
//   - A byte order mark decides: UTF-8, or UTF-16 in either byte order.
//   - UTF-16 without a byte order mark is recognised when it is plainly
//     UTF-16: in at least half of the 16-bit units the high byte is NUL
//     (text that is mostly ASCII, Latin-1 or punctuation), and hardly any
//     low byte is (at most one unit in twenty). The byte order is the side
//     the NULs are on; the note names it. Other text with NUL bytes is
//     binary.
//   - Valid UTF-8 is UTF-8.
//   - Otherwise the valid multi-byte UTF-8 sequences are counted against
//     the bytes that are not valid UTF-8. When the sequences outnumber the
//     invalid bytes, the text is UTF-8 with a few damaged bytes: each
//     invalid byte is replaced by U+FFFD (the replacement character, so
//     the reader sees where something was lost) and the note says how
//     many, as "3 invalid UTF-8 bytes replaced with U+FFFD". Otherwise
//     (ASCII with high bytes that seldom or never form UTF-8 sequences)
//     the text is Windows-1252, which decodes every byte.
//
// It returns [ErrEmpty] for input without text, [ErrBinary] for binary
// data and [ErrHTML] for an HTML page.
func Text(b []byte) (text string, note string, err error) {
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
	default:
		if order, ok := bareUTF16(b); ok {
			u, derr := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
			if derr != nil {
				return "", "", ErrBinary
			}
			b, note = u, noteUTF16LE
			if order == unicode.BigEndian {
				note = noteUTF16BE
			}
		}
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
		if multi, invalid := utf8Counts(b); multi > invalid {
			b, note = replaceInvalid(b, invalid), invalidNote(invalid)
		} else {
			u, derr := charmap.Windows1252.NewDecoder().Bytes(b)
			if derr != nil {
				return "", "", ErrBinary
			}
			b, note = u, noteWindows1252
		}
	}
	text = normalizeText(string(b))
	if strings.TrimSpace(text) == "" {
		return "", "", ErrEmpty
	}
	return text, note, nil
}

// Normalize normalises text that is already decoded as [Text]
// does: line ends become LF, non-breaking spaces and tabs spaces, and
// other control and format characters (ESC, BEL, zero-width spaces) are
// dropped. Readers of other formats, such as web pages, use it so that
// such characters never reach a Document.
func Normalize(s string) string { return normalizeText(s) }

// bareUTF16 reports whether b, which has no byte order mark, is plainly
// UTF-16, and in which byte order: the high byte of at least half of the
// 16-bit units is NUL, and the low byte of at most one unit in twenty.
func bareUTF16(b []byte) (unicode.Endianness, bool) {
	units := len(b) / 2
	if units == 0 {
		return unicode.LittleEndian, false
	}
	var even, odd int // NUL bytes at even and at odd offsets
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	switch {
	case 2*odd >= units && 20*even <= units:
		return unicode.LittleEndian, true
	case 2*even >= units && 20*odd <= units:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// utf8Counts counts the multi-byte sequences in b that are valid UTF-8
// and the bytes that are not valid UTF-8.
func utf8Counts(b []byte) (multi, invalid int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			multi++
		}
		i += n
	}
	return multi, invalid
}

// replaceInvalid returns b with each of its invalid bytes, of which there
// are n, replaced by U+FFFD.
func replaceInvalid(b []byte, n int) []byte {
	out := make([]byte, 0, len(b)+2*n)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// invalidNote says how many invalid bytes were replaced.
func invalidNote(n int) string {
	if n == 1 {
		return "1 invalid UTF-8 byte replaced with U+FFFD"
	}
	return fmt.Sprintf("%d invalid UTF-8 bytes replaced with U+FFFD", n)
}

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
		if IsBinaryControl(rune(c)) {
			ctrl++
		}
	}
	return ctrl*BinaryControlShare > len(b)
}

// isBinaryControl reports whether r is a C0 control character that plain
// text does not use (tabs, line ends and form feeds are text).
func IsBinaryControl(r rune) bool {
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
