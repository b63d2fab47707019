package source

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodePage(t *testing.T) {
	pad := "<!-- " + strings.Repeat("x", 1100) + " -->"
	tests := []struct {
		name, in, contentType string
		charset, want         string
		note                  bool
	}{
		{"UTF-8 byte order mark", "\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "", "utf-8", "<p>café</p>", false},
		{"UTF-8 byte order mark beats a meta", "\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9</p>", "", "utf-8", "café", false},
		{"UTF-16LE byte order mark", "\xFF\xFE<\x00p\x00>\x00\xE9\x00", "", "utf-16le", "<p>é", false},
		{"UTF-16BE byte order mark", "\xFE\xFF\x00<\x00p\x00>\x00\xE9", "", "utf-16be", "<p>é", false},
		{"HTTP charset", "<p>caf\xE9 \x93x\x94</p>", "text/html; charset=windows-1252", "windows-1252", "café “x”", false},
		{"HTTP charset beats the meta", "<meta charset=utf-8><p>caf\xE9</p>", "text/html; charset=ISO-8859-1", "windows-1252", "café", false},
		{"HTTP UTF-8 beats a legacy meta", "<meta charset=windows-1252><p>caf\xC3\xA9</p>", "text/html; charset=utf-8", "utf-8", "café", false},
		{"HTTP without charset, UTF-8 after an ASCII kilobyte", pad + "<p>caf\xC3\xA9 \xE2\x80\x99</p>", "text/html", "utf-8", "café ’", false},
		{"unknown HTTP charset is ignored", "<p>caf\xC3\xA9</p>", "text/html; charset=klingon", "utf-8", "café", false},
		{"meta charset past the first kilobyte", "<head>" + pad + "<meta charset=\"windows-1252\"></head><p>caf\xE9</p>", "", "windows-1252", "café", false},
		{"http-equiv past the first kilobyte", "<head>" + pad + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset='shift_jis'\"></head><p>\x93\xfa\x96\x7b</p>", "", "shift_jis", "日本", false},
		{"meta after the head is not read", "<head></head><body><p>caf\xE9</p><meta charset=utf-8>", "", "windows-1252", "café", true},
		{"no declaration, valid UTF-8", pad + "<p>caf\xC3\xA9</p>", "", "utf-8", "café", false},
		{"no declaration, not UTF-8", "<p>caf\xE9 \x93x\x94</p>", "", "windows-1252", "café “x”", true},
		{"legacy declaration on valid UTF-8", "<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", "", "utf-8", "café", true},
		{"legacy declaration on ASCII", "<meta charset=iso-8859-1><p>cafe</p>", "", "utf-8", "cafe", false},
		{"UTF-8 declared with stray legacy bytes", "<meta charset=utf-8><p>caf\xC3\xA9 and caf\xE9</p>", "", "utf-8", "café and café", true},
		{"UTF-16 declared in a meta is UTF-8", "<meta charset=utf-16><p>caf\xC3\xA9</p>", "", "utf-8", "café", false},
		{"GBK declared", "<meta charset=gbk><p>\xd6\xd0\xce\xc4</p>", "", "gbk", "中文", false},
		{"undeclared Japanese page in Shift_JIS", "<html lang=ja><p>\x93\xfa\x96\x7b</p>", "", "shift_jis", "日本", true},
		{"undeclared Chinese page in GB18030", "<html lang=zh-CN><p>\xd6\xd0\xce\xc4</p>", "", "gb18030", "中文", true},
		{"undeclared Russian page in Windows-1251", "<html lang=\"ru\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>", "", "windows-1251", "Москва", true},
		{"undeclared French page", "<html lang=fr><p>caf\xe9</p>", "", "windows-1252", "café", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodePage([]byte(tt.in), tt.contentType)
			if got.charset != tt.charset {
				t.Errorf("charset = %q, want %q", got.charset, tt.charset)
			}
			if !strings.Contains(got.text, tt.want) {
				t.Errorf("text %q lacks %q", got.text, tt.want)
			}
			if (got.note != "") != tt.note {
				t.Errorf("note = %q, want a note: %v", got.note, tt.note)
			}
		})
	}
}

func TestContentCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text/html; charset=utf-8", "utf-8"},
		{"text/html;charset=\"windows-1252\"", "windows-1252"},
		{"text/html; CHARSET = 'koi8-r' ; x=y", "koi8-r"},
		{"text/html; charsetx; charset=euc-jp", "euc-jp"},
		{"text/html", ""},
		{"charset=", ""},
		{"charset=\"unclosed", ""},
	}
	for _, tt := range tests {
		if got := contentCharset(tt.in); got != tt.want {
			t.Errorf("contentCharset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzDecodePage(f *testing.F) {
	f.Add([]byte("\xEF\xBB\xBF<p>x</p>"), "")
	f.Add([]byte("<meta charset=windows-1252><p>caf\xE9</p>"), "text/html")
	f.Add([]byte("<meta http-equiv=content-type content='text/html; charset=shift_jis'>\x93\xfa"), "")
	f.Add([]byte("\xFF\xFE<\x00"), "text/html; charset=utf-8")
	f.Fuzz(func(t *testing.T, b []byte, contentType string) {
		pt := decodePage(b, contentType)
		if !utf8.ValidString(pt.text) {
			t.Errorf("decodePage gave invalid UTF-8 for %q", b)
		}
		if pt.charset == "" {
			t.Error("no charset named")
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) &&
			httpCharset(contentType) == "" && pt.charset != "utf-8" {
			t.Errorf("valid UTF-8 without an HTTP charset read as %s", pt.charset)
		}
	})
}
