package brief

import "testing"

func TestStandalone(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		at    int // index of the sentence to make a bullet of
		want  string
		ok    bool
		named int // the sentence naming the referent, -1 for none
	}{
		{
			name:  "he named",
			paras: []string{"“Given the failure of truces, we are skeptical,” Obama said.|But he insisted any work toward easing the crisis was valuable."},
			at:    1, want: "Obama insisted any work toward easing the crisis was valuable.", ok: true, named: 0,
		},
		{
			name:  "they is never guessed",
			paras: []string{"Talks between Secretary of State John Kerry and his Russian counterpart Sergey Lavrov failed.|They had been working to negotiate a plan for weeks."},
			at:    1, ok: false,
		},
		{
			name:  "the pair named, attribution kept",
			paras: []string{"US President Barack Obama and his Russian counterpart Vladimir Putin met Monday in the city.|The pair also discussed Ukraine and cyber intrusions, the official said."},
			at:    1, want: "Barack Obama and Vladimir Putin also discussed Ukraine and cyber intrusions, the official said.", ok: true, named: 0,
		},
		{
			name:  "the pair after three people is passed over",
			paras: []string{"President Barack Obama, Vladimir Putin and Chancellor Angela Merkel met Monday in the city.|The pair also discussed Ukraine, the official said."},
			at:    1, ok: false,
		},
		{
			name:  "connective dropped",
			paras: []string{"The talks ran late.|However, the talks ended without a deal on the border."},
			at:    1, want: "The talks ended without a deal on the border.", ok: true, named: -1,
		},
		{
			name:  "her becomes a possessive",
			paras: []string{"Foreign Minister Élodie Marchand arrived in Geneva on Tuesday.|Her plan would share the river’s water equally."},
			at:    1, want: "Élodie Marchand’s plan would share the river’s water equally.", ok: true, named: 0,
		},
		{
			name:  "he between two men is passed over",
			paras: []string{"President Barack Obama met Vladimir Putin on Monday.|He said the talks were useful but a deal was far off."},
			at:    1, ok: false,
		},
		{
			name:  "she after a man and a woman is the woman",
			paras: []string{"Chancellor Angela Merkel met President Barack Obama in Berlin.|She said the talks were useful but a deal was far off."},
			at:    1, want: "Angela Merkel said the talks were useful but a deal was far off.", ok: true, named: 0,
		},
		{
			name:  "he for a name that may be a place is passed over",
			paras: []string{"Officers were called to North Quad on Friday night.|He had been handling a routine call when shots were fired."},
			at:    1, ok: false,
		},
		{
			name:  "a speaker pronoun at the end is named",
			paras: []string{"Mayor Francis Hermitte predicted that 300 people would come on Thursday.|Most are not expected to stay overnight in the town, he said."},
			at:    1, want: "Most are not expected to stay overnight in the town, Francis Hermitte said.", ok: true, named: 0,
		},
		{
			name:  "a quotation's speaker pronoun is named",
			paras: []string{"Aviation analyst Mary Schiavo explained the rules at length.|“The airport gets that from the reports of previous pilots,” she said."},
			at:    1, want: "“The airport gets that from the reports of previous pilots,” Mary Schiavo said.", ok: true, named: 0,
		},
		{
			name:  "a speaker pronoun after a dropped connective is named",
			paras: []string{"Ross Walker, UK economist at Royal Bank of Scotland, said he was surprised by the vote.|However, he added, any rate rise is not likely until later this year."},
			at:    1, want: "Ross Walker added, any rate rise is not likely until later this year.", ok: true, named: 0,
		},
		{
			name:  "a subject pronoun after an opening phrase is named",
			paras: []string{"Actress Angelina Jolie has had surgery to remove her ovaries.|Two years ago, she underwent a double mastectomy for similar reasons."},
			at:    1, want: "Two years ago, Angelina Jolie underwent a double mastectomy for similar reasons.", ok: true, named: 0,
		},
		{
			name:  "they after an opening phrase may stand for a noun before it",
			paras: []string{"North Korea fired two missiles on Thursday.|Considering the distance the missiles traveled, they are assumed to be Scud-Cs, officials said."},
			at:    1, want: "Considering the distance the missiles traveled, they are assumed to be Scud-Cs, officials said.", ok: true, named: -1,
		},
		{
			name:  "it said leaves the source unnamed",
			paras: []string{"Fiat reported a loss for the year on Monday.|Steps being considered include listing Ferrari on the stock market, it said."},
			at:    1, ok: false,
		},
		{
			name:  "a speaker pronoun in doubt leaves the sentence out",
			paras: []string{"President Barack Obama met Vladimir Putin on Monday.|The talks were useful but a deal was far off, he said."},
			at:    1, ok: false,
		},
		{
			name:  "a speaker named in the sentence keeps its pronoun",
			paras: []string{"The band toured Europe.|As for what makes Jessica Simpson happiest, she said it is the simple things."},
			at:    1, want: "As for what makes Jessica Simpson happiest, she said it is the simple things.", ok: true, named: -1,
		},
		{
			name:  "a pronoun with a contracted verb points back",
			paras: []string{"Rep. David McKinley visited the border in October.|We’ll start by noting that the most solid federal data concerns drugs seized on the border."},
			at:    1, ok: false,
		},
		{
			name:  "that and a noun points back",
			paras: []string{"Police found a photograph in the car.|That image is horrifying, but nothing compared to what police found inside."},
			at:    1, ok: false,
		},
		{
			name:  "this time sets one occasion against another",
			paras: []string{"The jet first tried to land at 7 a.m.|This time, the plane did get on the ground but slid off the runway."},
			at:    1, ok: false,
		},
		{
			name:  "this hasn't",
			paras: []string{"The city banned the fights.|This hasn't stopped more deadly incidents in the region."},
			at:    1, ok: false,
		},
		{
			name:  "this week dates the sentence",
			paras: []string{"The talks resumed.|This week the ministers will meet again in Geneva."},
			at:    1, want: "This week the ministers will meet again in Geneva.", ok: true, named: -1,
		},
		{
			name:  "this past season dates the sentence",
			paras: []string{"The show was a hit.|This past season, the network launched a new legal show."},
			at:    1, want: "This past season, the network launched a new legal show.", ok: true, named: -1,
		},
		{
			name:  "former opening a title is no back reference",
			paras: []string{"The trial resumed on Monday.|Former Worldcom boss Bernard Evers never made accounting decisions, a witness said."},
			at:    1, want: "Former Worldcom boss Bernard Evers never made accounting decisions, a witness said.", ok: true, named: -1,
		},
		{
			name:  "U.S. is no pronoun",
			paras: []string{"The vote came late.|U.S. aid workers who were exposed to the virus are being monitored."},
			at:    1, want: "U.S. aid workers who were exposed to the virus are being monitored.", ok: true, named: -1,
		},
		{
			name:  "us opening a sentence is passed over",
			paras: []string{"The vote came late.|Us and our allies will not accept the result of the vote."},
			at:    1, ok: false,
		},
		{
			name:  "a quotation going on closes where its named speaker's sentence ends",
			paras: []string{"The club replied at once.|A spokesman for the supporters club said: \"We see no difference in the new offer.|It only has less debt.\""},
			at:    1, want: "A spokesman for the supporters club said: \"We see no difference in the new offer.\"", ok: true, named: -1,
		},
		{
			name:  "curly marks close alike",
			paras: []string{"The minister spoke in the morning.|Minister Ana Brest told reporters: “The talks will go on next week.|We are not giving up.”"},
			at:    1, want: "Minister Ana Brest told reporters: “The talks will go on next week.”", ok: true, named: -1,
		},
		{
			name:  "a quotation going on after a pronoun speaker is passed over",
			paras: []string{"The minister spoke in the morning.|He told reporters: “The talks will go on next week.|We are not giving up.”"},
			at:    1, ok: false,
		},
		{
			name:  "the middle of a quotation is passed over",
			paras: []string{"The minister spoke in the morning.|Minister Ana Brest told reporters: “The talks will go on next week.|We are not giving up.|Nobody is.”"},
			at:    2, ok: false,
		},
		{
			name:  "a quotation with no speaker in its sentence is passed over",
			paras: []string{"The minister spoke in the morning.|“The talks will go on next week.|We are not giving up,” Ana Brest said."},
			at:    1, ok: false,
		},
		{
			name:  "a question is passed over",
			paras: []string{"The talks ran late.|What would a deal on the harbour mean for the fishing towns?"},
			at:    1, ok: false,
		},
		{
			name:  "a quoted question with its speaker is kept",
			paras: []string{"The talks ran late.|“Why should the towns pay for the harbour?” Mayor Ana Brest asked."},
			at:    1, want: "“Why should the towns pay for the harbour?” Mayor Ana Brest asked.", ok: true, named: -1,
		},
		{
			name:  "it is passed over",
			paras: []string{"The talks ran late.|It was the longest meeting of the year so far."},
			at:    1, ok: false,
		},
		{
			name:  "this with a verb is passed over",
			paras: []string{"The talks ran late.|This was the longest meeting of the year so far."},
			at:    1, ok: false,
		},
		{
			name:  "this means is passed over",
			paras: []string{"The talks ran late.|This means the deadline will be missed by the ministers."},
			at:    1, ok: false,
		},
		{
			name:  "many of them is passed over",
			paras: []string{"Thousands fled the city.|Many of them crossed the border into the neighbouring country."},
			at:    1, ok: false,
		},
		{
			name:  "this as a determiner stands alone",
			paras: []string{"This week’s meeting between the two men could be the last one."},
			at:    0, want: "This week’s meeting between the two men could be the last one.", ok: true, named: -1,
		},
		{
			name:  "he without a referent is passed over",
			paras: []string{"He said the talks would resume in the spring."},
			at:    0, ok: false,
		},
		{
			name:  "he after an unnamed official is passed over",
			paras: []string{"Amara Okafor chairs the committee.|A spokesman for the bank spoke later.|He added that the committee would meet again."},
			at:    2, ok: false,
		},
		{
			name:  "unbalanced quotation is passed over",
			paras: []string{"“And we’ll see in coming days whether we can reach a near-term agreement.|If not, we walk away.”"},
			at:    0, ok: false,
		},
		{
			name:  "heading is passed over",
			paras: []string{"Cautious optimism"},
			at:    0, ok: false,
		},
		{
			name:  "dateline trimmed",
			paras: []string{"HANGZHOU, China (CNN) — US President Barack Obama met his Russian counterpart on Monday."},
			at:    0, want: "US President Barack Obama met his Russian counterpart on Monday.", ok: true, named: -1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyzeDoc(handDoc(tt.paras...))
			got, named, ok := a.standalone(tt.at)
			if ok != tt.ok || ok && (got != tt.want || named != tt.named) {
				t.Errorf("standalone = %q, %d, %v; want %q, %d, %v", got, named, ok, tt.want, tt.named, tt.ok)
			}
		})
	}
}

