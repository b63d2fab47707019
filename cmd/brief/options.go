package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/brief-dev/brief/brief/source"
	"github.com/brief-dev/brief/render"
	"github.com/urfave/cli/v3"
)

// This file is the one place that reads and checks the flags the
// commands share, so that a flag means the same thing, and a mistake gets
// the same message, in every command.

// logOptions say how much goes to stderr.
type logOptions struct {
	quiet   bool
	verbose bool
}

func logOptionsFrom(cmd *cli.Command) logOptions {
	return logOptions{quiet: cmd.Bool("quiet"), verbose: cmd.Bool("verbose") && !cmd.Bool("quiet")}
}

// articleOptions are the flags that shape each article's briefing and
// where the result goes, shared by every command that writes briefings.
type articleOptions struct {
	bullets int
	date    time.Time
	output  string // {date} expanded; "-" is standard output
}

// day is the briefing date as YYYY-MM-DD.
func (o articleOptions) day() string { return o.date.Format("2006-01-02") }

// articleOptionsFrom reads --bullets, --date and -o, and refuses an output
// that is one of the inputs.
func articleOptionsFrom(cmd *cli.Command, inputs []string) (articleOptions, error) {
	o := articleOptions{bullets: int(cmd.Int("bullets"))}
	if o.bullets < 1 || o.bullets > 100 {
		return o, usagef("--bullets must be between 1 and 100, got %d", o.bullets)
	}
	var err error
	if o.date, err = briefingDate(cmd.String("date")); err != nil {
		return o, err
	}
	o.output = expandDate(cmd.String("output"), o.date)
	if o.output == "" {
		o.output = "-"
	}
	if err := checkNotInput(o.output, inputs); err != nil {
		return o, err
	}
	return o, nil
}

// outputOptions are the flags of the commands that write a briefing or a
// digest in a chosen format.
type outputOptions struct {
	articleOptions
	format render.Format
	paper  string
	cite   bool
}

// outputOptionsFrom reads and checks the output flags: the format (from
// -f or the -o extension), the paper size, and no PDF to a terminal.
func outputOptionsFrom(cmd *cli.Command, inputs []string, stdout io.Writer) (outputOptions, error) {
	ao, err := articleOptionsFrom(cmd, inputs)
	if err != nil {
		return outputOptions{}, err
	}
	o := outputOptions{articleOptions: ao, paper: strings.ToLower(cmd.String("paper")), cite: cmd.Bool("cite")}
	if o.format, err = render.FormatFor(cmd.String("format"), o.output); err != nil {
		return o, usageError{err}
	}
	if err := render.CheckPaper(o.paper); err != nil {
		return o, usageError{err}
	}
	if o.format == render.FormatPDF && isStdout(o.output) && isTerminal(stdout) {
		return o, errTerminal
	}
	return o, nil
}

// renderOptions are the renderer options of o.
func (o outputOptions) renderOptions() render.Options {
	return render.Options{Cite: o.cite, Paper: o.paper, Version: buildVersion(), Date: o.date}
}

// errTerminal is returned instead of writing PDF bytes to a terminal.
var errTerminal = usagef("refusing to write a PDF to the terminal: use -o FILE.pdf or redirect standard output")

// briefingDate is the date the briefing is for: --date, else
// SOURCE_DATE_EPOCH (for reproducible builds of the output), else now.
func briefingDate(flag string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse("2006-01-02", flag)
		if err != nil {
			return time.Time{}, usagef("--date wants YYYY-MM-DD, got %q", flag)
		}
		return t, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, usagef("SOURCE_DATE_EPOCH is not a number of seconds: %q", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now(), nil
}

// sinceOf reads --since: the moment feed items must be published after,
// or the zero time. A duration counts back from the start of the --date
// day (local midnight: a morning's digest covers the days before it, and
// the same --date gives the same cut), else from SOURCE_DATE_EPOCH, else
// from now; a date means its local midnight.
func sinceOf(cmd *cli.Command, date time.Time) (time.Time, error) {
	now := date.In(time.Local)
	if cmd.String("date") != "" {
		now = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.Local)
	}
	t, err := source.ParseSince(cmd.String("since"), now)
	if err != nil {
		return t, usagef("--since: %v", err)
	}
	return t, nil
}

// expandDate replaces {date} in an output name with the briefing date.
func expandDate(name string, date time.Time) string {
	return strings.ReplaceAll(name, "{date}", date.Format("2006-01-02"))
}

// isStdout reports whether the output path names standard output.
func isStdout(path string) bool {
	return path == "" || path == "-"
}

// checkNotInput refuses an output file that is one of the inputs (also
// by way of a link).
func checkNotInput(output string, inputs []string) error {
	if isStdout(output) {
		return nil
	}
	outDir, _ := filepath.Abs(filepath.Dir(output))
	for _, in := range inputs {
		if in == "-" || source.IsURL(in) {
			continue
		}
		if fi, err := os.Stat(in); err == nil && fi.IsDir() {
			if dir, err := filepath.Abs(in); err == nil && outDir == dir {
				// Tomorrow's run would read today's output as an article.
				return usagef("the output %s is inside the input directory %s: write it elsewhere", output, in)
			}
		}
	}
	out, err := os.Stat(output)
	if err != nil {
		return nil // a new file is no input
	}
	for _, in := range inputs {
		if in == "-" || source.IsURL(in) {
			continue
		}
		if fi, err := os.Stat(in); err == nil && os.SameFile(fi, out) {
			return usagef("the output %s is also an input: choose another -o", output)
		}
	}
	return nil
}

// inputName is how an input is named in messages: without the
// credentials of a URL, and with control characters shown as escapes, so
// that a hostile file name or JSON Lines id cannot forge a log line or
// send terminal escapes.
func inputName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return printable(source.Redact(name))
}

// printable replaces the control characters of s by Go escapes ("\x1b").
func printable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
