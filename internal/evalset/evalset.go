// Package evalset finds the development sets that tests measure brief
// against. The sets live outside the repository, in shared/eval beside
// the checkout (CI provides them there), so that no article of theirs is
// committed here.
package evalset

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the directory of the development sets: shared/eval beside
// the repository root (or beside the directory that holds a git worktree
// of it). A test that needs the sets fails, rather than skips, when they
// are missing, so that CI cannot pass without measuring. With -short the
// test is skipped instead.
func Dir(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("reads the development sets (skipped with -short)")
	}
	root, err := moduleRoot()
	if err != nil {
		tb.Fatalf("finding the repository root: %v", err)
	}
	for dir := root; ; {
		cand := filepath.Join(filepath.Dir(dir), "shared", "eval")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	tb.Fatalf("the development sets are missing: expected shared/eval beside %s", root)
	return ""
}

// Path returns the path of the file name in the development sets.
func Path(tb testing.TB, name string) string {
	tb.Helper()
	return filepath.Join(Dir(tb), name)
}

// Record is one article of a JSON Lines development set.
type Record struct {
	ID         string   `json:"id"`
	Source     string   `json:"source"`
	Title      string   `json:"title"`
	Article    string   `json:"article"`
	Highlights []string `json:"highlights"`
}

// Read returns every record of the JSON Lines set name ("dev.jsonl",
// "bbc-dev.jsonl").
func Read(tb testing.TB, name string) []Record {
	tb.Helper()
	f, err := os.Open(Path(tb, name))
	if err != nil {
		tb.Fatalf("opening %s: %v", name, err)
	}
	defer f.Close()
	var out []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("reading %s: %v", name, err)
	}
	return out
}

// moduleRoot is the nearest directory at or above the working directory
// that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
