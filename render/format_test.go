package render

import "testing"

func TestFormatFor(t *testing.T) {
	tests := []struct {
		flag, path string
		want       Format // "" means an error
	}{
		{"", "-", FormatMarkdown},
		{"", "", FormatMarkdown},
		{"", "out.md", FormatMarkdown},
		{"", "out.MARKDOWN", FormatMarkdown},
		{"", "notes.txt", FormatMarkdown},
		{"", "briefing", FormatMarkdown},
		{"", "briefing-{date}.pdf", FormatPDF},
		{"", "dir.v2/out.PDF", FormatPDF},
		{"", "out.json", FormatJSON},
		{"", "out.JSON", FormatJSON},
		{"", "out.html", ""},
		{"", "out.docx", ""},
		{"pdf", "-", FormatPDF},
		{"json", "out.md", FormatJSON},
		{"MD", "out.pdf", FormatMarkdown},
		{"markdown", "", FormatMarkdown},
		{"html", "-", ""},
		{"txt", "out.md", ""},
		{"docx", "x.docx", ""},
	}
	for _, tt := range tests {
		t.Run(tt.flag+"|"+tt.path, func(t *testing.T) {
			got, err := FormatFor(tt.flag, tt.path)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("FormatFor(%q, %q) = %q; want an error", tt.flag, tt.path, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("FormatFor(%q, %q) = %q, %v; want %q", tt.flag, tt.path, got, err, tt.want)
			}
		})
	}
}

func TestCheckPaper(t *testing.T) {
	for _, tt := range []struct {
		paper string
		ok    bool
	}{{"", true}, {"a4", true}, {"A4", true}, {"letter", true}, {"Letter", true}, {"legal", false}, {"a5", false}} {
		if err := CheckPaper(tt.paper); (err == nil) != tt.ok {
			t.Errorf("CheckPaper(%q) = %v, want ok %t", tt.paper, err, tt.ok)
		}
	}
}
