package mail

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	smtpd "github.com/emersion/go-smtp"
)

func testMessage() *Message {
	return &Message{
		From:    "Brief <brief@example.org>",
		To:      []string{"ana@example.net", "Bo Ek <bo@example.com>"},
		Subject: "Lagebericht für Zürich – 26. November",
		Date:    testDate,
		Text:    "Good morning.\n\n- First point\n- Second point\n",
		HTML:    "<p>Good morning.</p><ul><li>First point</li><li>Second point</li></ul>",
		Attachments: []Attachment{{
			Name:        "digest-2026-11-26.pdf",
			ContentType: "application/pdf",
			Data:        []byte("%PDF-1.7\n\x00\x01\x02 binary \xff\xfe\n%%EOF\n"),
		}},
	}
}

// newTestSender returns a Sender for rawURL that trusts pool, waits with
// no real sleep and fails fast.
func newTestSender(t *testing.T, rawURL string, pool *x509.CertPool) (*Sender, *sleepRecorder) {
	t.Helper()
	password := ""
	if strings.Contains(rawURL, "@") {
		password = testPassword
	}
	srv, err := ParseServer(rawURL, password)
	if err != nil {
		t.Fatal(err)
	}
	rec := &sleepRecorder{}
	s := NewSender(srv)
	s.RootCAs = pool
	s.Timeout = 10 * time.Second
	s.Sleep = rec.sleep
	return s, rec
}

// testContext bounds a test that could hang.
func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestSendDelivers(t *testing.T) {
	tests := []struct {
		name   string
		cfg    serverConfig
		scheme string
		host   string
		mech   string
	}{
		{"starttls", serverConfig{}, "smtp", "127.0.0.1", "PLAIN"},
		{"starttls to localhost", serverConfig{}, "smtp", "localhost", "PLAIN"},
		{"implicit tls", serverConfig{implicitTLS: true}, "smtps", "127.0.0.1", "PLAIN"},
		{"login mechanism", serverConfig{mechs: []string{"LOGIN"}}, "smtp", "127.0.0.1", "LOGIN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := startServer(t, tt.cfg)
			s, rec := newTestSender(t, ts.url(tt.scheme, tt.host), ts.pool)
			var logBuf bytes.Buffer
			s.Log = &logBuf
			if err := s.Send(testContext(t), testMessage()); err != nil {
				t.Fatalf("Send: %v", err)
			}
			msgs := ts.messages()
			if len(msgs) != 1 {
				t.Fatalf("server received %d messages, want 1", len(msgs))
			}
			got := msgs[0]
			if got.from != "brief@example.org" {
				t.Errorf("MAIL FROM %q, want brief@example.org", got.from)
			}
			if want := []string{"ana@example.net", "bo@example.com"}; !slices.Equal(got.to, want) {
				t.Errorf("RCPT TO %q, want %q", got.to, want)
			}
			auths := ts.authLog()
			if len(auths) != 1 || !auths[0].ok || !auths[0].tls || auths[0].mech != tt.mech {
				t.Errorf("AUTH log %+v, want one successful %s under TLS", auths, tt.mech)
			}
			if len(rec.recorded()) != 0 {
				t.Errorf("slept %v; want no retry", rec.recorded())
			}
			checkDelivered(t, got.data)
			if strings.Contains(logBuf.String(), testPassword) {
				t.Error("log contains the password")
			}
			for _, want := range []string{"connecting to " + s.Server.String(), "logged in as brief", "message accepted: "} {
				if !strings.Contains(logBuf.String(), want) {
					t.Errorf("log lacks %q:\n%s", want, logBuf.String())
				}
			}
		})
	}
}

