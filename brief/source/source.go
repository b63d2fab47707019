// Package source reads the articles brief works on: files, directories,
// standard input, JSON Lines records and web pages (local HTML files or
// http(s) URLs), and turns each into plain text that [brief.Parse] reads
// well or, for web pages, into a [brief.Page] for [brief.ParsePage]. A
// news feed (RSS, Atom or JSON Feed) or an OPML list of feeds, as a file
// or a URL, stands for the articles its items link to (see feed.go).
//
// It is the input side of brief, so unlike package brief it does I/O.
// Inputs are expanded lazily: [Reader.Inputs] yields one [Input] at a
// time and [Reader.Read] reads one, so a run over 100,000 articles never
// holds more than the articles being worked on.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/decode"
)

// Defaults of the [Reader] fields.
const (
	DefaultMaxBytes     = 16 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
)

// Errors reported for inputs that hold no article. Item.Err wraps them.
var (
	// ErrTooLarge means the input is larger than Reader.MaxBytes.
	ErrTooLarge = errors.New("input is too large")
	// ErrNoArticle means an HTML page has no article text.
	ErrNoArticle = errors.New("HTML page has no article text")
	// ErrNotFound means a web server answered 404 Not Found.
	ErrNotFound = errors.New("page not found (HTTP 404)")
	// ErrContentType means a web server sent something other than HTML or text.
	ErrContentType = errors.New("content is neither HTML nor text")
)

// Reader reads inputs. The zero value reads files and URLs with the
// defaults above and treats "-" as an empty standard input.
type Reader struct {
	// Stdin is what "-" reads.
	Stdin io.Reader
	// JSONL makes every file (and "-") a JSON Lines file of articles: one
	// object per line with "id", an optional "title", and "text" or
	// "article".
	JSONL bool
	// MaxBytes is the largest input read (a file, a page, a JSON line);
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// Timeout bounds each web request, body included; 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxRedirects is the number of redirects followed; 0 means
	// DefaultMaxRedirects.
	MaxRedirects int
	// UserAgent is sent with web requests; "" means "brief".
	UserAgent string
	// Transport makes web requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
	// PerHost is the largest number of web requests to one host in
	// flight at once, across every goroutine reading with the Reader;
	// 0 means DefaultPerHost.
	PerHost int
	// FetchDeadline bounds all the web requests of the Reader together,
	// counted from its first: once it has passed, what is being fetched
	// stops and nothing more is, each such input failing with
	// ErrDeadline; 0 means DefaultFetchDeadline.
	FetchDeadline time.Duration
	// Since, when set, leaves out the feed items published (or, lacking
	// that, updated) at or before it. Items without a date are kept;
	// inputs that are not feed items are not affected.
	Since time.Time

	limits limits // shared by every fetch
}

// kind says where an Input's bytes come from.
type kind int

const (
	kindFile   kind = iota // a file path
	kindStdin              // "-"
	kindURL                // an http(s) URL
	kindRecord             // a JSON Lines record: the text is inline
	kindFailed             // expansion failed: err says why
)

// kindFeedItem is an item of a feed: Name is its link (see feed.go).
const kindFeedItem = kindFailed + 1

// Input is one article to read, as yielded by [Reader.Inputs].
type Input struct {
	// Name is the input as given: a path (for files found in a
	// directory, the directory joined with the file name), a URL, "-",
	// or a JSON Lines record's id.
	Name string

	kind kind
	text string    // kindRecord: the article text
	err  error     // kindFailed
	page *page     // kindURL: the page as fetched while expanding, if it was
	feed *FeedItem // kindFeedItem, and kindFailed for an item: what the feed says of it
}

