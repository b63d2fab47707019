package source

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseSince reads the moment feed items must be published after (for
// Reader.Since), given as a duration back from now or as a date:
//
//   - a Go duration: "48h", "90m", "1h30m";
//   - whole days: "7d" (7×24 hours);
//   - a date, "2026-11-24": its start, midnight in now's time zone;
//   - a time, RFC 3339 ("2026-11-24T06:00:00Z", "2026-11-24T06:00:00+01:00"),
//     or without a zone ("2026-11-24T06:00", in now's time zone).
//
// "" is the zero time: no item is left out. A duration must be positive.
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if d, ok, err := sinceDuration(s); ok {
		if err != nil {
			return time.Time{}, err
		}
		return now.Add(-d), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, now.Location()); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("want a duration such as 48h or 7d, or a date such as 2026-11-24 or 2026-11-24T06:00:00Z; got %q", s)
}

// sinceDuration reads s as a duration ("48h", "7d"); ok is false when s
// is no duration at all (a date, perhaps), err set when it is one that
// brief refuses.
func sinceDuration(s string) (d time.Duration, ok bool, err error) {
	if days, found := strings.CutSuffix(s, "d"); found {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, false, nil
		}
		if n <= 0 || n > 100*366 {
			return 0, true, fmt.Errorf("want a number of days from 1 to %d, got %q", 100*366, s)
		}
		return time.Duration(n) * 24 * time.Hour, true, nil
	}
	d, err = time.ParseDuration(s)
	if err != nil {
		return 0, false, nil
	}
	if d <= 0 {
		return 0, true, errors.New("want a duration greater than zero, got " + strconv.Quote(s))
	}
	return d, true, nil
}
