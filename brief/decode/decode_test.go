package decode

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestText(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		want     string
		wantNote string
		wantErr  error
	}{
		{name: "plain utf-8", in: []byte("Héllo wörld."), want: "Héllo wörld."},
		{name: "utf-8 bom", in: []byte("\xEF\xBB\xBFHello."), want: "Hello."},
		{name: "utf-16le bom", in: []byte{0xFF, 0xFE, 'H', 0, 'i', 0, 0xE9, 0, '.', 0}, want: "Hié."},
		{name: "utf-16be bom", in: []byte{0xFE, 0xFF, 0, 'H', 0, 'i', 0, '.'}, want: "Hi."},
		{name: "crlf", in: []byte("a\r\nb\r\n"), want: "a\nb\n"},
		{name: "lone cr", in: []byte("a\rb\r\rc"), want: "a\nb\n\nc"},
		{name: "windows-1252", in: []byte("caf\xE9 \x93quoted\x94 \x96 10\x80"), want: "café “quoted” – 10€",
			wantNote: "not valid UTF-8; decoded as Windows-1252"},
		{name: "nbsp and tab", in: []byte("a\u00A0b\tc\u202Fd"), want: "a b c d"},
		{name: "control chars dropped", in: []byte("a\x07b\x1Bc\u0085d\u200Be and more plain text"), want: "abcde and more plain text"},
		{name: "stray bom inside", in: []byte("a\uFEFFb"), want: "ab"},
		{name: "empty", in: nil, wantErr: ErrEmpty},
		{name: "white space", in: []byte(" \r\n\t "), wantErr: ErrEmpty},
		{name: "bom only", in: []byte("\xEF\xBB\xBF"), wantErr: ErrEmpty},
		{name: "nul bytes", in: []byte("PK\x03\x04\x00\x00abc"), wantErr: ErrBinary},
		{name: "utf-16le without bom", in: utf16Bytes("Hi, “Zoë”.\r\n", false), want: "Hi, “Zoë”.\n", wantNote: "no byte order mark; decoded as UTF-16LE"},
		{name: "utf-16be without bom", in: utf16Bytes("Hi, “Zoë”.", true), want: "Hi, “Zoë”.", wantNote: "no byte order mark; decoded as UTF-16BE"},
		{name: "utf-16 shortest", in: []byte{'H', 0, 'i', 0}, want: "Hi", wantNote: "no byte order mark; decoded as UTF-16LE"},
		{name: "utf-16 of control bytes", in: utf16Bytes(strings.Repeat("a\x01\x02", 10), false), wantErr: ErrBinary},
		{name: "utf-32 is not utf-16", in: []byte{'H', 0, 0, 0, 'i', 0, 0, 0, '!', 0, 0, 0}, wantErr: ErrBinary},
		{name: "nul bytes on both sides", in: []byte("a\x00\x00b c\x00d\x00e\x00"), wantErr: ErrBinary},
		{name: "utf-8 with a stray byte", in: []byte("“Yes,” said Zoë.\xff Then she left."), want: "“Yes,” said Zoë.\uFFFD Then she left.",
			wantNote: "1 invalid UTF-8 byte replaced with U+FFFD"},
		{name: "utf-8 with a cut sequence", in: []byte("“Yes,” she said, \xe2\x80 “no.”"), want: "“Yes,” she said, \uFFFD\uFFFD “no.”",
			wantNote: "2 invalid UTF-8 bytes replaced with U+FFFD"},
		{name: "utf-8 with three stray bytes", in: []byte("Zoë\x92s “view” \x81of the café\xe9 in Genève"), want: "Zoë\uFFFDs “view” \uFFFDof the café\uFFFD in Genève",
			wantNote: "3 invalid UTF-8 bytes replaced with U+FFFD"},
		{name: "as many invalid bytes as sequences", in: []byte("café caf\xe9"), want: "cafÃ© café", wantNote: "not valid UTF-8; decoded as Windows-1252"},
		{name: "many control bytes", in: []byte(strings.Repeat("ab\x01\x02\x03", 10)), wantErr: ErrBinary},
		{name: "html doctype", in: []byte("<!DOCTYPE html>\n<html><body><p>Hi.</p></body></html>"), wantErr: ErrHTML},
		{name: "html tag", in: []byte("  <html lang=\"en\"><p>Hi.</p>"), wantErr: ErrHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note, err := Text(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("DecodeText error = %v, want %v", err, tt.wantErr)
			}
			if got != tt.want || note != tt.wantNote {
				t.Errorf("DecodeText = %q, %q; want %q, %q", got, note, tt.want, tt.wantNote)
			}
		})
	}
}

// utf16Bytes encodes s as UTF-16 without a byte order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// TestDecodeStrayByte inserts one invalid byte into the bundled article at
// several places: the text must stay UTF-8, with no mojibake, and its
// quotations must still be found.
func TestDecodeStrayByte(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/no-deal-on-syria.txt")
	if err != nil {
		t.Fatal(err)
	}
	quote := bytes.Index(raw, []byte("“It was constructive,”"))
	if quote < 0 {
		t.Fatal("the bundled article lacks the quotation")
	}
	for _, tt := range []struct {
		name string
		at   int
		b    byte
	}{
		{"start", 0, 0xFF},
		{"inside a word", bytes.Index(raw, []byte("Hangzhou")) + 4, 0x92},
		{"before the quotation", quote - 1, 0xE9},
		{"end", len(raw), 0x80},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Concat(raw[:tt.at], []byte{tt.b}, raw[tt.at:])
			text, note, err := Text(in)
			if err != nil {
				t.Fatal(err)
			}
			if note != "1 invalid UTF-8 byte replaced with U+FFFD" {
				t.Errorf("note %q", note)
			}
			for _, bad := range []string{"â€", "Ã"} {
				if strings.Contains(text, bad) {
					t.Errorf("decoded text has mojibake %q", bad)
				}
			}
			if n := strings.Count(text, "\uFFFD"); n != 1 {
				t.Errorf("decoded text has %d replacement characters, want 1", n)
			}
			// The statement itself is checked end to end in cmd/brief
			// (TestFaults); here the quotation marks must survive.
			if !strings.Contains(text, "“It was constructive,”") {
				t.Error("“It was constructive,” is no longer in the text")
			}
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!doctype html><title>x</title>", true},
		{"\n\n<HTML>\n<HEAD><TITLE>x</TITLE></HEAD>", true},
		{"<body>text</body>", true},
		{strings.Repeat("<div><p>para</p></div>\n", 5), true},
		{"Use the <p> tag for paragraphs, said the teacher.", false},
		{"Prices rose 5% as 3 < 4 and 5 > 2.", false},
		{"Title\n\nThe body of an article.", false},
	}
	for _, tt := range tests {
		if got := LooksLikeHTML([]byte(tt.in)); got != tt.want {
			t.Errorf("LooksLikeHTML(%.40q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
