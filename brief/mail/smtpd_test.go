package mail

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	smtpd "github.com/emersion/go-smtp"
	gosmtp "github.com/wneessen/go-mail/smtp"
)

// Account of the test servers.
const (
	testUser     = "brief"
	testPassword = "Tr0ub4dor&3-horse"
)

// serverConfig says how a test server behaves.
type serverConfig struct {
	implicitTLS bool     // smtps: TLS from the first byte
	noTLS       bool     // offer no STARTTLS (and then take AUTH in plain text)
	noAuth      bool     // take mail without AUTH
	mechs       []string // AUTH mechanisms offered; default PLAIN
	// hook, when set, runs at MAIL, RCPT and DATA (after the data is
	// read) with the number of earlier calls of that command on this
	// server; a non-nil error is the reply. It may close the connection.
	hook func(cmd string, n int, c *smtpd.Conn) error
}

// received is a message the test server took.
type received struct {
	from string
	to   []string
	data []byte
}

// authRecord is one AUTH command the server saw.
type authRecord struct {
	mech string
	tls  bool // the session was under TLS when AUTH came
	ok   bool
}

// testServer is an emersion/go-smtp server on 127.0.0.1 with a
// certificate made for the test, recording what it receives.
type testServer struct {
	cfg  serverConfig
	port int
	pool *x509.CertPool // trusts the server's certificate

	mu    sync.Mutex
	msgs  []received
	auths []authRecord
	calls map[string]int
}

// startServer starts a test server that lives as long as the test.
func startServer(t *testing.T, cfg serverConfig) *testServer {
	t.Helper()
	cert, pool := newTestCert(t)
	ts := &testServer{cfg: cfg, pool: pool, calls: make(map[string]int)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.port = ln.Addr().(*net.TCPAddr).Port
	tlsConfig := &tls.Config{Certificates: []tls.Certificate{cert}}

	srv := smtpd.NewServer(ts)
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true // advertise AUTH before STARTTLS too: the session itself refuses it
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	srv.ErrorLog = log.New(io.Discard, "", 0)
	switch {
	case cfg.implicitTLS:
		ln = tls.NewListener(ln, tlsConfig)
	case !cfg.noTLS:
		srv.TLSConfig = tlsConfig
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	t.Cleanup(func() {
		_ = srv.Close()
		<-done
	})
	return ts
}

// url gives the server's URL with the test user and scheme and host.
func (ts *testServer) url(scheme, host string) string {
	return fmt.Sprintf("%s://%s@%s", scheme, testUser, net.JoinHostPort(host, fmt.Sprint(ts.port)))
}

func (ts *testServer) messages() []received {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]received(nil), ts.msgs...)
}

func (ts *testServer) authLog() []authRecord {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]authRecord(nil), ts.auths...)
}

func (ts *testServer) callCount(cmd string) int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.calls[cmd]
}

// call counts cmd and runs the hook.
func (ts *testServer) call(cmd string, c *smtpd.Conn) error {
	ts.mu.Lock()
	n := ts.calls[cmd]
	ts.calls[cmd]++
	ts.mu.Unlock()
	if ts.cfg.hook == nil {
		return nil
	}
	return ts.cfg.hook(cmd, n, c)
}

// NewSession implements smtpd.Backend.
func (ts *testServer) NewSession(c *smtpd.Conn) (smtpd.Session, error) {
	return &session{ts: ts, conn: c}, nil
}

// session is one SMTP connection to the test server.
type session struct {
	ts     *testServer
	conn   *smtpd.Conn
	authed bool
	from   string
	to     []string
}

func (s *session) AuthMechanisms() []string {
	if s.ts.cfg.noAuth {
		return nil
	}
	if s.ts.cfg.mechs != nil {
		return s.ts.cfg.mechs
	}
	return []string{sasl.Plain}
}

func (s *session) Auth(mech string) (sasl.Server, error) {
	_, underTLS := s.conn.TLSConnectionState()
	check := func(user, pass string) error {
		ok := user == testUser && pass == testPassword
		s.ts.mu.Lock()
		s.ts.auths = append(s.ts.auths, authRecord{mech: mech, tls: underTLS, ok: ok})
		s.ts.mu.Unlock()
		if !ok {
			return smtpd.ErrAuthFailed
		}
		s.authed = true
		return nil
	}
	if !underTLS && !s.ts.cfg.noTLS {
		s.ts.mu.Lock()
		s.ts.auths = append(s.ts.auths, authRecord{mech: mech})
		s.ts.mu.Unlock()
		return nil, &smtpd.SMTPError{Code: 538, EnhancedCode: smtpd.EnhancedCode{5, 7, 11}, Message: "Encryption required"}
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	}
	return nil, smtpd.ErrAuthUnknownMechanism
}

