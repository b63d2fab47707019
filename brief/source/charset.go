package source

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// pageText is an HTML page decoded to UTF-8, with how it was decoded.
type pageText struct {
	text string
	// charset is the canonical name of the character set the page was
	// read in ("utf-8", "windows-1252", "shift_jis", …).
	charset string
	// note, when non-empty, tells the user that the page was read in a
	// character set it did not declare, or against its declaration.
	note string
}

// decodePage turns the bytes of an HTML page into UTF-8 text. The
// character set is, in this order: the one a byte order mark gives; the
// charset of contentType (the server's Content-Type, "" for files); the
// one a <meta charset> or <meta http-equiv="Content-Type"> declares
// anywhere in the head; UTF-8 when the bytes are valid UTF-8; and only
// then a legacy one: the declared one, the one the page's language
// suggests (Shift_JIS for a page in Japanese, as browsers do), or
// Windows-1252.
//
// Unlike the HTML standard's 1,024-byte prescan, the declaration is looked
// for in the whole head, and a page that declares nothing is not taken
// for Windows-1252 when it is valid UTF-8 (saved pages often declare
// their charset late, or not at all). A legacy declaration (Windows-1252,
// ISO-8859-1, …) on bytes that are valid UTF-8 and not plain ASCII is
// taken for a mistake: such bytes are almost never legacy text.
func decodePage(b []byte, contentType string) pageText {
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		return pageText{text: utf8Text(b[3:]), charset: "utf-8"}
	case bytes.HasPrefix(b, []byte("\xFF\xFE")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), b, "utf-16le", "")
	case bytes.HasPrefix(b, []byte("\xFE\xFF")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), b, "utf-16be", "")
	}
	name := httpCharset(contentType)
	if name == "" {
		name = metaCharset(b)
	}
	valid := utf8.Valid(b)
	var enc encoding.Encoding
	if name != "" {
		enc, name = lookupCharset(name)
	}
	switch {
	case enc == encoding.Nop || name == "utf-8":
		// Declared UTF-8. Stray bytes that are not UTF-8 are read as
		// Windows-1252, as in pages pasted together from two sources.
		pt := pageText{text: utf8Text(b), charset: "utf-8"}
		if !valid {
			pt.note = "page declared UTF-8 but has bytes that are not UTF-8; read those as Windows-1252"
		}
		return pt
	case valid:
		pt := pageText{text: string(b), charset: "utf-8"}
		if enc != nil && !isASCII(b) {
			pt.note = "page declared " + name + " but is valid UTF-8; read as UTF-8"
		}
		return pt
	case enc != nil:
		return decodeWith(enc, b, name, "")
	}
	if name, enc := langCharset(b); enc != nil {
		return decodeWith(enc, b, name,
			"page is not valid UTF-8 and declares no character set; decoded as "+name+", as its language suggests")
	}
	return decodeWith(charmap.Windows1252, b, "windows-1252",
		"page is not valid UTF-8 and declares no character set; decoded as Windows-1252")
}

// legacyByLang are the legacy character sets that pages in a language
// used before UTF-8, as browsers default to them, by primary language
// subtag; where a language had several, the one that decodes the page
// with the fewest errors is taken. Languages of Western Europe are left
// to the Windows-1252 default.
var legacyByLang = map[string][]string{
	"ja": {"shift_jis", "euc-jp", "iso-2022-jp"},
	"zh": {"gb18030", "big5"},
	"ko": {"euc-kr"},
	"ru": {"windows-1251", "koi8-r"}, "uk": {"windows-1251", "koi8-u"}, "bg": {"windows-1251"},
	"be": {"windows-1251"}, "sr": {"windows-1251"}, "mk": {"windows-1251"},
	"pl": {"windows-1250"}, "cs": {"windows-1250"}, "sk": {"windows-1250"}, "hu": {"windows-1250"},
	"sl": {"windows-1250"}, "hr": {"windows-1250"}, "ro": {"windows-1250"},
	"el": {"windows-1253"}, "tr": {"windows-1254"}, "he": {"windows-1255"}, "ar": {"windows-1256"},
	"fa": {"windows-1256"}, "lt": {"windows-1257"}, "lv": {"windows-1257"}, "et": {"windows-1257"},
	"vi": {"windows-1258"}, "th": {"windows-874"},
}

