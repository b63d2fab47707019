package brief

import "testing"

func TestStatements(t *testing.T) {
	type want struct{ quote, speaker string }
	tests := []struct {
		name  string
		paras []string
		want  []want // in any order
		not   []string
	}{
		{
			name: "named speaker after the quote",
			paras: []string{
				"President Barack Obama met Vladimir Putin on Monday.",
				"“Given the failure of earlier truces, we approach it with some skepticism,” Obama said.",
			},
			want: []want{{"Given the failure of earlier truces, we approach it with some skepticism,", "Barack Obama"}},
		},
		{
			name: "description and the official",
			paras: []string{
				"“It was constructive,” a US official said after the meeting.|The official spoke anonymously.",
				"“It’s clear now what our positions are,” the official said.",
			},
			want: []want{
				{"It was constructive,", "a US official"},
				{"It’s clear now what our positions are,", "a US official"},
			},
		},
		{
			name: "said before the speaker, straight quotes",
			paras: []string{
				`"We will keep a close eye on food prices," said a spokesman for the bank.`,
			},
			want: []want{{"We will keep a close eye on food prices,", "a spokesman for the bank"}},
		},
		{
			name: "he resolves to the last named person outside quotes",
			paras: []string{
				"Obama said on Sunday that Russian participation was essential.",
				"“Without the Russians, Assad and the regime could not sustain the offensive,” he said.",
			},
			want: []want{{"Without the Russians, Assad and the regime could not sustain the offensive,", "Obama"}},
		},
		{
			name: "quote across sentences continues the speaker",
			paras: []string{
				"João Ribeiro spoke last.|“Brazil will not accept this treaty,” Ribeiro said.|“We need guarantees.|Without them there is no deal.”",
			},
			want: []want{{"Brazil will not accept this treaty … We need guarantees. Without them there is no deal.", "João Ribeiro"}},
		},
		{
			name: "connective before the speaker",
			paras: []string{
				`But a spokesman added: "Agroflora is confident that its papers are in order."`,
			},
			want: []want{{"Agroflora is confident that its papers are in order.", "a spokesman"}},
		},
		{
			name: "colon before the quote",
			paras: []string{
				"Foreign Minister Ana Ruiz said: “The border stays open for trade.”",
			},
			want: []want{{"The border stays open for trade.", "Ana Ruiz"}},
		},
		{
			name: "scare quotes and unattributed quotes are left out",
			paras: []string{
				"Kerry and Lavrov had been working “around the clock” to reach a deal, Obama told reporters.",
				"“Nobody knows what happens now.”",
			},
			not: []string{"around the clock", "Nobody knows what happens now."},
		},
		{
			name: "he after an unnamed speaker is not guessed",
			paras: []string{
				"Amara Okafor chairs the committee.|A spokesman for the bank spoke later.",
				"“We will watch food prices closely,” he said.",
			},
			not: []string{"We will watch food prices closely"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := handDoc(tt.paras...)
			a := analyzeDoc(d)
			got := map[string]string{}
			for _, st := range a.statements() {
				got[st.Quote] = st.Speaker
				if len(st.Sources) == 0 {
					t.Errorf("statement %q has no sources", st.Quote)
				}
			}
			for _, w := range tt.want {
				sp, ok := got[w.quote]
				if !ok {
					t.Errorf("quote %q not found; got %q", w.quote, got)
					continue
				}
				if sp != w.speaker {
					t.Errorf("quote %q: speaker %q, want %q", w.quote, sp, w.speaker)
				}
			}
			for _, n := range tt.not {
				if _, ok := got[n]; ok {
					t.Errorf("quote %q should be left out", n)
				}
			}
		})
	}
}

func TestStatementsOrderedByScore(t *testing.T) {
	a := analyzeDoc(bundledArticle(t))
	sts := a.statements()
	if len(sts) == 0 || len(sts) > maxStatements {
		t.Fatalf("%d statements", len(sts))
	}
	for k := 1; k < len(sts); k++ {
		if sts[k].Score > sts[k-1].Score {
			t.Errorf("statement %d (%.3f) outranks statement %d (%.3f)", k, sts[k].Score, k-1, sts[k-1].Score)
		}
	}
}
