package digest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
)

// Invented articles. Norland, Varsa and everyone in them are made up.
var (
	grainBan      = `Ostberg, Norland (Wire)Norland's government banned all grain exports on Tuesday, citing a poor harvest. Agriculture Minister Tova Reinholt said the ban on wheat and barley shipments would last until the autumn. Traders in the port of Kessel said ships were already waiting to load. The ban sent wheat prices higher across the region. Farmers' groups in Norland welcomed the decision, while millers warned of shortages.`
	grainBan2     = `Wheat prices jumped after Norland stopped shipments of grain abroad. The halt, announced by minister Tova Reinholt, follows a drought that cut the harvest by a third. Exporters at Kessel harbour said dozens of cargo ships sat idle with empty holds. Buyers in neighbouring countries are looking for other suppliers of barley and wheat. Reinholt said the export ban would be reviewed in the autumn.`
	electionDelay = `Ostberg, Norland (Wire)Norland's parliament voted to postpone the general election by six months. Opposition leader Mara Velk called the delay an attack on democracy. Prime Minister Olaf Brenn said the country needed stability after floods in the north. Protesters gathered outside the parliament building in the capital. Election officials said new voter rolls would take months to prepare.`
	damBreak      = `Varsa City (Wire)A dam on the Telen River burst early on Friday, flooding three villages in southern Varsa. Rescue teams in boats pulled families from rooftops as the water rose. Governor Ilse Maron said at least 40 people were missing. Engineers had warned last year that the Telen dam needed urgent repairs. Army helicopters dropped food and water to villages cut off by the flood.`
	damBreak2     = `Rescuers in southern Varsa searched flooded villages for dozens of missing people after the Telen dam collapsed. Governor Ilse Maron said engineers had raised concerns about cracks in the dam a year ago. Helicopters ferried drinking water to stranded families. Survivors described a wall of water sweeping through their streets before dawn. The national water agency promised an inquiry into the collapse.`
	damBreak3     = `The death toll from the Telen dam disaster in southern Varsa rose to 31 on Sunday, Governor Ilse Maron said. Rescue teams were still searching flooded villages for missing people. Engineers blamed cracks in the dam that had been reported a year ago. The national water agency opened an inquiry into the collapse of the dam.`
	damBreak4     = `Families who lost their homes when the Telen dam burst slept in school halls across southern Varsa. Governor Ilse Maron promised new houses before winter. Aid groups handed out blankets, food and clean water. The flood destroyed bridges and roads, and villages remain cut off.`
	// damFeature is an opinion piece on the dam disaster, worded unlike
	// the reports: it names the event but shares little vocabulary.
	damFeature   = `Every country has its neglected infrastructure, and every country tells itself that the bill can wait. What happened at Telen shows what waiting costs. Ilse Maron now speaks of lessons learned. Professor Anya Lind of Ostmark Polytechnic has warned about ageing structures since the Kessler Bridge report. Budgets for maintenance are never popular, since nobody opens a repaired sluice with a ribbon. Voters in Brask and Ulm should ask their representatives which structures near them are next.`
	roundupIntro = `Good morning. Here is your daily briefing from the Wire desk. Sign up to receive this briefing in your inbox every morning. Send us your comments and questions about the day's news.`
	roundupOutro = `That's all for today's briefing from the Wire desk. Our team of editors chooses these stories every morning from across the world. You must be a subscriber to comment on this briefing.`
)

// roundup is a template page: boilerplate around one line of news.
func roundup(day int, line string) string {
	return fmt.Sprintf("Day %d of the Wire briefing. %s %s %s", day, roundupIntro, line, roundupOutro)
}

// featuresOf parses text as an article and returns its features.
func featuresOf(tb testing.TB, text string) *Features {
	tb.Helper()
	doc, err := brief.Parse(text)
	if err != nil {
		tb.Fatalf("parsing %.40q: %v", text, err)
	}
	return NewFeatures(doc)
}

// fillerTexts makes n unrelated articles from common words, invented
// names and invented words of their own, so that invented stories sit in
// a day of realistic size (IDF needs unrelated articles to tell rare
// words from common ones). The words of their own keep them apart: drawn
// from one short list, their common words alone would make them alike
// (their names count as names only, in the name part of the similarity).
func fillerTexts(n int) []string {
	common := strings.Fields(`government officials city police market school hospital company report
		week said people country minister court council plan money price workers union talks
		meeting water power road train airport weather storm fire election vote party leader
		family children students teachers doctors patients health program budget tax bank
		investors shares profit sales factory jobs industry energy oil gas climate river farm
		football match team season coach player fans stadium music film festival artist museum
		science research study data survey technology phone internet software security army
		border refugees aid charity church festival holiday travel tourism hotel beach island`)
	rng := rand.New(rand.NewPCG(1, 2))
	var out []string
	for i := range n {
		name1 := fmt.Sprintf("Zorvan%c%c", 'a'+rune(i%26), 'a'+rune(i/26%26))
		name2 := fmt.Sprintf("Kelmir%c%c", 'a'+rune(i%26), 'a'+rune(i/26%26))
		own := fmt.Sprintf("vostrel%c%c", 'a'+rune(i%26), 'a'+rune(i/26%26))
		var b strings.Builder
		for s := range 8 {
			b.WriteString("The ")
			for w := range 10 {
				if w > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(common[rng.IntN(len(common))])
			}
			if s%2 == 0 {
				fmt.Fprintf(&b, " in %s", name1)
			} else {
				fmt.Fprintf(&b, " with %s", name2)
			}
			fmt.Fprintf(&b, " and the %s", own)
			b.WriteString(". ")
		}
		out = append(out, b.String())
	}
	return out
}

// day builds the features of a day: the named articles (in name order)
// followed by filler; it returns them and the index of each named one.
func day(tb testing.TB, articles map[string]string, filler int) ([]*Features, map[string]int) {
	tb.Helper()
	names := make([]string, 0, len(articles))
	for k := range articles {
		names = append(names, k)
	}
	slices.Sort(names)
	var fs []*Features
	at := map[string]int{}
	for _, k := range names {
		at[k] = len(fs)
		fs = append(fs, featuresOf(tb, articles[k]))
	}
	for _, text := range fillerTexts(filler) {
		fs = append(fs, featuresOf(tb, text))
	}
	return fs, at
}

// indexOfDay builds the index of a day of features.
func indexOfDay(fs []*Features, opt Options) *index {
	c := newCorpus()
	for _, f := range fs {
		c.add(f)
	}
	return newIndex(c, opt)
}

// groupIndex returns, per article, the index of its group.
func groupIndex(groups [][]int, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for g, m := range groups {
		for _, d := range m {
			out[d] = g
		}
	}
	return out
}
