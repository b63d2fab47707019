// Package prompts holds the prompts of brief's LLM refinement: text/template
// files embedded in the binary, which a directory of files with the same
// names can override (brief --prompts DIR).
//
// Both templates are executed with a [Data]. The contract with the model
// (source sentences listed as "[s12] text", an answer that is one JSON
// object) is described in README.md, "Writing your own prompts".
package prompts

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"text/template"

	"github.com/brief-dev/brief/brief/refine"
)

// Template file names.
const (
	SystemFile = "system.tmpl" // the system message
	RefineFile = "refine.tmpl" // the user message: the draft and its sentences
)

var fileNames = []string{SystemFile, RefineFile}

//go:embed *.tmpl
var embedded embed.FS

// Data is what every template is executed with.
type Data struct {
	// Title is the article's title.
	Title string
	// Sentences are the source sentences, in document order; each has an
	// ID ("s12") and a Text.
	Sentences []refine.Sentence
	// Sections are the parts of the draft briefing to rewrite, in order:
	// each has a Key (the JSON name: bottom_line, key_points, background,
	// outlook), a Name ("Key points") and Bullets, each with Text, Sources
	// (ids) and Cites (the ids joined by ", ").
	Sections []refine.Section
}

// Set is a parsed pair of templates. It is safe for concurrent use.
type Set struct {
	system, refine *template.Template
}

// defaults parses the embedded templates once.
var defaults = sync.OnceValues(func() (*Set, error) { return parseFS(embedded, "", nil) })

// Default returns the embedded templates. The error is only possible in a
// broken build (the templates are tested).
func Default() (*Set, error) { return defaults() }

// Load returns the templates with those found in dir taking the place of
// the embedded ones of the same file name. It is an error for dir to hold
// none of them, or a *.tmpl file of another name (a misspelling would
// otherwise be ignored silently). Each template is tried on sample data,
// so a reference to a field that does not exist fails here.
func Load(dir string) (*Set, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading prompts: %w", err)
	}
	found := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".tmpl") {
			continue
		}
		if name != SystemFile && name != RefineFile {
			return nil, fmt.Errorf("prompts: %s: unknown template (want %s)", filepath.Join(dir, name), strings.Join(fileNames, " or "))
		}
		found[name] = true
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("prompts: %s holds neither %s", dir, strings.Join(fileNames, " nor "))
	}
	s, err := parseFS(os.DirFS(dir), dir, found)
	if err != nil {
		return nil, err
	}
	if _, err := s.Render(sampleRequest()); err != nil {
		return nil, err
	}
	return s, nil
}

// parseFS parses the templates named in from out of fsys (the directory
// dir, for messages) and the rest from the embedded files; all from fsys
// when from is nil.
func parseFS(fsys fs.FS, dir string, from map[string]bool) (*Set, error) {
	parse := func(name string) (*template.Template, error) {
		src, where := fsys, name
		if from != nil && !from[name] {
			src = embedded
		} else if dir != "" {
			where = filepath.Join(dir, name)
		}
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, fmt.Errorf("prompts: %w", err)
		}
		t, err := template.New(name).Option("missingkey=error").Parse(string(b))
		if err != nil {
			return nil, fmt.Errorf("prompts: %s: %w", where, err)
		}
		return t, nil
	}
	var s Set
	var err error
	if s.system, err = parse(SystemFile); err != nil {
		return nil, err
	}
	if s.refine, err = parse(RefineFile); err != nil {
		return nil, err
	}
	return &s, nil
}

// Render executes the templates for req. The prompt asks for a JSON
// answer.
func (s *Set) Render(req *refine.Request) (refine.Prompt, error) {
	d := Data{Title: oneLine(req.Title)}
	for _, x := range req.Sentences {
		d.Sentences = append(d.Sentences, refine.Sentence{ID: x.ID, Text: oneLine(x.Text)})
	}
	for _, sec := range req.Sections {
		c := sec
		c.Bullets = nil
		for _, b := range sec.Bullets {
			b.Text = oneLine(b.Text)
			c.Bullets = append(c.Bullets, b)
		}
		d.Sections = append(d.Sections, c)
	}
	sys, err := execute(s.system, d)
	if err != nil {
		return refine.Prompt{}, err
	}
	user, err := execute(s.refine, d)
	if err != nil {
		return refine.Prompt{}, err
	}
	if strings.TrimSpace(user) == "" {
		return refine.Prompt{}, errors.New("prompts: " + RefineFile + " gives an empty message")
	}
	return refine.Prompt{System: sys, User: user, JSON: true}, nil
}

// delimiter matches the tags that fence the article in the prompt.
var delimiter = regexp.MustCompile(`(?i)<(/?)(article)`)

// oneLine makes s safe to put on one line between the prompt's <article>
// tags: line breaks become spaces, and a tag written in the article itself
// loses its angle bracket, so the article cannot close its fence early.
func oneLine(s string) string {
	return delimiter.ReplaceAllString(strings.Join(strings.Fields(s), " "), "‹$1$2")
}

func execute(t *template.Template, d Data) (string, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return "", fmt.Errorf("prompts: %w", err)
	}
	return b.String(), nil
}

// sampleRequest is a small request to try templates on.
func sampleRequest() *refine.Request {
	return &refine.Request{
		Title:     "Title",
		Sentences: []refine.Sentence{{ID: "s1", Text: "A sentence."}},
		Sections: []refine.Section{{Key: refine.SectionBottomLine, Name: "Bottom line",
			Bullets: []refine.Bullet{{Text: "A sentence.", Sources: []string{"s1"}}}}},
	}
}
