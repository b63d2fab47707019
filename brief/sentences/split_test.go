package sentences

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		// Plain endings.
		{"full stops", "The talks ended late. Both sides left.", []string{"The talks ended late.", "Both sides left."}},
		{"question", "Did the ceasefire hold? Nobody could say.", []string{"Did the ceasefire hold?", "Nobody could say."}},
		{"exclamation", "Stop the shelling! The envoy was blunt.", []string{"Stop the shelling!", "The envoy was blunt."}},
		{"double exclamation", "Enough!! We leave now.", []string{"Enough!!", "We leave now."}},
		{"question exclamation", "Really?! Nobody told us.", []string{"Really?!", "Nobody told us."}},
		{"exclamation question", "You signed it!? Show me.", []string{"You signed it!?", "Show me."}},
		{"exclamation in a name", "He ran ads on Yahoo! in the spring.", []string{"He ran ads on Yahoo! in the spring."}},
		{"lower case after full stop", "The vote passed 5 to 4. and the session closed.", []string{"The vote passed 5 to 4. and the session closed."}},

		// Titles, abbreviations, initialisms.
		{"titles", "Sen. Maria Lopez met Gov. Tom Reed and Lt. Col. Ann Park on Friday. They talked.",
			[]string{"Sen. Maria Lopez met Gov. Tom Reed and Lt. Col. Ann Park on Friday.", "They talked."}},
		{"more titles", "Mr. Hale, Mrs. Hale, Dr. Osei and Gen. Vance arrived. Rep. Kim did not.",
			[]string{"Mr. Hale, Mrs. Hale, Dr. Osei and Gen. Vance arrived.", "Rep. Kim did not."}},
		{"saint and street", "St. Anne's school is on Elm St. near the river.", []string{"St. Anne's school is on Elm St. near the river."}},
		{"company mid sentence", "Shares of Acme Co. rose while Widget Inc. fell.", []string{"Shares of Acme Co. rose while Widget Inc. fell."}},
		{"company ends sentence", "The contract went to Acme Co. It starts in May.", []string{"The contract went to Acme Co.", "It starts in May."}},
		{"company before a name", "He sued Widget Inc. Lawyers for both sides declined to comment.",
			[]string{"He sued Widget Inc. Lawyers for both sides declined to comment."}},
		{"lower-case abbreviation ends sentence", "Ask Omar and co. They were there.", []string{"Ask Omar and co.", "They were there."}},
		{"junior possessive", "That is Ed Lee Jr.'s house.", []string{"That is Ed Lee Jr.'s house."}},
		{"U.S. before a noun", "The U.S. Navy moved two ships.", []string{"The U.S. Navy moved two ships."}},
		{"U.S. before lower case", "Aid from the U.S. and the U.N. arrived.", []string{"Aid from the U.S. and the U.N. arrived."}},
		{"U.S. ends sentence", "The plan was drafted by the U.S. He said so on Monday.", []string{"The plan was drafted by the U.S.", "He said so on Monday."}},
		{"E.U. ends question", "Is the deal backed by the E.U. Or not?", []string{"Is the deal backed by the E.U.", "Or not?"}},
		{"U.S.A.", "She toured the U.S.A. in June.", []string{"She toured the U.S.A. in June."}},
		{"e.g. and i.e.", "Some states, e.g. Ohio, voted early, i.e. before May.", []string{"Some states, e.g. Ohio, voted early, i.e. before May."}},
		{"versus", "Tonight it is Texas vs. Oklahoma.", []string{"Tonight it is Texas vs. Oklahoma."}},
		{"number sign", "He lives at No. 10 Downing Street.", []string{"He lives at No. 10 Downing Street."}},
		{"no as a word", "Was there a deal? No. The talks failed.", []string{"Was there a deal?", "No.", "The talks failed."}},
		{"months", "The vote is on Jan. 12 and results come by Feb. 3. The count is slow.",
			[]string{"The vote is on Jan. 12 and results come by Feb. 3.", "The count is slow."}},
		{"month ends sentence", "It began in Sept. and ended in Oct. The talks resume soon.",
			[]string{"It began in Sept. and ended in Oct.", "The talks resume soon."}},
		{"state abbreviation", "Sen. John Reyes, R-Ariz., said the bill was dead.", []string{"Sen. John Reyes, R-Ariz., said the bill was dead."}},
		{"Washington D.C.", "He flew to Washington, D.C. The next day he resigned.", []string{"He flew to Washington, D.C.", "The next day he resigned."}},
		{"page", "See p. 12 for the figures.", []string{"See p. 12 for the figures."}},
		{"Ph.D.", "She earned a Ph.D. Student groups cheered.", []string{"She earned a Ph.D. Student groups cheered."}},

		// Times of day.
		{"a.m. then lower case", "The polls open at 7 a.m. and close at 8 p.m. on Tuesday.",
			[]string{"The polls open at 7 a.m. and close at 8 p.m. on Tuesday."}},
		{"p.m. ends sentence", "The meeting ended at 5 p.m. The ministers then left.", []string{"The meeting ended at 5 p.m.", "The ministers then left."}},
		{"p.m. before a time zone", "Voting opens at 7 a.m. ET Tuesday.", []string{"Voting opens at 7 a.m. ET Tuesday."}},
		{"p.m. before a weekday", "The call came just before 6 P.M. Friday from a neighbour.", []string{"The call came just before 6 P.M. Friday from a neighbour."}},
		{"fronted time", "At 6 a.m. Ms. Diaz reached the border. She waited at 9 A.M. Mr. Diaz came later.",
			[]string{"At 6 a.m. Ms. Diaz reached the border.", "She waited at 9 A.M.", "Mr. Diaz came later."}},

		// Initials and the pronoun I.
		{"middle initial", "John F. Kennedy spoke first.", []string{"John F. Kennedy spoke first."}},
		{"two initials", "The report by A. B. Chen was late.", []string{"The report by A. B. Chen was late."}},
		{"initial in a question", "Did you meet Carla B. Ruiz today?", []string{"Did you meet Carla B. Ruiz today?"}},
		{"pronoun I ends sentence", "It was just Sam and I. Then we left.", []string{"It was just Sam and I.", "Then we left."}},
		{"regnal numeral", "They met Pope Pius X. The talks were long.", []string{"They met Pope Pius X.", "The talks were long."}},

		// Numbers.
		{"money mid sentence", "She paid $100.00 for the visa.", []string{"She paid $100.00 for the visa."}},
		{"money ends sentence", "The bill came to $40.50. It was paid in cash.", []string{"The bill came to $40.50.", "It was paid in cash."}},
		{"percent", "Oil rose 3.5% to $71.20 a barrel. Gas fell.", []string{"Oil rose 3.5% to $71.20 a barrel.", "Gas fell."}},
		{"number ends sentence", "The list was cut to 6. Critics were unhappy.", []string{"The list was cut to 6.", "Critics were unhappy."}},
		{"dotted number", "The code is 12.4.99. Keep it safe.", []string{"The code is 12.4.99.", "Keep it safe."}},

		// URLs and e-mail.
		{"url", "Read it at https://example.org/news/a.b.html. Then reply.", []string{"Read it at https://example.org/news/a.b.html.", "Then reply."}},
		{"www url", "Go to www.Example.org. It is free.", []string{"Go to www.Example.org.", "It is free."}},
		{"email", "Write to Press.Office@example.org. We answer daily.", []string{"Write to Press.Office@example.org.", "We answer daily."}},

		// Quotation marks and parentheses.
		{"quote then lower case", `He turned to her, "We are done." she said.`, []string{`He turned to her, "We are done." she said.`}},
		{"single quote then lower case", "He turned to her, 'We are done.' she said.", []string{"He turned to her, 'We are done.' she said."}},
		{"quote ends sentence", `He turned to her, "We are done." She nodded.`, []string{`He turned to her, "We are done."`, "She nodded."}},
		{"quote opens sentence", `Talks will go on, he said. "We are not finished."`, []string{"Talks will go on, he said.", `"We are not finished."`}},
		{"curly quote with comma", "“It was constructive,” a US official said after the meeting, noting that all differences were not resolved.",
			[]string{"“It was constructive,” a US official said after the meeting, noting that all differences were not resolved."}},
		{"curly quotes", "“We will see.” She smiled. ‘Not today.’ Then she left.", []string{"“We will see.”", "She smiled.", "‘Not today.’", "Then she left."}},
		{"question in quote then lower case", `"Why now?" he asked.`, []string{`"Why now?" he asked.`}},
		{"parenthesis then lower case", "He studied law (He had worked as a nurse.) at night.", []string{"He studied law (He had worked as a nurse.) at night."}},
		{"parenthesised sentence", "The talks failed. (Both sides blamed the other.) Aid was cut.",
			[]string{"The talks failed.", "(Both sides blamed the other.)", "Aid was cut."}},
		{"dateline without space", "(CNN)The U.S. military said Sunday it had struck three sites. Sen. John McCain, R-Ariz., said the strikes came too late.",
			[]string{"(CNN)The U.S. military said Sunday it had struck three sites.", "Sen. John McCain, R-Ariz., said the strikes came too late."}},
		{"dateline with U.S.", "WASHINGTON (CNN)U.S. Sen. Ted Lin spoke on Sunday.", []string{"WASHINGTON (CNN)U.S. Sen. Ted Lin spoke on Sunday."}},

		// Ellipses.
		{"ellipsis mid sentence", "He paused ... then went on.", []string{"He paused ... then went on."}},
		{"ellipsis glued", "He paused...then went on.", []string{"He paused...then went on."}},
		{"ellipsis before I", "She was . . . I do not know.", []string{"She was . . . I do not know."}},
		{"ellipsis ends sentence", "We waited... Nothing came.", []string{"We waited...", "Nothing came."}},
		{"ellipsis character", "We waited… Nothing came.", []string{"We waited…", "Nothing came."}},
		{"four dots", "We waited.... Nothing came.", []string{"We waited....", "Nothing came."}},
		{"spaced four dots", "We waited . . . . Nothing came.", []string{"We waited . . . .", "Nothing came."}},
		{"ellipsis opens sentence", "It ended. . . . The rest is lost. . . .", []string{"It ended.", ". . . The rest is lost. . . ."}},
		{"ellipsis in closing quote", "He wrote that “the end is near. . . .”", []string{"He wrote that “the end is near. . . .”"}},
		{"bracketed ellipsis", `"The plan [...] failed [...]" (Lee 12).`, []string{`"The plan [...] failed [...]" (Lee 12).`}},

		// Lists.
		{"numbered list", "1. Cut aid 2. Close the border 3. Talk", []string{"1. Cut aid", "2. Close the border", "3. Talk"}},
		{"numbered list with stops", "1. Cut aid. 2. Close the border.", []string{"1. Cut aid.", "2. Close the border."}},
		{"paren list", "1) Cut aid 2) Close the border", []string{"1) Cut aid", "2) Close the border"}},
		{"dot paren list", "1.) Cut aid. 2.) Close the border.", []string{"1.) Cut aid.", "2.) Close the border."}},
		{"letter list", "a. Cut aid b. Close the border c. Talk", []string{"a. Cut aid", "b. Close the border", "c. Talk"}},
		{"bullets", "• First point • Second point", []string{"• First point", "• Second point"}},
		{"bulleted numbers", "• 4. First point • 5. Second point", []string{"• 4. First point", "• 5. Second point"}},
		{"numbers out of sequence stay", "Item 1. The end came in 3. Not 4.", []string{"Item 1.", "The end came in 3.", "Not 4."}},

		// Run-together sentences.
		{"no space after full stop", "The talks ended.Both sides left.", []string{"The talks ended.", "Both sides left."}},
		{"no space after number", "They bought 1,000.That is many.", []string{"They bought 1,000.", "That is many."}},
		{"no space after title", "Ask Mr.Smith now.", []string{"Ask Mr.Smith now."}},

		// Languages written without spaces, and scripts without case.
		{"Japanese", "市は二日、新しい計画を発表した。計画は来年から始まる！本当か？",
			[]string{"市は二日、新しい計画を発表した。", "計画は来年から始まる！", "本当か？"}},
		{"Japanese quotation goes on", "「港は閉じた。船は出ない。」と市長は述べた。次の便は未定だ。",
			[]string{"「港は閉じた。船は出ない。」と市長は述べた。", "次の便は未定だ。"}},
		{"Chinese", "政府表示，将继续推进改革。“我们会继续努力。”他说。",
			[]string{"政府表示，将继续推进改革。", "“我们会继续努力。”", "他说。"}},
		{"Chinese spaced and full-width forms", "会议结束了。 记者问：为什么？ 数字是３．５。新的一天開始｡",
			[]string{"会议结束了。", "记者问：为什么？", "数字是３．５。", "新的一天開始｡"}},
		{"Japanese with ASCII punctuation", "雨が降った.風も強い!明日は?",
			[]string{"雨が降った.", "風も強い!", "明日は?"}},
		{"Latin then Japanese", "He said so. 東京は晴れ。", []string{"He said so.", "東京は晴れ。"}},
		{"Korean", "서울시는 2일 새 계획을 발표했다. 계획은 내년부터 시작된다.",
			[]string{"서울시는 2일 새 계획을 발표했다.", "계획은 내년부터 시작된다."}},
		{"Arabic question mark", "هل انتهى الاجتماع؟ نعم انتهى.", []string{"هل انتهى الاجتماع؟", "نعم انتهى."}},
		{"abbreviation before Korean", "The U.S. 대통령 visited.", []string{"The U.S. 대통령 visited."}},

		// White space.
		{"line break inside sentence", "The talks\nended late.\nBoth sides\r\nleft.", []string{"The talks ended late.", "Both sides left."}},
		{"blank line ends sentence", "Breaking news\n\nThe talks ended", []string{"Breaking news", "The talks ended"}},
		{"blank line with spaces and CRLF", "No deal\r\n \t\r\nTalks go on.", []string{"No deal", "Talks go on."}},
		{"blank line after abbreviation", "He works for Acme Co.\n\nWidget Ltd. is a rival.", []string{"He works for Acme Co.", "Widget Ltd. is a rival."}},
		{"tabs and non-breaking spaces", "Mr.\u00a0Smith\tleft.  He was\u00a0tired.", []string{"Mr. Smith left.", "He was tired."}},
		{"no end punctuation", "  a headline without a stop  ", []string{"a headline without a stop"}},
		{"empty", "", nil},
		{"blank", " \n\t\r\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.input)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Split(%q)\n got  %q\n want %q", tt.input, got, tt.want)
			}
		})
	}
}

