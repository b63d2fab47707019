package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestSentencesCommand(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		wantCode exitCode
		wantOut  string
	}{
		{
			name:     "one sentence per line",
			input:    "(CNN)The U.S. military said\nit struck. Sen. Ann Lee, R-Ariz., agreed!\n\nA new paragraph",
			wantCode: exitOK,
			wantOut:  "(CNN)The U.S. military said it struck.\nSen. Ann Lee, R-Ariz., agreed!\nA new paragraph\n",
		},
		{
			name:     "quote continues the sentence",
			input:    `He turned to her, "We are done." she said.`,
			wantCode: exitOK,
			wantOut:  `He turned to her, "We are done." she said.` + "\n",
		},
		{name: "empty input", input: "", wantCode: exitFailure},
		{name: "blank input", input: " \n\t\n", wantCode: exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"brief", "sentences", "-"}, strings.NewReader(tt.input), &stdout, &stderr)
			if code != tt.wantCode {
				t.Fatalf("exit status %d, want %d (stderr %q)", code, tt.wantCode, stderr.String())
			}
			if got := stdout.String(); got != tt.wantOut {
				t.Errorf("stdout\n got  %q\n want %q", got, tt.wantOut)
			}
			if tt.wantCode == exitOK && stderr.Len() != 0 {
				t.Errorf("stderr %q, want nothing", stderr.String())
			}
			if tt.wantCode != exitOK {
				msg := stderr.String()
				if !strings.HasPrefix(msg, "brief: ") || strings.Count(msg, "\n") != 1 {
					t.Errorf("stderr %q, want one line starting with \"brief: \"", msg)
				}
			}
		})
	}
}
