package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"

	gosmtp "github.com/wneessen/go-mail/smtp"
)

// Defaults that [NewSender] sets.
const (
	DefaultTimeout = time.Minute // per attempt, from connecting to the server's last reply
	DefaultRetries = 3           // attempts after the first, 1s, 2s and 4s apart
)

// maxBackoff caps the wait between attempts.
const maxBackoff = time.Minute

// Sender submits messages to one SMTP server, following the package's
// security policy. Its fields must not change while Send runs.
type Sender struct {
	// Server is the server to submit to.
	Server *Server
	// RootCAs, when not nil, replaces the system trust store for checking
	// the server's certificate.
	RootCAs *x509.CertPool
	// Timeout bounds each attempt; zero or less means DefaultTimeout.
	Timeout time.Duration
	// Retries is how many times a transient failure is tried again; zero
	// means one attempt only.
	Retries int
	// Sleep waits d before the next attempt, returning early with ctx's
	// error when ctx ends. Nil means a timer; tests put a recorder here.
	Sleep func(ctx context.Context, d time.Duration) error
	// Log, when not nil, receives one line per step (connecting, TLS,
	// login, acceptance, retries), for brief -v. It never sees the password.
	Log io.Writer

	// dial opens the TCP connection; nil means a net.Dialer. Tests use it
	// to reach a local server under another host name.
	dial func(ctx context.Context, network, address string) (net.Conn, error)
}

// NewSender returns a Sender for srv with DefaultTimeout and DefaultRetries.
func NewSender(srv *Server) *Sender {
	return &Sender{Server: srv, Timeout: DefaultTimeout, Retries: DefaultRetries}
}

// Send submits m, trying again after transient failures (4xx replies,
// connections lost before the whole message is sent, timeouts) with
// exponential backoff: 1s, 2s, 4s, ... It does not try again after
// permanent failures (5xx replies, refused login, TLS or policy errors),
// nor when the connection fails after the message's final dot went out
// and before the server's reply came: the server may have taken the
// message, and it must not be delivered twice. Every attempt sends the
// same bytes, Message-ID included. The error, on one line, names the
// server without password and the step that failed, and wraps the cause;
// cancelling ctx ends Send promptly, also while it waits to try again.
func (s *Sender) Send(ctx context.Context, m *Message) error {
	if s.Server == nil {
		return errors.New("sending mail: no SMTP server configured")
	}
	where := s.Server.String()
	if s.Server.Scheme != "smtp" && s.Server.Scheme != "smtps" {
		return fmt.Errorf("sending mail via %s: unsupported scheme %q (want smtp or smtps)", where, s.Server.Scheme)
	}
	data, env, err := m.render(time.Now())
	if err != nil {
		return s.clean(fmt.Errorf("sending mail via %s: %w", where, err))
	}
	for attempt := 1; ; attempt++ {
		err := s.attempt(ctx, env, data, attempt)
		if err == nil {
			return nil
		}
		var se *stepError
		retry := errors.As(err, &se) && se.retry
		if !retry || attempt > s.Retries || ctx.Err() != nil {
			if attempt > 1 {
				return s.clean(fmt.Errorf("sending mail via %s: giving up after %d attempts: %w", where, attempt, err))
			}
			return s.clean(fmt.Errorf("sending mail via %s: %w", where, err))
		}
		wait := backoff(attempt)
		s.logf("attempt %d failed: %v; trying again in %s", attempt, err, wait)
		sleep := s.Sleep
		if sleep == nil {
			sleep = sleepCtx
		}
		if serr := sleep(ctx, wait); serr != nil || ctx.Err() != nil {
			if serr == nil {
				serr = ctx.Err()
			}
			return s.clean(fmt.Errorf("sending mail via %s: %w while waiting to try again after: %w", where, serr, err))
		}
	}
}

