package brief

import (
	"strings"
	"testing"
)

// TestArticles checks the actors, statements and outlook of the invented
// articles in testdata/articles.
func TestArticles(t *testing.T) {
	type actor struct{ name, role string }
	type quote struct{ start, speaker string }
	tests := []struct {
		file    string
		actors  []actor
		quotes  []quote
		outlook string // a phrase some outlook bullet holds
	}{
		{
			file: "river-treaty.txt",
			actors: []actor{
				{"Élodie Marchand", "French Foreign Minister"},
				{"João Ribeiro", "Marchand's Brazilian counterpart"},
				{"France", ""}, {"Brazil", ""},
			},
			quotes: []quote{
				{"We are not there yet", "Élodie Marchand"},
				{"Brazil will not accept a treaty", "João Ribeiro"},
			},
			outlook: "meet again in Lisbon next week",
		},
		{
			file: "central-bank.txt",
			actors: []actor{
				{"Amara Okafor", "head of the bank's monetary policy committee"},
				{"Wale Adeyemi", "Finance Minister"},
				{"Central Bank of Nigeria", ""},
			},
			quotes: []quote{
				{"Price growth is easing", "Amara Okafor"},
				{"We will keep a close eye on food prices", "a spokesman for the bank"},
			},
			outlook: "next year",
		},
		{
			file: "harbour-accord.txt",
			actors: []actor{
				{"Sóley Björnsdóttir", "Prime Minister"},
				{"Ingrid Haugen", "Prime Minister"},
				{"Iceland", ""}, {"Norway", ""},
			},
			quotes: []quote{
				{"This is a good day for our coastal towns", "Sóley Björnsdóttir"},
			},
			outlook: "in the coming weeks",
		},
	}
	docs := testArticles(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b := Summarize(docs[tt.file], Options{})
			roles := map[string]string{}
			for _, ac := range b.Actors {
				roles[ac.Name] = ac.Role
			}
			for _, w := range tt.actors {
				if role, ok := roles[w.name]; !ok {
					t.Errorf("actor %q missing: %v", w.name, b.Actors)
				} else if role != w.role {
					t.Errorf("actor %q: role %q, want %q", w.name, role, w.role)
				}
			}
			for _, w := range tt.quotes {
				found := false
				for _, st := range b.Statements {
					if strings.HasPrefix(st.Quote, w.start) {
						found = true
						if st.Speaker != w.speaker {
							t.Errorf("quote %q: speaker %q, want %q", w.start, st.Speaker, w.speaker)
						}
					}
				}
				if !found {
					t.Errorf("no statement starts %q: %v", w.start, b.Statements)
				}
			}
			found := false
			for _, o := range b.Outlook {
				found = found || strings.Contains(o.Text, tt.outlook)
			}
			if !found {
				t.Errorf("outlook lacks %q: %v", tt.outlook, b.Outlook)
			}
		})
	}
}
