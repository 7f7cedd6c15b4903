package mathml

import (
	"html"
	"strconv"
	"strings"
)

// WithNumbers returns the MathML with row i of Rows showing "(nums[i])" (or
// nums[i] alone for \tag*) in its right-hand number column, and, when
// ids[i] is not empty, carrying id="ids[i]" as a link target. Missing
// entries show "(?)". The caller passes Tag itself for tagged rows.
func (r Result) WithNumbers(nums []string, ids []string) string {
	if len(r.Rows) == 0 {
		return r.MathML
	}
	pairs := make([]string, 0, 6*len(r.Rows))
	for i := range r.Rows {
		k := strconv.Itoa(i)
		num, id := "?", ""
		if i < len(nums) {
			num = nums[i]
		}
		if i < len(ids) {
			id = ids[i]
		}
		row := "<mtr>"
		if id != "" {
			row = `<mtr id="` + html.EscapeString(id) + `">`
		}
		text := "<mtext>" + html.EscapeString(num) + "</mtext>"
		pairs = append(pairs,
			`<mtr data-eqrow="`+k+`">`, row,
			`<mtext data-eqno="`+k+`"></mtext>`, "<mtext>("+html.EscapeString(num)+")</mtext>",
			`<mtext data-eqnoraw="`+k+`"></mtext>`, text)
	}
	return strings.NewReplacer(pairs...).Replace(r.MathML)
}

// ResolveRefs fills the placeholders \eqref and \ref left in mathml: each
// becomes <mtext>(num)</mtext> (\ref: without parentheses), its text wrapped
// in <a href="…"> when lookup returns an href. Unknown labels show "(??)".
func ResolveRefs(mathml string, lookup func(label string) (num, href string, ok bool)) string {
	const open = `<mtext data-`
	if !strings.Contains(mathml, open) {
		return mathml
	}
	var b strings.Builder
	for {
		i := strings.Index(mathml, open)
		if i < 0 {
			b.WriteString(mathml)
			return b.String()
		}
		b.WriteString(mathml[:i])
		rest := mathml[i+len(open):]
		kind, label, tail, ok := cutRef(rest)
		if !ok {
			b.WriteString(open)
			mathml = rest
			continue
		}
		b.WriteString(renderRef(kind, html.UnescapeString(label), lookup))
		mathml = tail
	}
}

// cutRef splits `eqref="label"></mtext>…` into its parts.
func cutRef(s string) (kind, label, tail string, ok bool) {
	for _, k := range []string{"eqref", "ref"} {
		if rest, found := strings.CutPrefix(s, k+`="`); found {
			label, tail, ok = strings.Cut(rest, `"></mtext>`)
			return k, label, tail, ok && !strings.Contains(label, `"`)
		}
	}
	return "", "", "", false
}

func renderRef(kind, label string, lookup func(string) (string, string, bool)) string {
	num, href, ok := "", "", false
	if lookup != nil {
		num, href, ok = lookup(label)
	}
	if !ok {
		num, href = "??", ""
	}
	text := html.EscapeString(num)
	if kind == "eqref" {
		text = "(" + text + ")"
	}
	if href != "" {
		text = `<a href="` + html.EscapeString(href) + `">` + text + "</a>"
	}
	return "<mtext>" + text + "</mtext>"
}
