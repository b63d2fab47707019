package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/evalset"
)

// articlesJSONL writes n JSON Lines records made from the digest test
// articles, with ids "a0", "a1", …, and returns the file's path.
func articlesJSONL(t testing.TB, n int) string {
	t.Helper()
	names := []string{"strait-reopens-wire.txt", "norland-grain-ban.txt", "morrow-election-delay.txt", "telen-dam-talks.txt", "strait-reopens-paper.txt"}
	var texts []string
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(digestDir, name))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("a%d", i), "article": texts[i%len(texts)]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// batchIDs returns the "id" of every line of a batch's output, and checks
// that each line is a briefing.
func batchIDs(t *testing.T, out string) []string {
	t.Helper()
	var ids []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var v struct {
			ID        string            `json:"id"`
			Title     string            `json:"title"`
			KeyPoints []json.RawMessage `json:"key_points"`
		}
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if v.Title == "" || len(v.KeyPoints) == 0 {
			t.Errorf("line of %s is no briefing: %.200s", v.ID, line)
		}
		ids = append(ids, v.ID)
	}
	return ids
}

func TestBatchOrderJSONL(t *testing.T) {
	path := articlesJSONL(t, 200)
	code, out, stderr := runBrief(t, "", "batch", "--jsonl", "--jobs", "4", path)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
	ids := batchIDs(t, out)
	if len(ids) != 200 {
		t.Fatalf("%d lines, want 200", len(ids))
	}
	for i, id := range ids {
		if want := fmt.Sprintf("a%d", i); id != want {
			t.Fatalf("line %d has id %q, want %q: output out of input order", i, id, want)
		}
	}
}

func TestBatchFilesSkipsBad(t *testing.T) {
	dir := copyArticles(t, "strait-reopens-wire.txt", "norland-grain-ban.txt", "telen-dam-talks.html")
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(dir, "photo.txt")
	if err := os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runBrief(t, "", "batch", "-v", "--jobs", "4", dir, filepath.Join(digestDir, "morrow-election-delay.txt"))
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	want := []string{
		filepath.Join(dir, "norland-grain-ban.txt"), filepath.Join(dir, "strait-reopens-wire.txt"),
		filepath.Join(dir, "telen-dam-talks.html"), filepath.Join(digestDir, "morrow-election-delay.txt"),
	}
	if got := batchIDs(t, out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ids = %q, want %q", got, want)
	}
	for _, w := range []string{"brief: " + empty + ": input is empty\n", "brief: " + binary + ": input looks like binary data", "brief: 4 briefings in "} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	if strings.Contains(stderr, "\r") {
		t.Errorf("carriage return on a stderr that is no terminal: %q", stderr)
	}
}

func TestBatchQuietAndNoProgressInLogs(t *testing.T) {
	path := articlesJSONL(t, 30)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, `{"id": "bad", "article": ""}`)
	f.Close()
	// stderr is a file, as in a cron job's log: no progress bar.
	logf, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	var out strings.Builder
	code := run(context.Background(), []string{"brief", "batch", "-q", "--jsonl", path}, strings.NewReader(""), &out, logf)
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	log, err := os.ReadFile(logf.Name())
	if err != nil {
		t.Fatal(err)
	}
	if string(log) != "brief: bad: input is empty\n" {
		t.Errorf("log = %q, want only the skipped input", log)
	}
}

func TestBatchNothing(t *testing.T) {
	code, out, stderr := runBrief(t, "", "batch", "--jsonl", "-")
	if code != exitFailure || out != "" || !strings.Contains(stderr, "no input") {
		t.Errorf("empty stdin: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, out, stderr = runBrief(t, `{"id": "x", "text": ""}`+"\n", "batch", "--jsonl")
	if code != exitFailure || out != "" || stderr != "brief: x: input is empty\nbrief: no briefings produced: all 1 inputs were skipped\n" {
		t.Errorf("one empty record: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

func TestRecoveredPanic(t *testing.T) {
	_, err := recovered(func() (int, error) {
		var m map[string]int
		m["x"] = 1 // a bug
		return 0, nil
	})
	if err == nil || !strings.HasPrefix(err.Error(), "internal error") {
		t.Errorf("err = %v, want an internal error", err)
	}
	v, err := recovered(func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("recovered = %d, %v; want 7, nil", v, err)
	}
}

func BenchmarkBatchDevSet(b *testing.B) {
	dev := evalset.Path(b, "dev.jsonl")
	for b.Loop() {
		var out, errb strings.Builder
		if code := run(context.Background(), []string{"brief", "batch", "-q", "--jsonl", dev}, strings.NewReader(""), &out, &errb); code != exitOK {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}