// TestSplitExample checks the sentence the bundled article must
// keep whole, and that its headings and notices split off as lines of
// their own.
func TestSplitExample(t *testing.T) {
	data, err := os.ReadFile("../../testdata/no-deal-on-syria.txt")
	if err != nil {
		t.Skipf("bundled example not found: %v", err)
	}
	got := Split(string(data))
	want := "“It was constructive,” a US official said after the meeting, noting that all differences were not resolved."
	if !slices.Contains(got, want) {
		t.Errorf("no sentence %q among %d", want, len(got))
	}
}

// checkSentences reports a broken invariant of Split on input.
func checkSentences(t *testing.T, input string, got []string) {
	t.Helper()
	for i, s := range got {
		if s == "" {
			t.Fatalf("sentence %d is empty", i)
		}
		if strings.TrimSpace(s) != s {
			t.Fatalf("sentence %d %q is not trimmed", i, s)
		}
		if strings.ContainsAny(s, "\n\r") {
			t.Fatalf("sentence %d %q holds a line break", i, s)
		}
	}
	var joined strings.Builder
	for _, s := range got {
		joined.WriteString(dropSpace(s))
	}
	if want := dropSpace(input); joined.String() != want {
		t.Fatalf("non-space text changed:\n got  %q\n want %q", joined.String(), want)
	}
}

