package mail

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseServer(t *testing.T) {
	tests := []struct {
		url, password string
		want          Server // with password
		str           string // String()
	}{
		{"smtp://brief:s3cret@mail.example.org:587", "",
			Server{Scheme: "smtp", Host: "mail.example.org", Port: 587, Username: "brief", password: "s3cret"},
			"smtp://brief@mail.example.org:587"},
		{"smtp://brief:s3cret@mail.example.org", "",
			Server{Scheme: "smtp", Host: "mail.example.org", Port: 587, Username: "brief", password: "s3cret"},
			"smtp://brief@mail.example.org:587"},
		{"smtps://brief:s3cret@mail.example.org", "",
			Server{Scheme: "smtps", Host: "mail.example.org", Port: 465, Username: "brief", password: "s3cret"},
			"smtps://brief@mail.example.org:465"},
		{"SMTPS://brief@mail.example.org:2465/", "from-env",
			Server{Scheme: "smtps", Host: "mail.example.org", Port: 2465, Username: "brief", password: "from-env"},
			"smtps://brief@mail.example.org:2465"},
		{"smtp://brief:in-url@mail.example.org", "from-env",
			Server{Scheme: "smtp", Host: "mail.example.org", Port: 587, Username: "brief", password: "from-env"},
			"smtp://brief@mail.example.org:587"},
		{"smtp://mail.example.org:25", "",
			Server{Scheme: "smtp", Host: "mail.example.org", Port: 25},
			"smtp://mail.example.org:25"},
		{"smtp://me%40example.org:p%40ss%3Aw%2Frd@[::1]:1587", "",
			Server{Scheme: "smtp", Host: "::1", Port: 1587, Username: "me@example.org", password: "p@ss:w/rd"},
			"smtp://me%40example.org@[::1]:1587"},
		// An unencoded "@" or "/" in the password still finds the host.
		{"smtp://me@example.org:p@ss/w@rd@127.0.0.1:2525", "",
			Server{Scheme: "smtp", Host: "127.0.0.1", Port: 2525, Username: "me@example.org", password: "p@ss/w@rd"},
			"smtp://me%40example.org@127.0.0.1:2525"},
		{"  smtp://brief:@localhost  ", "",
			Server{Scheme: "smtp", Host: "localhost", Port: 587, Username: "brief"},
			"smtp://brief@localhost:587"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got, err := ParseServer(tt.url, tt.password)
			if err != nil {
				t.Fatalf("ParseServer: %v", err)
			}
			if *got != tt.want {
				t.Errorf("got %+v (password %q), want %+v (password %q)", *got, got.password, tt.want, tt.want.password)
			}
			if s := got.String(); s != tt.str {
				t.Errorf("String() = %q, want %q", s, tt.str)
			}
		})
	}
}

func TestParseServerErrors(t *testing.T) {
	const secret = "Sup3r-s3cret"
	tests := []struct{ url, password, want string }{
		{"", "", "want smtp://user@host:587"},
		{"mail.example.org:587", "", "want smtp://user@host:587"},
		{"brief:" + secret + "@mail.example.org", "", "want smtp://user@host:587"},
		{"http://brief:" + secret + "@mail.example.org", "", `unsupported scheme "http"`},
		{"smtp://brief:" + secret + "@", "", "missing host"},
		{"smtp://brief:" + secret + "@:587", "", "missing host"},
		{"smtp://brief@:587", secret, "missing host"},
		{"smtp://brief:" + secret + "@mail.example.org:0", "", "bad port"},
		{"smtp://brief:" + secret + "@mail.example.org:65536", "", "bad port"},
		{"smtp://brief:" + secret + "@mail.example.org:smtp", "", `bad port after host "mail.example.org"`},
		{"smtp://brief:" + secret + "@mail.example.org:-1", "", "bad port"},
		{"smtp://brief:" + secret + "@mail.example.org:+25", "", "bad port"},
		{"smtp://brief:" + secret + "@[::1", "", "bad IP address in [brackets]"},
		{"smtp://brief:" + secret + "@[mail.example.org]", "", "bad IP address in [brackets]"},
		{"smtp://brief:" + secret + "@[::1]587", "", "unexpected text after the [IP address]"},
		{"smtp://brief:" + secret + "@::1", "", "needs [brackets]"},
		{"smtp://brief:" + secret + "@mail.example.org/inbox", "", "unexpected path"},
		{"smtp://brief:" + secret + "@mail.example.org?tls=no", "", "unexpected path"},
		{"smtp://brief:" + secret + "%zz@mail.example.org", "", "bad percent-encoding in the password"},
		{"smtp://br%Gief:" + secret + "@mail.example.org", "", "bad percent-encoding in the user name"},
		{"smtp://:" + secret + "@mail.example.org", "", "a password is given but no user name"},
		{"smtp://mail.example.org", secret, "a password is given but no user name"},
		{"smtp://brief:" + secret + "@mail example.org", "", "bad character ' ' in the host"},
		// Without "@", user:password reads as host and port.
		{"smtp://brief:" + secret + ":587", "", `is the "@" after the password missing?`},
		{"smtp://brief:" + secret, "", `bad port after host "brief"`},
		{"smtp://brief:" + secret + "/", "", `bad port after host "brief"`},
		{"smtp://brief:s3cret123456", "", "bad port"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			srv, err := ParseServer(tt.url, tt.password)
			if err == nil {
				t.Fatalf("ParseServer = %v, want an error", srv)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "s3cret") {
				t.Errorf("error %q contains the password", err)
			}
		})
	}
}

