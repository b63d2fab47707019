// Package golden compares test output with golden files under testdata/.
//
// Every test binary that imports it has one flag, -update, which rewrites
// the golden files with the output instead of comparing:
//
//	go test ./... -update
//
// Review the diff (git diff testdata/) before committing.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the test output")

// Updating reports whether the test run rewrites golden files.
func Updating() bool { return *update }

// Check compares got with the golden file at path (relative to the test's
// package directory), or with -update writes got to it.
func Check(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("output differs from the golden file %s (run go test -update and review the diff)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