// langCharset returns the legacy character set that the language of the
// page b (its <html lang>) suggests, or nil.
func langCharset(b []byte) (string, encoding.Encoding) {
	lang := htmlLang(b)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	var best encoding.Encoding
	bestName, bestErrs := "", -1
	for _, label := range legacyByLang[strings.ToLower(lang)] {
		enc, name := lookupCharset(label)
		if enc == nil {
			continue
		}
		u, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			continue
		}
		errs := strings.Count(string(u), "\uFFFD")
		if bestErrs < 0 || errs < bestErrs {
			best, bestName, bestErrs = enc, name, errs
		}
	}
	return bestName, best
}

// htmlLang returns the lang attribute of the page's <html> element.
func htmlLang(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "html" {
				if string(name) == "head" || string(name) == "body" {
					return ""
				}
				continue
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if strings.EqualFold(string(k), "lang") || strings.EqualFold(string(k), "xml:lang") {
					return strings.TrimSpace(string(v))
				}
			}
			return ""
		}
	}
}

// decodeWith decodes b with enc; a byte it cannot decode becomes U+FFFD.
func decodeWith(enc encoding.Encoding, b []byte, name, note string) pageText {
	u, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// The decoders of x/text replace what they cannot decode; an
		// error means a broken stream: fall back to Windows-1252, which
		// decodes every byte.
		u, _ = charmap.Windows1252.NewDecoder().Bytes(b)
		name = "windows-1252"
	}
	return pageText{text: string(bytes.TrimPrefix(u, []byte("\xEF\xBB\xBF"))), charset: name, note: note}
}

// utf8Text returns b as text, reading each byte that is not part of a
// valid UTF-8 sequence as Windows-1252.
func utf8Text(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			u, _ := charmap.Windows1252.NewDecoder().Bytes(b[:1])
			sb.Write(u)
		} else {
			sb.Write(b[:size])
		}
		b = b[size:]
	}
	return sb.String()
}

// isASCII reports whether b has only 7-bit bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// lookupCharset returns the encoding of a charset label, as the HTML
// standard maps labels ("latin1" and "iso-8859-1" are Windows-1252), and
// its canonical name; nil for an unknown label. UTF-16 declared inside a
// page is read as UTF-8 (the page could not have been parsed otherwise),
// and "x-user-defined" as Windows-1252.
func lookupCharset(label string) (encoding.Encoding, string) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, ""
	}
	switch name {
	case "utf-8", "utf-16be", "utf-16le":
		return encoding.Nop, "utf-8"
	case "x-user-defined":
		return charmap.Windows1252, "windows-1252"
	case "replacement":
		return nil, ""
	}
	return enc, name
}

// httpCharset returns the charset parameter of a Content-Type header
// value, or "".
func httpCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(params["charset"])
}

// metaCharset returns the character set that the head of the page b
// declares in a <meta charset> or <meta http-equiv="Content-Type"
// content="…; charset=…">, or "". It reads up to the end of the head
// (the first </head> or <body>, or the first element that only a body
// holds), however far into the page that is.
func metaCharset(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "meta":
				if cs := metaTagCharset(z, hasAttr); cs != "" {
					return cs
				}
			case "body", "p", "article", "main", "h1":
				return ""
			}
		}
	}
}

// metaTagCharset returns the charset that the current <meta> token of z
// declares, if any.
func metaTagCharset(z *html.Tokenizer, hasAttr bool) string {
	var charset, content string
	httpEquiv := false
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "charset":
			charset = strings.TrimSpace(string(v))
		case "http-equiv":
			httpEquiv = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
		case "content":
			content = string(v)
		}
	}
	if charset != "" {
		return charset
	}
	if httpEquiv {
		return contentCharset(content)
	}
	return ""
}

// contentCharset extracts the charset from the content attribute of a
// <meta http-equiv="Content-Type">, as in "text/html; charset=utf-8",
// following the HTML standard's algorithm: the first "charset" followed
// by "=", then a quoted or bare value.
func contentCharset(content string) string {
	s := content
	for {
		i := strings.Index(strings.ToLower(s), "charset")
		if i < 0 {
			return ""
		}
		s = strings.TrimLeft(s[i+len("charset"):], " \t\n\f\r")
		if !strings.HasPrefix(s, "=") {
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\n\f\r")
		if s == "" {
			return ""
		}
		if q := s[0]; q == '"' || q == '\'' {
			end := strings.IndexByte(s[1:], q)
			if end < 0 {
				return ""
			}
			return s[1 : 1+end]
		}
		end := strings.IndexAny(s, " \t\n\f\r;")
		if end < 0 {
			end = len(s)
		}
		return s[:end]
	}
}
