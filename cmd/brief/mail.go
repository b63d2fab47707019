package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/brief-dev/brief/brief/mail"
	"github.com/brief-dev/brief/render"
	"github.com/urfave/cli/v3"
)

// mailOptions are the flags that e-mail the result.
type mailOptions struct {
	to      []string // none: no mail
	from    string
	subject string
	server  *mail.Server
	verbose bool
}

// enabled reports whether the result is to be mailed.
func (m mailOptions) enabled() bool { return len(m.to) > 0 }

func mailFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "mail-to", Usage: "e-mail the result to `ADDR` (repeat the flag or separate addresses with commas); the server is BRIEF_SMTP_URL"},
		&cli.StringFlag{Name: "mail-from", Usage: "the sender `ADDR` of the e-mail", Sources: cli.EnvVars("BRIEF_MAIL_FROM")},
		&cli.StringFlag{Name: "mail-subject", Usage: "the subject of the e-mail (default: the briefing's title, or \"Digest\" and the date)"},
	}
}

// mailOptionsFrom reads the mail flags and the server from the
// environment: BRIEF_SMTP_URL (smtp://user:password@host:587 with
// STARTTLS, smtps://user:password@host:465 with TLS), the password
// possibly in BRIEF_SMTP_PASSWORD instead. Every mistake is a usage
// error, found before any work is done; no message repeats the password.
func mailOptionsFrom(cmd *cli.Command, log logOptions) (mailOptions, error) {
	m := mailOptions{from: strings.TrimSpace(cmd.String("mail-from")), subject: strings.TrimSpace(cmd.String("mail-subject")), verbose: log.verbose}
	to, err := mail.ParseAddresses(cmd.StringSlice("mail-to"))
	if err != nil {
		return m, usagef("--mail-to: %w", err)
	}
	if len(to) == 0 {
		if cmd.IsSet("mail-subject") {
			return m, usagef("--mail-subject needs --mail-to")
		}
		return m, nil
	}
	m.to = to
	if m.from == "" {
		return m, usagef("--mail-to needs a sender: give --mail-from or set BRIEF_MAIL_FROM")
	}
	if from, err := mail.ParseAddresses([]string{m.from}); err != nil || len(from) != 1 {
		return m, usagef("--mail-from: %q is not one e-mail address", m.from)
	}
	rawURL := os.Getenv("BRIEF_SMTP_URL")
	if strings.TrimSpace(rawURL) == "" {
		return m, usagef("--mail-to needs a mail server: set BRIEF_SMTP_URL, e.g. smtp://user@smtp.example.org:587 (the password in the URL or in BRIEF_SMTP_PASSWORD)")
	}
	if m.server, err = mail.ParseServer(rawURL, os.Getenv("BRIEF_SMTP_PASSWORD")); err != nil {
		return m, usagef("BRIEF_SMTP_URL: %w", err)
	}
	return m, nil
}

// renderer writes the result in one format.
type renderer func(format render.Format) func(io.Writer) error

// send e-mails the result: the Markdown as the plain-text body, the HTML
// page as the HTML body, and the PDF attached as attachment. Transient
// failures are retried (see package mail); the error is worded for one
// line on stderr.
func (m mailOptions) send(ctx context.Context, subject, attachment string, write renderer, std streams) error {
	var parts [3]bytes.Buffer
	for i, f := range []render.Format{render.FormatMarkdown, render.FormatHTML, render.FormatPDF} {
		if err := write(f)(&parts[i]); err != nil {
			return fmt.Errorf("preparing the e-mail: %w", err)
		}
	}
	if m.subject != "" {
		subject = m.subject
	}
	msg := &mail.Message{
		From:        m.from,
		To:          m.to,
		Subject:     subject,
		Text:        parts[0].String(),
		HTML:        parts[1].String(),
		Attachments: []mail.Attachment{{Name: attachment, ContentType: "application/pdf", Data: parts[2].Bytes()}},
	}
	s := mail.NewSender(m.server)
	if m.verbose {
		s.Log = prefixWriter{w: std.err, prefix: "brief: mail: "}
	}
	start := time.Now()
	if err := s.Send(ctx, msg); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("the output was written, but the e-mail was not sent: %w", err)
	}
	if m.verbose {
		fmt.Fprintf(std.err, "brief: mailed %s to %s in %s\n", attachment, strings.Join(m.to, ", "), time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// prefixWriter writes each line with a prefix, for log lines of a
// library on brief's stderr.
type prefixWriter struct {
	w      io.Writer
	prefix string
}

func (p prefixWriter) Write(b []byte) (int, error) {
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(p.w, p.prefix+line); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}
