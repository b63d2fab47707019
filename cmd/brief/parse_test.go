package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
)

// runBrief runs brief with args and stdin, returning the exit status and
// both outputs.
func runBrief(t *testing.T, stdin string, args ...string) (code exitCode, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"brief"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestParseCommand(t *testing.T) {
	code, out, errs := runBrief(t, "", "parse", "../../testdata/no-deal-on-syria.txt")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var doc brief.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("stdout is not a parsed document: %v", err)
	}
	if doc.Title != "No deal on Syria as Obama and Putin meet" || doc.Byline.Name != "Kevin Liptak" {
		t.Errorf("title %q, byline %+v", doc.Title, doc.Byline)
	}
	if n := len(doc.Sentences()); n < 30 || n > 45 {
		t.Errorf("%d sentences, want 30 to 45", n)
	}
	for _, key := range []string{`"title"`, `"dateline"`, `"place"`, `"source"`, `"byline"`, `"sections"`, `"heading"`, `"paragraphs"`, `"sentences"`, `"id"`, `"text"`, `"dropped"`} {
		if !strings.Contains(out, key) {
			t.Errorf("output lacks %s", key)
		}
	}
}

func TestParseCommandStdin(t *testing.T) {
	code, out, errs := runBrief(t, "(CNN)The talks ended. Both sides left.", "parse", "-")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, `"source": "CNN"`) || !strings.Contains(out, `"id": "s2"`) {
		t.Errorf("stdout = %s", out)
	}
}

func TestParseCommandWindows1252(t *testing.T) {
	code, out, errs := runBrief(t, "The caf\xe9 closed. It reopened in May.", "parse")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "café") {
		t.Errorf("stdout = %s", out)
	}
	if errs != "brief: standard input: not valid UTF-8; decoded as Windows-1252\n" {
		t.Errorf("stderr = %q", errs)
	}
}

func TestParseCommandErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", "")
	blank := write("blank.txt", "  \n\n\t\n")
	binary := write("image.bin", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	nosent := write("dots.txt", "... --- ...")
	html := write("page.html", "<!DOCTYPE html><html><body><p>Hello.</p></body></html>")
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  exitCode
		want  []string // substrings of stderr
	}{
		{"empty file", []string{"parse", empty}, "", exitFailure, []string{empty, "empty"}},
		{"blank file", []string{"parse", blank}, "", exitFailure, []string{blank, "empty"}},
		{"empty stdin", []string{"parse", "-"}, "", exitFailure, []string{"standard input", "empty"}},
		{"binary", []string{"parse", binary}, "", exitFailure, []string{binary, "binary"}},
		{"no sentences", []string{"parse", nosent}, "", exitFailure, []string{nosent, "no sentences"}},
		{"html", []string{"parse", html}, "", exitFailure, []string{html, "HTML"}},
		{"missing file", []string{"parse", missing}, "", exitFailure, []string{missing}},
		{"directory", []string{"parse", dir}, "", exitFailure, []string{dir, "directory"}},
		{"too many arguments", []string{"parse", empty, blank}, "", exitUsage, []string{"brief:"}},
		{"bad flag", []string{"parse", "--no-such-flag", empty}, "", exitUsage, []string{"no-such-flag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runBrief(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errs)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			if !strings.HasPrefix(errs, "brief: ") {
				t.Errorf("stderr = %q, want a brief: message", errs)
			}
			if tt.code == exitFailure && strings.Count(errs, "\n") != 1 {
				t.Errorf("stderr = %q, want one line", errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr = %q, want it to mention %q", errs, w)
				}
			}
		})
	}
}
