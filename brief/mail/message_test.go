package mail

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"
)

// testDate is the Date of the test messages.
var testDate = time.Date(2026, 11, 26, 7, 30, 0, 0, time.FixedZone("CET", 3600))

// partTypes gives the MIME tree of a message as "multipart/mixed(
// multipart/alternative(text/plain text/html) application/pdf)".
func partTypes(t *testing.T, header map[string][]string, body io.Reader) string {
	t.Helper()
	ct := mail.Header(header).Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		t.Fatalf("Content-Type %q: %v", ct, err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		return mt
	}
	r := multipart.NewReader(body, params["boundary"])
	var kids []string
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		kids = append(kids, partTypes(t, p.Header, p))
	}
	return mt + "(" + strings.Join(kids, " ") + ")"
}

func TestRenderStructure(t *testing.T) {
	pdf := Attachment{Name: "digest-2026-11-26.pdf", ContentType: "application/pdf", Data: []byte("%PDF")}
	js := Attachment{Name: "digest.json", ContentType: "application/json; charset=utf-8", Data: []byte("{}")}
	tests := []struct {
		name        string
		text, html  string
		attachments []Attachment
		want        string
	}{
		{"text", "hi", "", nil, "text/plain"},
		{"html", "", "<p>hi</p>", nil, "text/html"},
		{"text and html", "hi", "<p>hi</p>", nil, "multipart/alternative(text/plain text/html)"},
		{"text and pdf", "hi", "", []Attachment{pdf}, "multipart/mixed(text/plain application/pdf)"},
		{"html and pdf", "", "<p>hi</p>", []Attachment{pdf}, "multipart/mixed(text/html application/pdf)"},
		{"all", "hi", "<p>hi</p>", []Attachment{pdf, js},
			"multipart/mixed(multipart/alternative(text/plain text/html) application/pdf application/json)"},
		{"pdf only", "", "", []Attachment{pdf}, "application/pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Message{From: "brief@example.org", To: []string{"ana@example.net"}, Subject: "Digest",
				Text: tt.text, HTML: tt.html, Attachments: tt.attachments}
			data, env, err := m.render(testDate)
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			msg, err := mail.ReadMessage(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if got := partTypes(t, msg.Header, msg.Body); got != tt.want {
				t.Errorf("structure %s, want %s", got, tt.want)
			}
			if env.from != "brief@example.org" || len(env.to) != 1 || env.to[0] != "ana@example.net" {
				t.Errorf("envelope %+v", env)
			}
		})
	}
}

func TestRenderHeaders(t *testing.T) {
	now := time.Date(2026, 11, 26, 6, 0, 0, 0, time.UTC)
	m := &Message{From: "Zoë Brief <zoe@news.example.org>", To: []string{"ana@example.net"},
		Subject: "Line one\r\nBcc: injected@example.com", Text: "hi"}
	data, _, err := m.render(now)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if d, err := msg.Header.Date(); err != nil || !d.Equal(now) {
		t.Errorf("Date %q (%v): a zero Date should be the time of sending", msg.Header.Get("Date"), err)
	}
	if id := msg.Header.Get("Message-ID"); !strings.HasSuffix(id, "@news.example.org>") {
		t.Errorf("Message-ID %q does not take the sender's domain", id)
	}
	if from, err := msg.Header.AddressList("From"); err != nil || from[0].Name != "Zoë Brief" {
		t.Errorf("From %q (%v)", msg.Header.Get("From"), err)
	}
	if msg.Header.Get("Bcc") != "" {
		t.Error("a newline in Subject made a header")
	}
	if s, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); s != "Line one  Bcc: injected@example.com" {
		t.Errorf("Subject %q", s)
	}
	// Two renderings get different Message-IDs.
	data2, _, _ := m.render(now)
	msg2, _ := mail.ReadMessage(bytes.NewReader(data2))
	if msg2.Header.Get("Message-ID") == msg.Header.Get("Message-ID") {
		t.Error("Message-ID repeats")
	}
}

func TestRenderErrors(t *testing.T) {
	ok := func() *Message {
		return &Message{From: "brief@example.org", To: []string{"ana@example.net"}, Text: "hi"}
	}
	tests := []struct {
		name   string
		change func(*Message)
		want   string
	}{
		{"no sender", func(m *Message) { m.From = "" }, `invalid sender address ""`},
		{"bad sender", func(m *Message) { m.From = "brief" }, `invalid sender address "brief"`},
		{"no recipient", func(m *Message) { m.To = nil }, "no recipient"},
		{"bad recipient", func(m *Message) { m.To = []string{"ana@example.net", "bo@"} }, `invalid recipient address "bo@"`},
		{"empty", func(m *Message) { m.Text = "" }, "the message is empty"},
		{"nameless attachment", func(m *Message) { m.Attachments = []Attachment{{Data: []byte("x")}} }, "no file name"},
		{"bad content type", func(m *Message) {
			m.Attachments = []Attachment{{Name: "a.pdf", ContentType: "application/pdf\r\nBcc: x@example.com"}}
		}, `attachment "a.pdf": invalid content type`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ok()
			tt.change(m)
			_, _, err := m.render(testDate)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("render error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
