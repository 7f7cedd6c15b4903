package site

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html/template"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/highlight"
	"github.com/distill-dev/distill/internal/output"
	"github.com/distill-dev/distill/internal/theme"
)

// siteData is what every template sees as .Site.
type siteData struct {
	Config config.Config
	Posts  []*Page
	Tags   []*Tag
	// Categories, Years and Featured are the blog's other archives and
	// its pinned posts (lists.go).
	Categories, Years []*Tag
	Featured          []*Page
	Menu              []*Page
	CSS               string // URL of the stylesheet bundle
	JS                string // URL of the script bundle
}

// pageData is the dot of every layout.
type pageData struct {
	Site  *siteData
	Page  *Page
	Posts []*Page // list pages: the posts on this page
	Pager *Pager
}

var distillMonths = [...]string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// DistillDate formats a date as distill.pub does ("Sept. 7, 2016"), in the
// date's own zone so a date is never shifted by a day.
func DistillDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d, %d", distillMonths[t.Month()-1], t.Day(), t.Year())
}

func funcs(cfg *config.Config) template.FuncMap {
	f := template.FuncMap{
		"abs":         func(u string) string { return AbsURL(cfg, u) },
		"isoDate":     func(t time.Time) string { return t.Format("2006-01-02") },
		"distillDate": DistillDate,
		"longDate":    func(t time.Time) string { return t.Format("January 2, 2006") },
		"tagURL":      TagURL,
		"json": func(v any) (template.JS, error) {
			b, err := json.Marshal(v)
			return template.JS(b), err
		},
	}
	maps.Copy(f, blogFuncs(cfg))
	maps.Copy(f, figureFuncs(cfg))
	maps.Copy(f, mathFuncs(cfg))
	return f
}

// AbsURL makes a site-relative URL absolute with the site's url and baseurl.
func AbsURL(cfg *config.Config, u string) string {
	if strings.Contains(u, "://") {
		return u
	}
	return strings.TrimRight(cfg.URL, "/") + cfg.BaseURL + u
}

// writeThemeAssets writes the stylesheet and script bundles under
// fingerprinted names, and the theme's other static files as they are.
func (b *Builder) writeThemeAssets(th *theme.Theme, em *output.Emitter) (css, js string, err error) {
	files, err := th.Static()
	if err != nil {
		return "", "", err
	}
	var cssParts, jsParts []string
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	// distill.css first: it defines the variables the others use.
	slices.SortFunc(names, func(a, b string) int {
		if (a == "css/distill.css") != (b == "css/distill.css") {
			if a == "css/distill.css" {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, n := range names {
		switch ext := path.Ext(n); {
		case ext == ".css":
			cssParts = append(cssParts, string(files[n]))
		case strings.HasPrefix(n, PageScriptDir):
			// Scripts of one page (search) stay out of the bundle.
			if err := em.Emit("assets/theme/"+n, files[n]); err != nil {
				return "", "", err
			}
		case ext == ".js":
			jsParts = append(jsParts, string(files[n]))
		default:
			if err := em.Copy("assets/theme/"+n, files[n]); err != nil {
				return "", "", err
			}
		}
	}
	cssParts = append(cssParts, highlight.CSS())
	cssParts = append(cssParts, extraCSS...)
	css, err = writeBundle(em, "assets/css/distill", ".css", strings.Join(cssParts, "\n"))
	if err != nil {
		return "", "", err
	}
	js, err = writeBundle(em, "assets/js/distill", ".js", strings.Join(jsParts, "\n;\n"))
	return css, js, err
}

// extraCSS is the stylesheet of build-time renderers that live in their
// own packages (diffs, pseudocode, …); they are appended to the bundle.
var extraCSS = []string{figureCSS}

func writeBundle(em *output.Emitter, stem, ext, body string) (string, error) {
	h := fnv.New64a()
	h.Write([]byte(body))
	name := fmt.Sprintf("%s.%08x%s", stem, h.Sum64()&0xffffffff, ext)
	if err := em.Emit(name, []byte(body)); err != nil {
		return "", err
	}
	return "/" + name, nil
}
