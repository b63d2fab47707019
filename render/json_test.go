package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
)

func TestJSONArraysNeverNull(t *testing.T) {
	b := &brief.Briefing{
		Title:      "T",
		KeyPoints:  []brief.Bullet{{Text: "x"}},
		Statements: []brief.Statement{{Quote: "q"}},
	}
	var buf bytes.Buffer
	if err := JSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "null") {
		t.Errorf("JSON holds null:\n%s", out)
	}
	for _, key := range []string{`"bottom_line": []`, `"actors": []`, `"background": []`, `"outlook": []`, `"sources": []`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s:\n%s", key, out)
		}
	}
	if b.BottomLine != nil || b.KeyPoints[0].Sources != nil {
		t.Error("JSON changed the briefing it was given")
	}
}

func TestJSONKeyOrder(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, syriaBriefing()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	last := -1
	for _, key := range []string{`"title"`, `"meta"`, `"bottom_line"`, `"key_points"`, `"actors"`, `"statements"`, `"background"`, `"outlook"`} {
		i := strings.Index(out, "\n  "+key+":")
		if i < 0 || i < last {
			t.Fatalf("key %s missing or out of order:\n%s", key, out)
		}
		last = i
	}
	var back brief.Briefing
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Statements[0].Quote != "It was constructive," || back.Meta.Sentences != 42 {
		t.Errorf("round trip lost data: %+v", back)
	}
	if !strings.Contains(out, "“") && strings.Contains(out, `\u`) {
		t.Error("non-ASCII text is escaped")
	}
}

func TestDigestJSON(t *testing.T) {
	d := testDigest()
	d.KeyDevelopments = append(d.KeyDevelopments, digest.Development{Text: "no inputs"})
	d.Articles[2].Actors = nil
	var buf bytes.Buffer
	if err := DigestJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "null") {
		t.Errorf("digest JSON holds null:\n%s", out)
	}
	var v struct {
		Date            string `json:"date"`
		KeyDevelopments []struct {
			Text     string   `json:"text"`
			Articles []string `json:"articles"`
		} `json:"key_developments"`
		Articles []struct {
			Input string `json:"input"`
			Title string `json:"title"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Date != "2026-03-14" || len(v.KeyDevelopments) != 3 || len(v.KeyDevelopments[0].Articles) != 2 {
		t.Errorf("key developments: %+v", v)
	}
	if len(v.Articles) != 4 || v.Articles[1].Input != "grain.txt" || v.Articles[1].Title != "Ministers in Genève agree a grain corridor — for now" {
		t.Errorf("articles (briefing fields inlined beside the input): %+v", v.Articles)
	}
}