func (s *session) Mail(from string, _ *smtpd.MailOptions) error {
	if !s.authed && !s.ts.cfg.noAuth {
		return smtpd.ErrAuthRequired
	}
	if err := s.ts.call("MAIL", s.conn); err != nil {
		return err
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtpd.RcptOptions) error {
	if err := s.ts.call("RCPT", s.conn); err != nil {
		return err
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := s.ts.call("DATA", s.conn); err != nil {
		if errors.Is(err, errTakeAndDrop) {
			s.ts.record(received{from: s.from, to: s.to, data: data})
			_ = s.conn.Close()
		}
		return err
	}
	s.ts.record(received{from: s.from, to: s.to, data: data})
	return nil
}

// errTakeAndDrop, returned by a DATA hook, makes the server keep the
// message and then drop the connection without replying.
var errTakeAndDrop = errors.New("take the message, then drop the connection")

func (ts *testServer) record(m received) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.msgs = append(ts.msgs, m)
}

func (s *session) Reset() {
	s.from = ""
	s.to = nil
}

func (s *session) Logout() error { return nil }

// loginServer is the server side of AUTH LOGIN, which go-sasl lacks.
type loginServer struct {
	check func(user, pass string) error
	user  string
	step  int
}

func (l *loginServer) Next(response []byte) ([]byte, bool, error) {
	l.step++
	switch l.step {
	case 1:
		if response != nil {
			l.user = string(response)
			l.step++
			return []byte("Password:"), false, nil
		}
		return []byte("Username:"), false, nil
	case 2:
		l.user = string(response)
		return []byte("Password:"), false, nil
	case 3:
		return nil, true, l.check(l.user, string(response))
	}
	return nil, false, errors.New("unexpected LOGIN step")
}

// newTestCert makes a self-signed certificate for 127.0.0.1, ::1 and
// localhost, and a pool that trusts it.
func newTestCert(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(now.UnixNano()),
		Subject:               pkix.Name{CommonName: "brief mail test"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// rawServer is a TCP listener on 127.0.0.1 that hands every connection
// to handle, for servers that misbehave below the SMTP level.
type rawServer struct {
	addr  string
	mu    sync.Mutex
	conns int
}

func startRawServer(t *testing.T, handle func(net.Conn)) *rawServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rs := &rawServer{addr: ln.Addr().String()}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			rs.mu.Lock()
			rs.conns++
			rs.mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				handle(c)
			}()
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		wg.Wait()
	})
	return rs
}

func (rs *rawServer) connCount() int {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.conns
}

// dialTo returns a dial function that connects to addr whatever address
// it is asked for, so that a local server can stand for a remote host.
func dialTo(addr string) func(ctx context.Context, network, address string) (net.Conn, error) {
	return func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
}

// sleepRecorder stands in for Sender.Sleep: it records the waits and
// returns at once.
type sleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (r *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.waits = append(r.waits, d)
	r.mu.Unlock()
	return ctx.Err()
}

func (r *sleepRecorder) recorded() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Duration(nil), r.waits...)
}

// checkSendError fails the test unless err is set, is one lower-case
// line, holds every one of wants and does not hold the password.
func checkSendError(t *testing.T, err error, wants ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("Send succeeded; want an error")
	}
	msg := err.Error()
	if strings.Contains(msg, testPassword) {
		t.Errorf("error contains the password: %s", msg)
	}
	if strings.ContainsAny(msg, "\r\n") {
		t.Errorf("error is not one line: %q", msg)
	}
	if !strings.HasPrefix(msg, "sending mail via ") {
		t.Errorf("error %q does not start with %q", msg, "sending mail via ")
	}
	for _, w := range wants {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q does not contain %q", msg, w)
		}
	}
}

// TestServerRejectsAuthBeforeTLS checks the helper itself: it refuses
// AUTH on a connection that has not done STARTTLS, and records it, so
// that the AUTH log in the other tests means something.
func TestServerRejectsAuthBeforeTLS(t *testing.T) {
	ts := startServer(t, serverConfig{})
	c, err := gosmtp.Dial(net.JoinHostPort("127.0.0.1", fmt.Sprint(ts.port)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Hello("test"); err != nil {
		t.Fatal(err)
	}
	err = c.Auth(gosmtp.PlainAuth("", testUser, testPassword, "127.0.0.1", true))
	if err == nil || !strings.Contains(err.Error(), "538") {
		t.Errorf("AUTH before STARTTLS: %v, want a 538 reply", err)
	}
	if a := ts.authLog(); len(a) != 1 || a[0].tls || a[0].ok {
		t.Errorf("AUTH log %+v, want one refused attempt without TLS", a)
	}
}
