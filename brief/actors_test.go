package brief

import "testing"

func TestActors(t *testing.T) {
	type want struct{ name, role, kind string }
	tests := []struct {
		name  string
		paras []string
		want  []want   // actors that must be found, with role
		not   []string // names that must not be actors
		count map[string]int
	}{
		{
			name: "titles and counterparts",
			paras: []string{
				"US President Barack Obama and his Russian counterpart Vladimir Putin met on Monday in September.",
				"The exchange came after talks between Secretary of State John Kerry and his Russian counterpart Sergey Lavrov failed.",
				"“President Obama and President Putin did not meet at the Group of 20,” the official said.|Obama said the talks would go on.",
			},
			want: []want{
				{"Barack Obama", "US President", kindPerson},
				{"Vladimir Putin", "Russian President", kindPerson},
				{"John Kerry", "Secretary of State", kindPerson},
				{"Sergey Lavrov", "Kerry's Russian counterpart", kindPerson},
				{"Russia", "", kindCountry},
			},
			not:   []string{"Monday", "September", "Group", "The", "Obama", "President Obama"},
			count: map[string]int{"Barack Obama": 3},
		},
		{
			name: "a name that opens with its particle",
			paras: []string{
				"The group, which has ties to al Qaeda, claimed the attack on Monday.|Officials said al Qaeda fighters had trained the attackers.",
				"Actor Daniel von Bargen died on Sunday.|His friends said von Bargen had been ill.",
			},
			want: []want{{"al-Qaeda", "", kindOrganisation}, {"Daniel von Bargen", "Actor", kindPerson}},
			not:  []string{"Qaeda", "Bargen"},
		},
		{
			name: "market codes are no names",
			paras: []string{
				"The 30-year bond US30YT=RR rose, and the dollar index .DXY gained, with the euro EUR= up 0.05%, Commerzbank said.|Benchmark 10-year notes US10YT=RR rose as the dollar index .DXY and the euro EUR= fell.",
			},
			not: []string{"RR", "DXY", "EUR", "US30YT"},
		},
		{
			name: "full role before the name",
			paras: []string{
				"White House press secretary Josh Earnest said the talks would go on.|Earnest spoke on Monday.",
			},
			want: []want{{"Josh Earnest", "White House press secretary", kindPerson}},
		},
		{
			name: "family name first",
			paras: []string{
				"President Yoon Suk Yeol declared martial law on Tuesday night.|Yoon said he would not declare it again.",
			},
			want:  []want{{"Yoon Suk Yeol", "President", kindPerson}},
			not:   []string{"Yoon"},
			count: map[string]int{"Yoon Suk Yeol": 2},
		},
		{
			name: "outlets and photo agencies are not actors",
			paras: []string{
				"Foreign Minister Ana Ruiz told CNN on Monday that the border would stay open, Reuters reported.|A photo by Getty Images showed the crossing.|Ruiz said trade would resume.",
			},
			want: []want{{"Ana Ruiz", "Foreign Minister", kindPerson}},
			not:  []string{"CNN", "Reuters", "Getty Images"},
		},
		{
			name: "the president merges",
			paras: []string{
				"President Barack Obama spoke on Sunday.|The president said the deal was close.|Obama left for home.",
			},
			want:  []want{{"Barack Obama", "President", kindPerson}},
			count: map[string]int{"Barack Obama": 3},
		},
		{
			name: "particles and lower-case roles",
			paras: []string{
				"Russian forces back Syrian President Bashar al-Assad in the war.|Officials want talks that lead to the exit of Syrian leader Bashar al-Assad.|Assad has not answered.",
			},
			want:  []want{{"Bashar al-Assad", "Syrian President", kindPerson}, {"Syria", "", kindCountry}},
			count: map[string]int{"Bashar al-Assad": 3},
		},
		{
			name: "appositive and accents",
			paras: []string{
				"Élodie Marchand, the head of the French water agency, said the treaty was fair.|Marchand spoke in Geneva after the Cold War talks.",
			},
			want: []want{{"Élodie Marchand", "head of the French water agency", kindPerson}, {"France", "", kindCountry}},
			not:  []string{"Cold War", "Geneva"},
		},
		{
			name: "organisations",
			paras: []string{
				"The Central Bank of Nigeria held rates, and NATO and the Nusra Front were not mentioned by the Foreign Ministry in Lagos.|Later the Central Bank of Nigeria met the IMF again.",
			},
			want: []want{
				{"Central Bank of Nigeria", "", kindOrganisation},
				{"NATO", "", kindOrganisation},
				{"Nusra Front", "", kindOrganisation},
			},
			not: []string{"Later", "Lagos"},
		},
		{
			name: "abbreviated titles",
			paras: []string{
				"Sen. Jane Doe and Gen. Omar Haddad met the U.S. envoy.|Doe said the plan was sound.",
			},
			want: []want{{"Jane Doe", "Sen.", kindPerson}, {"Omar Haddad", "Gen.", kindPerson}, {"United States", "", kindCountry}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyzeDoc(handDoc(tt.paras...))
			got := map[string]Actor{}
			for _, ac := range a.actorList(nil) {
				got[ac.Name] = ac
			}
			for _, w := range tt.want {
				ac, ok := got[w.name]
				if !ok {
					t.Errorf("actor %q not found; got %v", w.name, a.actorList(nil))
					continue
				}
				if ac.Role != w.role || ac.Kind != w.kind {
					t.Errorf("actor %q: role %q kind %q, want role %q kind %q", w.name, ac.Role, ac.Kind, w.role, w.kind)
				}
			}
			for _, n := range tt.not {
				if _, ok := got[n]; ok {
					t.Errorf("%q is listed as an actor", n)
				}
			}
			for n, c := range tt.count {
				if got[n].Mentions != c {
					t.Errorf("%q: %d mentions, want %d", n, got[n].Mentions, c)
				}
			}
		})
	}
}

func TestActorsRankedAndCapped(t *testing.T) {
	a := analyzeDoc(bundledArticle(t))
	list := a.actorList(nil)
	if len(list) > maxActors {
		t.Fatalf("%d actors, want at most %d", len(list), maxActors)
	}
	if list[0].Name != "Barack Obama" {
		t.Errorf("first actor %q, want Barack Obama", list[0].Name)
	}
	for k := 1; k < len(list); k++ {
		if list[k].Name == list[k-1].Name {
			t.Errorf("actor %q listed twice", list[k].Name)
		}
	}
}

func TestWordToks(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U.S. officials met Obama’s aides.", []string{"U.S.", "officials", "met", "Obama", "aides"}},
		{"Sen. Doe backs al-Assad's foes", []string{"Sen", "Doe", "backs", "al-Assad", "foes"}},
		{"Élodie’s “plan” — José", []string{"Élodie", "plan", "José"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range tokenize(tt.in, nil) {
			got = append(got, tk.text)
		}
		if len(got) != len(tt.want) {
			t.Errorf("tokenize(%q, nil) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for k := range got {
			if got[k] != tt.want[k] {
				t.Errorf("tokenize(%q, nil) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}
