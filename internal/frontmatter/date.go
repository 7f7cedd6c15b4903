package frontmatter

import (
	"regexp"
	"strconv"
	"time"
)

// dateRE matches the dates Jekyll posts use: 2016-09-07,
// 2016-09-07 10:00, 2016-09-07 10:00:00 -0500, 2015-10-20 11:59:00-0400,
// RFC 3339 (2016-09-07T10:00:00.5+02:00, …Z) and a UTC/GMT suffix.
var dateRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})` +
	`(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?` +
	`[ \t]*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$`)

// ParseDate reads a front-matter date. A value without a zone is read in
// UTC and zoned is false, so a caller may re-read its wall clock in the
// site's time zone; a date alone is midnight UTC of that calendar day.
func ParseDate(s string) (t time.Time, zoned bool, ok bool) {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false, false
	}
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	y, mo, d, h, mi, sec := n(1), n(2), n(3), n(4), n(5), n(6)
	ns := 0
	if m[7] != "" {
		frac := (m[7] + "000000000")[:9]
		ns, _ = strconv.Atoi(frac)
	}
	loc, zoned := zone(m[8])
	t = time.Date(y, time.Month(mo), d, h, mi, sec, ns, loc)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d || t.Hour() != h || t.Minute() != mi || t.Second() != sec {
		return time.Time{}, false, false // 2016-02-30, 25:00 …
	}
	return t, zoned, true
}

// zone turns a zone suffix into a location.
func zone(z string) (*time.Location, bool) {
	switch z {
	case "":
		return time.UTC, false
	case "Z", "z", "UTC", "GMT":
		return time.UTC, true
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	digits := z[1:3] + "00"
	if len(z) > 3 {
		digits = z[1:3] + z[len(z)-2:]
	}
	h, _ := strconv.Atoi(digits[:2])
	m, _ := strconv.Atoi(digits[2:])
	off := sign * (h*3600 + m*60)
	if off == 0 {
		return time.UTC, true
	}
	return time.FixedZone("", off), true
}
