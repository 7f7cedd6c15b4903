package bib

import (
	"html"
	"strings"

	"github.com/distill-dev/distill/internal/mathml"
)

// textHTML escapes s for HTML, turning the $…$ (or $$…$$) spans that
// BibTeX values keep verbatim (a title's {$O(1/k^2)$}) into inline MathML,
// as the post's own formulas are. A span the converter cannot handle, or a
// dollar that opens none under pandoc's rule (no space inside the
// delimiters, no digit after the closing one), stays text.
func textHTML(s string) string {
	if !strings.Contains(s, "$") {
		return html.EscapeString(s)
	}
	var b strings.Builder
	for {
		start, end, tex := nextMath(s)
		if start < 0 {
			b.WriteString(html.EscapeString(s))
			return b.String()
		}
		b.WriteString(html.EscapeString(s[:start]))
		if res, err := mathml.Convert(tex, mathml.Options{}); err == nil {
			b.WriteString(res.MathML)
		} else {
			b.WriteString(html.EscapeString(s[start:end]))
		}
		s = s[end:]
	}
}

// nextMath finds the first math span of s: its bounds and its TeX, or -1.
func nextMath(s string) (start, end int, tex string) {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] != '$' {
			continue
		}
		delim := "$"
		if strings.HasPrefix(s[i:], "$$") {
			delim = "$$"
		}
		open := i + len(delim)
		if open >= len(s) || s[open] == ' ' {
			i = open - 1
			continue
		}
		for j := open; j < len(s); j++ {
			if s[j] == '\\' {
				j++
				continue
			}
			if !strings.HasPrefix(s[j:], delim) {
				continue
			}
			close := j + len(delim)
			if j == open || s[j-1] == ' ' || close < len(s) && s[close] >= '0' && s[close] <= '9' {
				break
			}
			return i, close, s[open:j]
		}
		i = open - 1
	}
	return -1, -1, ""
}
