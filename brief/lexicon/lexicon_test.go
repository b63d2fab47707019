package lexicon

import "testing"

func TestLookups(t *testing.T) {
	for _, tt := range []struct {
		w, country string
	}{{"us", "United States"}, {"russian", "Russia"}, {"north korea", "North Korea"}, {"kyiv", "Ukraine"}} {
		if got, ok := Country(tt.w); !ok || got != tt.country {
			t.Errorf("Country(%q) = %q, %t; want %q", tt.w, got, ok, tt.country)
		}
	}
	if _, ok := Country("texas"); ok {
		t.Error("Country(texas) is a country")
	}
	if got, ok := Organisation("eu"); !ok || got != "European Union" {
		t.Errorf("Organisation(eu) = %q, %t", got, ok)
	}
	for _, tt := range []struct {
		got, want Gender
		what      string
	}{
		{GenderWord("spokeswoman"), Female, "spokeswoman"},
		{GenderWord("mr"), Male, "mr"},
		{GivenName("angela"), Female, "angela"},
		{GivenName("barack"), Male, "barack"},
		{GivenName("kim"), Unknown, "kim"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: gender %d, want %d", tt.what, tt.got, tt.want)
		}
	}
	if !StopWords.Has("the") || StopWords.Has("treaty") || !SpeechVerbs.Has("said") || !PersonNouns.Has("spokesman") {
		t.Error("a set lacks a word it must have, or has one it must not")
	}
	if Norm("U.S.") != "us" || Norm("3.5") != "3.5" || Norm("Élodie") != "élodie" {
		t.Errorf("Norm: %q %q %q", Norm("U.S."), Norm("3.5"), Norm("Élodie"))
	}
}
