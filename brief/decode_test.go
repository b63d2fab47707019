package brief

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeText(t *testing.T) {
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
		{name: "utf-16 without bom", in: []byte{'H', 0, 'i', 0}, wantErr: ErrBinary},
		{name: "many control bytes", in: []byte(strings.Repeat("ab\x01\x02\x03", 10)), wantErr: ErrBinary},
		{name: "html doctype", in: []byte("<!DOCTYPE html>\n<html><body><p>Hi.</p></body></html>"), wantErr: ErrHTML},
		{name: "html tag", in: []byte("  <html lang=\"en\"><p>Hi.</p>"), wantErr: ErrHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note, err := DecodeText(tt.in)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("DecodeText error = %v, want %v", err, tt.wantErr)
			}
			if got != tt.want || note != tt.wantNote {
				t.Errorf("DecodeText = %q, %q; want %q, %q", got, note, tt.want, tt.wantNote)
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
