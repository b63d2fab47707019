package sentences

import "testing"

func TestComplete(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The talks ended without an agreement on Tuesday.", true},
		{"“We were close,” a Norland diplomat said.", true},
		{"2016 was the warmest year on record, officials said.", true},
		{"Talks ended without an agreement", false},      // no closing punctuation
		{"the talks ended without an agreement.", false}, // no capital
		{"Talks ended.", false},                          // too few words
		{"What would a deal mean for the towns?", false}, // a question
		{"Will the talks resume next week？", false},      // a full-width question mark
		{"“Why should the towns pay?” the mayor asked.", true},
		{"会談は合意なしに終わったと当局者が述べた。", true},
		{"Here are some of the names you might hear at the trial: .", false}, // signposts
		{"Here’s what we know about the crash so far.", false},
		{"Below are some of the questions and my answers to them.", false},
		{"Here, the ministers said, the talks would resume.", true},
		{"T-Swift is beefing with The Carlyle Group ... what a time to be alive ...", false}, // trails off
		{"The talks went on and on and on…", false},
		{"He said the talks were “going nowhere … for now.”", true},
		{"The ministers agreed on three points: a truce, talks and aid.", true},
	} {
		if got := Complete(tc.text); got != tc.want {
			t.Errorf("Complete(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestItem(t *testing.T) {
	for _, tc := range []struct {
		text, trimmed string
		want          bool
	}{
		{"+ Added support for reading feeds over HTTP", "Added support for reading feeds over HTTP", true},
		{"- fixed a crash on empty input files", "fixed a crash on empty input files", true},
		{"• 2 new output formats for the digest", "2 new output formats for the digest", true},
		{"- Fixed", "Fixed", false},
		{"---", "", false},
	} {
		if got := Item(tc.text); got != tc.want {
			t.Errorf("Item(%q) = %v, want %v", tc.text, got, tc.want)
		}
		if got := TrimMarker(tc.text); got != tc.trimmed {
			t.Errorf("TrimMarker(%q) = %q, want %q", tc.text, got, tc.trimmed)
		}
	}
}

func TestQuotedShare(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"No quotation here.", 0},
		{"\"We were close,\" he said.", 0.6},
		{"“All of it is quoted.”", 1},
		{"He called it “constructive” and left.", 1.0 / 6},
		{"", 0},
	}
	for _, tt := range tests {
		if got := QuotedShare(tt.text); got != tt.want {
			t.Errorf("QuotedShare(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDropConnective(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		dropped    bool
	}{
		{"But the talks failed.", "The talks failed.", true},
		{"However, officials said the talks would go on.", "Officials said the talks would go on.", true},
		{"Meanwhile, ministers met in Geneva.", "Ministers met in Geneva.", true},
		{"Butter prices rose.", "Butter prices rose.", false},
		{"Now the minister is giving them some answers.", "The minister is giving them some answers.", true},
		{"Now ESA has looked at the design.", "ESA has looked at the design.", true},
		{"Now is the time to act.", "Now is the time to act.", false},
		{"But ", "But ", false},
	} {
		got, dropped := DropConnective(tc.text)
		if got != tc.want || dropped != tc.dropped {
			t.Errorf("DropConnective(%q) = %q, %v; want %q, %v", tc.text, got, dropped, tc.want, tc.dropped)
		}
	}
}

func TestQuotationForms(t *testing.T) {
	for _, tc := range []struct {
		text            string
		balanced, whole bool
	}{
		{"“We were close,” a diplomat said.", true, false},
		{"“Did you ever see such a thing?”", true, true},
		{`"We will build it."`, true, true},
		{"“We were close,” she said. “Very close.”", true, false},
		{"“We were close, a diplomat said.", false, false},
		{`He called it "constructive.`, false, false},
		{"No quotation here.", true, false},
	} {
		if got := BalancedQuotes(tc.text); got != tc.balanced {
			t.Errorf("BalancedQuotes(%q) = %v, want %v", tc.text, got, tc.balanced)
		}
		if got := WholeQuotation(tc.text); got != tc.whole {
			t.Errorf("WholeQuotation(%q) = %v, want %v", tc.text, got, tc.whole)
		}
	}
}
