package refine

import (
	"errors"
	"reflect"
	"testing"
)

func TestExtractJSON(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            bool
	}{
		{"plain", `{"a": 1}`, `{"a": 1}`, false},
		{"fenced", "```json\n{\"a\": 1}\n```", `{"a": 1}`, false},
		{"prose around", "Here is the briefing:\n{\"a\": \"x}\"}\nHope this helps!", `{"a": "x}"}`, false},
		{"trailing commas", `{"a": [1, 2,], "b": {"c": 3,},}`, `{"a": [1, 2], "b": {"c": 3}}`, false},
		{"comma inside string kept", `{"a": "x,}",}`, `{"a": "x,}"}`, false},
		{"braces in prose first", "Use {curly} braces: {\"a\": 1}", `{"a": 1}`, false},
		{"cut off", `{"a": [1, 2`, "", true},
		{"no object", "I cannot help with that.", "", true},
		{"empty", "  ", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ExtractJSON(tt.in)
			if tt.err {
				if !errors.Is(err, ErrMalformedAnswer) {
					t.Fatalf("ExtractJSON(%q) = %q, %v; want ErrMalformedAnswer", tt.in, got, err)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("ExtractJSON(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseAnswer(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string][]Rewrite
		err  bool
	}{
		{
			name: "contract",
			in: `{"bottom_line": {"text": "A.", "sources": ["s1"]},
			      "key_points": [{"text": "B.", "sources": ["s2", "s3"]}, {"text": "C.", "sources": ["s4"]}],
			      "outlook": []}`,
			want: map[string][]Rewrite{
				"bottom_line": {{Text: "A.", Sources: []string{"s1"}}},
				"key_points":  {{Text: "B.", Sources: []string{"s2", "s3"}}, {Text: "C.", Sources: []string{"s4"}}},
				"outlook":     {},
			},
		},
		{
			name: "loose forms",
			in:   "```\n{\"Bottom line\": [{\"text\": \"A.\", \"sources\": \"s1, [s2]\"}], \"Key-Points\": [\"bare\", {\"text\": \"N.\", \"sources\": [7]}], \"actors\": 3}\n```",
			want: map[string][]Rewrite{
				"bottom_line": {{Text: "A.", Sources: []string{"s1", "[s2]"}}},
				"key_points":  {{Text: "bare"}, {Text: "N.", Sources: []string{"s7"}}},
			},
		},
		{
			name: "wrapped",
			in:   `{"briefing": {"outlook": {"text": "O.", "sources": ["s9"]}}}`,
			want: map[string][]Rewrite{"outlook": {{Text: "O.", Sources: []string{"s9"}}}},
		},
		{name: "no sections", in: `{"summary": "x"}`, err: true},
		{name: "garbage", in: `<html>502 Bad Gateway</html>`, err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAnswer(tt.in)
			if tt.err {
				if !errors.Is(err, ErrMalformedAnswer) {
					t.Fatalf("ParseAnswer: err = %v, want ErrMalformedAnswer", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Sections, tt.want) {
				t.Fatalf("ParseAnswer:\n got %#v\nwant %#v", got.Sections, tt.want)
			}
		})
	}
}

func FuzzParseAnswer(f *testing.F) {
	f.Add(`{"bottom_line": {"text": "A.", "sources": ["s1"]}}`)
	f.Add("```json\n{\"key_points\": [{\"text\": \"B\", \"sources\": [\"s2\",],},]}\n```")
	f.Add(`{"a": "\"}{"`)
	f.Add(`{{{{`)
	f.Fuzz(func(t *testing.T, s string) {
		obj, err := ExtractJSON(s)
		if err == nil && len(obj) == 0 {
			t.Fatal("ExtractJSON returned no object and no error")
		}
		a, err := ParseAnswer(s)
		if err == nil && len(a.Sections) == 0 {
			t.Fatal("ParseAnswer returned no sections and no error")
		}
	})
}
