package pseudocode

// CSS styles Render's output after pseudocode.js's stylesheet: rules above
// and below the caption, bold keywords, small-caps routine names, 1.2em
// indentation per block and line numbers in a left gutter. Colours follow
// the text colour, so dark mode needs nothing extra.
const CSS = `.ps-root{font-family:KaTeX_Main,"Latin Modern Roman","Times New Roman",serif;margin:1.2em 0;overflow-x:auto}
.ps-algorithm{margin:.8em 0;border-top:3px solid currentColor;border-bottom:2px solid currentColor}
.ps-algorithm.with-caption>.ps-caption{border-bottom:2px solid currentColor}
.ps-line{margin:0;padding:0 0 0 1.2em;text-indent:-1.2em;line-height:1.6}
.ps-algorithmic{position:relative;padding:.2em 0}
.ps-algorithmic.with-linenum{padding-left:1.6em}
.ps-block{margin-left:1.2em}
.ps-linenum{position:absolute;left:0;width:1.8em;text-indent:0;text-align:right;font-size:.9em;opacity:.8}
.ps-keyword{font-weight:bold}
.ps-funcname{font-variant:small-caps}
.ps-comment{opacity:.75;margin-left:.5em}
.ps-math{font-size:.95em}
.ps-sc{font-variant:small-caps}.ps-sf{font-family:sans-serif}
.ps-upper{text-transform:uppercase}.ps-lower{text-transform:lowercase}
`
