package libs

// The libraries of math. Formulas are MathML written at build time, so a
// page with math needs no library but a math font; KaTeX is only for the
// rare formula the build could not convert (markdown's math fallback).

import "strings"

// katex typesets, in the browser, the formulas the build left as TeX; the
// theme's js/page/math-fallback.js drives it. The -swap stylesheet
// declares KaTeX's fonts with font-display: swap.
var katex = Lib{
	Name: "katex", Package: "katex", Version: "0.18.11",
	Files: []File{
		{Path: "dist/katex-swap.min.css", Integrity: "sha384-3NgjctiKthvNSnv8MUZr9QqFn+FJadnDwN+E0n7+yyIqKm28QOrWl9atX0Y51k2X", Size: 24774},
		{Path: "dist/katex.min.js", Integrity: "sha384-vaygNa7Kw+54Zb42f7K+4bfhZp4vWSHPJMKwd7nVmlgSvRADUrCRRdCpc1/CJwO+", Size: 272869},
	},
}

// mathFont is STIX Two Math, an OpenType font with the MATH table that
// native MathML layout needs (stretchy delimiters, radicals, script
// sizes). Fontsource's "latin" file of it holds the whole font, MATH table
// and all its 4,600 characters; only the unicode-range of Fontsource's own
// stylesheet limits it to Latin, so the theme declares the font itself
// (MathFontFace) instead of loading that stylesheet. No page asks for it by
// name: a font cannot carry an integrity attribute, so Tags is not the way
// it is loaded.
var mathFont = Lib{
	Name: "math-font", Package: "@fontsource/stix-two-math", Version: "5.3.0",
	Files: []File{
		{Path: "files/stix-two-math-latin-400-normal.woff2", Integrity: "sha384-l6KnK5BoWCUAZ/4eNmjrCcORyiJsmDQd+Rsh7CvDQfYiV7o9n/EonRCMmNIct/LL", Size: 403344},
	},
}

// MathFontFamily is the font family MathFontFace declares.
const MathFontFamily = "STIX Two Math"

// MathFontURL is where pages load the math font from under base.
func MathFontURL(base string) string { return mathFont.URL(base, mathFont.Files[0]) }

// MathFontMetrics is CSS that depends on the math font's metrics, for pages
// that load it. Chromium sizes a root as if drawn with the font's widest
// surd, so a root is followed by a gap as wide as the difference between
// that surd and the one drawn. internal/mathml's radical fixes which surd
// a flat or raised radicand gets; in STIX Two Math font units the gaps are
// 1212 - 794 and 1212 - 1041.
const MathFontMetrics = `math .flat{margin-right:-0.418em}math .raised{margin-right:-0.171em}`

// MathFontFace is the CSS @font-face rule of the math font under base: the
// reader's installed copy first (macOS and iOS ship it), else the file;
// font-display: swap so that text never waits for it.
func MathFontFace(base string) string {
	u := strings.NewReplacer(`"`, "%22", `\`, "%5C", "\n", "").Replace(MathFontURL(base))
	return `@font-face{font-family:"` + MathFontFamily + `";src:local("` + MathFontFamily + `"),local("STIXTwoMath-Regular"),url("` + u + `") format("woff2");font-display:swap}`
}
