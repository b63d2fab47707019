package mail

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Default ports of the two schemes ParseServer accepts.
const (
	submissionPort = 587 // smtp://: message submission with STARTTLS
	smtpsPort      = 465 // smtps://: message submission over implicit TLS
)

// Server is an SMTP server to submit mail to, with the account to log in
// as. Make one with [ParseServer]; its password cannot be read back.
type Server struct {
	// Scheme is "smtp" (STARTTLS) or "smtps" (implicit TLS).
	Scheme string
	// Host is the server's host name or IP address, without brackets.
	Host string
	// Port is the server's TCP port.
	Port int
	// Username is the account for SMTP AUTH; empty means no AUTH.
	Username string

	password string
}

// ParseServer parses an SMTP server URL such as the value of
// BRIEF_SMTP_URL: smtp://user:password@host:587 (STARTTLS) or
// smtps://user:password@host:465 (implicit TLS). The port defaults to 587
// or 465. User name and password are percent-decoded. A non-empty
// password argument (BRIEF_SMTP_PASSWORD) replaces the one in the URL.
// Without a user name the server is used without AUTH, and a password is
// then an error. Errors never quote the password.
func ParseServer(rawURL, password string) (*Server, error) {
	raw := strings.TrimSpace(rawURL)
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return nil, errors.New("invalid SMTP server URL: want smtp://user@host:587 or smtps://user@host:465")
	}
	s := &Server{Scheme: strings.ToLower(scheme)}
	switch s.Scheme {
	case "smtp", "smtps":
	default:
		return nil, fmt.Errorf("invalid SMTP server URL: unsupported scheme %q (want smtp or smtps)", scheme)
	}

	// Split off the user information by hand, at the last "@", so that
	// nothing of it can end up in an error from net/url and so that an
	// unencoded "@" or "/" in a password does not move the host.
	hostport := rest
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		user, pass, hasPass := strings.Cut(rest[:at], ":")
		hostport = rest[at+1:]
		var err error
		if s.Username, err = url.PathUnescape(user); err != nil {
			return nil, errors.New("invalid SMTP server URL: bad percent-encoding in the user name")
		}
		if hasPass {
			if s.password, err = url.PathUnescape(pass); err != nil {
				return nil, errors.New("invalid SMTP server URL: bad percent-encoding in the password")
			}
		}
	}
	if password != "" {
		s.password = password
	}
	if s.Username == "" && s.password != "" {
		return nil, errors.New("invalid SMTP server URL: a password is given but no user name")
	}

	hostport = strings.TrimSuffix(hostport, "/")
	if strings.ContainsAny(hostport, "/?#") {
		return nil, errors.New("invalid SMTP server URL: unexpected path, query or fragment after the host")
	}
	// Nothing after the user information is quoted in errors but a host
	// that passed its checks: without an "@", "user:password" would read
	// as host and port.
	host, port, err := splitHostPort(hostport)
	if err != nil {
		return nil, fmt.Errorf("invalid SMTP server URL: %w", err)
	}
	s.Host = host
	s.Port = submissionPort
	if s.Scheme == "smtps" {
		s.Port = smtpsPort
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || strings.TrimLeft(port, "0123456789") != "" {
			return nil, fmt.Errorf("invalid SMTP server URL: bad port after host %q (want a number from 1 to 65535)", host)
		}
		s.Port = n
	}
	return s, nil
}

// splitHostPort splits "host", "host:port", "[ipv6]" or "[ipv6]:port"
// and checks the host.
func splitHostPort(hostport string) (host, port string, err error) {
	if rest, ok := strings.CutPrefix(hostport, "["); ok {
		inside, after, ok := strings.Cut(rest, "]")
		if !ok || net.ParseIP(inside) == nil {
			return "", "", errors.New("bad IP address in [brackets]")
		}
		if after != "" {
			if port, ok = strings.CutPrefix(after, ":"); !ok {
				return "", "", errors.New("unexpected text after the [IP address]")
			}
		}
		return inside, port, nil
	}
	if strings.Count(hostport, ":") > 1 {
		return "", "", errors.New(`bad host or port (an IPv6 address needs [brackets]; is the "@" after the password missing?)`)
	}
	host, port, _ = strings.Cut(hostport, ":")
	if host == "" {
		return "", "", errors.New("missing host")
	}
	for _, r := range host {
		if r < 0x80 && r != '-' && r != '.' && r != '_' &&
			(r < '0' || r > '9') && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return "", "", fmt.Errorf("bad character %q in the host", r)
		}
	}
	return host, port, nil
}

// String gives the server as a URL without the password, such as
// smtp://user@host:587, for messages and logs.
func (s Server) String() string {
	u := url.URL{Scheme: s.Scheme, Host: s.addr()}
	if s.Username != "" {
		u.User = url.User(s.Username)
	}
	return u.String()
}

// GoString is like String, so that %#v does not print the password either.
func (s Server) GoString() string {
	return fmt.Sprintf("mail.Server(%s)", s.String())
}

// addr is the server's host:port for dialing.
func (s *Server) addr() string {
	return net.JoinHostPort(s.Host, strconv.Itoa(s.Port))
}
