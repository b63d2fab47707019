package sentences

import "testing"

func TestEnded(t *testing.T) {
	tests := []struct {
		s              string
		ended, hasWord bool
	}{
		{"The dam burst.", true, true},
		{"“Is it safe?”", true, true},
		{"He said (in 2019).", true, true},
		{"Rescue teams search the valley", false, true},
		{"By Jane Roe", false, true},
		{"Notes:", true, true},
		{"— …", true, false},
		{"", false, false},
	}
	for _, tt := range tests {
		if got := Ended(tt.s); got != tt.ended {
			t.Errorf("Ended(%q) = %v, want %v", tt.s, got, tt.ended)
		}
		if got := HasWord(tt.s); got != tt.hasWord {
			t.Errorf("HasWord(%q) = %v, want %v", tt.s, got, tt.hasWord)
		}
	}
}
