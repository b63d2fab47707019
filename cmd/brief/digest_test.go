package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/golden"
)

// digestDir is where the digest test articles are.
const digestDir = "../../testdata/digest"

// copyArticles copies test articles into a new directory and returns it.
func copyArticles(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(digestDir, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// digestJSON is the part of the digest JSON the tests read.
type digestJSON struct {
	Date            string `json:"date"`
	KeyDevelopments []struct {
		Text     string   `json:"text"`
		Articles []string `json:"articles"`
		Sources  []string `json:"sources"`
	} `json:"key_developments"`
	Articles []struct {
		Input     string            `json:"input"`
		Title     string            `json:"title"`
		KeyPoints []json.RawMessage `json:"key_points"`
	} `json:"articles"`
}

func TestDigestSameStoryTwice(t *testing.T) {
	dir := copyArticles(t, "strait-reopens-wire.txt", "strait-reopens-paper.txt", "morrow-election-delay.txt", "telen-dam-talks.txt")
	wire, paper := filepath.Join(dir, "strait-reopens-wire.txt"), filepath.Join(dir, "strait-reopens-paper.txt")
	code, out, stderr := runBrief(t, "", "digest", "-f", "json", "--date", "2026-03-12",
		wire, filepath.Join(dir, "morrow-election-delay.txt"), paper, filepath.Join(dir, "telen-dam-talks.txt"))
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	var d digestJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("digest JSON: %v\n%s", err, out)
	}
	if d.Date != "2026-03-12" {
		t.Errorf("date = %q", d.Date)
	}
	if len(d.KeyDevelopments) != 3 {
		t.Fatalf("%d key developments, want 3 (the strait story once):\n%s", len(d.KeyDevelopments), out)
	}
	var strait int
	for _, k := range d.KeyDevelopments {
		if len(k.Articles) == 0 || len(k.Sources) == 0 {
			t.Errorf("development %q names no input or source", k.Text)
		}
		for _, s := range k.Sources {
			in, _, _ := strings.Cut(s, "#")
			if !slices.Contains(k.Articles, in) {
				t.Errorf("source %q is not from one of %q", s, k.Articles)
			}
		}
		if slices.Contains(k.Articles, wire) {
			strait++
			if !slices.Equal(k.Articles, []string{wire, paper}) {
				t.Errorf("strait development names %q, want both reports %q", k.Articles, []string{wire, paper})
			}
		}
	}
	if strait != 1 {
		t.Errorf("the strait story is in %d developments, want 1", strait)
	}
	if len(d.Articles) != 4 || d.Articles[0].Input != wire || d.Articles[2].Input != paper {
		t.Errorf("articles are not the four inputs in order: %+v", d.Articles)
	}
}

func TestDigestSkipsBadInput(t *testing.T) {
	dir := copyArticles(t, "strait-reopens-wire.txt", "norland-grain-ban.txt", "telen-dam-talks.html")
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"json", "md"} {
		t.Run(format, func(t *testing.T) {
			code, out, stderr := runBrief(t, "", "digest", "-f", format, "--date", "2026-03-12", dir)
			if code != exitPartial {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
			}
			if want := "brief: " + empty + ": "; !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr = %q, want one line starting %q", stderr, want)
			}
			for _, title := range []string{
				"Norland and Estavia agree to reopen the Velmar Strait",
				"Norland extends ban on grain exports until spring",
				"Karesh and Oduna resume talks on the Telen River dam",
			} {
				if !strings.Contains(out, title) {
					t.Errorf("output lacks the title %q", title)
				}
			}
			if format == "json" {
				var d digestJSON
				if err := json.Unmarshal([]byte(out), &d); err != nil {
					t.Fatal(err)
				}
				if len(d.Articles) != 3 {
					t.Errorf("%d articles, want 3", len(d.Articles))
				}
			}
		})
	}
}

