package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"github.com/urfave/cli/v3"
)

// exitCode is brief's exit status.
type exitCode int

// Exit statuses.
const (
	exitOK          exitCode = 0
	exitFailure     exitCode = 1
	exitUsage       exitCode = 2
	exitPartial     exitCode = 3 // something was produced, but some inputs were skipped
	exitInterrupted exitCode = 130
)

// usageError marks a mistake in how brief was called: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errPartial is returned when output was produced but some inputs were
// skipped (each already reported on stderr): exit status 3.
var errPartial = errors.New("some inputs were skipped")

// version is set at link time with -ldflags "-X main.version=…"; without
// it the module version from the build info is used.
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	// Built from a checkout: name the commit, as go build stamps it.
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) < 12 {
		return "dev"
	}
	if dirty {
		return "dev-" + rev[:12] + "-dirty"
	}
	return "dev-" + rev[:12]
}

// streams are the standard streams of one run, and the temporary files
// it is writing.
type streams struct {
	in    io.Reader
	out   io.Writer
	err   io.Writer
	temps *tempFiles
}

// grace is how long an interrupted run may take to wind down (stop its
// workers, remove its temporary files) before it ends regardless.
const grace = 700 * time.Millisecond

// run runs brief with the given arguments (args[0] is the program name)
// and returns the exit status. It is main without the process: tests call
// it with buffers.
//
// When ctx ends (SIGINT or SIGTERM), run returns exitInterrupted within
// about a second whatever the command is doing: reading a FIFO that no
// one writes, parsing a large article, rendering a long digest. The
// command is told through ctx and given a moment to stop; a read blocked
// in the kernel is abandoned (the process exits). No output file is left:
// files are written atomically, and a temporary file under way is
// removed.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) exitCode {
	std := streams{in: stdin, out: stdout, err: stderr, temps: &tempFiles{}}
	done := make(chan error, 1)
	go func() {
		done <- newApp(std).Run(ctx, args)
	}()
	select {
	case err := <-done:
		return report(ctx, err, std.err)
	case <-ctx.Done():
	}
	select {
	case err := <-done:
		if err == nil {
			// Finished just as the signal came: the output is whole.
			return exitOK
		}
		return report(ctx, err, std.err)
	case <-time.After(grace):
	}
	std.temps.removeAll()
	fmt.Fprintln(std.err, "brief: interrupted")
	return exitInterrupted
}

// report prints err once, as "brief: message", and picks the exit status.
func report(ctx context.Context, err error, stderr io.Writer) exitCode {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errPartial):
		return exitPartial
	case ctx.Err() != nil && errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "brief: interrupted")
		return exitInterrupted
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "brief: %v\nRun 'brief --help' for usage.\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "brief: %v\n", err)
		return exitFailure
	}
}

func newApp(std streams) *cli.Command {
	return &cli.Command{
		Name:      "brief",
		Usage:     "write a bullet-point diplomatic briefing of a news article",
		ArgsUsage: "[FILE|URL|-]",
		Version:   buildVersion(),
		Description: "Reads a news article (a file, a URL, or standard input when FILE is - or absent)\n" +
			"and writes a briefing: bottom line, key points, actors, statements, background\n" +
			"and outlook. Every bullet cites the sentences it comes from (--cite).\n\n" +
			"Exit status: 0 success, 1 failure, 2 usage error, 3 some inputs skipped,\n" +
			"130 interrupted.",
		Reader:         std.in,
		Writer:         std.out,
		ErrWriter:      std.err,
		Flags:          summarizeFlags(),
		Action:         func(ctx context.Context, cmd *cli.Command) error { return summarizeAction(ctx, cmd, std) },
		OnUsageError:   onUsageError,
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		Commands: []*cli.Command{
			summarizeCommand(std),
			parseCommand(std),
			sentencesCommand(std),
			evalCommand(std),
			digestCommand(std),
			batchCommand(std),
		},
	}
}

// onUsageError turns flag parsing errors into usage errors (exit 2).
func onUsageError(_ context.Context, _ *cli.Command, err error, _ bool) error {
	return usageError{err}
}

// oneInput returns the single FILE argument of cmd ("-" when absent).
func oneInput(cmd *cli.Command) (string, error) {
	switch cmd.NArg() {
	case 0:
		return "-", nil
	case 1:
		return cmd.Args().First(), nil
	default:
		return "", usagef("%s takes one input, got %d", cmd.Name, cmd.NArg())
	}
}
