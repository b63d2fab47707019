package render

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is an output format brief can write.
type Format string

// The output formats.
const (
	FormatMarkdown Format = "md"
	FormatPDF      Format = "pdf"
	FormatJSON     Format = "json"
)

// formatNames lists the formats as a user types them, for messages.
const formatNames = "md, pdf or json"

// FormatFor decides the output format for every command: the -f flag
// when given ("md" or "markdown", "pdf", "json", in any case), else the
// extension of the output path (.md, .markdown and .txt are Markdown,
// .pdf, .json), else Markdown, which is also the format of standard
// output ("" or "-"). A format it cannot write is an error that says
// what to use instead: a mistake in how brief was called.
func FormatFor(flag, path string) (Format, error) {
	if flag != "" {
		switch f := strings.ToLower(strings.TrimSpace(flag)); f {
		case "md", "markdown":
			return FormatMarkdown, nil
		case "pdf":
			return FormatPDF, nil
		case "json":
			return FormatJSON, nil
		}
		return "", fmt.Errorf("unknown output format %q: use %s", flag, formatNames)
	}
	if path == "" || path == "-" {
		return FormatMarkdown, nil
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case "", ".md", ".markdown", ".txt":
		return FormatMarkdown, nil
	case ".pdf":
		return FormatPDF, nil
	case ".json":
		return FormatJSON, nil
	default:
		return "", fmt.Errorf("cannot tell the output format from the extension %q of %s: use -f %s", ext, path, formatNames)
	}
}

// CheckPaper returns an error for a PDF paper size the renderer does not
// have; "a4" (also "") and "letter" are fine, in
// any case.
func CheckPaper(paper string) error {
	_, err := pageGeometry(paper)
	return err
}
