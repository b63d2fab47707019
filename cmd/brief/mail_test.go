package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	smtpd "github.com/emersion/go-smtp"
)

// The SMTP server of these tests speaks STARTTLS with a certificate made
// for the test run and trusted through SSL_CERT_FILE, as a user would
// trust a private server; TestMain sets it before any TLS is used.
var testCert tls.Certificate

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "brief-cert")
	if err != nil {
		panic(err)
	}
	certPEM, cert, err := makeCert()
	if err != nil {
		panic(err)
	}
	testCert = cert
	file := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(file, certPEM, 0o600); err != nil {
		panic(err)
	}
	os.Setenv("SSL_CERT_FILE", file)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// makeCert makes a self-signed certificate for 127.0.0.1 and localhost.
func makeCert() ([]byte, tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "brief test SMTP"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, tls.Certificate{}, err
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})
	cert, err := tls.X509KeyPair(certPEM, keyPEM)
	return certPEM, cert, err
}

const (
	smtpUser     = "desk-bot"
	smtpPassword = "s3cr3t-SMTP-pw"
)

// smtpServer is a real SMTP server on loopback that requires STARTTLS
// before AUTH and AUTH before mail, and records what it receives.
type smtpServer struct {
	addr string

	mu       sync.Mutex
	msgs     []smtpMessage
	authTLS  []bool // for each AUTH: was the session under TLS
	failures int
}

type smtpMessage struct {
	from string
	to   []string
	data []byte
}

func startSMTP(t *testing.T) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{addr: ln.Addr().String()}
	srv := smtpd.NewServer(s)
	srv.Domain = "localhost"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{testCert}}
	srv.AllowInsecureAuth = true // the session itself refuses AUTH before TLS
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.ErrorLog = log.New(io.Discard, "", 0)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

func (s *smtpServer) url(password string) string {
	return fmt.Sprintf("smtp://%s:%s@%s", smtpUser, password, s.addr)
}

func (s *smtpServer) messages() []smtpMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]smtpMessage(nil), s.msgs...)
}

// NewSession implements smtpd.Backend.
func (s *smtpServer) NewSession(c *smtpd.Conn) (smtpd.Session, error) {
	return &smtpSession{srv: s, conn: c}, nil
}

type smtpSession struct {
	srv    *smtpServer
	conn   *smtpd.Conn
	authed bool
	msg    smtpMessage
}

func (ss *smtpSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (ss *smtpSession) Auth(mech string) (sasl.Server, error) {
	_, tlsOn := ss.conn.TLSConnectionState()
	ss.srv.mu.Lock()
	ss.srv.authTLS = append(ss.srv.authTLS, tlsOn)
	ss.srv.mu.Unlock()
	if !tlsOn {
		return nil, errors.New("STARTTLS first")
	}
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != smtpUser || pass != smtpPassword {
			return &smtpd.SMTPError{Code: 535, EnhancedCode: smtpd.EnhancedCode{5, 7, 8}, Message: "Authentication failed"}
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *smtpSession) Mail(from string, _ *smtpd.MailOptions) error {
	if !ss.authed {
		return &smtpd.SMTPError{Code: 530, EnhancedCode: smtpd.EnhancedCode{5, 7, 0}, Message: "Authentication required"}
	}
	ss.msg = smtpMessage{from: from}
	return nil
}

func (ss *smtpSession) Rcpt(to string, _ *smtpd.RcptOptions) error {
	ss.msg.to = append(ss.msg.to, to)
	return nil
}

func (ss *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ss.msg.data = b
	ss.srv.mu.Lock()
	ss.srv.msgs = append(ss.srv.msgs, ss.msg)
	ss.srv.mu.Unlock()
	return nil
}

func (ss *smtpSession) Reset()        {}
func (ss *smtpSession) Logout() error { return nil }

// parts returns the MIME parts of a message by content type (the
// attachment by "attachment:"+file name), walking nested multiparts.
func parts(t *testing.T, data []byte) (*mail.Message, map[string][]byte) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	var walk func(ct string, body io.Reader)
	walk = func(ct string, body io.Reader) {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil {
			t.Fatalf("content type %q: %v", ct, err)
		}
		if !strings.HasPrefix(mt, "multipart/") {
			b, _ := io.ReadAll(body)
			out[mt] = b
			return
		}
		out[mt] = nil
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if name := p.FileName(); name != "" {
				b, _ := io.ReadAll(p) // multipart.Part decodes quoted-printable; base64 is decoded below
				if p.Header.Get("Content-Transfer-Encoding") == "base64" {
					b = decodeBase64(t, b)
				}
				out["attachment:"+name] = b
				continue
			}
			walk(p.Header.Get("Content-Type"), p)
		}
	}
	walk(msg.Header.Get("Content-Type"), msg.Body)
	return msg, out
}

