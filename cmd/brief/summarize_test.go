package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSummarizeBadInput: input that holds no article gives one line on
// stderr naming the input, exit 1, nothing on stdout and no output file.
func TestSummarizeBadInput(t *testing.T) {
	tests := []struct {
		name, content, wantErr string
	}{
		{"empty", "", "input is empty"},
		{"blank", " \n\t\n", "input is empty"},
		{"binary", "\x00\x01\x02\x03PK\x03\x04\x00\x00\xff\xfe", "binary"},
		{"html", "<!DOCTYPE html><html><body><nav>Home</nav></body></html>", "HTML"},
		{"fragment", "no sentence here", "no sentence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "article.txt")
			if err := os.WriteFile(in, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, format := range []string{"md", "pdf", "json"} {
				out := filepath.Join(dir, "out."+format)
				code, stdout, stderr := runBrief(t, "", "-o", out, in)
				if code != exitFailure {
					t.Errorf("%s: exit %d, want %d", format, code, exitFailure)
				}
				if stdout != "" {
					t.Errorf("%s: stdout = %q, want nothing", format, stdout)
				}
				if lines := strings.Count(stderr, "\n"); lines != 1 || !strings.Contains(stderr, in) || !strings.Contains(stderr, tt.wantErr) {
					t.Errorf("%s: stderr = %q, want one line naming %s and %q", format, stderr, in, tt.wantErr)
				}
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("%s: output file left behind (stat error %v)", format, err)
				}
			}
		})
	}
}
