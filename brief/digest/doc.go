// Package digest turns the briefings of a day's articles into one digest:
// the articles that report the same story grouped, each story told in one
// line, the stories ranked most reported first.
//
// Each article is reduced, where it is parsed, to its [Features]: the
// terms of its sentences (Porter stems of content words, and names
// counted apart), a hash of each sentence, its credit lines, its
// publication date and its title (derived from its first sentence when
// it has none). A [Builder] collects the briefings and features of the
// day, one article at a time, keeping of the features only their term
// ids; [Builder.Digest] then groups the articles by TF-IDF similarity
// with average linkage at one threshold (see Options.Threshold), attaches
// features and opinion pieces to the story whose names they carry, picks
// each story's line and ranks the stories. [Group] does the grouping
// alone and [Score] scores a grouping against a reference one, for
// "brief eval --stories".
//
// The package is pure: no files, network or clock. Everything is
// deterministic: the result depends on the articles and their order, not
// on map order or the number of CPUs.
package digest
