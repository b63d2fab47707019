package digest

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// termsOf returns the terms of the features, each once, sorted.
func termsOf(f *Features) []string {
	var out []string
	for _, s := range f.Sentences {
		for _, t := range s.Terms {
			out = append(out, f.Terms[t])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestFeaturesTerms(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		want, not []string
	}{
		{"stems and names apart", "Rescuers searched the flooded villages near the Telen dam. Governor Ilse Maron said 40 people were missing.",
			[]string{"rescuer", "search", "flood", "villag", "@telen", "@ilse maron", "@ilse", "@maron", "40", "miss"}, []string{"the", "said", "@governor ilse maron"}},
		{"a sentence's first word is a name only when written so elsewhere", "Norland banned exports. Traders said Norland acted alone. Wheat rose.",
			[]string{"@norland", "wheat"}, []string{"@wheat", "@traders"}},
		{"capitals are names", "ISIS claimed the attack. The group said ISIS fighters were killed.",
			[]string{"@isis"}, nil},
		{"a long run keeps its last two words", "The vote was called by Senate Majority Leader Mitch McConnell on Tuesday.",
			[]string{"@mitch mcconnell", "@mitch", "@mcconnell"}, []string{"@senate majority leader mitch mcconnell"}},
		{"possessives and hyphens", "The co-pilot's records were sealed by Germanwings' lawyers.",
			[]string{"pilot", "record", "@germanwings"}, []string{"pilot's"}},
	}
	for _, tt := range tests {
		got := termsOf(featuresOf(t, tt.text))
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: no term %q in %q", tt.name, w, got)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("%s: term %q in %q", tt.name, w, got)
			}
		}
	}
}

func TestFeaturesCreditsAndHashes(t *testing.T) {
	f := featuresOf(t, damBreak+" CNN's Jane Doe reported from Varsa.")
	last := f.Sentences[len(f.Sentences)-1]
	if !last.Credit {
		t.Error("the credit line is not marked")
	}
	if slices.ContainsFunc(f.Sentences[:len(f.Sentences)-1], func(s SentenceTerms) bool { return s.Credit }) {
		t.Error("a report sentence is marked as a credit line")
	}
	a := featuresOf(t, "The dam burst on Friday. It was old.")
	b := featuresOf(t, "THE DAM BURST ON FRIDAY!  It was new.")
	if a.Sentences[0].Hash != b.Sentences[0].Hash {
		t.Error("sentences differing only in case and punctuation hash apart")
	}
	if a.Sentences[1].Hash == b.Sentences[1].Hash {
		t.Error("different sentences hash alike")
	}
}

func TestFeaturesJSON(t *testing.T) {
	f := featuresOf(t, "Dam bursts in Varsa\n\n"+damBreak)
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"v":1`, `"title":"Dam bursts in Varsa"`, `"terms":[`, `"sentences":[{"h":"`, `"title_terms":[`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	var back Features
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, f) {
		t.Errorf("round trip changed the features:\n%+v\n%+v", back, *f)
	}
	if err := back.Validate(); err != nil {
		t.Error(err)
	}
	if err := json.Unmarshal([]byte(`{"h":"xyz"}`), &SentenceTerms{}); err == nil {
		t.Error("a bad hash is accepted")
	}
}

func TestFeaturesTitle(t *testing.T) {
	f := featuresOf(t, damBreak)
	if !f.Derived || !strings.HasPrefix(f.Title, "A dam on the Telen River burst early on Friday") {
		t.Errorf("derived title = %q (derived %v)", f.Title, f.Derived)
	}
	if len(f.TitleTerms) != 0 {
		t.Error("a derived title counts as a title")
	}
	g := featuresOf(t, "Telen dam bursts\n\n"+damBreak)
	if g.Derived || g.Title != "Telen dam bursts" || len(g.TitleTerms) == 0 {
		t.Errorf("found title = %q (derived %v, %d terms)", g.Title, g.Derived, len(g.TitleTerms))
	}
}

func TestPublishedDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"09:15 EST, 14 March 2014", "2014-03-14"},
		{"Updated 1:15 PM ET, Thu March 26, 2015", "2015-03-26"},
		{"2015-03-26T09:00:00Z", "2015-03-26"},
		{"March 3rd, 2015", "2015-03-03"},
		{"Sept. 9, 2016", "2016-09-09"},
		{"31 February 2015", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := PublishedDate(tt.in); got != tt.want {
			t.Errorf("PublishedDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
