package stem

import "testing"

func TestPorter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"caresses", "caress"},
		{"ponies", "poni"},
		{"ties", "tie"},
		{"tied", "tie"},
		{"cried", "cri"},
		{"they", "they"},
		{"monday", "monday"},
		{"trying", "tri"},
		{"says", "say"},
		{"used", "use"},
		{"using", "use"},
		{"dying", "die"},
		{"skies", "sky"},
		{"news", "news"},
		{"innings", "inning"},
		{"technology", "technolog"},
		{"radically", "radic"},
		{"hopefully", "hope"},
		{"possibly", "possibl"},
		{"caress", "caress"},
		{"cats", "cat"},
		{"feed", "feed"},
		{"agreed", "agre"},
		{"plastered", "plaster"},
		{"bled", "bled"},
		{"motoring", "motor"},
		{"sing", "sing"},
		{"conflated", "conflat"},
		{"troubled", "troubl"},
		{"sized", "size"},
		{"hopping", "hop"},
		{"tanned", "tan"},
		{"falling", "fall"},
		{"hissing", "hiss"},
		{"fizzed", "fizz"},
		{"failing", "fail"},
		{"filing", "file"},
		{"happy", "happi"},
		{"sky", "sky"},
		{"relational", "relat"},
		{"conditional", "condit"},
		{"rational", "ration"},
		{"valenci", "valenc"},
		{"digitizer", "digit"},
		{"generalization", "gener"},
		{"generalizations", "gener"},
		{"oscillators", "oscil"},
		{"triplicate", "triplic"},
		{"formative", "form"},
		{"hopeful", "hope"},
		{"goodness", "good"},
		{"revival", "reviv"},
		{"allowance", "allow"},
		{"adjustment", "adjust"},
		{"adoption", "adopt"},
		{"homologou", "homolog"},
		{"effective", "effect"},
		{"probate", "probat"},
		{"rate", "rate"},
		{"cease", "ceas"},
		{"controlling", "control"},
		{"roll", "roll"},
		{"president", "presid"},
		{"negotiations", "negoti"},
		{"is", "is"},
		{"a", "a"},
		{"2015", "2015"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Porter(tt.in); got != tt.want {
				t.Errorf("Porter(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkPorter(b *testing.B) {
	words := []string{"generalizations", "negotiations", "president", "controlling", "ponies"}
	for i := 0; b.Loop(); i++ {
		Porter(words[i%len(words)])
	}
}

func FuzzPorter(f *testing.F) {
	for _, w := range []string{"generalizations", "ies", "ied", "yyy", "a1b2", "eed"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for i := 0; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				return // Porter takes lower-case ASCII words
			}
		}
		if s := Porter(w); len(s) > len(w)+1 || (len(w) > 0 && s == "") {
			t.Fatalf("Porter(%q) = %q", w, s)
		}
	})
}
