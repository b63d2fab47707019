package decode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzText(f *testing.F) {
	for _, s := range []string{"", "Title\n\nBody text. More text.", "\x00\x01binary", "a\r\nb\rc\u00a0d\te"} {
		f.Add([]byte(s))
	}
	f.Add([]byte{0xFF, 0xFE, 'h', 0, 'i', 0})
	f.Add([]byte{0xEF, 0xBB, 0xBF, 'h', 'i'})
	f.Add([]byte("caf\xe9 \x93quoted\x94"))
	f.Add([]byte("<!DOCTYPE html><html><body><p>x</p></body></html>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, _, err := Text(b)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrHTML) {
				t.Fatalf("Text: unexpected error %v", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Text returned invalid UTF-8 %q", text)
		}
		if strings.ContainsAny(text, "\r\t\u00a0\x00") {
			t.Fatalf("Text left a CR, tab, NBSP or NUL in %q", text)
		}
		if strings.TrimSpace(text) == "" {
			t.Fatal("Text returned blank text without ErrEmpty")
		}
	})
}
