package rouge

import "strings"

// FirstWords joins lines with newlines, keeping only their first n words
// (separated by white space) in all; n of 0 keeps everything.
func FirstWords(lines []string, n int) string {
	if n <= 0 {
		return strings.Join(lines, "\n")
	}
	var out []string
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) > n {
			f = f[:n]
		}
		n -= len(f)
		if len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
		if n == 0 {
			break
		}
	}
	return strings.Join(out, "\n")
}
