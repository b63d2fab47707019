package byline

import "testing"

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Bradley M. Kuhn (http://example.org/)", "Bradley M. Kuhn"},
		{"by Jane Roe", "Jane Roe"},
		{"BY: JANE ROE", "JANE ROE"},
		{"Jane Roe - 11/18/25 11:04 PM EST", "Jane Roe"},
		{"Jane Roe | Updated March 2, 2026", "Jane Roe"},
		{"May Bulman", "May Bulman"},
		{"Jane Roe (@janeroe)", "Jane Roe"},
		{"Von Anna Schmidt", "Anna Schmidt"},
		{"Текст: Анна Петрова", "Анна Петрова"},
		{"By Carrie ArnoldNovember 15, 2019", "Carrie Arnold"},
		{"By ERIC TUCKERAssociated Press", "ERIC TUCKER Associated Press"},
		{"By NASA Staff", "NASA Staff"},
		{"By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.", "Matthew Digby , Minh Do"},
		{"记者 王晓梅", "王晓梅"},
		{"文／王晓梅", "王晓梅"},
		{"佐藤健一 記者", "佐藤健一"},
		{"https://example.org/authors/jane", ""},
		{"By Ann Lee, Bo Park, Cy Young, Di Ross, Ed Wu, Flo Diaz and Gus Ode", "Ann Lee"},
		{"November 18, 2025", ""},
		{"The council approved the budget on Tuesday after a very long debate that lasted into the night.", ""},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitPage(t *testing.T) {
	tests := []struct {
		in         string
		name, role string
	}{
		{"Debbie White", "Debbie White", ""},
		{"Jill Disis, CNN Business", "Jill Disis", "CNN Business"},
		{"Jane Roe, Science Correspondent", "Jane Roe", "Science Correspondent"},
		{"Matthew Digby, Minh Do", "Matthew Digby, Minh Do", ""},
		{"HNN Staff", "HNN Staff", ""},
	}
	for _, tt := range tests {
		if name, role := SplitPage(tt.in); name != tt.name || role != tt.role {
			t.Errorf("SplitPage(%q) = %q, %q; want %q, %q", tt.in, name, role, tt.name, tt.role)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in         string
		name, role string
	}{
		{"Kevin Liptak CNN White House Producer", "Kevin Liptak", "CNN White House Producer"},
		{"Daily Mail Reporter", "Daily Mail Reporter", ""},
		{"Jane Roe, Reuters", "Jane Roe", "Reuters"},
		{"Ann Lee and Bo Park", "Ann Lee and Bo Park", ""},
		{"ANN LEE", "ANN LEE", ""},
		{"Ann Lee for CNN", "Ann Lee", "for CNN"},
		{"Associated Press", "Associated Press", ""},
		{"Our Foreign Staff", "", "Our Foreign Staff"},
		{"Staff Reporter", "", "Staff Reporter"},
		{"Web Desk", "", "Web Desk"},
	}
	for _, tt := range tests {
		if name, role := Split(tt.in); name != tt.name || role != tt.role {
			t.Errorf("Split(%q) = %q, %q; want %q, %q", tt.in, name, role, tt.name, tt.role)
		}
	}
}
