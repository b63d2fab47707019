package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteOutput(t *testing.T) {
	errRender := errors.New("render failed")
	tests := []struct {
		name     string
		existing string // content of the target before, "" for none
		write    func(io.Writer) error
		wantErr  error
		want     string // content of the target after
	}{
		{"new file", "", func(w io.Writer) error { _, err := io.WriteString(w, "hello\n"); return err }, nil, "hello\n"},
		{"replace", "old\n", func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }, nil, "new\n"},
		{"render error, no file", "", func(w io.Writer) error { io.WriteString(w, "part"); return errRender }, errRender, ""},
		{"render error keeps old", "old\n", func(w io.Writer) error { io.WriteString(w, "part"); return errRender }, errRender, "old\n"},
		{"interrupted", "", func(w io.Writer) error { io.WriteString(w, "part"); return context.Canceled }, context.Canceled, ""},
		{"empty render error", "", func(io.Writer) error { return errRender }, errRender, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.md")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o640); err != nil {
					t.Fatal(err)
				}
			}
			var stdout bytes.Buffer
			err := writeOutput(path, tt.write, streams{out: &stdout, err: io.Discard})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			b, rerr := os.ReadFile(path)
			switch {
			case tt.want == "" && !errors.Is(rerr, os.ErrNotExist):
				t.Errorf("target exists after a failed write: %q, %v", b, rerr)
			case tt.want != "" && string(b) != tt.want:
				t.Errorf("target holds %q, want %q", b, tt.want)
			}
			names := dirNames(t, dir)
			wantNames := 0
			if tt.want != "" {
				wantNames = 1
			}
			if len(names) != wantNames {
				t.Errorf("directory holds %q: a temporary file was left behind", names)
			}
			if stdout.Len() != 0 {
				t.Errorf("wrote %q to stdout", stdout.String())
			}
			if tt.existing != "" {
				if fi, err := os.Stat(path); err == nil && fi.Mode().Perm() != 0o640 {
					t.Errorf("mode %v, want the old file's 0640", fi.Mode().Perm())
				}
			}
		})
	}
}

func TestWriteOutputStdout(t *testing.T) {
	var stdout bytes.Buffer
	err := writeOutput("-", func(w io.Writer) error { io.WriteString(w, "partial"); return errors.New("boom") }, streams{out: &stdout})
	if err == nil || stdout.Len() != 0 {
		t.Fatalf("render error: err %v, stdout %q; want an error and nothing written", err, stdout.String())
	}
	if err := writeOutput("", func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-1.3 bytes"); return err }, streams{out: &stdout}); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != "%PDF-1.3 bytes" {
		t.Errorf("stdout = %q", stdout.String())
	}
}

func TestCheckNotInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(in, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{in, link, filepath.Join(dir, ".", "article.txt")} {
		err := checkNotInput(out, []string{"other.txt", in})
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("output %s over input %s: err = %v, want a usage error", out, in, err)
		}
	}
	for _, out := range []string{"-", "", filepath.Join(dir, "new.md")} {
		if err := checkNotInput(out, []string{in}); err != nil {
			t.Errorf("output %q: %v, want no error", out, err)
		}
	}
}

// runBrief runs the command line and returns the exit status, stdout and
// stderr.
func runTo(t *testing.T, stdout io.Writer, args ...string) (exitCode, string) {
	t.Helper()
	var stderr bytes.Buffer
	code := run(context.Background(), append([]string{"brief"}, args...), strings.NewReader(""), stdout, &stderr)
	return code, stderr.String()
}

const article = "../../testdata/no-deal-on-syria.txt"

func TestRunOutputFiles(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1473120000")
	dir := t.TempDir()
	for _, name := range []string{"b.pdf", "b.md", "b.json"} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, name)
			var first []byte
			for i := range 2 {
				code, stderr := runTo(t, io.Discard, "-o", out, article)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					first = b
				} else if !bytes.Equal(first, b) {
					t.Error("two runs with SOURCE_DATE_EPOCH set differ")
				}
			}
			switch filepath.Ext(name) {
			case ".pdf":
				if !bytes.HasPrefix(first, []byte("%PDF-")) || len(first) > 150<<10 {
					t.Errorf("not a PDF under 150 KB: %d bytes, %q", len(first), first[:min(8, len(first))])
				}
			case ".json":
				if !bytes.HasPrefix(first, []byte("{\n  \"title\"")) {
					t.Errorf("not the briefing JSON: %.40q", first)
				}
			case ".md":
				if !bytes.HasPrefix(first, []byte("# No deal on Syria")) {
					t.Errorf("not Markdown: %.40q", first)
				}
			}
		})
	}
	if names := dirNames(t, dir); len(names) != 3 {
		t.Errorf("directory holds %q", names)
	}
}

func TestRunBadInputLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "blob.bin")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte{0, 1, 2, 0xff, 0, 0, 7, 8, 0, 0}, 0o644)
	for _, in := range []string{empty, binary} {
		out := filepath.Join(dir, "out.pdf")
		code, stderr := runTo(t, io.Discard, "-o", out, in)
		if code == 0 {
			t.Errorf("%s: exit 0", in)
		}
		if !strings.HasPrefix(stderr, "brief: ") {
			t.Errorf("%s: stderr %q", in, stderr)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: output file left behind", in)
		}
	}
	if names := dirNames(t, dir); len(names) != 2 {
		t.Errorf("directory holds %q", names)
	}
}

func TestRunUsageErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	b, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(in, b, 0o644)
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"unknown format", []string{"-f", "html", in}, "unknown output format"},
		{"unknown extension", []string{"-o", filepath.Join(dir, "x.docx"), in}, "extension"},
		{"output is input", []string{"-o", in, in}, "is also an input"},
		{"output is input, -f", []string{"-f", "md", "-o", in, in}, "is also an input"},
		{"bad paper", []string{"--paper", "a5", "-o", filepath.Join(dir, "x.pdf"), in}, "paper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout bytes.Buffer
			code, stderr := runTo(t, &stdout, tt.args...)
			if code != exitUsage || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tt.msg)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q", stdout.String())
			}
		})
	}
	if got, _ := os.ReadFile(in); !bytes.Equal(got, b) {
		t.Error("the input was changed")
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("directory holds %q", names)
	}
}

// TestRunPDFToTerminal opens a pseudo-terminal (Linux /dev/ptmx) as
// standard output and checks that no PDF is written to it.
func TestRunPDFToTerminal(t *testing.T) {
	tty, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer tty.Close()
	if !isTerminal(tty) {
		t.Skip("/dev/ptmx is not a terminal here")
	}
	for _, args := range [][]string{{"-f", "pdf", article}, {"-f", "pdf", "-o", "-", article}} {
		code, stderr := runTo(t, tty, args...)
		if code != exitUsage || !strings.Contains(stderr, "terminal") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and a message about the terminal", args, code, stderr)
		}
	}
	// Markdown to a terminal is fine.
	if code, stderr := runTo(t, tty, article); code != 0 {
		t.Errorf("Markdown to a terminal: exit %d, %s", code, stderr)
	}
}

func TestRunPDFToPipe(t *testing.T) {
	var stdout bytes.Buffer
	code, stderr := runTo(t, &stdout, "-f", "pdf", "--date", "2016-09-06", article)
	if code != 0 || !bytes.HasPrefix(stdout.Bytes(), []byte("%PDF-")) {
		t.Fatalf("exit %d, %s, stdout %.10q", code, stderr, stdout.Bytes())
	}
}