// checkDelivered checks the message testMessage gives, as received.
func checkDelivered(t *testing.T, data []byte) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parsing the received message: %v", err)
	}
	h := msg.Header
	if from, err := h.AddressList("From"); err != nil || len(from) != 1 ||
		from[0].Name != "Brief" || from[0].Address != "brief@example.org" {
		t.Errorf("From %q (%v)", h.Get("From"), err)
	}
	to, err := h.AddressList("To")
	if err != nil || len(to) != 2 || to[0].Address != "ana@example.net" ||
		to[1].Address != "bo@example.com" || to[1].Name != "Bo Ek" {
		t.Errorf("To %q (%v)", h.Get("To"), err)
	}
	rawSubject := h.Get("Subject")
	if !strings.Contains(rawSubject, "=?UTF-8?") {
		t.Errorf("Subject %q is not RFC 2047 encoded", rawSubject)
	}
	if subject, err := new(mime.WordDecoder).DecodeHeader(rawSubject); err != nil ||
		subject != testMessage().Subject {
		t.Errorf("Subject decodes to %q (%v), want %q", subject, err, testMessage().Subject)
	}
	if date, err := h.Date(); err != nil || !date.Equal(testDate) {
		t.Errorf("Date %q (%v), want %v", h.Get("Date"), err, testDate)
	}
	if id := h.Get("Message-ID"); !regexp.MustCompile(`^<[A-Z2-7]{20,}@example\.org>$`).MatchString(id) {
		t.Errorf("Message-ID %q, want <random@example.org>", id)
	}
	if h.Get("MIME-Version") != "1.0" {
		t.Errorf("MIME-Version %q", h.Get("MIME-Version"))
	}

	mixed := multipartReader(t, h.Get("Content-Type"), "multipart/mixed", msg.Body)
	alt := nextPart(t, mixed)
	altReader := multipartReader(t, alt.Header.Get("Content-Type"), "multipart/alternative", alt)
	for _, want := range []struct{ mediaType, body string }{
		{"text/plain", testMessage().Text},
		{"text/html", testMessage().HTML},
	} {
		p := nextPart(t, altReader)
		mt, params, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if err != nil || mt != want.mediaType || !strings.EqualFold(params["charset"], "utf-8") {
			t.Errorf("alternative part is %q (%v), want %s; charset=UTF-8", p.Header.Get("Content-Type"), err, want.mediaType)
		}
		body, err := io.ReadAll(p) // multipart undoes quoted-printable
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.ReplaceAll(string(body), "\r\n", "\n"); got != want.body {
			t.Errorf("%s body %q, want %q", want.mediaType, got, want.body)
		}
	}
	if p, err := altReader.NextPart(); err != io.EOF {
		t.Errorf("multipart/alternative has a third part %v (%v)", p, err)
	}

	att := nextPart(t, mixed)
	if mt, _, err := mime.ParseMediaType(att.Header.Get("Content-Type")); err != nil || mt != "application/pdf" {
		t.Errorf("attachment Content-Type %q (%v)", att.Header.Get("Content-Type"), err)
	}
	if disp, _, _ := mime.ParseMediaType(att.Header.Get("Content-Disposition")); disp != "attachment" {
		t.Errorf("attachment Content-Disposition %q", att.Header.Get("Content-Disposition"))
	}
	if att.FileName() != "digest-2026-11-26.pdf" {
		t.Errorf("attachment file name %q", att.FileName())
	}
	if enc := att.Header.Get("Content-Transfer-Encoding"); !strings.EqualFold(enc, "base64") {
		t.Errorf("attachment Content-Transfer-Encoding %q, want base64", enc)
	}
	pdf, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, att))
	if err != nil || !bytes.Equal(pdf, testMessage().Attachments[0].Data) {
		t.Errorf("attachment bytes %q (%v), want %q", pdf, err, testMessage().Attachments[0].Data)
	}
	if p, err := mixed.NextPart(); err != io.EOF {
		t.Errorf("multipart/mixed has a third part %v (%v)", p, err)
	}
}

// multipartReader checks that contentType is wantType and reads body as
// multipart.
func multipartReader(t *testing.T, contentType, wantType string, body io.Reader) *multipart.Reader {
	t.Helper()
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != wantType || params["boundary"] == "" {
		t.Fatalf("Content-Type %q (%v), want %s with a boundary", contentType, err, wantType)
	}
	return multipart.NewReader(body, params["boundary"])
}

func nextPart(t *testing.T, r *multipart.Reader) *multipart.Part {
	t.Helper()
	p, err := r.NextPart()
	if err != nil {
		t.Fatalf("next MIME part: %v", err)
	}
	return p
}

func TestSendWithoutAuth(t *testing.T) {
	ts := startServer(t, serverConfig{noAuth: true})
	srv, err := ParseServer(strings.Replace(ts.url("smtp", "127.0.0.1"), testUser+"@", "", 1), "")
	if err != nil {
		t.Fatal(err)
	}
	s := NewSender(srv)
	s.RootCAs = ts.pool
	if err := s.Send(testContext(t), testMessage()); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if n := len(ts.messages()); n != 1 {
		t.Errorf("server received %d messages, want 1", n)
	}
	if a := ts.authLog(); len(a) != 0 {
		t.Errorf("AUTH happened without a user name: %+v", a)
	}
}

