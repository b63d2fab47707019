package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/render"
	"golang.org/x/term"
)

// Output formats.
const (
	formatMarkdown = "md"
	formatPDF      = "pdf"
	formatJSON     = "json"
)

// outputFormat picks the output format: the -f flag when given, else the
// extension of the -o path (.md, .markdown and .txt are Markdown), else
// Markdown. A format brief cannot write is a usage error.
func outputFormat(flag, path string) (string, error) {
	if flag != "" {
		switch f := strings.ToLower(flag); f {
		case "md", "markdown":
			return formatMarkdown, nil
		case "pdf", "json":
			return f, nil
		}
		return "", usagef("unknown output format %q: use md, pdf or json", flag)
	}
	if isStdout(path) {
		return formatMarkdown, nil
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case "", ".md", ".markdown", ".txt":
		return formatMarkdown, nil
	case ".pdf":
		return formatPDF, nil
	case ".json":
		return formatJSON, nil
	default:
		return "", usagef("cannot tell the output format from the extension %q of %s: use -f md, pdf or json", ext, path)
	}
}

// isStdout reports whether the output path names standard output.
func isStdout(path string) bool {
	return path == "" || path == "-"
}

// errTerminal is returned instead of writing PDF bytes to a terminal.
var errTerminal = usagef("refusing to write a PDF to the terminal: use -o FILE.pdf or redirect standard output")

// writeOutput writes what write produces to path ("-" or "" is stdout).
// input is the input file, which the output may never be.
//
// The output is rendered in full before anything is written: a render
// error leaves nothing on standard output, and a file is written
// atomically (a temporary file in the target's directory, synced, then
// renamed over the target), so that a failed or interrupted run never
// leaves a partial or empty file at path. PDF bytes are never written to
// a terminal.
func writeOutput(path, input string, write func(io.Writer) error, io streams) error {
	if isStdout(path) {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		if bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) && isTerminal(io.out) {
			return errTerminal
		}
		_, err := io.out.Write(buf.Bytes())
		return err
	}
	if err := notInput(path, input); err != nil {
		return err
	}
	return writeFileAtomic(path, write)
}

// notInput returns a usage error when path is the input file (also by way
// of a link).
func notInput(path, input string) error {
	if isStdout(input) {
		return nil
	}
	out, err := os.Stat(path)
	if err != nil {
		return nil // no such file yet: it cannot be the input
	}
	in, err := os.Stat(input)
	if err != nil {
		return nil
	}
	if os.SameFile(in, out) {
		return usagef("the output %s is the input file: choose another -o", path)
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// writeFileAtomic writes what write produces to a temporary file beside
// path and renames it to path once it is complete and synced. On any
// error the temporary file is removed and path is left as it was.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
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
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
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
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// createTemp creates a new hidden file beside path, ".NAME.PID-N.tmp",
// with the given permissions (the umask applies, as for any new file).
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(path)
	prefix := filepath.Join(dir, "."+base+"."+strconv.Itoa(os.Getpid())+"-")
	for n := 0; ; n++ {
		f, err := os.OpenFile(prefix+strconv.Itoa(n)+".tmp", os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && n < 1000 {
			continue
		}
		return f, err
	}
}

// renderOptions are the renderer options from the command's flags.
func renderOptions(opts summarizeOptions) render.Options {
	return render.Options{
		Cite:    opts.cite,
		Paper:   opts.paper,
		Version: buildVersion(),
		Date:    opts.date,
	}
}

// writeBriefing renders b in the chosen format to the chosen output.
func writeBriefing(opts summarizeOptions, b *brief.Briefing, io streams) error {
	format, err := outputFormat(opts.format, opts.output)
	if err != nil {
		return err
	}
	if err := checkPaper(opts.paper); err != nil {
		return err
	}
	if format == formatPDF && isStdout(opts.output) && isTerminal(io.out) {
		return errTerminal
	}
	return writeOutput(opts.output, opts.input, briefingWriter(format, b, renderOptions(opts)), io)
}

// briefingWriter returns the function that renders b in format.
func briefingWriter(format string, b *brief.Briefing, ro render.Options) func(io.Writer) error {
	return func(w io.Writer) error {
		switch format {
		case formatPDF:
			return render.PDF(w, b, ro)
		case formatJSON:
			return render.JSON(w, b)
		default:
			return render.Markdown(w, b, ro)
		}
	}
}

// checkPaper returns a usage error for a paper size the PDF cannot use.
func checkPaper(paper string) error {
	switch strings.ToLower(paper) {
	case "", "a4", "letter":
		return nil
	}
	return usagef("unknown paper size %q: use a4 or letter", paper)
}
