package digest

import "cmp"

// Default values of Options.
const (
	// DefaultThreshold is T, the similarity from which two articles are
	// one story (see Options.Threshold). Chosen on the CNN development
	// set (see the README).
	DefaultThreshold = 0.18
	// DefaultDevelopments is how many stories make the key developments.
	DefaultDevelopments = 15
	// DefaultNameShare is the part of the similarity that comes from
	// names.
	DefaultNameShare = 0.4
	// DefaultBoilerplateDocs is in how many articles a sentence must be
	// found word for word to be treated as template text.
	DefaultBoilerplateDocs = 3
	// DefaultDateHalfLife is the gap in days, beyond the first day, that
	// halves the similarity of two dated articles.
	DefaultDateHalfLife = 7
)

// Options tune grouping and the digest. The zero value gives the
// defaults.
type Options struct {
	// Threshold is T, the one number that decides grouping: an article
	// joins a story when its average similarity (0 to 1) to the story's
	// articles is at least T, and two stories merge when the average
	// similarity across them is at least T and each story's articles are
	// on average at least as alike to the other story as to their own
	// one's. 0 means DefaultThreshold.
	Threshold float64
	// Developments is how many stories make the key developments: 0 means
	// DefaultDevelopments; negative means none.
	Developments int
	// NameShare is the part of the similarity that comes from names
	// (capitalised words inside a sentence and runs of them); the rest
	// comes from stemmed content words. 0 means DefaultNameShare; below 0
	// means words only, 1 or more names only.
	NameShare float64
	// BoilerplateDocs: a sentence found, after normalising case and
	// punctuation, in at least this many articles is template text and
	// is left out of every article. 0 means DefaultBoilerplateDocs; a
	// negative value keeps every sentence. Values below 2 count as 2.
	BoilerplateDocs int
	// DateHalfLife, in days: when both articles have a publication date,
	// their similarity is halved for every DateHalfLife days they are
	// apart beyond the first day. 0 means DefaultDateHalfLife; a negative
	// value ignores dates.
	DateHalfLife float64

	tune tuning // for the experiments of this package's tests
}

// tuning holds settings that are fixed in use and varied only by the
// tests that chose them.
type tuning struct {
	leadSents    int     // the first leadSents sentences count leadRepeat times
	leadRepeat   int     //
	groupFactor  float64 // two groups of two or more merge at groupFactor×T
	hubRatio     float64 // see index.alone; negative: no hub test
	sigMin       int     // see index.attach; negative: no attaching
	sigShare     float64 //
	sigConc      float64 //
	sigNeed      int     //
	sigSim       float64 //
	namesAsWords bool    // a name's words also count as words (the old rule)
}

// Fixed settings, chosen on the development set (see the README).
const (
	// leadSentences sentences open an article and say what happened;
	// their words count leadRepeat times.
	leadSentences = 5
	leadRepeat    = 2
	// titleRepeat is how many times the words of a found title count.
	titleRepeat = 2
	// groupFactor: two stories of two or more articles each merge only
	// when their average similarity is at least groupFactor×T.
	groupFactor = 1.75
	// hubRatio: an article with two or more neighbours at T or above
	// whose neighbours are on average less than hubRatio×T alike to each
	// other is a hub (a round-up touching several stories) and stays
	// alone.
	hubRatio = 0.5
	// Attaching (see index.attach): a story of sigMin or more articles
	// has as signature the names that at least sigShare of its articles
	// hold and that more than sigConc of the day's articles holding them
	// are in it; an article left alone that holds sigNeed of them (the
	// words of one name counted once), or one of them and whose average
	// similarity to the story's articles is at least sigSim×T, joins the
	// story.
	sigMin   = 4
	sigShare = 0.5
	sigConc  = 0.5
	sigNeed  = 2
	sigSim   = 0.55
	// A page is a template page, and stays alone, when at least
	// templateMinSentences of its sentences, and at least templateShare
	// of them, are template text found in other articles.
	templateMinSentences = 3
	// Two articles are copies of one story (see index.copies) when at
	// least copyMinSentences sentences, and half the shorter one's, are
	// the same; a sentence in more than copyMaxPosting articles is
	// template text and is not used to find copies.
	copyMinSentences = 3
	copyMaxPosting   = 64
	templateShare    = 0.3
	// maxDocShare: a term in more than this share of the day's articles
	// (and in more than minDocCap of them) is dropped as a stop word. Its
	// IDF weight would be small anyway; dropping it bounds the work of
	// the inverted index.
	maxDocShare = 0.05
	minDocCap   = 50
	// floorShare: pairs less similar than floorShare×T are not kept;
	// linkage counts them as 0.
	floorShare = 0.5
	// chunkDocs is how many articles one unit of parallel work holds.
	chunkDocs = 64
)

// resolved returns o with defaults filled in.
func (o Options) resolved() Options {
	if o.Threshold <= 0 {
		o.Threshold = DefaultThreshold
	}
	o.Developments = cmp.Or(o.Developments, DefaultDevelopments)
	switch {
	case o.NameShare == 0:
		o.NameShare = DefaultNameShare
	case o.NameShare < 0:
		o.NameShare = 0
	case o.NameShare > 1:
		o.NameShare = 1
	}
	o.BoilerplateDocs = cmp.Or(o.BoilerplateDocs, DefaultBoilerplateDocs)
	o.DateHalfLife = cmp.Or(o.DateHalfLife, DefaultDateHalfLife)
	t := &o.tune
	t.leadSents = cmp.Or(t.leadSents, leadSentences)
	t.leadRepeat = cmp.Or(t.leadRepeat, leadRepeat)
	t.groupFactor = cmp.Or(t.groupFactor, groupFactor)
	t.hubRatio = cmp.Or(t.hubRatio, hubRatio)
	t.sigMin = cmp.Or(t.sigMin, sigMin)
	t.sigShare = cmp.Or(t.sigShare, sigShare)
	t.sigConc = cmp.Or(t.sigConc, sigConc)
	t.sigNeed = cmp.Or(t.sigNeed, sigNeed)
	t.sigSim = cmp.Or(t.sigSim, sigSim)
	return o
}
