package liquid

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"
	"unicode"
)

// addFilters defines the Jekyll filters posts use, on top of standard
// Liquid's.
func (en *Engine) addFilters() {
	e := en.e
	e.RegisterFilter("relative_url", func(v any) string { return en.relativeURL(toString(v)) })
	e.RegisterFilter("absolute_url", func(v any) string { return en.absoluteURL(toString(v)) })
	e.RegisterFilter("slugify", func(v any, mode string) string { return Slugify(toString(v), mode) })
	e.RegisterFilter("xml_escape", func(v any) string { return html.EscapeString(toString(v)) })
	e.RegisterFilter("cgi_escape", func(v any) string { return url.QueryEscape(toString(v)) })
	e.RegisterFilter("uri_escape", func(v any) string { return (&url.URL{Path: toString(v)}).EscapedPath() })
	e.RegisterFilter("jsonify", func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		return string(b)
	})
	e.RegisterFilter("number_of_words", func(v any) int { return len(strings.Fields(toString(v))) })
	e.RegisterFilter("normalize_whitespace", func(v any) string { return strings.Join(strings.Fields(toString(v)), " ") })
	e.RegisterFilter("array_to_sentence_string", func(v []any, conj string) string {
		if conj == "" {
			conj = "and"
		}
		words := make([]string, len(v))
		for i, x := range v {
			words[i] = toString(x)
		}
		switch len(words) {
		case 0:
			return ""
		case 1:
			return words[0]
		case 2:
			return words[0] + " " + conj + " " + words[1]
		}
		return strings.Join(words[:len(words)-1], ", ") + ", " + conj + " " + words[len(words)-1]
	})
	e.RegisterFilter("date_to_string", func(t time.Time) string { return t.Format("02 Jan 2006") })
	e.RegisterFilter("date_to_long_string", func(t time.Time) string { return t.Format("02 January 2006") })
	e.RegisterFilter("date_to_xmlschema", func(t time.Time) string { return t.Format(time.RFC3339) })
	e.RegisterFilter("date_to_rfc822", func(t time.Time) string { return t.Format(time.RFC1123Z) })
	// markdownify and smartify run before markdown here, which converts the
	// text anyway.
	e.RegisterFilter("markdownify", func(v any) string { return toString(v) })
	e.RegisterFilter("smartify", func(v any) string { return toString(v) })
	e.RegisterFilter("where", func(list []any, key string, want any) []any {
		var out []any
		for _, x := range list {
			if m, ok := x.(map[string]any); ok && toString(m[key]) == toString(want) {
				out = append(out, x)
			}
		}
		return out
	})
}

// relativeURL is Jekyll's relative_url: the site's baseurl before a
// root-relative path.
func (en *Engine) relativeURL(p string) string {
	if strings.Contains(p, "://") || strings.HasPrefix(p, "//") {
		return p
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if en.opt.BaseURL != "" && (p == en.opt.BaseURL || strings.HasPrefix(p, en.opt.BaseURL+"/")) {
		return p
	}
	return en.opt.BaseURL + p
}

// absoluteURL is Jekyll's absolute_url: url and baseurl before the path.
func (en *Engine) absoluteURL(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	return en.opt.URL + en.relativeURL(p)
}

// Slugify is Jekyll's slugify in its default mode ("default"), "raw",
// "pretty" and "none".
func Slugify(s, mode string) string {
	if mode == "none" {
		return s
	}
	keep := func(r rune) bool {
		switch mode {
		case "raw":
			return !unicode.IsSpace(r)
		case "pretty":
			return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._~!$&'()+,;=@", r)
		}
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if keep(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// toString formats a Liquid value as the engine prints it.
func toString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []byte:
		return string(v)
	case fmt.Stringer:
		return v.String()
	default:
		return fmt.Sprint(v)
	}
}
