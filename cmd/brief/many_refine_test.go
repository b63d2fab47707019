package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/brief-dev/brief/brief/llm/llmtest"
)

// digestInputs are three different stories of the digest test articles.
func digestInputs() []string {
	return []string{
		filepath.Join(digestDir, "strait-reopens-wire.txt"),
		filepath.Join(digestDir, "norland-grain-ban.txt"),
		filepath.Join(digestDir, "telen-dam-talks.txt"),
	}
}

func TestManyRefineServerDown(t *testing.T) {
	refineEnv(t)
	srv := llmtest.NewServer(nil)
	base := srv.BaseURL()
	srv.Close()
	for _, cmd := range []string{"digest", "batch"} {
		t.Run(cmd, func(t *testing.T) {
			args := append([]string{cmd, "--refine", "--base-url", base, "--retries", "0", "-j", "1"}, digestInputs()...)
			code, out, errOut := runRefine(t, args...)
			if code != exitOK || out == "" {
				t.Fatalf("exit %d, %d bytes out; want 0 and the extractive output", code, len(out))
			}
			if !strings.Contains(errOut, "LLM refinement failed") || !strings.Contains(errOut, "cannot connect to "+base) {
				t.Errorf("stderr does not say refinement failed:\n%s", errOut)
			}
			if n := strings.Count(errOut, "warning:"); n != 1 {
				t.Errorf("%d warnings, want 1 for the whole run:\n%s", n, errOut)
			}
			if !strings.Contains(errOut, "2 articles not sent after the service failed") {
				t.Errorf("stderr does not count the articles left extractive:\n%s", errOut)
			}
		})
	}
}

func TestManyRefine(t *testing.T) {
	refineEnv(t)
	var inFlight, most atomic.Int32
	srv := failingServer(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		cur := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if cur <= m || most.CompareAndSwap(m, cur) {
				break
			}
		}
		llmtest.Answer(w, fakeModel(req.User, shorten))
	})
	args := append([]string{"batch", "--refine", "--base-url", srv.BaseURL(), "-j", "2"}, digestInputs()...)
	code, out, errOut := runRefine(t, args...)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	for _, l := range lines {
		var b struct {
			ID         string `json:"id"`
			BottomLine []struct {
				Text    string `json:"text"`
				Refined bool   `json:"refined"`
			} `json:"bottom_line"`
		}
		if err := json.Unmarshal([]byte(l), &b); err != nil {
			t.Fatal(err)
		}
		if len(b.BottomLine) == 0 || !b.BottomLine[0].Refined || !strings.HasPrefix(b.BottomLine[0].Text, "In short: ") {
			t.Errorf("%s: bottom line %+v, want it refined", b.ID, b.BottomLine)
		}
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests, want one per article", n)
	}
	if m := most.Load(); m > 2 {
		t.Errorf("%d requests in flight at once, want at most --jobs 2", m)
	}
	if want := "brief: LLM refinement: 3 of 3 articles reworded"; !strings.Contains(errOut, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}

	// A digest of the same articles is refined too, from the cache.
	args = append([]string{"digest", "--refine", "--base-url", srv.BaseURL(), "-f", "json"}, digestInputs()...)
	code, out, _ = runRefine(t, args...)
	if code != exitOK || !strings.Contains(out, `"refined": true`) {
		t.Errorf("digest --refine: exit %d, refined bullets in output: %t", code, strings.Contains(out, `"refined": true`))
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests after the digest, want the 3 answers served from the cache", n)
	}
}

func TestManyRefineStrict(t *testing.T) {
	refineEnv(t)
	srv := failingServer(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		llmtest.Error(w, http.StatusUnauthorized, "bad key")
	})
	args := append([]string{"digest", "--refine", "--strict", "--base-url", srv.BaseURL()}, digestInputs()...)
	code, out, errOut := runRefine(t, args...)
	if code != exitFailure || out != "" || !strings.Contains(errOut, "LLM refinement failed") {
		t.Errorf("exit %d, %d bytes out; want exit 1, nothing written and the error", code, len(out))
	}
}

// TestSameDecisions: the briefing and digest commands decide the output
// format, and refuse what they cannot write, alike.
func TestSameDecisions(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		code exitCode
	}{
		{[]string{"-o", "x.md"}, exitOK},
		{[]string{"-o", "x.txt"}, exitOK},
		{[]string{"-o", "x.pdf"}, exitOK},
		{[]string{"-o", "x.json"}, exitOK},
		{[]string{"-o", "x.html"}, exitUsage},
		{[]string{"-o", "x.docx"}, exitUsage},
		{[]string{"-f", "docx", "-o", "x.md"}, exitUsage},
		{[]string{"--paper", "legal", "-o", "x.pdf"}, exitUsage},
		{[]string{"--bullets", "0"}, exitUsage},
		{[]string{"--date", "tomorrow"}, exitUsage},
	} {
		var stderrs []string
		for _, cmd := range [][]string{nil, {"digest"}} {
			args := append(append([]string{}, cmd...), tt.args...)
			for i, a := range args {
				if strings.HasPrefix(a, "x.") {
					args[i] = filepath.Join(dir, fmt.Sprint(len(cmd))+a)
				}
			}
			args = append(args, article)
			code, out, stderr := runBrief(t, "", args...)
			if code != tt.code {
				t.Errorf("brief %s: exit %d, want %d (stderr %q)", strings.Join(args, " "), code, tt.code, stderr)
			}
			if tt.code != exitOK && out != "" {
				t.Errorf("brief %s: wrote %q", strings.Join(args, " "), out)
			}
			stderrs = append(stderrs, strings.ReplaceAll(stderr, filepath.Join(dir, "1x."), filepath.Join(dir, "0x.")))
		}
		if stderrs[0] != stderrs[1] {
			t.Errorf("%q: brief says %q, brief digest says %q", tt.args, stderrs[0], stderrs[1])
		}
	}
}

func TestExplainOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.txt")
	code, stdout, stderr := runBrief(t, "", "--explain", "-o", out, article)
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want the report in %s", code, stdout, stderr, out)
	}
	if b := readFile(t, out); !strings.Contains(b, "centroid") || !strings.Contains(b, "s1 ") {
		t.Errorf("report.txt is no explain table:\n%s", b)
	}
	code, _, stderr = runBrief(t, "", "--explain", "-o", filepath.Join(dir, "x.pdf"), article)
	if code != exitUsage || !strings.Contains(stderr, "--explain") {
		t.Errorf("--explain to a PDF: exit %d, stderr %q; want a usage error", code, stderr)
	}
}

// readFile returns the content of path.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