func TestSendLoopbackWithoutSTARTTLS(t *testing.T) {
	// A local relay without TLS is tolerated, credentials included.
	ts := startServer(t, serverConfig{noTLS: true})
	s, _ := newTestSender(t, ts.url("smtp", "127.0.0.1"), ts.pool)
	if err := s.Send(testContext(t), testMessage()); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if n := len(ts.messages()); n != 1 {
		t.Errorf("server received %d messages, want 1", n)
	}
}

func TestSendRefusesRemoteWithoutSTARTTLS(t *testing.T) {
	// The server runs on 127.0.0.1 but is reached as a remote host.
	for _, user := range []string{testUser + "@", ""} {
		t.Run("user="+user, func(t *testing.T) {
			ts := startServer(t, serverConfig{noTLS: true, noAuth: user == ""})
			srv, err := ParseServer("smtp://"+user+"mail.example.test", map[bool]string{true: testPassword}[user != ""])
			if err != nil {
				t.Fatal(err)
			}
			rec := &sleepRecorder{}
			s := &Sender{Server: srv, RootCAs: ts.pool, Retries: 3, Sleep: rec.sleep,
				dial: dialTo(net.JoinHostPort("127.0.0.1", strconv.Itoa(ts.port)))}
			err = s.Send(testContext(t), testMessage())
			checkSendError(t, err, "smtp://"+user+"mail.example.test:587", "STARTTLS", "does not offer")
			if a := ts.authLog(); len(a) != 0 {
				t.Errorf("AUTH was sent: %+v", a)
			}
			if n := ts.callCount("MAIL"); n != 0 {
				t.Errorf("MAIL was sent %d times", n)
			}
			if w := rec.recorded(); len(w) != 0 {
				t.Errorf("a policy refusal was retried: %v", w)
			}
		})
	}
}

func TestStartTLSPolicy(t *testing.T) {
	tests := []struct {
		offered, loopback bool
		useTLS, ok        bool
	}{
		{offered: true, loopback: false, useTLS: true, ok: true},
		{offered: true, loopback: true, useTLS: true, ok: true},
		{offered: false, loopback: true, useTLS: false, ok: true},
		{offered: false, loopback: false, useTLS: false, ok: false},
	}
	for _, tt := range tests {
		useTLS, err := startTLSPolicy(tt.offered, tt.loopback)
		if useTLS != tt.useTLS || (err == nil) != tt.ok {
			t.Errorf("startTLSPolicy(offered=%v, loopback=%v) = %v, %v; want %v, ok=%v",
				tt.offered, tt.loopback, useTLS, err, tt.useTLS, tt.ok)
		}
	}
}

func TestAuthPolicy(t *testing.T) {
	tests := []struct{ encrypted, loopback, ok bool }{
		{true, false, true},
		{true, true, true},
		{false, true, true},
		{false, false, false},
	}
	for _, tt := range tests {
		if err := authPolicy(tt.encrypted, tt.loopback); (err == nil) != tt.ok {
			t.Errorf("authPolicy(encrypted=%v, loopback=%v) = %v; want ok=%v", tt.encrypted, tt.loopback, err, tt.ok)
		}
	}
}