func TestServerFormattingHidesPassword(t *testing.T) {
	srv, err := ParseServer("smtps://brief:Sup3r-s3cret@mail.example.org", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		for _, v := range []any{srv, *srv} {
			got := fmt.Sprintf(verb, v)
			if strings.Contains(got, "s3cret") {
				t.Errorf("Sprintf(%q) = %q shows the password", verb, got)
			}
			if !strings.Contains(got, "smtps://brief@mail.example.org:465") {
				t.Errorf("Sprintf(%q) = %q", verb, got)
			}
		}
	}
}

func TestParseAddresses(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"none", nil, nil},
		{"one", []string{"ana@example.net"}, []string{"ana@example.net"}},
		{"repeated flags", []string{"ana@example.net", "bo@example.com"}, []string{"ana@example.net", "bo@example.com"}},
		{"comma-separated", []string{"ana@example.net, bo@example.com,cy@example.org"},
			[]string{"ana@example.net", "bo@example.com", "cy@example.org"}},
		{"mixed, trailing comma, blanks", []string{" ana@example.net ,", "", "bo@example.com, , "},
			[]string{"ana@example.net", "bo@example.com"}},
		{"display names", []string{`Ana Ruiz <ana@example.net>, "Ek, Bo" <bo@example.com>`},
			[]string{`"Ana Ruiz" <ana@example.net>`, `"Ek, Bo" <bo@example.com>`}},
		{"angle brackets only", []string{"<ana@example.net>"}, []string{"ana@example.net"}},
		{"comment with comma", []string{"ana@example.net (Ana, desk), bo@example.com"},
			[]string{`"Ana, desk" <ana@example.net>`, "bo@example.com"}},
		{"duplicates dropped", []string{"ana@example.net", "ANA@example.net, Ana <ana@example.net>"},
			[]string{"ana@example.net"}},
		{"unicode name", []string{"Zoë <zoe@example.org>"}, []string{"=?utf-8?q?Zo=C3=AB?= <zoe@example.org>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAddresses(tt.in)
			if err != nil {
				t.Fatalf("ParseAddresses: %v", err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseAddressesErrors(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"ana@example.net, bo"}, `invalid e-mail address "bo"`},
		{[]string{"ana@example.net", "bo@example.com; cy@example.org"}, `invalid e-mail address "bo@example.com; cy@example.org"`},
		{[]string{"Ana <ana@example.net"}, "unbalanced"},
		{[]string{`"Ana <ana@example.net>`}, "unbalanced"},
		{[]string{"ana@"}, `invalid e-mail address "ana@"`},
		{[]string{"@example.net"}, `invalid e-mail address "@example.net"`},
		{[]string{"ana at example.net"}, `invalid e-mail address "ana at example.net"`},
	}
	for _, tt := range tests {
		got, err := ParseAddresses(tt.in)
		if err == nil {
			t.Errorf("ParseAddresses(%q) = %q, want an error", tt.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseAddresses(%q) error %q does not contain %q", tt.in, err, tt.want)
		}
	}
}
