package brief_test

import (
	"fmt"
	"strings"

	"github.com/brief-dev/brief/brief"
)

func ExampleParse() {
	article := strings.Join([]string{
		"Ministers agree to reopen the strait",
		"LONDON (Reuters) - Foreign ministers agreed on Tuesday to reopen the strait. Ships may pass from Friday.",
		"Click here to subscribe to our newsletter",
		"By Jane Doe",
	}, "\n\n")
	doc, err := brief.Parse(article)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Dateline.Place, doc.Dateline.Source, doc.Byline.Name)
	for _, s := range doc.Sentences() {
		fmt.Println(s.ID, s.Text)
	}
	fmt.Println(doc.Dropped)
	// Output:
	// Ministers agree to reopen the strait
	// LONDON Reuters Jane Doe
	// s1 Foreign ministers agreed on Tuesday to reopen the strait.
	// s2 Ships may pass from Friday.
	// [Click here to subscribe to our newsletter]
}