func TestIsLoopbackName(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LocalHost.": true, "127.0.0.1": true, "127.1.2.3": true, "::1": true,
		"::ffff:127.0.0.1": true, "localhost.example.org": false, "10.0.0.1": false,
		"mail.example.org": false, "::": false, "0.0.0.0": false, "": false,
	} {
		if got := isLoopbackName(host); got != want {
			t.Errorf("isLoopbackName(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestSendWrongPassword(t *testing.T) {
	ts := startServer(t, serverConfig{})
	srv, err := ParseServer(ts.url("smtp", "127.0.0.1"), "wrong-"+testPassword)
	if err != nil {
		t.Fatal(err)
	}
	rec := &sleepRecorder{}
	s := &Sender{Server: srv, RootCAs: ts.pool, Retries: 3, Sleep: rec.sleep}
	err = s.Send(testContext(t), testMessage())
	checkSendError(t, err, "sending mail via "+srv.String()+": authentication failed: 535")
	if strings.Contains(err.Error(), "wrong-"+testPassword) {
		t.Errorf("error contains the password: %v", err)
	}
	if n := len(ts.messages()); n != 0 {
		t.Errorf("server received %d messages", n)
	}
	if w := rec.recorded(); len(w) != 0 {
		t.Errorf("a refused login was retried: %v", w)
	}
	if a := ts.authLog(); len(a) != 1 || a[0].ok || !a[0].tls {
		t.Errorf("AUTH log %+v, want one failed attempt under TLS", a)
	}
}

func TestSendDroppedConnection(t *testing.T) {
	tests := []struct {
		name   string
		handle func(net.Conn)
	}{
		{"closed at once", func(net.Conn) {}},
		{"closed after greeting", func(c net.Conn) {
			_, _ = io.WriteString(c, "220 test ESMTP\r\n")
		}},
		{"closed after EHLO", func(c net.Conn) {
			_, _ = io.WriteString(c, "220 test ESMTP\r\n")
			_, _ = c.Read(make([]byte, 512))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := startRawServer(t, tt.handle)
			s, rec := newTestSender(t, "smtp://"+testUser+"@"+rs.addr, nil)
			s.Retries = 2
			err := s.Send(testContext(t), testMessage())
			checkSendError(t, err, "giving up after 3 attempts", "connection closed by the server")
			if n := rs.connCount(); n != 3 {
				t.Errorf("%d connections, want 3", n)
			}
			if w := rec.recorded(); !slices.Equal(w, []time.Duration{time.Second, 2 * time.Second}) {
				t.Errorf("waits %v, want [1s 2s]", w)
			}
		})
	}
}

func TestSendTransientFailure(t *testing.T) {
	tryLater := &smtpd.SMTPError{Code: 451, EnhancedCode: smtpd.EnhancedCode{4, 3, 0}, Message: "Try again later"}
	tests := []struct {
		name  string
		cmd   string
		fail  func(c *smtpd.Conn) error
		wants []string
	}{
		{"451 at MAIL", "MAIL", func(*smtpd.Conn) error { return tryLater }, []string{"MAIL FROM:<brief@example.org>: 451 4.3.0 Try again later"}},
		{"451 at RCPT", "RCPT", func(*smtpd.Conn) error { return tryLater }, []string{"RCPT TO:<ana@example.net>: 451"}},
		{"451 after the data", "DATA", func(*smtpd.Conn) error { return tryLater }, []string{"message refused: 451"}},
		{"dropped at RCPT", "RCPT", func(c *smtpd.Conn) error { _ = c.Close(); return tryLater }, []string{"RCPT TO:<ana@example.net>", "connection closed by the server"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := startServer(t, serverConfig{hook: func(cmd string, n int, c *smtpd.Conn) error {
				if cmd == tt.cmd && n == 0 {
					return tt.fail(c)
				}
				return nil
			}})
			s, rec := newTestSender(t, ts.url("smtp", "127.0.0.1"), ts.pool)
			var logBuf bytes.Buffer
			s.Log = &logBuf
			if err := s.Send(testContext(t), testMessage()); err != nil {
				t.Fatalf("Send: %v", err)
			}
			msgs := ts.messages()
			if len(msgs) != 1 {
				t.Fatalf("server received %d messages, want exactly 1", len(msgs))
			}
			checkDelivered(t, msgs[0].data)
			if w := rec.recorded(); !slices.Equal(w, []time.Duration{time.Second}) {
				t.Errorf("waits %v, want [1s]", w)
			}
			for _, want := range append(tt.wants, "attempt 1 failed", "trying again in 1s") {
				if !strings.Contains(logBuf.String(), want) {
					t.Errorf("log lacks %q:\n%s", want, logBuf.String())
				}
			}
		})
	}
}

func TestSendRetriesAreBounded(t *testing.T) {
	ts := startServer(t, serverConfig{hook: func(cmd string, _ int, _ *smtpd.Conn) error {
		if cmd == "MAIL" {
			return &smtpd.SMTPError{Code: 421, EnhancedCode: smtpd.EnhancedCode{4, 4, 5}, Message: "Too busy"}
		}
		return nil
	}})
	s, rec := newTestSender(t, ts.url("smtp", "127.0.0.1"), ts.pool)
	err := s.Send(testContext(t), testMessage())
	checkSendError(t, err, "giving up after 4 attempts", "421 4.4.5 Too busy")
	if w := rec.recorded(); !slices.Equal(w, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}) {
		t.Errorf("waits %v, want [1s 2s 4s]", w)
	}
	if n := ts.callCount("MAIL"); n != 4 {
		t.Errorf("MAIL sent %d times, want 4", n)
	}
}

func TestSendPermanentFailure(t *testing.T) {
	tests := []struct{ cmd, want string }{
		{"MAIL", "MAIL FROM:<brief@example.org>: 550 5.7.1 Not allowed"},
		{"RCPT", "RCPT TO:<ana@example.net>: 550 5.7.1 Not allowed"},
		{"DATA", "message refused: 550 5.7.1 Not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.cmd, func(t *testing.T) {
			ts := startServer(t, serverConfig{hook: func(cmd string, _ int, _ *smtpd.Conn) error {
				if cmd == tt.cmd {
					return &smtpd.SMTPError{Code: 550, EnhancedCode: smtpd.EnhancedCode{5, 7, 1}, Message: "Not allowed"}
				}
				return nil
			}})
			s, rec := newTestSender(t, ts.url("smtp", "127.0.0.1"), ts.pool)
			err := s.Send(testContext(t), testMessage())
			checkSendError(t, err, "sending mail via "+s.Server.String()+": "+tt.want)
			if strings.Contains(err.Error(), "giving up") {
				t.Errorf("error %q speaks of several attempts", err)
			}
			if w := rec.recorded(); len(w) != 0 {
				t.Errorf("a 5xx reply was retried: %v", w)
			}
			if n := ts.callCount(tt.cmd); n != 1 {
				t.Errorf("%s sent %d times, want 1", tt.cmd, n)
			}
			if n := len(ts.messages()); n != 0 {
				t.Errorf("server received %d messages", n)
			}
		})
	}
}