func TestMailBriefing(t *testing.T) {
	srv := startSMTP(t)
	t.Setenv("BRIEF_SMTP_URL", srv.url(smtpPassword))
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	out := filepath.Join(t.TempDir(), "briefing.pdf")
	code, stdout, stderr := runBrief(t, "", "-o", out, "--mail-to", "desk@example.org, chief@example.org",
		"--mail-from", "brief@example.org", "../../testdata/no-deal-on-syria.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !fileExists(out) {
		t.Error("the -o file was not written")
	}
	for _, s := range []string{stdout, stderr} {
		if strings.Contains(s, smtpPassword) {
			t.Errorf("the password was printed: %q", s)
		}
	}
	msgs := srv.messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages delivered, want 1", len(msgs))
	}
	m := msgs[0]
	if m.from != "brief@example.org" || strings.Join(m.to, ",") != "desk@example.org,chief@example.org" {
		t.Errorf("envelope from %q to %q", m.from, m.to)
	}
	for _, tlsOn := range srv.authTLS {
		if !tlsOn {
			t.Error("AUTH came before STARTTLS")
		}
	}
	msg, ps := parts(t, m.data)
	dec := new(mime.WordDecoder)
	subject, _ := dec.DecodeHeader(msg.Header.Get("Subject"))
	if subject != "No deal on Syria as Obama and Putin meet" {
		t.Errorf("subject %q", subject)
	}
	for _, h := range []string{"Date", "Message-Id", "From", "To"} {
		if msg.Header.Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
	if _, ok := ps["multipart/alternative"]; !ok {
		t.Errorf("no multipart/alternative part: %v", keys(ps))
	}
	if !bytes.Contains(ps["text/plain"], []byte("# No deal on Syria")) {
		t.Errorf("text/plain part is not the Markdown: %.200q", ps["text/plain"])
	}
	if !bytes.Contains(ps["text/html"], []byte("<h1>No deal on Syria as Obama and Putin meet</h1>")) {
		t.Errorf("text/html part is not the page: %.200q", ps["text/html"])
	}
	if pdf := ps["attachment:briefing-2023-11-14.pdf"]; !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("no PDF attachment briefing-2023-11-14.pdf: %v", keys(ps))
	}
}

func TestMailDigestAndFailures(t *testing.T) {
	srv := startSMTP(t)
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	inputs := []string{filepath.Join(digestDir, "strait-reopens-wire.txt"), filepath.Join(digestDir, "norland-grain-ban.txt")}

	t.Setenv("BRIEF_SMTP_URL", srv.url(smtpPassword))
	out := filepath.Join(dir, "digest.md")
	code, _, stderr := runBrief(t, "", append([]string{"digest", "-o", out, "--mail-to", "desk@example.org", "--mail-from", "brief@example.org"}, inputs...)...)
	if code != exitOK || len(srv.messages()) != 1 {
		t.Fatalf("digest: exit %d, %d messages; stderr %q", code, len(srv.messages()), stderr)
	}
	msg, ps := parts(t, srv.messages()[0].data)
	if s := msg.Header.Get("Subject"); s != "Digest 2023-11-14" {
		t.Errorf("subject %q, want Digest 2023-11-14", s)
	}
	if _, ok := ps["attachment:digest-2023-11-14.pdf"]; !ok {
		t.Errorf("no digest-2023-11-14.pdf: %v", keys(ps))
	}

	// A wrong password: the file is written, the run fails, nothing leaks.
	t.Setenv("BRIEF_SMTP_URL", srv.url("wrong-PASSWORD-123"))
	out = filepath.Join(dir, "briefing.md")
	code, stdout, stderr := runBrief(t, "", "-o", out, "--mail-to", "desk@example.org", "--mail-from", "brief@example.org", "-v", inputs[0])
	if code != exitFailure || !fileExists(out) || strings.Count(strings.TrimSpace(stderr), "\n") > 3 {
		t.Errorf("wrong password: exit %d, file written %t, stderr %q", code, fileExists(out), stderr)
	}
	if strings.Contains(stdout+stderr, "wrong-PASSWORD-123") {
		t.Errorf("the password was printed: %q", stderr)
	}
	if !strings.Contains(stderr, "e-mail was not sent") {
		t.Errorf("stderr does not say the mail failed: %q", stderr)
	}

	// The password from BRIEF_SMTP_PASSWORD instead of the URL.
	t.Setenv("BRIEF_SMTP_URL", "smtp://"+smtpUser+"@"+srv.addr)
	t.Setenv("BRIEF_SMTP_PASSWORD", smtpPassword)
	if code, _, stderr := runBrief(t, "", "-o", out, "--mail-to", "desk@example.org", "--mail-from", "brief@example.org", inputs[0]); code != exitOK {
		t.Errorf("BRIEF_SMTP_PASSWORD: exit %d, %q", code, stderr)
	}
}

func TestMailUsage(t *testing.T) {
	t.Setenv("BRIEF_SMTP_URL", "")
	t.Setenv("BRIEF_MAIL_FROM", "")
	for _, tt := range []struct {
		env  string
		args []string
		msg  string
	}{
		{"", []string{"--mail-to", "desk@example.org", "--mail-from", "b@example.org"}, "BRIEF_SMTP_URL"},
		{"smtp://u:p@127.0.0.1:1", []string{"--mail-to", "desk@example.org"}, "--mail-from"},
		{"smtp://u:p@127.0.0.1:1", []string{"--mail-to", "not an address", "--mail-from", "b@example.org"}, "--mail-to"},
		{"ftp://u:pw-LEAK@host", []string{"--mail-to", "desk@example.org", "--mail-from", "b@example.org"}, "BRIEF_SMTP_URL"},
		{"", []string{"--mail-subject", "Hi"}, "--mail-to"},
	} {
		t.Setenv("BRIEF_SMTP_URL", tt.env)
		code, _, stderr := runBrief(t, "", append(tt.args, article)...)
		if code != exitUsage || !strings.Contains(stderr, tt.msg) || strings.Contains(stderr, "pw-LEAK") {
			t.Errorf("%q: exit %d, stderr %q; want a usage error naming %s", tt.args, code, stderr, tt.msg)
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func decodeBase64(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(b)), ""))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
