package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// terminalWriter reports whether w is a terminal.
func terminalWriter(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress is a progress bar on stderr, shown only when stderr is a
// terminal and -q is not given: logs and pipes never get carriage
// returns. Its methods do nothing on a nil *progress.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns the progress bar of a run over total inputs (-1:
// unknown, a spinner with a count), or nil when none should be shown.
func newProgress(w io.Writer, total int, quiet bool) *progress {
	if quiet || !terminalWriter(w) {
		return nil
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("brief"),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionShowIts(),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// add counts one input done.
func (p *progress) add() {
	if p != nil {
		p.bar.Add(1)
	}
}

// clear removes the bar from the line, so that a message can be printed;
// the bar comes back with the next add.
func (p *progress) clear() {
	if p != nil {
		p.bar.Clear()
	}
}

// finish removes the bar for good.
func (p *progress) finish() {
	if p != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
