package brief

// DecodeText turns raw input bytes into text: it removes a UTF-8 byte order
// mark and normalises line endings. Note is non-empty when the input had to
// be converted (for example from Windows-1252) and says how.
//
// PLACEHOLDER: the foundation issue completes this.
func DecodeText(b []byte) (text string, note string, err error) {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	return string(b), "", nil
}