// backoff is the wait after the given failed attempt (counted from 1).
func backoff(attempt int) time.Duration {
	if attempt > 6 {
		return maxBackoff
	}
	return min(time.Second<<(attempt-1), maxBackoff)
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// attempt makes one connection and tries to submit the message over it.
// Its errors are *stepError.
func (s *Sender) attempt(ctx context.Context, env envelope, data []byte, n int) error {
	srv := s.Server
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	fail := func(op string, err error) error { return classify(ctx, actx, timeout, op, err) }

	s.logf("connecting to %s (attempt %d of %d)", srv, n, max(s.Retries, 0)+1)
	dial := s.dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	conn, err := dial(actx, "tcp", srv.addr())
	if err != nil {
		return fail("connecting", err)
	}
	defer conn.Close()
	// The deadline bounds every read and write; the AfterFunc ends them
	// at once when ctx is cancelled.
	if d, ok := actx.Deadline(); ok {
		_ = conn.SetDeadline(d)
	}
	stop := context.AfterFunc(actx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	loopback := isLoopbackName(srv.Host) && isLoopbackAddr(conn.RemoteAddr())

	if srv.Scheme == "smtps" {
		tc := tls.Client(conn, s.tlsConfig())
		if err := tc.HandshakeContext(actx); err != nil {
			return fail("TLS handshake", err)
		}
		conn = tc
		s.logf("TLS established (%s)", tls.VersionName(tc.ConnectionState().Version))
	}

	c, err := gosmtp.NewClient(conn, srv.Host)
	if err != nil {
		return fail("waiting for the server's greeting", err)
	}
	if err := c.Hello(helloName()); err != nil {
		return fail("EHLO", err)
	}

	if srv.Scheme != "smtps" { // Send has checked it is "smtp"
		offered, _ := c.Extension("STARTTLS")
		useTLS, err := startTLSPolicy(offered, loopback)
		if err != nil {
			return &stepError{op: "STARTTLS", err: err}
		}
		if useTLS {
			if err := c.StartTLS(s.tlsConfig()); err != nil {
				return fail("STARTTLS", err)
			}
			state, _ := c.TLSConnectionState()
			s.logf("STARTTLS done (%s)", tls.VersionName(state.Version))
		} else {
			s.logf("the loopback server offers no STARTTLS: going on unencrypted")
		}
	}
	state, ok := c.TLSConnectionState()
	encrypted := ok && state.HandshakeComplete

	if srv.Username != "" {
		if err := authPolicy(encrypted, loopback); err != nil {
			return &stepError{op: "AUTH", err: err}
		}
		a, err := pickAuth(c, srv, loopback)
		if err != nil {
			return &stepError{op: "AUTH", err: err}
		}
		if err := c.Auth(a); err != nil {
			return fail("authentication failed", err)
		}
		s.logf("logged in as %s", srv.Username)
	}

	c.SkipSMTPUTF8(env.ascii())
	if err := c.Mail(env.from); err != nil {
		return fail("MAIL FROM:<"+env.from+">", err)
	}
	for _, rcpt := range env.to {
		if err := c.Rcpt(rcpt); err != nil {
			return fail("RCPT TO:<"+rcpt+">", err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return fail("DATA", err)
	}
	// Until the final dot has gone out the server must not deliver
	// anything, so a broken connection here is safe to try again.
	if _, err := w.Write(data); err != nil {
		return fail("sending the message", err)
	}
	// Close sends the final dot and reads the reply. A reply is definite;
	// a lost connection leaves it open whether the server took the
	// message, and trying again could deliver it twice.
	if err := w.Close(); err != nil {
		var tpe *textproto.Error
		if errors.As(err, &tpe) {
			return fail("message refused", err)
		}
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return &stepError{op: "waiting for the server to accept the message", err: fmt.Errorf(
			"no reply (%w), so the message may or may not have been delivered; it is not sent again", err)}
	}
	reply := ""
	if dc, ok := w.(*gosmtp.DataCloser); ok {
		reply = dc.ServerResponse()
	}
	s.logf("message accepted: %s", reply)
	if err := c.Quit(); err != nil {
		s.logf("QUIT after delivery failed (ignored): %v", err)
	}
	return nil
}

// tlsConfig is the TLS configuration for the server: certificates are
// verified against RootCAs or the system trust store.
func (s *Sender) tlsConfig() *tls.Config {
	return &tls.Config{ServerName: s.Server.Host, RootCAs: s.RootCAs, MinVersion: tls.VersionTLS12}
}

// logf writes one line to s.Log, if set.
func (s *Sender) logf(format string, args ...any) {
	if s.Log != nil {
		fmt.Fprintf(s.Log, "%s\n", s.scrub(fmt.Sprintf(format, args...)))
	}
}

// startTLSPolicy decides, after EHLO on an smtp:// connection, whether to
// run STARTTLS: always when the server offers it; when it does not, the
// connection may stay plain only if it goes to loopback, and otherwise
// the error stops the attempt before anything else is sent.
func startTLSPolicy(offered, loopback bool) (useTLS bool, err error) {
	switch {
	case offered:
		return true, nil
	case loopback:
		return false, nil
	default:
		return false, errors.New("the server does not offer STARTTLS, which smtp:// requires (use smtps:// for implicit TLS)")
	}
}

// isLoopbackName reports whether host names the local machine: "localhost"
// or an address in 127.0.0.0/8 or ::1.
func isLoopbackName(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// isLoopbackAddr reports whether a connection's remote address is a
// loopback address.
func isLoopbackAddr(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// authPolicy allows sending credentials only over TLS or to loopback.
func authPolicy(encrypted, loopback bool) error {
	if encrypted || loopback {
		return nil
	}
	return errors.New("refusing to send credentials over an unencrypted connection")
}

// pickAuth chooses PLAIN, or LOGIN when the server offers only that.
// go-mail's own check (TLS, or a host named localhost, 127.0.0.1 or ::1)
// is kept for the non-loopback case on top of authPolicy.
func pickAuth(c *gosmtp.Client, srv *Server, loopback bool) (gosmtp.Auth, error) {
	ok, list := c.Extension("AUTH")
	if !ok {
		return nil, errors.New("the server does not offer AUTH, but the URL has a user name")
	}
	mechs := strings.Fields(strings.ToUpper(list))
	switch {
	case slices.Contains(mechs, "PLAIN"):
		return gosmtp.PlainAuth("", srv.Username, srv.password, srv.Host, loopback), nil
	case slices.Contains(mechs, "LOGIN"):
		return gosmtp.LoginAuth(srv.Username, srv.password, srv.Host, loopback), nil
	}
	return nil, fmt.Errorf("the server offers AUTH %s, but only PLAIN and LOGIN are supported", strings.Join(mechs, " "))
}

// helloName is the name the client gives in EHLO.
func helloName() string {
	name, err := os.Hostname()
	if err != nil || name == "" || strings.ContainsAny(name, " \t\r\n") {
		return "localhost"
	}
	return name
}

// stepError is an attempt's failure: the step, the cause, and whether a
// new attempt may succeed and cannot deliver the message twice.
type stepError struct {
	op    string
	err   error
	retry bool
}

func (e *stepError) Error() string { return e.op + ": " + e.err.Error() }
func (e *stepError) Unwrap() error { return e.err }

// classify turns the failure of step op into a *stepError, deciding
// whether it is transient. ctx is Send's context, actx the attempt's.
func classify(ctx, actx context.Context, timeout time.Duration, op string, err error) error {
	var (
		tpe *textproto.Error
		dns *net.DNSError
		ope *net.OpError
	)
	switch {
	case ctx.Err() != nil:
		return &stepError{op: op, err: ctx.Err()}
	case actx.Err() != nil || errors.Is(err, os.ErrDeadlineExceeded):
		return &stepError{op: op, err: fmt.Errorf("timed out (limit %s per attempt): %w", timeout, err), retry: true}
	case errors.As(err, &tpe):
		return &stepError{op: op, err: &replyError{reply: tpe, err: err}, retry: tpe.Code/100 == 4}
	case isCertError(err):
		return &stepError{op: op, err: fmt.Errorf("server certificate not trusted: %w", err)}
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return &stepError{op: op, err: fmt.Errorf("unknown host: %w", err)}
		}
		return &stepError{op: op, err: err, retry: true}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return &stepError{op: op, err: fmt.Errorf("connection closed by the server: %w", err), retry: true}
	case errors.As(err, &ope):
		return &stepError{op: op, err: err, retry: true} // refused, unreachable
	}
	return &stepError{op: op, err: err}
}

// replyError is an SMTP error reply, shown as the server wrote it (code
// and text, the text on one line) rather than as textproto quotes it.
type replyError struct {
	reply *textproto.Error
	err   error // the error that holds reply
}

func (e *replyError) Error() string {
	text := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ReplaceAll(e.reply.Msg, "\n", "; "))
	return fmt.Sprintf("%03d %s", e.reply.Code, text)
}

func (e *replyError) Unwrap() error { return e.err }

// isCertError reports whether err is a failed certificate check.
func isCertError(err error) bool {
	var (
		cve *tls.CertificateVerificationError
		uae x509.UnknownAuthorityError
		hne x509.HostnameError
		cie x509.CertificateInvalidError
	)
	return errors.As(err, &cve) || errors.As(err, &uae) || errors.As(err, &hne) || errors.As(err, &cie)
}

// sendError is what Send returns: the text on one line without the
// password, the cause still reachable through errors.Is and errors.As.
type sendError struct {
	msg string
	err error
}

func (e *sendError) Error() string { return e.msg }
func (e *sendError) Unwrap() error { return e.err }

// clean wraps err into a sendError.
func (s *Sender) clean(err error) error {
	return &sendError{msg: s.scrub(err.Error()), err: err}
}

// scrub puts text on one line and removes the password from it, should a
// server or a library have echoed it.
func (s *Sender) scrub(text string) string {
	text = strings.NewReplacer("\r\n", "; ", "\n", "; ", "\r", "; ").Replace(text)
	if s.Server != nil && s.Server.password != "" {
		text = strings.ReplaceAll(text, s.Server.password, "[password]")
	}
	return text
}
