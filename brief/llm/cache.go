package llm

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/brief-dev/brief/brief/refine"
)

// cacheKey names the cached answer to p from model at base. The API key
// is not part of it: the same question to the same model has the same
// answer whoever pays for it, and the key must not leave a trace on disk.
func cacheKey(model, base string, p refine.Prompt) string {
	h := sha256.New()
	json := "text"
	if p.JSON {
		json = "json"
	}
	for _, part := range []string{"brief-llm-cache-v1", model, base, json, p.System, p.User} {
		fmt.Fprintf(h, "%d:%s\x00", len(part), part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func cachePath(dir, key string) string { return filepath.Join(dir, key+".txt") }

// readCache returns the cached answer for key, if any.
func readCache(dir, key string) (string, bool) {
	b, err := os.ReadFile(cachePath(dir, key))
	if err != nil || len(b) == 0 {
		return "", false
	}
	return string(b), true
}

// writeCache stores answer under key atomically: a reader sees the whole
// answer or none.
func writeCache(dir, key, answer string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-"+key[:16]+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.WriteString(answer)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, cachePath(dir, key))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
