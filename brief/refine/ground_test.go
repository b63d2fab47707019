package refine

import (
	"slices"
	"strings"
	"testing"
)

func TestGround(t *testing.T) {
	cited := []string{
		"US President Barack Obama and his Russian counterpart Vladimir Putin met Monday as talks on ending violence in Syria ended without an agreement.",
		"The two leaders conversed on the sidelines of the Group of 20 summit here for ninety minutes, a senior US official said.",
		"“It was constructive,” a US official said after the meeting, noting that all differences were not resolved.",
		"The fund will spend 1,000 million dollars, 3.50 per cent of the budget, by 2017.",
		"Details are at https://example.org/syria.",
	}
	tests := []struct {
		name, text string
		wantOK     bool
		reason     string // part of the reason when refused
	}{
		{"paraphrase", "Obama and Putin met on Monday but reached no agreement on ending the violence in Syria.", true, ""},
		{"initial common word", "Talks on Syria ended without agreement.", true, ""},
		{"initial function word", "After the meeting, a US official called it constructive.", true, ""},
		{"number word to digits", "The leaders spoke for 90 minutes at the G20.", false, "G20"},
		{"number word kept", "The leaders spoke for ninety minutes.", true, ""},
		{"digits to number word", "The fund will spend 1000 million dollars.", true, ""},
		{"thousands separator", "It spends 1,000 million dollars, 3.5 per cent of the budget.", true, ""},
		{"invented number", "The leaders spoke for 45 minutes.", false, `number "45"`},
		{"invented year", "The fund spends the money by 2018.", false, `number "2018"`},
		{"invented name", "Obama, Putin and Joe Biden met on Monday.", false, `"Joe"`},
		{"invented name first", "Biden met Putin on Monday.", false, `"Biden"`},
		{"invented weekday", "Obama and Putin met on Tuesday.", false, `"Tuesday"`},
		{"demonym from country", "Obama met the Russians.", true, ""},
		{"possessive", "Putin's talks with Obama ended without an agreement.", true, ""},
		{"quote verbatim curly", "A US official called the meeting “constructive”.", true, ""},
		{"quote straight with case", `A US official said "it was constructive".`, true, ""},
		{"quote altered", "A US official said “it was very constructive”.", false, "quotation"},
		{"quote invented", "The official said “a deal is close”.", false, "quotation"},
		{"url present", "Details: https://example.org/syria.", true, ""},
		{"url invented", "Details at https://evil.example/buy.", false, "web address"},
		{"pronoun I", "I think Obama met Putin.", true, ""},
		{"count moved to another thing", "The two leaders talked for two hours.", false, `"two hours"`},
		{"count of another quantity", "The ninety leaders met.", false, `"ninety leaders"`},
		{"count kept with hyphen", "A 90-minute talk between the two leaders.", true, ""},
		{"year before a noun of the source", "The budget from 2017 and the 2017 fund.", true, ""},
		{"case of name differs", "Obama met PUTIN.", false, `"PUTIN"`},
		{"left quote as apostrophe", "Obama‘s counterpart Putin met him on Monday.", true, ""},
		{"left quote as apostrophe, then a quotation", "Obama‘s aide called the meeting ‘constructive’.", true, ""},
		{"left quote as apostrophe, then an altered quotation", "Obama‘s aide called it ‘very constructive’.", false, "quotation"},
		{"single quotation verbatim", "A US official called the meeting ‘constructive’.", true, ""},
		{"single quotation altered", "A US official said ‘it was very constructive’.", false, "quotation"},
		{"single quotation without a space before it", "A US official said‘it was very constructive’.", false, "quotation"},
		{"single quotation left open", "A US official said ‘it was a failure.", false, "quotation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Ground(tt.text, cited)
			if tt.wantOK && got != "" {
				t.Fatalf("Ground(%q) refused: %s", tt.text, got)
			}
			if !tt.wantOK {
				if got == "" {
					t.Fatalf("Ground(%q) accepted, want refused", tt.text)
				}
				if !strings.Contains(got, tt.reason) {
					t.Fatalf("Ground(%q) = %q, want a reason containing %q", tt.text, got, tt.reason)
				}
			}
		})
	}
}

// TestGroundSelf checks that a sentence is grounded in itself, whatever
// marks it uses for quotations and apostrophes.
func TestGroundSelf(t *testing.T) {
	for _, s := range []string{
		"Obama‘s aide said the talks had failed.",
		"O‘Neill spoke first.",
		"They played rock‘n‘roll until Monday.",
		"Obama‘s aide called it ‘constructive’ on Monday.",
		"O‘Neill said‘no deal’ and left.",
		"It’s ‘clear’, O’Neill’s aide said.",
		"‘Unclosed quotation by O‘Neill",
		"“Double” and «guillemets» and \"straight\" quotes.",
	} {
		if why := Ground(s, []string{s}); why != "" {
			t.Errorf("Ground(s, s) refused %q: %s", s, why)
		}
	}
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Obama‘s aide", nil},
		{"O‘Neill and rock‘n‘roll", nil},
		{"he said ‘no deal’ today", []string{"no deal"}},
		{"Obama’s ‘firm’ no", []string{"firm"}},
		{"Obama‘s aide said ‘no’", []string{"no"}},
		{"they said‘no deal’ today", []string{"said‘no deal"}},
		{"‘open to the end", []string{"open to the end"}},
		{"“one” «two» \"three\"", []string{"one", "two", "three"}},
	}
	for _, tt := range tests {
		if got := quotations(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("quotations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1,000", "1000"}, {"1000", "1000"}, {"3.50", "3.5"}, {"20th", "20"},
		{"1990s", "1990"}, {"Ninety", "90"}, {"5%", "5"},
	}
	for _, tt := range tests {
		toks := groundTokens(tt.in)
		if len(toks) == 0 {
			t.Fatalf("groundTokens(%q) is empty", tt.in)
		}
		got, ok := toks[0].number()
		if !ok || got != tt.want {
			t.Errorf("number(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func FuzzGround(f *testing.F) {
	f.Add("Obama met “Putin” on 5 September 2016.", "Obama met Putin on September 5, 2016, in Hangzhou.")
	f.Add("It’s ‘clear’ at https://x.example/a.", "“It’s clear now,” he said.")
	f.Add("1,000.5 and 3.", "1000.50 people and three dogs")
	f.Fuzz(func(t *testing.T, text, cited string) {
		Ground(text, []string{cited})
		// A sentence is always grounded in itself, whatever it says.
		if why := Ground(cited, []string{cited}); why != "" {
			t.Fatalf("Ground(s, s) refused %q: %s", cited, why)
		}
	})
}
