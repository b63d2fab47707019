//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// zeros is standard input that never ends and never has a line break.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// blocked is standard input that never answers, as a terminal or a pipe
// no one writes to.
type blocked struct{ done chan struct{} }

func (b blocked) Read([]byte) (int, error) {
	<-b.done
	return 0, io.EOF
}

// runCancelled runs brief with ctx cancelled after wait, as a signal
// would, and returns the exit status, output, and how long the run took
// after the cancel.
func runCancelled(t *testing.T, stdin io.Reader, wait time.Duration, args ...string) (exitCode, string, string, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	done := make(chan exitCode, 1)
	go func() { done <- run(ctx, append([]string{"brief"}, args...), stdin, &out, &errb) }()
	time.Sleep(wait)
	cancel()
	at := time.Now()
	select {
	case code := <-done:
		return code, out.String(), errb.String(), time.Since(at)
	case <-time.After(10 * time.Second):
		t.Fatalf("brief %s did not end within 10 s of the signal", strings.Join(args, " "))
	}
	return 0, "", "", 0
}

// TestFaults is the table of hostile and careless cases that must stay
// fixed: every run ends promptly, with nothing garbled, leaked or lost.
func TestFaults(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile("../../testdata/no-deal-on-syria.txt")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("FIFO no one writes, then a signal", func(t *testing.T) {
		fifo := filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		out := filepath.Join(dir, "fifo-out.md")
		code, stdout, stderr, took := runCancelled(t, strings.NewReader(""), 100*time.Millisecond, "-o", out, fifo)
		if code != exitInterrupted || took > 2*time.Second {
			t.Errorf("exit %d after %s; want %d within 2 s (stderr %q)", code, took, exitInterrupted, stderr)
		}
		if stdout != "" || fileExists(out) {
			t.Errorf("output written: stdout %q, file exists %t", stdout, fileExists(out))
		}
	})

	t.Run("endless JSON Lines, then a signal", func(t *testing.T) {
		code, stdout, stderr, took := runCancelled(t, zeros{}, 200*time.Millisecond, "batch", "--jsonl", "-")
		if code != exitInterrupted && code != exitFailure || took > 2*time.Second {
			t.Errorf("exit %d after %s; want it to end within 2 s (stderr %q)", code, took, stderr)
		}
		if stdout != "" {
			t.Errorf("stdout %q", stdout)
		}
	})

	t.Run("standard input that never answers, then a signal", func(t *testing.T) {
		in := blocked{done: make(chan struct{})}
		defer close(in.done)
		code, _, _, took := runCancelled(t, in, 100*time.Millisecond, "-")
		if code != exitInterrupted || took > 2*time.Second {
			t.Errorf("exit %d after %s; want %d within 2 s", code, took, exitInterrupted)
		}
	})

	t.Run("a signal while a digest is rendered leaves no file", func(t *testing.T) {
		in := filepath.Join(dir, "many")
		os.Mkdir(in, 0o755)
		for i := range 300 {
			os.WriteFile(filepath.Join(in, fmt.Sprintf("a%03d.txt", i)), article, 0o644)
		}
		outDir := filepath.Join(dir, "out")
		os.Mkdir(outDir, 0o755)
		out := filepath.Join(outDir, "digest.pdf")
		code, _, _, took := runCancelled(t, strings.NewReader(""), 300*time.Millisecond, "digest", "-q", "-o", out, in)
		if code != exitInterrupted || took > 2*time.Second {
			t.Errorf("exit %d after %s; want %d within 2 s", code, took, exitInterrupted)
		}
		if names := dirNames(t, outDir); len(names) != 0 {
			t.Errorf("output directory holds %q after the signal", names)
		}
	})

	t.Run("a stray invalid byte keeps UTF-8", func(t *testing.T) {
		stray := bytes.Replace(article, []byte("Putin met"), []byte("Putin \xff met"), 1)
		if bytes.Equal(stray, article) {
			t.Fatal("the article has no \"Putin met\" to corrupt")
		}
		code, stdout, stderr := runBrief(t, string(stray), "-")
		if code != exitOK || strings.Contains(stdout, "â€") || !strings.Contains(stdout, "“It was constructive,”") {
			t.Errorf("exit %d; mojibake %t, statement kept %t; stderr %q", code, strings.Contains(stdout, "â€"),
				strings.Contains(stdout, "“It was constructive,”"), stderr)
		}
		if !strings.Contains(stderr, "invalid UTF-8") {
			t.Errorf("stderr %q does not say a byte was replaced", stderr)
		}
	})

	t.Run("JSON Lines with a byte order mark", func(t *testing.T) {
		path := filepath.Join(dir, "bom.jsonl")
		var b bytes.Buffer
		b.WriteString("\xef\xbb\xbf")
		for i := range 3 {
			fmt.Fprintf(&b, "{\"id\": \"r%d\", \"text\": %q}\n", i, string(article))
		}
		os.WriteFile(path, b.Bytes(), 0o644)
		code, stdout, stderr := runBrief(t, "", "batch", "--jsonl", path)
		if code != exitOK || strings.Count(stdout, "\n") != 3 || !strings.Contains(stdout, `"id":"r0"`) {
			t.Errorf("exit %d, %d lines, first record kept %t; stderr %q", code, strings.Count(stdout, "\n"), strings.Contains(stdout, `"id":"r0"`), stderr)
		}
	})

	t.Run("control characters in an id are escaped on stderr", func(t *testing.T) {
		line := "{\"id\": \"evil\\u001b[2J\\nbrief: forged\", \"text\": \"\"}\n"
		code, _, stderr := runBrief(t, line, "batch", "--jsonl", "-")
		if code != exitFailure || strings.ContainsRune(stderr, 0x1b) || strings.Contains(stderr, "\nbrief: forged") {
			t.Errorf("exit %d, stderr %q: control characters reached stderr", code, stderr)
		}
	})

	t.Run("credentials in URLs are never printed", func(t *testing.T) {
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/gone" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write(article)
		}))
		defer ts.Close()
		good := strings.Replace(ts.URL, "http://", "http://alice:s3cr3tP4ss@", 1) + "/story"
		gone := strings.Replace(ts.URL, "http://", "http://alice:s3cr3tP4ss@", 1) + "/gone"
		for _, args := range [][]string{
			{good}, {gone}, {"-f", "json", good},
			{"digest", "-f", "json", good, gone}, {"digest", good},
			{"batch", good, gone},
			{"parse", good},
		} {
			_, stdout, stderr := runBrief(t, "", args...)
			if strings.Contains(stdout+stderr, "s3cr3tP4ss") || strings.Contains(stdout+stderr, "alice:") {
				t.Errorf("brief %s printed the password:\nstdout %.300q\nstderr %q", strings.Join(args, " "), stdout, stderr)
			}
		}
	})

	t.Run("a temporary file left by a killed run is removed", func(t *testing.T) {
		out := filepath.Join(dir, "briefing.md")
		stale := filepath.Join(dir, ".briefing.md.999999999-0.tmp")
		os.WriteFile(stale, []byte("half"), 0o644)
		if code, _, stderr := runBrief(t, "", "-o", out, "../../testdata/no-deal-on-syria.txt"); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if fileExists(stale) {
			t.Error("the stale temporary file of a dead process is still there")
		}
	})

	t.Run("an output inside an input directory is refused", func(t *testing.T) {
		in := filepath.Join(dir, "today")
		os.Mkdir(in, 0o755)
		os.WriteFile(filepath.Join(in, "a.txt"), article, 0o644)
		code, _, stderr := runBrief(t, "", "digest", "-o", filepath.Join(in, "digest.md"), in)
		if code != exitUsage || !strings.Contains(stderr, "inside the input directory") {
			t.Errorf("exit %d, stderr %q; want a usage error", code, stderr)
		}
	})

	t.Run("other URL schemes are named", func(t *testing.T) {
		for _, u := range []string{"file:///etc/hosts", "ftp://example.org/a.txt"} {
			code, _, stderr := runBrief(t, "", u)
			if code != exitFailure || !strings.Contains(stderr, "URLs are not read") {
				t.Errorf("%s: exit %d, stderr %q", u, code, stderr)
			}
		}
	})
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
