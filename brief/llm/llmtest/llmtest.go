// Package llmtest is a fake OpenAI-compatible chat completions server for
// tests: POST /v1/chat/completions on loopback, answered by a function the
// test gives. It records every request.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// Request is one request the server received.
type Request struct {
	Header http.Header
	Body   map[string]any // the JSON body
	Raw    []byte
	System string // content of the system message
	User   string // content of the user message
	At     time.Time
}

// HandlerFunc answers the n-th request (from 1).
type HandlerFunc func(w http.ResponseWriter, r *http.Request, n int, req Request)

// Server is a running fake API. Close it when done.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	requests []Request
}

// NewServer starts a server that answers with h.
func NewServer(h HandlerFunc) *Server {
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
			Error(w, http.StatusNotFound, "no such endpoint "+r.URL.Path)
			return
		}
		raw, _ := io.ReadAll(r.Body)
		req := Request{Header: r.Header.Clone(), Raw: raw, At: time.Now()}
		_ = json.Unmarshal(raw, &req.Body)
		if msgs, ok := req.Body["messages"].([]any); ok {
			for _, m := range msgs {
				m, _ := m.(map[string]any)
				content, _ := m["content"].(string)
				switch m["role"] {
				case "system":
					req.System = content
				case "user":
					req.User = content
				}
			}
		}
		s.mu.Lock()
		s.requests = append(s.requests, req)
		n := len(s.requests)
		s.mu.Unlock()
		h(w, r, n, req)
	}))
	return s
}

// BaseURL is the API base URL to give a client: the server's URL + "/v1".
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Answer writes a successful completion with content and finish reason
// "stop".
func Answer(w http.ResponseWriter, content string) { AnswerWith(w, content, "stop") }

// AnswerWith writes a successful completion with content and the given
// finish reason.
func AnswerWith(w http.ResponseWriter, content, finish string) {
	resp := map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "created": 1700000000, "model": "fake",
		"choices": []any{map[string]any{
			"index": 0, "finish_reason": finish,
			"message": map[string]any{"role": "assistant", "content": content},
		}},
		"usage": map[string]any{"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160},
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}

// NoChoices writes a successful completion with no choices.
func NoChoices(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, `{"id": "x", "object": "chat.completion", "choices": [], "usage": {}}`)
}

// Error writes an OpenAI-style error.
func Error(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": message, "type": "invalid_request_error"}})
}

// Hang waits until the client gives up.
func Hang(r *http.Request) { <-r.Context().Done() }