// Item is one input read: its text, or the reason it has none.
type Item struct {
	// Input is the input's name as given (see Input.Name).
	Input string
	// Text is the article as plain text: for HTML pages, the extracted
	// article rendered as text ("Title\n\nBy Byline\n\nparagraph\n\n…",
	// see [brief.Page.Text]).
	Text string
	// Page is the article as the HTML reader found it, for web pages (a
	// file, standard input or URL that is HTML, or a JSON Lines record
	// holding HTML); nil for plain text. Parse it with [brief.ParsePage]
	// rather than parsing Text: it keeps what the page's markup says
	// (title, byline, date, headings, line breaks) that Text can only
	// suggest.
	Page *brief.Page
	// Note, when non-empty, says how the text was converted (for example
	// from Windows-1252), for the user's information.
	Note string
	// Err is why the input could not be read. It does not repeat the
	// input's name.
	Err error
	// Feed is what the feed said of the item, when the input is a feed
	// item (Input is then the item's link); nil otherwise. It is set
	// whether or not the page was read: its title, date and author fill
	// in what the page lacks ([FeedItem.Fill]) and can stand for the
	// page that could not be read ([FeedItem.Briefing]).
	Feed *FeedItem
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return DefaultMaxBytes
}

// otherScheme returns the scheme of a URL brief does not fetch ("file",
// "ftp"), or "".
func otherScheme(name string) string {
	scheme, _, ok := strings.Cut(name, "://")
	if !ok || scheme == "" || len(scheme) > 10 {
		return ""
	}
	for _, r := range scheme {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return ""
		}
	}
	return strings.ToLower(scheme)
}

// schemeError says why a URL of another scheme is not read.
func schemeError(name string) error {
	if otherScheme(name) == "file" {
		return errors.New("file:// URLs are not read: give the file's path instead")
	}
	return fmt.Errorf("%s:// URLs are not read: brief fetches http and https URLs", otherScheme(name))
}

// Redact returns name with the user name and password of a URL removed
// ("http://alice:s3cr3t@host/a" is "http://host/a"), for messages and
// outputs: credentials given in a URL are never printed or written.
// Other names are returned as they are.
func Redact(name string) string {
	if !strings.Contains(name, "://") || !strings.Contains(name, "@") {
		return name
	}
	u, err := url.Parse(name)
	if err != nil || u.User == nil {
		// Unparsable: cut everything between the scheme and the last
		// "@" before the path.
		scheme, rest, _ := strings.Cut(name, "://")
		host := rest
		if i := strings.IndexAny(rest, "/?#"); i >= 0 {
			host = rest[:i]
		}
		if at := strings.LastIndex(host, "@"); at >= 0 {
			return scheme + "://" + rest[at+1:]
		}
		return name
	}
	u.User = nil
	return u.String()
}

// IsURL reports whether name is read over the network (an http or https
// URL) rather than as a file.
func IsURL(name string) bool {
	l := strings.ToLower(name)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Inputs expands args, in order, into the inputs to read: a directory
// becomes its regular files (not those of its subdirectories), sorted by
// name, hidden files (".name") skipped; "-" is standard input; with
// JSONL, each file becomes its records. A name that cannot be expanded
// (a missing file, a malformed JSON line) is yielded as an Input whose
// Read reports the error, so that the caller names it and moves on. A
// JSON Lines stream may begin with a UTF-8 byte order mark.
//
// A feed or an OPML file, found by its content whether it is a file or a
// URL, becomes the items of its feeds (see feed.go): items published at
// or before Since are left out, and an item whose link was already
// yielded (from another feed, or as a URL) is not yielded again. URLs
// are therefore fetched while they are expanded (a few URL arguments
// ahead of the one expanded, at once, within PerHost); the page of a URL
// that is no feed goes with its Input, and Read does not fetch it again.
//
// Inputs is InputsContext with a context that is never done.
func (r *Reader) Inputs(args []string) iter.Seq[Input] {
	return r.InputsContext(context.Background(), args)
}

// InputsContext is Inputs that stops when ctx is done: the sequence then
// ends, without an error input (the caller knows its context). It looks
// at ctx between arguments, between the lines of a JSON Lines stream and
// before every read of one, so that it stops promptly even inside a line
// that never ends (such as /dev/zero's). A read of a JSON Lines stream
// that blocks (standard input from a pipe with nothing to say) is
// abandoned when ctx is done: it runs in a goroutine of its own, which
// ends when the read returns (closing Reader.Stdin, where that unblocks
// it, or the process ending, ends it).
func (r *Reader) InputsContext(ctx context.Context, args []string) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		ex := r.newExpansion(ctx, args)
		defer ex.stop()
		for i, arg := range args {
			ex.arg = i
			if ctx.Err() != nil || !r.expand(ctx, arg, ex, yield) {
				return
			}
		}
	}
}

