package brief

import "flag"

// update rewrites golden files instead of comparing with them. The parser
// tests declare the same flag; when both land, keep one declaration.
var update = flag.Bool("update", false, "update golden files")