func TestDigestNothingProduced(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runBrief(t, "", "digest", empty, filepath.Join(dir, "missing.txt"))
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if out != "" {
		t.Errorf("stdout = %q, want nothing", out)
	}
	for _, want := range []string{empty + ": input is empty", "missing.txt: no such file", "no articles produced"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestDigestHTMLOverHTTP(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(digestDir, "telen-dam-talks.html"))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/telen" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	t.Cleanup(ts.Close)
	code, out, stderr := runBrief(t, "", "digest", "-f", "json", ts.URL+"/telen", ts.URL+"/gone", filepath.Join(digestDir, "morrow-election-delay.txt"))
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	if want := fmt.Sprintf("brief: %s/gone: page not found (HTTP 404)\n", ts.URL); stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
	var d digestJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 2 || d.Articles[0].Input != ts.URL+"/telen" || d.Articles[0].Title != "Karesh and Oduna resume talks on the Telen River dam" {
		t.Errorf("articles = %+v", d.Articles)
	}
	if strings.Contains(out, "Copyright") || strings.Contains(out, "Related stories") {
		t.Errorf("page furniture in the digest:\n%s", out)
	}
}

func TestDigestUsage(t *testing.T) {
	tests := [][]string{
		{"digest", "-f", "docx", "x.txt"},
		{"digest", "--date", "yesterday", "x.txt"},
		{"digest", "--paper", "a3", "x.txt"},
		{"digest", "--jobs", "0", "x.txt"},
	}
	for _, args := range tests {
		if code, _, stderr := runBrief(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d; stderr %q", args, code, exitUsage, stderr)
		}
	}
}

func TestExpandDate(t *testing.T) {
	date, err := briefingDate("2026-03-12")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"briefing-{date}.pdf", "briefing-2026-03-12.pdf"},
		{"/var/briefs/{date}/digest-{date}.md", "/var/briefs/2026-03-12/digest-2026-03-12.md"},
		{"plain.md", "plain.md"},
		{"-", "-"},
	}
	for _, tt := range tests {
		if got := expandDate(tt.in, date); got != tt.want {
			t.Errorf("expandDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// storiesJSON is the part of the digest JSON that tells the grouping.
type storiesJSON struct {
	KeyDevelopments []struct {
		Text     string   `json:"text"`
		Story    string   `json:"story"`
		Reports  int      `json:"reports"`
		Articles []string `json:"articles"`
	} `json:"key_developments"`
	Stories []struct {
		ID       string   `json:"id"`
		Text     string   `json:"text"`
		Reports  int      `json:"reports"`
		Articles []string `json:"articles"`
		Members  []int    `json:"members"`
		Detailed bool     `json:"detailed"`
	} `json:"stories"`
	Articles []struct {
		Input        string `json:"input"`
		Title        string `json:"title"`
		TitleDerived bool   `json:"title_derived"`
		Story        string `json:"story"`
	} `json:"articles"`
}

// dayDir holds invented articles without titles: a dam burst reported
// four times and commented on once, a grain ban reported twice, an
// election delay.
const dayDir = "../../testdata/digest/day"

func readStories(t *testing.T, out string) storiesJSON {
	t.Helper()
	var d storiesJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("digest JSON: %v\n%s", err, out)
	}
	return d
}

// grouping is the digest's stories as sets of inputs, by base name.
func grouping(d storiesJSON) []string {
	var out []string
	for _, s := range d.Stories {
		var names []string
		for _, a := range s.Articles {
			names = append(names, filepath.Base(a))
		}
		slices.Sort(names)
		out = append(out, strings.Join(names, " "))
	}
	return out
}

func TestDigestStories(t *testing.T) {
	code, out, stderr := runBrief(t, "", "digest", "-f", "json", "--date", "2026-03-12", dayDir)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	d := readStories(t, out)
	want := []string{
		"dam-burst-wire.txt dam-comment.txt dam-death-toll.txt dam-homeless.txt dam-rescue.txt",
		"grain-ban.txt grain-prices.txt",
		"election-delay.txt",
	}
	if got := grouping(d); !slices.Equal(got, want) {
		t.Errorf("stories = %q, want %q (most reported first)", got, want)
	}
	for i, k := range d.KeyDevelopments {
		s := d.Stories[i]
		if k.Story != s.ID || k.Reports != len(s.Articles) || k.Text != s.Text || !strings.Contains(out, `"story": "`+s.ID+`"`) {
			t.Errorf("key development %d = %+v, want story %+v", i, k, s)
		}
	}
	for _, a := range d.Articles {
		if !a.TitleDerived || a.Title == "" || strings.Contains(a.Title, "Untitled") {
			t.Errorf("%s: title %q (derived %v)", a.Input, a.Title, a.TitleDerived)
		}
	}
	for _, format := range []string{"md", "json"} {
		_, out, _ := runBrief(t, "", "digest", "-f", format, "--date", "2026-03-12", dayDir)
		if strings.Contains(strings.ToLower(out), "untitled") {
			t.Errorf("%s output says untitled:\n%s", format, out)
		}
	}
}

func TestDigestMarkdownGolden(t *testing.T) {
	code, out, stderr := runBrief(t, "", "digest", "--date", "2026-03-12", dayDir)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	golden.Check(t, filepath.Join(digestDir, "day.golden.md"), []byte(out))
}

func TestDigestDevelopments(t *testing.T) {
	for _, n := range []string{"1", "0", "2"} {
		code, out, stderr := runBrief(t, "", "digest", "-f", "json", "--developments", n, dayDir)
		if code != exitOK {
			t.Fatalf("--developments %s: exit %d, stderr:\n%s", n, code, stderr)
		}
		d := readStories(t, out)
		if want, _ := strconv.Atoi(n); len(d.KeyDevelopments) != want {
			t.Errorf("--developments %s: %d key developments", n, len(d.KeyDevelopments))
		}
	}
	for _, args := range [][]string{
		{"digest", "--developments", "-1", dayDir},
		{"digest", "--briefings", "--jsonl", "x.jsonl"},
		{"digest", "--briefings", "--refine", "x.jsonl"},
	} {
		if code, _, stderr := runBrief(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d; stderr %q", args, code, exitUsage, stderr)
		}
	}
}

// TestDigestFromBriefings: a digest built from "brief batch" output, made
// in two runs as on two machines, groups as the digest of the articles.
func TestDigestFromBriefings(t *testing.T) {
	_, direct, _ := runBrief(t, "", "digest", "-f", "json", "--date", "2026-03-12", dayDir)
	dir := t.TempDir()
	entries, err := os.ReadDir(dayDir)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for i, half := range [][]os.DirEntry{entries[:4], entries[4:]} {
		args := []string{"batch"}
		for _, e := range half {
			args = append(args, filepath.Join(dayDir, e.Name()))
		}
		code, out, stderr := runBrief(t, "", args...)
		if code != exitOK {
			t.Fatalf("batch: exit %d, stderr:\n%s", code, stderr)
		}
		if !strings.Contains(out, `"features":{"v":1,`) {
			t.Fatalf("batch lines carry no features:\n%.300s", out)
		}
		p := filepath.Join(dir, "part"+strconv.Itoa(i)+".jsonl")
		if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p)
	}
	code, fromBatch, stderr := runBrief(t, "", append([]string{"digest", "--briefings", "-f", "json", "--date", "2026-03-12"}, parts...)...)
	if code != exitOK {
		t.Fatalf("digest --briefings: exit %d, stderr:\n%s", code, stderr)
	}
	if a, b := grouping(readStories(t, direct)), grouping(readStories(t, fromBatch)); !slices.Equal(a, b) {
		t.Errorf("from briefings: %q\ndirect: %q", b, a)
	}
	// From standard input too, and a bad line is reported and skipped.
	lines, _ := os.ReadFile(parts[0])
	stdin := string(lines) + "{\"id\": \"old\", \"title\": \"no features\", \"key_points\": [{\"text\": \"A point.\"}]}\nnot json\n"
	code, out, stderr := runBrief(t, stdin, "digest", "--briefings", "-f", "json", "-")
	if code != exitPartial {
		t.Errorf("bad lines: exit %d, want %d", code, exitPartial)
	}
	for _, want := range []string{"brief: standard input:5: no \"features\"", "brief: standard input:6: not a line of brief batch"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if d := readStories(t, out); len(d.Articles) != 4 {
		t.Errorf("%d articles from the good lines, want 4", len(d.Articles))
	}
}

func TestDigestPDFFromDay(t *testing.T) {
	out := filepath.Join(t.TempDir(), "d.pdf")
	if code, _, stderr := runBrief(t, "", "digest", "-o", out, "--date", "2026-03-12", dayDir); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
}