// dropSpace returns s without its white space.
func dropSpace(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", " ", "Hello World. My name is Jonas.",
		"At 5 a.m. Mr. Smith went to the bank. He left at 6 P.M. Mr. Smith then went home.",
		"1.) The first item 2.) The second item", "• 9. First • 10. Second", "a. One b. Two",
		"It ended. . . . The rest. . . .", "“Done.” she said.\n\nNext para", "(CNN)The U.S. He said",
		"x.Y. . .\r\n\r\n…[...]\"(", "Mr.\u00a0Smith\xff.\xe2\x80 \x83Tuesday.Mr.",
		"「港は閉じた。」と述べた。次だ！", "“努力。”他说。３．５。", "（括弧。閉じない。",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		checkSentences(t, input, Split(input))
	})
}

func BenchmarkSplit(b *testing.B) {
	para := "(CNN)The U.S. military said Sunday it had struck three sites near the border, " +
		"a move Sen. John McCain, R-Ariz., called overdue. “It was constructive,” a U.S. official said " +
		"after the 3 p.m. meeting. Talks will resume on Jan. 12 at 10 a.m. in Geneva... Nobody expects a deal! " +
		"Oil rose 3.5% to $71.20 a barrel, e.g. in London. See https://example.org/a.html for more.\n\n"
	text := strings.Repeat(para, 200)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}

func TestWordCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Talks resume today.", 3},
		{"The U.S. — and others.", 5},
		{"会談は今日再開する。", 9},
		{"東京で2024年にG7会合。", 9},
		{"서울시는 2일 새 계획을 발표했다.", 5},
		{"「」。、", 1},
	}
	for _, tt := range tests {
		if got := WordCount(tt.in); got != tt.want {
			t.Errorf("WordCount(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// FuzzWordCount checks that every run of text between spaces counts as
// at least one word.
func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"", "Talks resume today.", "会談は今日再開する。", "東京で2024年にG7会合。 x", "\xff東"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, min := WordCount(s), len(strings.Fields(s)); got < min {
			t.Errorf("WordCount(%q) = %d, fewer than its %d fields", s, got, min)
		}
	})
}
