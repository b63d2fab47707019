package mail

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"mime"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"
)

// Message is one e-mail. Its MIME form is multipart/mixed holding a
// multipart/alternative (Text as text/plain first, then HTML as
// text/html) followed by the attachments; a part that would be empty is
// left out, and without attachments the message is the alternative (or
// the single text part) itself.
type Message struct {
	// From is the sender, "addr@example.org" or "Name <addr@example.org>";
	// its domain also names the Message-ID.
	From string
	// To holds the recipients, one address each (see [ParseAddresses]).
	To []string
	// Subject may hold any Unicode; it is encoded as RFC 2047 words.
	Subject string
	// Date is the Date header; the zero time means the moment of Send.
	Date time.Time
	// Text is the plain-text body.
	Text string
	// HTML is the HTML body.
	HTML string
	// Attachments are added after the body, in order.
	Attachments []Attachment
}

// Attachment is a file sent along with a [Message].
type Attachment struct {
	// Name is the file name the recipient sees, such as digest-2026-11-26.pdf.
	Name string
	// ContentType is the MIME type, such as application/pdf; empty means
	// a guess from Name's extension, or application/octet-stream.
	ContentType string
	// Data is the file's content.
	Data []byte
}

// envelope is the SMTP envelope of a message: MAIL FROM and RCPT TO.
type envelope struct {
	from string
	to   []string
}

// ascii reports whether the envelope's addresses are all ASCII, so that
// the SMTPUTF8 extension is not needed.
func (e envelope) ascii() bool {
	for _, a := range append([]string{e.from}, e.to...) {
		for i := range len(a) {
			if a[i] >= utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}

// render checks m and gives its RFC 5322 form and its envelope. now is
// used for a zero Date.
func (m *Message) render(now time.Time) ([]byte, envelope, error) {
	var env envelope
	from, err := mail.ParseAddress(m.From)
	if err != nil {
		return nil, env, fmt.Errorf("invalid sender address %q: %w", m.From, err)
	}
	if len(m.To) == 0 {
		return nil, env, errors.New("the message has no recipient")
	}
	to := make([]*mail.Address, len(m.To))
	for i, r := range m.To {
		if to[i], err = mail.ParseAddress(r); err != nil {
			return nil, env, fmt.Errorf("invalid recipient address %q: %w", r, err)
		}
		env.to = append(env.to, to[i].Address)
	}
	if m.Text == "" && m.HTML == "" && len(m.Attachments) == 0 {
		return nil, env, errors.New("the message is empty: no text, HTML or attachment")
	}
	env.from = from.Address

	g := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	g.FromMailAddress(from)
	g.ToMailAddress(to...)
	g.Subject(strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, m.Subject))
	date := m.Date
	if date.IsZero() {
		date = now
	}
	g.SetDateWithValue(date)
	// go-mail's own SetMessageID would take the domain from os.Hostname.
	g.SetMessageIDWithValue(rand.Text() + "@" + domainOf(from.Address))

	switch {
	case m.Text != "" && m.HTML != "":
		g.SetBodyString(gomail.TypeTextPlain, m.Text)
		g.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	case m.Text != "":
		g.SetBodyString(gomail.TypeTextPlain, m.Text)
	case m.HTML != "":
		g.SetBodyString(gomail.TypeTextHTML, m.HTML)
	}
	for _, a := range m.Attachments {
		if a.Name == "" {
			return nil, env, errors.New("an attachment has no file name")
		}
		var opts []gomail.FileOption
		if a.ContentType != "" {
			mt, params, err := mime.ParseMediaType(a.ContentType)
			if err != nil {
				return nil, env, fmt.Errorf("attachment %q: invalid content type %q: %w", a.Name, a.ContentType, err)
			}
			opts = append(opts, gomail.WithFileContentType(gomail.ContentType(mime.FormatMediaType(mt, params))))
		}
		if err := g.AttachReader(a.Name, bytes.NewReader(a.Data), opts...); err != nil {
			return nil, env, fmt.Errorf("attachment %q: %w", a.Name, err)
		}
	}

	var buf bytes.Buffer
	if _, err := g.WriteTo(&buf); err != nil {
		return nil, env, fmt.Errorf("composing the message: %w", err)
	}
	return buf.Bytes(), env, nil
}

// domainOf gives the domain of an addr-spec, for the Message-ID.
func domainOf(addr string) string {
	if at := strings.LastIndex(addr, "@"); at >= 0 && at < len(addr)-1 {
		return addr[at+1:]
	}
	return "localhost"
}
