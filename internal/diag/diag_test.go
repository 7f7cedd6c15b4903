package diag

import "testing"

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "a.md", Line: 3, Severity: Error, Msg: "bad"}, "a.md:3: bad"},
		{Diagnostic{File: "a.md", Line: 3, Col: 7, Severity: Warning, Msg: "odd"}, "a.md:3:7: warning: odd"},
		{Diagnostic{File: "a.md", Severity: Error, Msg: "no line"}, "a.md: no line"},
		{Diagnostic{Severity: Warning, Msg: "site"}, "warning: site"},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestListSortCountShift(t *testing.T) {
	var l List
	l.Warnf("b.md", 2, "k", "w%d", 1)
	l.Errorf("a.md", 9, "k", "e")
	l.Warnf("a.md", 1, "k", "w")
	l.Sort()
	if l[0].File != "a.md" || l[0].Line != 1 || l[2].File != "b.md" {
		t.Errorf("not sorted by file then line: %v", l)
	}
	if !l.HasErrors() || l.Count(Warning) != 2 || l.Count(Error) != 1 {
		t.Errorf("counts wrong: %v", l)
	}
	s := List{{Line: 2, Msg: "x"}, {Msg: "no line"}}.Shift("f.md", 10)
	if s[0].File != "f.md" || s[0].Line != 12 || s[1].Line != 0 {
		t.Errorf("Shift: %v", s)
	}
}
