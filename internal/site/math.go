package site

// Math: the site's and the post's TeX macros go to the markdown stage;
// `distill build --strict` turns a formula left to the browser into an
// error; a page with math declares the math font (partials/math.html) and,
// only when a formula was left to the browser, loads the script that
// renders it with KaTeX.

import (
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/libs"
)

// mathFuncs are the template functions of partials/math.html.
func mathFuncs(cfg *config.Config) template.FuncMap {
	return template.FuncMap{
		// mathFontFace is the @font-face rule of the math font and the CSS
		// fitted to its metrics, "" when the site relies on the readers'
		// fonts (math.web_font: false).
		"mathFontFace": func() template.CSS {
			if !cfg.Math.WebFont {
				return ""
			}
			base := cfg.Libs.BaseURL
			if strings.HasPrefix(base, "/") && !strings.HasPrefix(base, "//") {
				base = cfg.BaseURL + base // CSS is not rewritten by the emitter
			}
			return template.CSS(libs.MathFontFace(base) + libs.MathFontMetrics)
		},
		"hasLib": func(names []string, name string) bool { return slices.Contains(names, name) },
	}
}

// mathMacros are the macros a post's formulas see besides their own: the
// site's (math.macros in the config) and the post's front matter, which
// wins on a name both define.
func mathMacros(cfg *config.Config, m *frontmatter.Meta) map[string]string {
	if len(m.MathMacros) == 0 {
		return cfg.Math.Macros
	}
	if len(cfg.Math.Macros) == 0 {
		return m.MathMacros
	}
	out := maps.Clone(cfg.Math.Macros)
	maps.Copy(out, m.MathMacros)
	return out
}

// fallbackKind is the diagnostic kind of a formula rendered in the browser.
const fallbackKind = "math-fallback"

// strictMath returns ds with every formula left to the browser an error
// when strict is set; the page's own list (cached across builds) is left
// as it is.
func strictMath(ds diag.List, strict bool) diag.List {
	if !strict {
		return ds
	}
	out := make(diag.List, len(ds))
	for i, d := range ds {
		if d.Kind == fallbackKind {
			d.Severity = diag.Error
		}
		out[i] = d
	}
	return out
}
