// Package mail e-mails a briefing: it builds one MIME message and submits
// it to an SMTP server, so that a cron job can run brief and have the
// result delivered without a local mail system.
//
// The server comes from a URL ([ParseServer]): smtp://user@host:587 for
// submission with STARTTLS, or smtps://user@host:465 for implicit TLS.
// A [Sender] submits a [Message] with bounded retries: replies in the 4xx
// range, timeouts and connections that break before the whole message is
// sent are tried again after 1s, 2s, 4s, ...; 5xx replies, refused logins
// and TLS failures are not. When the connection breaks after the final
// dot of the message went out, the server may have taken it, so Send
// reports the failure and does not send it again: a message is never
// delivered twice.
//
// # Security policy
//
//   - Server certificates are always verified, against the system trust
//     store (which honours SSL_CERT_FILE and SSL_CERT_DIR) unless
//     [Sender.RootCAs] says otherwise. There is no switch to skip the check.
//   - smtps:// speaks TLS from the first byte.
//   - smtp:// requires STARTTLS: if the server does not offer it, Send gives
//     up before sending anything else. The one exception is a server on a
//     loopback address (127.0.0.0/8, ::1 or "localhost" that resolves to
//     one of these): STARTTLS is still used when offered, and a plain
//     connection is accepted when it is not.
//   - Credentials are sent only over TLS, or in plain text to loopback,
//     and only after STARTTLS has completed when STARTTLS is used. A URL
//     without a user name means no AUTH at all.
//   - The password never appears in an error message, in [Server.String]
//     or in the log written to [Sender.Log].
package mail
