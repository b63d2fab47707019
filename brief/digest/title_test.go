package digest

import (
	"testing"

	"github.com/brief-dev/brief/brief"
)

func TestDeriveTitle(t *testing.T) {
	tests := []struct{ text, want string }{
		{"There were screams. Germanwings Flight 9525 crashed in the French Alps on Tuesday, killing 150 people.", "Germanwings Flight 9525 crashed in the French Alps on Tuesday, killing 150 people"},
		{"Empathy. Nothing more. Short.", "Empathy"},
	}
	for _, tt := range tests {
		doc, err := brief.Parse(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if got := deriveTitle(doc); got != tt.want {
			t.Errorf("deriveTitle(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
