package llm

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// transport is the HTTP client go-openai sends through. It does two
// things go-openai cannot:
//
//   - write "temperature": 0 into the request body. go-openai's
//     ChatCompletionRequest.Temperature is a float32 tagged omitempty, so
//     0 is left out and the server uses its default (1 for OpenAI); see
//     github.com/sashabaranov/go-openai issue #9. A tiny non-zero value
//     would not be 0, so the field is added to the JSON instead;
//   - keep the response headers, for Retry-After on errors.
//
// One transport serves one request.
type transport struct {
	client          *http.Client
	zeroTemperature bool
	header          http.Header // of the response
	sent            bool        // Do was called
}

// Do sends req.
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	t.sent = true
	if t.zeroTemperature && req.Body != nil && req.Method == http.MethodPost {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = withZeroTemperature(body)
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.ContentLength = int64(len(body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	resp, err := t.client.Do(req)
	if resp != nil {
		t.header = resp.Header
	} else {
		t.header = http.Header{}
	}
	return resp, err
}

// withZeroTemperature adds "temperature": 0 to a JSON object that has no
// temperature. Anything else is returned unchanged.
func withZeroTemperature(body []byte) []byte {
	var obj map[string]json.RawMessage
	if json.Unmarshal(body, &obj) != nil {
		return body
	}
	if _, ok := obj["temperature"]; ok {
		return body
	}
	obj["temperature"] = json.RawMessage("0")
	out, err := json.Marshal(obj)
	if err != nil {
		return body
	}
	return out
}