func TestSendNoRetryAfterFinalDot(t *testing.T) {
	// The server keeps the message but the connection drops before its
	// reply: another attempt could deliver it twice.
	ts := startServer(t, serverConfig{hook: func(cmd string, _ int, _ *smtpd.Conn) error {
		if cmd == "DATA" {
			return errTakeAndDrop
		}
		return nil
	}})
	s, rec := newTestSender(t, ts.url("smtp", "127.0.0.1"), ts.pool)
	err := s.Send(testContext(t), testMessage())
	checkSendError(t, err, "may or may not have been delivered", "not sent again")
	if w := rec.recorded(); len(w) != 0 {
		t.Errorf("retried after the final dot: %v", w)
	}
	if n := len(ts.messages()); n != 1 {
		t.Errorf("server received %d messages, want 1", n)
	}
}

func TestSendUntrustedCertificate(t *testing.T) {
	tests := []struct {
		name     string
		cfg      serverConfig
		scheme   string
		host     string
		trust    bool // trust the test certificate
		redirect bool // reach 127.0.0.1 under host
		want     string
	}{
		{"starttls, self-signed", serverConfig{}, "smtp", "127.0.0.1", false, false, "STARTTLS: server certificate not trusted"},
		{"smtps, self-signed", serverConfig{implicitTLS: true}, "smtps", "127.0.0.1", false, false, "TLS handshake: server certificate not trusted"},
		{"starttls, wrong host name", serverConfig{}, "smtp", "mail.example.test", true, true, "STARTTLS: server certificate not trusted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := startServer(t, tt.cfg)
			rawURL := ts.url(tt.scheme, tt.host)
			s, rec := newTestSender(t, rawURL, nil)
			if tt.trust {
				s.RootCAs = ts.pool
			}
			if tt.redirect {
				s.dial = dialTo(net.JoinHostPort("127.0.0.1", strconv.Itoa(ts.port)))
			}
			err := s.Send(testContext(t), testMessage())
			checkSendError(t, err, tt.want, "certificate")
			if w := rec.recorded(); len(w) != 0 {
				t.Errorf("a certificate failure was retried: %v", w)
			}
			if a := ts.authLog(); len(a) != 0 {
				t.Errorf("AUTH was sent: %+v", a)
			}
			if n := len(ts.messages()); n != 0 {
				t.Errorf("server received %d messages", n)
			}
		})
	}
}

func TestSendConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s, rec := newTestSender(t, "smtp://"+testUser+":x@"+addr, nil)
	err = s.Send(testContext(t), testMessage())
	checkSendError(t, err, "giving up after 4 attempts: connecting: ", "connection refused")
	if w := rec.recorded(); !slices.Equal(w, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}) {
		t.Errorf("waits %v, want [1s 2s 4s]", w)
	}
}