func TestTrimDateline(t *testing.T) {
	tests := []struct {
		in   string
		dl   Dateline
		want string
	}{
		{"HANGZHOU, China (CNN) — US President Barack Obama met Putin.", Dateline{}, "US President Barack Obama met Putin."},
		{"HANGZHOU, China (CNN) — US President Barack Obama met Putin.", Dateline{Place: "HANGZHOU, China", Source: "CNN"}, "US President Barack Obama met Putin."},
		{"REYKJAVÍK, Iceland (Harbour News) — Iceland signed.", Dateline{}, "Iceland signed."},
		{"LAGOS — The bank held rates.", Dateline{}, "The bank held rates."},
		{"LONDON (Reuters) - Shares fell.", Dateline{}, "Shares fell."},
		{"US officials met on Monday.", Dateline{}, "US officials met on Monday."},
		{"NATO — the alliance — met.", Dateline{}, "NATO — the alliance — met."},
		{"(CNN)With majorities in both chambers, it is time.", Dateline{}, "With majorities in both chambers, it is time."},
		{"Sanaa, Yemen (CNN)The U.S. military said.", Dateline{}, "The U.S. military said."},
		{"Officials (in private) said so.", Dateline{}, "Officials (in private) said so."},
	}
	for _, tt := range tests {
		if got := trimDateline(tt.in, tt.dl); got != tt.want {
			t.Errorf("trimDateline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
