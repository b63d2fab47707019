package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brief-dev/brief/brief"
	"golang.org/x/net/html"
)

const testdata = "../../testdata/digest"

// keyPoints parses text and returns the texts of its briefing's key points.
func keyPoints(t *testing.T, text string) []string {
	t.Helper()
	doc, err := brief.Parse(text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var out []string
	for _, b := range brief.Summarize(doc, brief.Options{}).KeyPoints {
		out = append(out, b.Text)
	}
	return out
}

// boilerplate is the page text around the article in telen-dam-talks.html.
var boilerplate = []string{
	"World news desk", "Markets and money", "Subscribe for one euro", "Search the archive",
	"Holiday cruises", "Advertisement", "Sponsored", "puzzle app", "Share on social media",
	"Email this story", "Related stories", "Fishing fleets blame drought", "mountain lakes",
	"Readers' comments", "Typical politicians", "riverfan", "Copyright 2026", "Privacy policy",
	"Contact the newsroom", "Photo: Meridian archive", "The Daily Meridian",
}

func TestHTMLPageOverHTTP(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(testdata, "telen-dam-talks.html"))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := os.ReadFile(filepath.Join(testdata, "telen-dam-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	t.Cleanup(ts.Close)

	var r Reader
	it := r.Read(context.Background(), Input{Name: ts.URL + "/world/telen", kind: kindURL})
	if it.Err != nil {
		t.Fatalf("Read: %v", it.Err)
	}
	if it.Input != ts.URL+"/world/telen" {
		t.Errorf("Input = %q, want the URL as given", it.Input)
	}
	for _, s := range boilerplate {
		if strings.Contains(it.Text, s) {
			t.Errorf("extracted text contains page furniture %q", s)
		}
	}
	for _, s := range []string{"Karesh and Oduna resume talks on the Telen River dam\n", "By Sofia Marchetti\n", "12 March 2026"} {
		if !strings.Contains(it.Text, s) {
			t.Errorf("extracted text lacks %q:\n%s", s, it.Text)
		}
	}
	got, want := keyPoints(t, it.Text), keyPoints(t, string(plain))
	if !slices.Equal(got, want) {
		t.Errorf("key points of the page:\n%q\nwant those of the text:\n%q", got, want)
	}
}

func TestHTMLFileByContent(t *testing.T) {
	// An HTML page saved without an .html name is still found by its content.
	page, err := os.ReadFile(filepath.Join(testdata, "telen-dam-talks.html"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "saved-page")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	var r Reader
	it := r.Read(context.Background(), Input{Name: path, kind: kindFile})
	if it.Err != nil {
		t.Fatal(it.Err)
	}
	if strings.Contains(it.Text, "<p>") || strings.Contains(it.Text, "Copyright") {
		t.Errorf("HTML not extracted:\n%s", it.Text)
	}
	if !strings.HasPrefix(it.Text, "Karesh and Oduna resume talks") {
		t.Errorf("text does not open with the title:\n%s", it.Text)
	}
}

func TestFetchErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7\n"))
	})
	mux.HandleFunc("/photo", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte{0xFF, 0xD8, 0xFF})
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("All work and no play. ", 100)))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/nav-only", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>Copyright</footer></body></html>`)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "A title\n\nThe first sentence is here.")
	})
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)

	r := Reader{MaxBytes: 1000, Timeout: 200 * time.Millisecond}
	tests := []struct {
		path    string
		wantErr error  // errors.Is, when set
		wantMsg string // substring of the message
	}{
		{"/missing", ErrNotFound, "404"},
		{"/broken", nil, "HTTP 500 Internal Server Error"},
		{"/report.pdf", ErrContentType, "application/pdf"},
		{"/photo", ErrContentType, "image/jpeg"},
		{"/huge", ErrTooLarge, "larger than 1000 bytes"},
		{"/loop", nil, "stopped after 5 redirects"},
		{"/slow", nil, "no complete answer within 200ms"},
		{"/nav-only", ErrNoArticle, "no article"},
		{"/plain", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			it := r.Read(context.Background(), Input{Name: ts.URL + tt.path, kind: kindURL})
			if tt.wantMsg == "" {
				if it.Err != nil || it.Text != "A title\n\nThe first sentence is here." {
					t.Fatalf("got (%q, %v), want the text", it.Text, it.Err)
				}
				return
			}
			if it.Err == nil {
				t.Fatalf("no error, want one containing %q", tt.wantMsg)
			}
			if tt.wantErr != nil && !errors.Is(it.Err, tt.wantErr) {
				t.Errorf("error %q is not %q", it.Err, tt.wantErr)
			}
			if !strings.Contains(it.Err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not contain %q", it.Err, tt.wantMsg)
			}
			if strings.Contains(it.Err.Error(), ts.URL) {
				t.Errorf("error %q repeats the URL (the caller names the input)", it.Err)
			}
		})
	}
}

func TestJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a1", "title": "Harbour reopens", "text": "Ships sailed again on Monday."}`,
		``,
		`{"id": 42, "article": "The council met.", "highlights": ["x"]}`,
		`{"title": "No id", "text": "It has no id."}`,
		`not json at all`,
		`{"id": "b2", "title": "Nothing"}`,
		`{"id": "c3", "text": "<html><body><article><p>This page came inside a JSON line and has enough words.</p></article></body></html>"}`,
		`{"id": "d4", "text": "` + strings.Repeat("long ", 300) + `"}`,
		`{"id": "e5", "text": "Last line without a newline."}`,
	}, "\r\n")
	r := Reader{JSONL: true, Stdin: strings.NewReader(in), MaxBytes: 1000}
	type result struct{ input, text, err string }
	var got []result
	for it := range r.Items(context.Background(), []string{"-"}) {
		res := result{input: it.Input, text: it.Text}
		if it.Err != nil {
			res.err = it.Err.Error()
		}
		got = append(got, res)
	}
	want := []result{
		{"a1", "Harbour reopens\n\nShips sailed again on Monday.", ""},
		{"42", "The council met.", ""},
		{"standard input:4", "No id\n\nIt has no id.", ""},
		{"standard input:5", "", "not a JSON object"},
		{"b2", "", `record has neither "text" nor "article"`},
		{"c3", "This page came inside a JSON line and has enough words.\n", ""},
		{"standard input:8", "", "line larger than 1000 bytes"},
		{"e5", "Last line without a newline.", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d items, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.input != w.input || g.text != w.text || !strings.Contains(g.err, w.err) || (w.err == "") != (g.err == "") {
			t.Errorf("item %d = %q, want %q", i, g, w)
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestJSONLStreams(t *testing.T) {
	// Stopping after the first record must not read the whole stream.
	line := `{"id": "x", "text": "` + strings.Repeat("word ", 200) + `"}` + "\n"
	cr := &countingReader{r: strings.NewReader(strings.Repeat(line, 10000))}
	r := Reader{JSONL: true, Stdin: cr}
	for range r.Inputs([]string{"-"}) {
		break
	}
	if cr.n > 1<<20 {
		t.Errorf("read %d bytes for one record of %d: not streaming", cr.n, len(line))
	}
}

func TestInputsDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.txt", ".hidden.txt", "c.html"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "d.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var r Reader
	var got []string
	for in := range r.Inputs([]string{"first.txt", dir, "-", "https://example.org/a"}) {
		got = append(got, in.Name)
	}
	want := []string{"first.txt", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.html"), "-", "https://example.org/a"}
	if !slices.Equal(got, want) {
		t.Errorf("Inputs = %q, want %q", got, want)
	}
	// The missing file is reported when read, by name.
	it := r.Read(context.Background(), Input{Name: "first.txt", kind: kindFile})
	if it.Err == nil || !strings.Contains(it.Err.Error(), "no such file") {
		t.Errorf("missing file: err = %v", it.Err)
	}
}

func TestReadContent(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		wantText      string
		wantErr       error
	}{
		{"empty.txt", "", "", brief.ErrEmpty},
		{"cp1252.txt", "Caf\xe9 talks\n\nThey met.", "Café talks\n\nThey met.", nil},
		{"pdf.txt", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "", brief.ErrBinary},
		{"bom.txt", "\xEF\xBB\xBFTitle\n\nBody text.", "Title\n\nBody text.", nil},
		{"image.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", brief.ErrBinary},
		{"nul.txt", "text\x00\x01\x02 more", "", brief.ErrBinary},
		{"nav.html", "<nav>Home News</nav>", "", ErrNoArticle},
	}
	var r Reader
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			it := r.Read(context.Background(), Input{Name: path, kind: kindFile})
			if !errors.Is(it.Err, tt.wantErr) || (tt.wantErr == nil && it.Err != nil) {
				t.Fatalf("err = %v, want %v", it.Err, tt.wantErr)
			}
			if it.Text != tt.wantText {
				t.Errorf("text = %q, want %q", it.Text, tt.wantText)
			}
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", true},
		{"\xEF\xBB\xBF  \n<html lang=en>", true},
		{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"<meta charset=utf-8><title>x</title>", true},
		{"<article><p>Text</p></article>", true},
		{"<p>Text</p>", true},
		{"Title\n\nThe <b>bold</b> claim was made on Monday.", false},
		{"(CNN)The U.S. military said <nothing>.", false},
		{"", false},
		{"<3 is a heart", false},
	}
	for _, tt := range tests {
		if got := looksLikeHTML([]byte(tt.in)); got != tt.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzPageBlocks checks the text walk over any HTML: every block and
// every dropped text is non-empty, its lines trimmed and non-empty.
// (Readability itself is too slow under the fuzzer's instrumentation to
// fuzz here; it has its own tests.)
func FuzzPageBlocks(f *testing.F) {
	page, err := os.ReadFile(filepath.Join(testdata, "telen-dam-talks.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(page)
	f.Add([]byte("<p>One<br><br>two</p>"))
	f.Add([]byte("<ul><li>a<li>b</ul><h2>Head</h2><pre>x\n\ny</pre>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		looksLikeHTML(b)
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			return
		}
		blocks, dropped := pageBlocks(doc)
		for _, b := range blocks {
			for l := range strings.SplitSeq(b.Text, "\n") {
				if l == "" || strings.ContainsRune(l, '\r') || l != strings.TrimSpace(l) {
					t.Errorf("block %q has a line %q that is empty or not trimmed", b.Text, l)
				}
			}
			if b.Heading && strings.Contains(b.Text, "\n") {
				t.Errorf("heading %q has a line break", b.Text)
			}
		}
		for _, d := range dropped {
			if d == "" || strings.ContainsAny(d, "\n\r") || d != strings.TrimSpace(d) {
				t.Errorf("dropped %q is not one trimmed line", d)
			}
		}
	})
}

// FuzzJSONL checks that any stream gives inputs that all have a name,
// and never more inputs than lines.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id": "a", "text": "x"}` + "\n" + `{"id": 1, "article": "y"}`))
	f.Add([]byte("not json\n\n{\"title\": \"t\"}\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := Reader{JSONL: true, Stdin: bytes.NewReader(b), MaxBytes: 64}
		n := 0
		for in := range r.Inputs([]string{"-"}) {
			n++
			if in.Name == "" {
				t.Errorf("input %d has no name", n)
			}
		}
		if lines := bytes.Count(b, []byte("\n")) + 1; n > lines {
			t.Errorf("%d inputs from %d lines", n, lines)
		}
	})
}