func TestSendUnknownHost(t *testing.T) {
	// Resolving a name could leave the machine, so the dial function
	// gives the resolver's answer.
	s, rec := newTestSender(t, "smtps://"+testUser+"@mail.example.invalid", nil)
	s.dial = func(context.Context, string, string) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{
			Err: "no such host", Name: "mail.example.invalid", IsNotFound: true}}
	}
	err := s.Send(testContext(t), testMessage())
	checkSendError(t, err, "smtps://brief@mail.example.invalid:465: connecting: unknown host", "no such host")
	if w := rec.recorded(); len(w) != 0 {
		t.Errorf("an unknown host was retried: %v", w)
	}
}

func TestSendTimeout(t *testing.T) {
	// The server accepts and then says nothing.
	rs := startRawServer(t, func(c net.Conn) { _, _ = io.Copy(io.Discard, c) })
	s, rec := newTestSender(t, "smtp://"+rs.addr, nil)
	s.Timeout = 100 * time.Millisecond
	s.Retries = 1
	start := time.Now()
	err := s.Send(testContext(t), testMessage())
	checkSendError(t, err, "giving up after 2 attempts", "waiting for the server's greeting: timed out")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Send took %v", d)
	}
	if w := rec.recorded(); len(w) != 1 {
		t.Errorf("waits %v, want one", w)
	}
}

func TestSendCancel(t *testing.T) {
	t.Run("during the conversation", func(t *testing.T) {
		rs := startRawServer(t, func(c net.Conn) { _, _ = io.Copy(io.Discard, c) })
		s, rec := newTestSender(t, "smtp://"+rs.addr, nil)
		ctx, cancel := context.WithCancel(testContext(t))
		time.AfterFunc(50*time.Millisecond, cancel)
		start := time.Now()
		err := s.Send(ctx, testMessage())
		checkSendError(t, err, "context canceled")
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v is not context.Canceled", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Send took %v after cancel", d)
		}
		if w := rec.recorded(); len(w) != 0 {
			t.Errorf("retried after cancel: %v", w)
		}
	})
	t.Run("while waiting to retry", func(t *testing.T) {
		rs := startRawServer(t, func(net.Conn) {})
		srv, err := ParseServer("smtp://"+rs.addr, "")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(testContext(t))
		var waits []time.Duration
		s := &Sender{Server: srv, Retries: 3, Sleep: func(ctx context.Context, d time.Duration) error {
			waits = append(waits, d)
			cancel()
			return sleepCtx(ctx, time.Hour) // the real sleep, ended by the cancel
		}}
		err = s.Send(ctx, testMessage())
		checkSendError(t, err, "context canceled while waiting to try again after: waiting for the server's greeting")
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v is not context.Canceled", err)
		}
		if len(waits) != 1 || rs.connCount() != 1 {
			t.Errorf("waits %v and %d connections, want one each", waits, rs.connCount())
		}
	})
}

func TestSleepCtx(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := sleepCtx(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("sleepCtx = %v, want context.Canceled", err)
	}
	if err := sleepCtx(context.Background(), time.Millisecond); err != nil {
		t.Errorf("sleepCtx = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("sleepCtx took %v", d)
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for i, w := range want {
		if got := backoff(i + 1); got != w {
			t.Errorf("backoff(%d) = %v, want %v", i+1, got, w)
		}
	}
	if got := backoff(100); got != time.Minute {
		t.Errorf("backoff(100) = %v", got)
	}
}

func TestSendBadMessage(t *testing.T) {
	// Checked before any connection is made.
	rs := startRawServer(t, func(net.Conn) {})
	s, _ := newTestSender(t, "smtp://"+testUser+"@"+rs.addr, nil)
	m := testMessage()
	m.To = append(m.To, "not an address")
	checkSendError(t, s.Send(testContext(t), m), `invalid recipient address "not an address"`)
	if n := rs.connCount(); n != 0 {
		t.Errorf("%d connections for a bad message", n)
	}
}

func TestSendUnsupportedScheme(t *testing.T) {
	s := &Sender{Server: &Server{Host: "127.0.0.1", Port: 25}}
	err := s.Send(testContext(t), testMessage())
	if err == nil || !strings.Contains(err.Error(), `unsupported scheme ""`) {
		t.Errorf("Send = %v, want an unsupported scheme error", err)
	}
}
