// Brief writes a bullet-point diplomatic briefing of a news article.
//
// Usage:
//
//	brief [flags] [FILE|-]          write the briefing (Markdown on stdout)
//	brief parse [FILE|-]            print the parsed article as JSON
//	brief sentences [FILE|-]        print one sentence per line
//	brief eval FILE.jsonl           ROUGE of the scorer beside Lead-3
//	brief digest [INPUT]...         one briefing across many articles
//	brief batch [INPUT]...          one briefing JSON line per article
//
// An input is a file, a directory (its files), - for standard input, an
// http(s) URL, or with --jsonl a JSON Lines file of articles; HTML pages
// are reduced to their article.
//
// Run "brief --help" for every command and flag. Exit status: 0 success,
// 1 failure, 2 usage error, 3 some inputs skipped, 130 interrupted.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(int(code))
}
