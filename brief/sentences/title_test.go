package sentences

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTitle(t *testing.T) {
	long := "The co-pilot of Germanwings Flight 9525 purposely crashed the plane into the French Alps, killing all 150 people on board, officials said Thursday."
	tests := []struct{ in, want string }{
		{"The dam burst on Friday.", "The dam burst on Friday"},
		{"  Spaces\tand\nlines.  ", "Spaces and lines"},
		{"• Transponder data shows the autopilot was reprogrammed.", "Transponder data shows the autopilot was reprogrammed"},
		{"[Breaking news update, posted 9:04 p.m. ET] Japan took delivery of the Izumo.", "Japan took delivery of the Izumo"},
		{long, "The co-pilot of Germanwings Flight 9525 purposely crashed the plane into the French Alps…"},
		{strings.Repeat("x", 200), strings.Repeat("x", 89) + "…"},
		{"", ""},
	}
	for _, tt := range tests {
		got := Title(tt.in)
		if got != tt.want {
			t.Errorf("Title(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > 90 {
			t.Errorf("Title(%q) has %d characters", tt.in, n)
		}
	}
}
