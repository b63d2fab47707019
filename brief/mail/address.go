package mail

import (
	"fmt"
	"net/mail"
	"strings"
)

// ParseAddresses parses recipient flags: each value holds one address or
// several separated by commas, as in "a@x.org, Bea <b@y.org>". Commas
// inside quotes or angle brackets do not split. Every address is checked
// with net/mail; the error names the first bad one. The result holds each
// address once (the first spelling wins), as a bare addr-spec when it has
// no display name. Empty items, as from a trailing comma, are skipped;
// values with no address at all give an empty result and no error.
func ParseAddresses(values []string) ([]string, error) {
	var out []string
	seen := make(map[string]bool)
	for _, v := range values {
		items, err := splitAddressList(v)
		if err != nil {
			return nil, err
		}
		for _, item := range items {
			a, err := mail.ParseAddress(item)
			if err != nil {
				return nil, fmt.Errorf("invalid e-mail address %q: %w", item, err)
			}
			key := strings.ToLower(a.Address)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, formatAddress(a))
		}
	}
	return out, nil
}

// formatAddress gives a as a bare addr-spec, or in name-addr form when it
// has a display name.
func formatAddress(a *mail.Address) string {
	if a.Name == "" {
		return a.Address
	}
	return a.String()
}

// splitAddressList splits s at the commas that are outside double quotes,
// angle brackets and comments, trimming each item and dropping empty ones.
func splitAddressList(s string) ([]string, error) {
	var (
		items   []string
		start   int
		quoted  bool
		escaped bool
		angle   int
		comment int
	)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case escaped:
			escaped = false
		case c == '\\' && (quoted || comment > 0):
			escaped = true
		case quoted:
			quoted = c != '"'
		case c == '"':
			quoted = true
		case c == '(':
			comment++
		case c == ')' && comment > 0:
			comment--
		case comment > 0:
		case c == '<':
			angle++
		case c == '>' && angle > 0:
			angle--
		case c == ',' && angle == 0:
			items = appendTrimmed(items, s[start:i])
			start = i + 1
		}
	}
	if quoted || angle > 0 || comment > 0 {
		return nil, fmt.Errorf("invalid e-mail address list %q: unbalanced quote, bracket or parenthesis", s)
	}
	return appendTrimmed(items, s[start:]), nil
}

func appendTrimmed(items []string, item string) []string {
	if item = strings.TrimSpace(item); item != "" {
		items = append(items, item)
	}
	return items
}
