package liquid

import (
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/osteele/liquid/render"
)

// jekyll-tabs ({% tabs group %}{% tab group label %}…{% endtab %}{% endtabs %})
// becomes tabs that work without JavaScript: one radio button per tab and
// CSS (alfolio.css in the theme) that shows the panel of the checked one.
// Without CSS every panel shows, one after the other, under its label.

// tabTag renders one panel. Its body is markdown: the blank lines end the
// HTML blocks around it.
func tabTag(ctx render.Context) (string, error) {
	body, err := ctx.InnerString()
	if err != nil {
		return "", err
	}
	f := strings.Fields(ctx.TagArgs())
	label := ""
	if len(f) > 1 {
		label = strings.Join(f[1:], " ")
	} else if len(f) == 1 {
		label = f[0]
	}
	label = strings.Trim(label, `"'`)
	return `<div class="tab-panel" data-label="` + html.EscapeString(label) + `">` + "\n\n" +
		strings.Trim(body, "\n") + "\n\n</div>\n", nil
}

var panelRE = regexp.MustCompile(`<div class="tab-panel" data-label="([^"]*)">`)

// tabsTag renders a group: the radio buttons and labels, then the panels.
func tabsTag(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	body, err := ctx.InnerString()
	if err != nil {
		return "", err
	}
	st.tabs++
	group := Slugify(strings.TrimSpace(ctx.TagArgs()), "")
	if group == "" {
		group = "tabs"
	}
	id := "tabs-" + group + "-" + strconv.Itoa(st.tabs)
	labels := panelRE.FindAllStringSubmatch(body, -1)
	if len(labels) == 0 {
		st.warnf(lineOf(ctx), "liquid", "{%% tabs %s %%} has no {%% tab %%}", group)
	}
	var b strings.Builder
	b.WriteString(`<div class="tabs" id="` + id + `">` + "\n")
	for i, l := range labels {
		in := id + "-" + strconv.Itoa(i+1)
		b.WriteString(`<input type="radio" class="tab-input" name="` + id + `" id="` + in + `"`)
		if i == 0 {
			b.WriteString(" checked")
		}
		b.WriteString(`><label class="tab-label" for="` + in + `">` + l[1] + "</label>")
	}
	b.WriteString("\n")
	b.WriteString(strings.Trim(body, "\n"))
	b.WriteString("\n</div>")
	return b.String(), nil
}