// expand yields the inputs of one argument; it returns false when yield
// asked to stop or ctx is done. ex is the state of the expansion: the
// links and feeds already yielded, the URLs fetched ahead.
func (r *Reader) expand(ctx context.Context, arg string, ex *expansion, yield func(Input) bool) bool {
	switch {
	case arg == "-":
		if r.JSONL {
			return r.records(ctx, "-", r.stdin(), yield)
		}
		return yield(Input{Name: arg, kind: kindStdin})
	case IsURL(arg):
		if r.JSONL {
			return yield(failed(arg, errors.New("--jsonl reads files, not URLs")))
		}
		return r.urlInputs(ctx, arg, ex, yield)
	case otherScheme(arg) != "":
		return yield(failed(arg, schemeError(arg)))
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return yield(failed(arg, fileError(err)))
	}
	if !fi.IsDir() {
		return r.file(ctx, arg, ex, yield)
	}
	entries, err := os.ReadDir(arg) // sorted by name
	if err != nil {
		return yield(failed(arg, fileError(err)))
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(arg, e.Name())
		if !e.Type().IsRegular() {
			// Follow symbolic links to regular files; skip the rest.
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				continue
			}
		}
		if !r.file(ctx, p, ex, yield) {
			return false
		}
	}
	return true
}

// file yields the input of one file: itself, the items of the feeds it
// is or lists, or its records with JSONL.
func (r *Reader) file(ctx context.Context, path string, ex *expansion, yield func(Input) bool) bool {
	if !r.JSONL {
		if b, kind := r.sniffFile(path); kind != docOther {
			return r.document(ctx, path, nil, b, kind, ex, yield)
		}
		return yield(Input{Name: path, kind: kindFile})
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(failed(path, fileError(err)))
	}
	defer f.Close()
	return r.records(ctx, path, f, yield)
}

func failed(name string, err error) Input {
	return Input{Name: name, kind: kindFailed, err: err}
}

func (r *Reader) stdin() io.Reader {
	if r.Stdin == nil {
		return strings.NewReader("")
	}
	return r.Stdin
}

// fileError words a file system error for the user, without repeating
// the path (the caller names the input).
func fileError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return errors.New("no such file or directory")
		case errors.Is(err, os.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

// Read reads one input and returns its text, or the reason it has none.
// HTML (found by its content or a .html/.htm name, or by the server's
// content type) is reduced to its main article. A feed item's link is
// fetched as a URL is; the Item carries what the feed says of the item
// (Item.Feed) whether or not the page could be read, and an error names
// the item. A feed where an article is wanted (a feed given to Input)
// is refused with ErrFeed. When ctx is done, a fetch stops and a read
// of standard input is abandoned (see InputsContext); Err then wraps
// ctx.Err().
func (r *Reader) Read(ctx context.Context, in Input) Item {
	it := Item{Input: in.Name}
	switch in.kind {
	case kindFailed:
		it.Err = in.err
	case kindRecord:
		it.Text, it.Page, it.Err = r.record(in.text)
	case kindStdin:
		// Standard input may block for ever (a pipe with nothing to
		// say): the read is abandoned when ctx is done.
		b, err := r.readAll(contextReader(ctx, r.stdin()))
		if err != nil {
			it.Err = err
			break
		}
		it.Text, it.Page, it.Note, it.Err = r.decode(b, "", false, nil)
	case kindFile:
		b, err := r.readFile(in.Name)
		if err != nil {
			it.Err = err
			break
		}
		ext := strings.ToLower(filepath.Ext(in.Name))
		it.Text, it.Page, it.Note, it.Err = r.decode(b, "", ext == ".html" || ext == ".htm" || ext == ".xhtml", nil)
	case kindURL, kindFeedItem:
		p, err := r.pageOf(ctx, in)
		if err != nil {
			it.Err = err
			break
		}
		it.Text, it.Page, it.Note, it.Err = r.decode(p.body, p.contentType, p.html, p.url)
	default:
		it.Err = fmt.Errorf("unknown input kind %d", in.kind)
	}
	if in.feed != nil {
		it.Feed = in.feed
		if it.Err != nil {
			it.Err = in.feed.explain(it.Err)
		}
	}
	return it
}

// Items reads every input of args in turn. It is Inputs and Read
// together, for callers that need no concurrency.
func (r *Reader) Items(ctx context.Context, args []string) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for in := range r.InputsContext(ctx, args) {
			if ctx.Err() != nil {
				return
			}
			if !yield(r.Read(ctx, in)) {
				return
			}
		}
	}
}

