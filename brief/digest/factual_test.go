package digest

import "testing"

func TestFactual(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The co-pilot of Germanwings Flight 9525 crashed the plane into the French Alps, officials said.", true},
		{"The BBC dropped Jeremy Clarkson from Top Gear after an inquiry.", true},
		{`Officials said the talks would resume "within days" in Geneva.`, true},
		{`"We are speechless that this aircraft has been deliberately crashed," said the airline's chief.`, false},
		{"The message of the protests could not be more clear: Change is needed.", false},
		{"We must ask why the warnings were ignored.", false},
		{"Should pilots be screened every year?", false},
		{"It is time for Congress to act on the budget.", false},
		{"You have to wonder what the minister knew.", false},
	}
	for _, tt := range tests {
		if got := factual(tt.text); got != tt.want {
			t.Errorf("factual(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPickLine(t *testing.T) {
	cands := []lineCandidate{
		{member: 0, text: "Change is needed, and it could not be more clear.", central: 0.9, order: 0, day: noDay},
		{member: 1, text: "Clarkson was suspended.", central: 0.4, factual: true, order: 0, day: noDay},
		{member: 2, text: "The BBC dropped Clarkson.", central: 0.6, factual: true, order: 0, day: noDay},
		{member: 2, text: "A key point far more central.", central: 0.95, factual: true, order: 1, day: noDay},
	}
	if got := pickLine(cands); got.text != "The BBC dropped Clarkson." {
		t.Errorf("line = %q, want the most central factual bottom line", got.text)
	}
	if got := pickLine(cands[:1]); got.text != cands[0].text {
		t.Errorf("line = %q, want the only candidate", got.text)
	}
	if got := pickLine([]lineCandidate{cands[0], cands[3]}); got.text != cands[3].text {
		t.Errorf("line = %q, want the factual key point over an opinion", got.text)
	}
	if pickLine(nil) != nil {
		t.Error("a line from nothing")
	}
	// Dated: the later report, nearly as central, tells the story's
	// latest state; one far less central does not.
	dated := []lineCandidate{
		{member: 0, text: "Clarkson was suspended.", central: 0.6, factual: true, day: 16500},
		{member: 1, text: "The BBC dropped Clarkson.", central: 0.5, factual: true, day: 16505},
		{member: 2, text: "Clarkson fans petitioned the BBC.", central: 0.3, factual: true, day: 16507},
	}
	if got := pickLine(dated); got.text != "The BBC dropped Clarkson." {
		t.Errorf("dated line = %q, want the later report nearly as central", got.text)
	}
	for i := range dated {
		dated[i].day = noDay
	}
	if got := pickLine(dated); got.text != "Clarkson was suspended." {
		t.Errorf("undated line = %q, want the most central", got.text)
	}
}
