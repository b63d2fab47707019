package lexicon

// The module's one -update flag (see internal/golden), so that
// "go test ./... -update" runs in every package.
import _ "github.com/brief-dev/brief/internal/golden"