func (r *Reader) readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, errors.New("is a directory, not an article")
	}
	b, err := r.readAll(f)
	if err != nil {
		return nil, err
	}
	if err := notADocument(b); err != nil {
		return nil, err
	}
	return b, nil
}

// readAll reads at most MaxBytes from rd.
func (r *Reader) readAll(rd io.Reader) ([]byte, error) {
	limit := r.maxBytes()
	b, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(limit)
	}
	return b, nil
}

func tooLarge(limit int64) error {
	if limit >= 1<<20 {
		return fmt.Errorf("larger than %d MiB: %w", limit>>20, ErrTooLarge)
	}
	return fmt.Errorf("larger than %d bytes: %w", limit, ErrTooLarge)
}

// decode turns the raw bytes of an input into article text, and for an
// HTML page into a Page as well. isHTML says the input is known to be
// HTML (by its name or content type); otherwise the content decides.
func (r *Reader) decode(b []byte, contentType string, isHTML bool, page *url.URL) (text string, pg *brief.Page, note string, err error) {
	if isHTML || looksLikeHTML(b) {
		pg, note, err := readPage(b, contentType, page)
		if err != nil {
			return "", nil, "", err
		}
		return pg.Text(), pg, note, nil
	}
	// Name the binary formats that announce themselves (PDF, images,
	// archives); DecodeText tells the rest.
	if ct, _, _ := strings.Cut(http.DetectContentType(b), ";"); !strings.HasPrefix(ct, "text/") && ct != "application/octet-stream" {
		return "", nil, "", fmt.Errorf("%w (%s)", brief.ErrBinary, ct)
	}
	text, note, err = decode.Text(b)
	if err != nil {
		return "", nil, "", err
	}
	return text, nil, note, nil
}

// record returns the text of a JSON Lines record, normalised as
// DecodeText does, or reduced to its article when it is HTML.
func (r *Reader) record(text string) (string, *brief.Page, error) {
	if looksLikeHTML([]byte(text)) {
		pg, _, err := readPage([]byte(text), "text/html; charset=utf-8", nil)
		if err != nil {
			return "", nil, err
		}
		return pg.Text(), pg, nil
	}
	t, _, err := decode.Text([]byte(text))
	return t, nil, err
}

// Input returns the input named name without expanding it: a file (a
// directory is an error when read), "-" for standard input, or a URL.
// Commands that take one article use it.
func (r *Reader) Input(name string) Input {
	switch {
	case name == "-":
		return Input{Name: name, kind: kindStdin}
	case IsURL(name):
		return Input{Name: name, kind: kindURL}
	case otherScheme(name) != "":
		return failed(name, schemeError(name))
	}
	return Input{Name: name, kind: kindFile}
}
