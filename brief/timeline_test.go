package brief

import (
	"strings"
	"testing"
)

func TestTimelineCues(t *testing.T) {
	tests := []struct {
		sentence string
		bg, out  bool
	}{
		{"The ministers will meet again in Lisbon next week.", false, true},
		{"An official said the leaders want Kerry and Lavrov to reconvene in the coming days.", false, true},
		{"Votes are expected in the coming weeks.", false, true},
		{"The dispute began in 2019, when a dam cut the river’s flow.", true, false},
		{"Earlier attempts had collapsed in 2021 and again last year.", true, false},
		{"Past settlements, including a ceasefire agreed to in February, failed.", true, false},
		{"The two leaders shook hands.", false, false},
	}
	for _, tt := range tests {
		ws := normWords(tt.sentence)
		b, o := cueWeight(ws, backgroundCues), cueWeight(ws, outlookCues)
		gotBg := b >= 1.5 && b > o
		gotOut := o >= 1.5 && o >= b
		if gotBg != tt.bg || gotOut != tt.out {
			t.Errorf("%q: background %v (%.1f), outlook %v (%.1f); want %v, %v", tt.sentence, gotBg, b, gotOut, o, tt.bg, tt.out)
		}
	}
}

func TestTimelineArticles(t *testing.T) {
	docs := testArticles(t)
	tests := []struct {
		file       string
		background []string // substrings some background bullet must hold
		outlook    []string // substrings some outlook bullet must hold
	}{
		{"river-treaty.txt", []string{"began in 2019", "had collapsed in 2021"}, []string{"meet again in Lisbon next week"}},
		{"central-bank.txt", nil, []string{"plans to cut fuel subsidies further next year"}},
		{"harbour-accord.txt", nil, []string{"expected in the coming weeks", "plan to open a joint research station"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := docs[tt.file]
			if d == nil {
				t.Fatalf("no article %s", tt.file)
			}
			b := Summarize(d, Options{})
			// A sentence already used as a key point may be left out of
			// background and outlook, so look for it there too.
			check := func(section string, bullets []Bullet, want []string) {
				if len(bullets) > maxTimeline {
					t.Errorf("%s has %d bullets, want at most %d", section, len(bullets), maxTimeline)
				}
				for _, w := range want {
					found := false
					for _, bl := range append(append([]Bullet(nil), bullets...), b.KeyPoints...) {
						found = found || strings.Contains(bl.Text, w)
					}
					if !found {
						t.Errorf("%s lacks %q: %v", section, w, bullets)
					}
				}
			}
			check("background", b.Background, tt.background)
			check("outlook", b.Outlook, tt.outlook)
		})
	}
}

func TestTimelineAvoidsKeyPoints(t *testing.T) {
	b := Summarize(bundledArticle(t), Options{})
	kp := map[string]bool{}
	for _, k := range b.KeyPoints {
		kp[k.Sources[0]] = true
	}
	fresh := 0
	for _, bl := range b.Background {
		if !kp[bl.Sources[0]] {
			fresh++
		}
	}
	if fresh > 0 && fresh < len(b.Background) {
		t.Errorf("background repeats key points though it has others: %v", b.Background)
	}
}

func TestTimelineFallsBackOnKeyPoints(t *testing.T) {
	d := handDoc(
		"The treaty talks failed on Tuesday after four hours.",
		"The dispute began in 2019, when a dam cut the river’s flow.",
	)
	a := analyzeDoc(d)
	bg, _ := a.timeline(map[int]bool{0: true, 1: true})
	if len(bg) != 1 || bg[0].Sources[0] != "s2" {
		t.Errorf("background %v, want the used sentence s2 when nothing else is left", bg)
	}
	bg, _ = a.timeline(map[int]bool{0: true})
	if len(bg) != 1 || bg[0].Sources[0] != "s2" {
		t.Errorf("background %v, want s2", bg)
	}
}
