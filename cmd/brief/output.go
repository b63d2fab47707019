package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/render"
	"golang.org/x/term"
)

// writeOutput writes what write produces to path ("-" or "" is stdout).
//
// The output is rendered in full before anything is written: a render
// error leaves nothing on standard output, and a file is written
// atomically (a temporary file in the target's directory, synced, then
// renamed over the target), so that a failed or interrupted run never
// leaves a partial or empty file at path. PDF bytes are never written to
// a terminal.
func writeOutput(path string, write func(io.Writer) error, std streams) error {
	return writeOutputContext(context.Background(), path, write, std)
}

// writeOutputContext is writeOutput that writes nothing once ctx has
// ended: an interrupted run leaves no file and prints nothing.
func writeOutputContext(ctx context.Context, path string, write func(io.Writer) error, std streams) error {
	guarded := func(w io.Writer) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return write(w)
	}
	if isStdout(path) {
		var buf bytes.Buffer
		if err := guarded(&buf); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) && isTerminal(std.out) {
			return errTerminal
		}
		_, err := std.out.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(ctx, path, guarded, std.temps)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// writeFileAtomic writes what write produces to a temporary file beside
// path and renames it to path once it is complete and synced. On any
// error the temporary file is removed and path is left as it was.
func writeFileAtomic(ctx context.Context, path string, write func(io.Writer) error, temps *tempFiles) (err error) {
	perm := fs.FileMode(0o666) // before the umask, as for a new file
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("writing %s: not a regular file", path)
		}
		perm = fi.Mode().Perm()
	}
	tmp, err := createTemp(path, perm)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	temps.add(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		temps.remove(tmp.Name())
	}()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return err // interrupted: the target stays as it was
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// createTemp creates a new hidden file beside path, ".NAME.PID-N.tmp",
// with the given permissions (the umask applies, as for any new file).
// It first removes such files left by runs that no longer exist (a
// process killed with SIGKILL cannot clean up after itself).
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(path)
	removeStaleTemps(dir, base)
	prefix := filepath.Join(dir, "."+base+"."+strconv.Itoa(os.Getpid())+"-")
	for n := 0; ; n++ {
		f, err := os.OpenFile(prefix+strconv.Itoa(n)+".tmp", os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && n < 1000 {
			continue
		}
		return f, err
	}
}

// removeStaleTemps removes the temporary files ".BASE.PID-N.tmp" in dir
// whose process is gone.
func removeStaleTemps(dir, base string) {
	if dir == "" {
		dir = "."
	}
	matches, err := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*-*.tmp"))
	if err != nil {
		return
	}
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), "."+base+".")
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.Remove(m)
	}
}

// globEscape escapes the pattern characters of a file name.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// tempFiles are the temporary files a run is writing, so that an
// interrupted run can remove them.
type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *tempFiles) add(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[name] = true
}

func (t *tempFiles) remove(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

// removeAll removes every temporary file still being written.
func (t *tempFiles) removeAll() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for name := range t.names {
		os.Remove(name)
	}
	t.names = nil
}

// briefingWriter returns the function that renders b in format; it
// stops, writing nothing, when ctx ends.
func briefingWriter(ctx context.Context, format render.Format, b *brief.Briefing, ro render.Options) func(io.Writer) error {
	return func(w io.Writer) error {
		switch format {
		case render.FormatPDF:
			return render.PDFContext(ctx, w, b, ro)
		case render.FormatJSON:
			return render.JSON(w, b)
		default:
			return render.Markdown(w, b, ro)
		}
	}
}
