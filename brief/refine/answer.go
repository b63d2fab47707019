package refine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ErrMalformedAnswer is returned for a model answer that holds no usable
// JSON object.
var ErrMalformedAnswer = errors.New("malformed answer")

// Answer is a model's answer: the rewrites of each section, by JSON name
// ("bottom_line", "key_points", …), in the order given.
type Answer struct {
	Sections map[string][]Rewrite
}

// Rewrite is one bullet as the model rewrote it.
type Rewrite struct {
	Text    string
	Sources []string
}

// ExtractJSON finds the JSON object in a model's answer. It is tolerant of
// what models wrap around it: Markdown code fences, prose before or after,
// and trailing commas before a closing bracket. It returns the object as
// valid JSON, or an error wrapping [ErrMalformedAnswer] (an answer cut off
// before its object closes is malformed too).
func ExtractJSON(answer string) ([]byte, error) {
	s := strings.TrimPrefix(answer, "\ufeff")
	from := 0
	for {
		i := strings.IndexByte(s[from:], '{')
		if i < 0 {
			break
		}
		start := from + i
		end := matchBrace(s, start)
		if end < 0 {
			return nil, fmt.Errorf("%w: the JSON object is not closed (cut off?)", ErrMalformedAnswer)
		}
		obj := []byte(s[start : end+1])
		if json.Valid(obj) {
			return obj, nil
		}
		if fixed := dropTrailingCommas(obj); json.Valid(fixed) {
			return fixed, nil
		}
		from = end + 1
	}
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("%w: the answer is empty", ErrMalformedAnswer)
	}
	return nil, fmt.Errorf("%w: no JSON object in the answer", ErrMalformedAnswer)
}

// matchBrace returns the index of the '}' that closes the '{' at s[start],
// skipping braces inside JSON strings, or -1.
func matchBrace(s string, start int) int {
	depth := 0
	var str jsonString
	for i := start; i < len(s); i++ {
		c := s[i]
		if str.step(c) {
			continue
		}
		switch c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				if c != '}' {
					return -1
				}
				return i
			}
		}
	}
	return -1
}

// jsonString follows whether a byte scan of JSON text is inside a string.
type jsonString struct{ in, escaped bool }

// step takes the next byte c and reports whether c is part of a string,
// its quotation marks included.
func (j *jsonString) step(c byte) bool {
	switch {
	case !j.in:
		j.in = c == '"'
		return j.in
	case j.escaped:
		j.escaped = false
	case c == '\\':
		j.escaped = true
	case c == '"':
		j.in = false
	}
	return true
}

// dropTrailingCommas removes commas that are followed, after white space,
// by '}' or ']', outside strings.
func dropTrailingCommas(b []byte) []byte {
	var out bytes.Buffer
	var str jsonString
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !str.step(c) && c == ',' {
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
				j++
			}
			if j < len(b) && (b[j] == '}' || b[j] == ']') {
				continue
			}
		}
		out.WriteByte(c)
	}
	return out.Bytes()
}

// sectionKeys are the section names an answer may use.
var sectionKeys = []string{SectionBottomLine, SectionKeyPoints, SectionBackground, SectionOutlook}

// ParseAnswer reads a model's answer (see [ExtractJSON] for what it
// tolerates). Each section may be one object or an array of objects
// {"text": "...", "sources": ["s1"]}; a bare string is a rewrite with no
// sources (which the grounding check then refuses). Section names are
// matched without regard to case, spaces or hyphens ("Key points" is
// key_points). Unknown members are ignored.
func ParseAnswer(answer string) (*Answer, error) {
	obj, err := ExtractJSON(answer)
	if err != nil {
		return nil, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(obj, &top); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedAnswer, err)
	}
	a := &Answer{Sections: make(map[string][]Rewrite)}
	collect(a, top)
	if len(a.Sections) == 0 {
		// Some models wrap the answer in one more object, e.g. {"briefing": {...}}.
		for _, v := range top {
			var inner map[string]json.RawMessage
			if json.Unmarshal(v, &inner) == nil {
				collect(a, inner)
			}
		}
	}
	if len(a.Sections) == 0 {
		return nil, fmt.Errorf("%w: the JSON object has none of the sections %s", ErrMalformedAnswer, strings.Join(sectionKeys, ", "))
	}
	return a, nil
}

// collect adds the sections found in obj to a.
func collect(a *Answer, obj map[string]json.RawMessage) {
	for k, v := range obj {
		key := strings.ToLower(strings.TrimSpace(k))
		key = strings.NewReplacer(" ", "_", "-", "_").Replace(key)
		if !slices.Contains(sectionKeys, key) {
			continue
		}
		if rs, ok := decodeRewrites(v); ok {
			a.Sections[key] = rs
		}
	}
}

// decodeRewrites reads one section: an object, a string, or an array of
// either.
func decodeRewrites(v json.RawMessage) ([]Rewrite, bool) {
	v = bytes.TrimSpace(v)
	if len(v) > 0 && v[0] == '[' {
		var items []json.RawMessage
		if json.Unmarshal(v, &items) != nil {
			return nil, false
		}
		out := []Rewrite{}
		for _, it := range items {
			r, ok := decodeRewrite(it)
			if !ok {
				r = Rewrite{} // keep positions: an unreadable item is a missing rewrite
			}
			out = append(out, r)
		}
		return out, true
	}
	if r, ok := decodeRewrite(v); ok {
		return []Rewrite{r}, true
	}
	return nil, false
}

// decodeRewrite reads {"text": …, "sources": …} or a bare string.
func decodeRewrite(v json.RawMessage) (Rewrite, bool) {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return Rewrite{Text: s}, true
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(v, &obj) != nil {
		return Rewrite{}, false
	}
	var r Rewrite
	for k, f := range obj {
		switch strings.ToLower(k) {
		case "text", "bullet":
			_ = json.Unmarshal(f, &r.Text)
		case "sources", "source", "ids", "cites":
			r.Sources = decodeIDs(f)
		}
	}
	return r, true
}

// decodeIDs reads sentence ids given as ["s1", "s2"], "s1, s2", or
// numbers (12 is "s12").
func decodeIDs(v json.RawMessage) []string {
	var list []json.RawMessage
	if json.Unmarshal(v, &list) != nil {
		list = []json.RawMessage{v}
	}
	var out []string
	for _, it := range list {
		var s string
		var n json.Number
		switch {
		case json.Unmarshal(it, &s) == nil:
			for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
				out = append(out, f)
			}
		case json.Unmarshal(it, &n) == nil:
			if i, err := strconv.Atoi(n.String()); err == nil {
				out = append(out, "s"+strconv.Itoa(i))
			}
		}
	}
	return out
}
