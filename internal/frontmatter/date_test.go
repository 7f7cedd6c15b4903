package frontmatter

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	est := time.FixedZone("", -5*3600)
	tests := []struct {
		in    string
		want  time.Time
		zoned bool
		bad   bool
	}{
		{in: "2016-09-07", want: time.Date(2016, 9, 7, 0, 0, 0, 0, time.UTC)},
		{in: "2016-9-7", want: time.Date(2016, 9, 7, 0, 0, 0, 0, time.UTC)},
		{in: "2015-03-15 16:40:16", want: time.Date(2015, 3, 15, 16, 40, 16, 0, time.UTC)},
		{in: "2015-03-15 16:40", want: time.Date(2015, 3, 15, 16, 40, 0, 0, time.UTC)},
		{in: "2016-09-07 10:00:00 -0500", want: time.Date(2016, 9, 7, 10, 0, 0, 0, est), zoned: true},
		{in: "2015-10-20 11:59:00-0400", want: time.Date(2015, 10, 20, 11, 59, 0, 0, time.FixedZone("", -4*3600)), zoned: true},
		{in: "2016-09-07T10:00:00Z", want: time.Date(2016, 9, 7, 10, 0, 0, 0, time.UTC), zoned: true},
		{in: "2016-09-07T10:00:00.25+05:30", want: time.Date(2016, 9, 7, 10, 0, 0, 250_000_000, time.FixedZone("", 5*3600+1800)), zoned: true},
		{in: "2016-09-07 10:00:00 +05", want: time.Date(2016, 9, 7, 10, 0, 0, 0, time.FixedZone("", 5*3600)), zoned: true},
		{in: "2016-09-07 10:00:00 UTC", want: time.Date(2016, 9, 7, 10, 0, 0, 0, time.UTC), zoned: true},
		{in: "2016-09-07 10:00:00 +0000", want: time.Date(2016, 9, 7, 10, 0, 0, 0, time.UTC), zoned: true},
		{in: "2016-02-30", bad: true},
		{in: "2016-09-07 25:00", bad: true},
		{in: "2016", bad: true},
		{in: "yesterday", bad: true},
		{in: "07/09/2016", bad: true},
		{in: "", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, zoned, ok := ParseDate(tt.in)
			if ok == tt.bad {
				t.Fatalf("ParseDate(%q) ok = %v", tt.in, ok)
			}
			if !got.Equal(tt.want) || zoned != tt.zoned {
				t.Errorf("ParseDate(%q) = %v zoned %v, want %v zoned %v", tt.in, got, zoned, tt.want, tt.zoned)
			}
			if ok && got.Format("-0700") != tt.want.Format("-0700") {
				t.Errorf("offset %s, want %s", got.Format("-0700"), tt.want.Format("-0700"))
			}
		})
	}
}

// TestDateOnlyKeepsCalendarDay guards against a zone shift moving the day.
func TestDateOnlyKeepsCalendarDay(t *testing.T) {
	m, ds := Parse("p.md", 1, []byte("date: 2016-09-07\n"))
	if len(ds) != 0 || !m.HasDate || m.DateLine != 2 || m.Date.Format(time.DateOnly) != "2016-09-07" || m.Date.Location() != time.UTC {
		t.Errorf("got %v (line %d, has %v), %v", m.Date, m.DateLine, m.HasDate, ds)
	}
}
