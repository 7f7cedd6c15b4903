package markdown

// The HTML contract: the markup the converter writes that themes (CSS and
// page scripts) may rely on. Each extension documents its part here.
//
// # Code
//
// A fenced or indented code block:
//
//	<pre class="code chroma language-LANG" data-lang="LANG"><code>…spans…</code></pre>
//
// with chroma's class names on the spans (internal/highlight writes the
// matching stylesheet); language-LANG and data-lang are left out when the
// block names no language.
//
// # Figures
//
// A fenced block whose language names a figure kind becomes a <figure>
// (figure.go). The info string after the language takes options, bare or
// key="value", optionally in braces:
//
//	```mermaid caption="How a request flows" id=fig-flow zoomable
//	```chartjs {caption="Bugs per month" height=300px}
//	```diff2html layout=side-by-side
//	```pseudocode linenos
//
// caption (plain text) and id apply to every kind; height (a CSS length)
// to charts and maps; zoomable to mermaid (front matter mermaid.zoomable
// turns it on for every diagram of the post); layout (line-by-line, the
// default, or side-by-side) to diffs; linenos to pseudocode. Unknown
// options are warned about and ignored.
//
// Figures the browser draws — mermaid, chartjs, echarts, vega_lite,
// plotly, geojson, topojson — are
//
//	<figure class="d-figure" data-figure="KIND" [id="ID"] [data-zoomable]>
//	<div class="d-figure-view" [style="height:H"]></div>
//	<details class="d-figure-source"><summary>Source</summary><pre class="code chroma language-…"><code>SOURCE</code></pre></details>
//	[<figcaption>CAPTION</figcaption>]
//	</figure>
//
// The theme's page script for KIND reads the source back with textContent,
// adds the class d-figure-live to the figure (CSS shows the view only
// then, so a reader without JavaScript sees the collapsed source instead of
// an empty box), draws into the view, sets data-rendered="light" or "dark"
// after each drawing, and adds d-figure-failed with a message in the view
// when the library refuses the source. JSON sources (every kind but
// mermaid) are validated at build time: invalid JSON, or JSON of the wrong
// shape (a Chart.js config without "type" and "data", plotly without a
// "data" array, GeoJSON without a GeoJSON "type", TopoJSON without
// "objects" and "arcs"), is an error at the line of the problem, and the
// block stays a code block.
//
// Figures drawn at build time have no script and no source view:
//
//	diff2html  <figure class="d-figure" data-figure="diff2html"><div class="d-diff d-line-by-line|d-side-by-side">…</div>…</figure> (internal/diffview)
//	diff       the same, when the block holds a unified diff with a file header; a snippet of +/- lines stays a highlighted code block
//	typograms  <figure class="d-figure" data-figure="typograms"><svg class="typogram" …>…</svg>…</figure> (internal/typogram)
//	pseudocode <figure class="d-figure" data-figure="pseudocode"><div class="ps-root">…</div>…</figure> (internal/pseudocode), captioned algorithms numbered in document order, math through the document's math renderer
//
// A diff that does not parse, or pseudocode or a typogram the renderer
// refuses, is an error at the line of the problem.
//
// Raw HTML holding <script type="text/tikz"> is left as written, for
// TikZJax to replace with an SVG in the browser; after such an HTML block
// comes <noscript class="d-figure-tikz"><pre class="d-figure-tex"><code>TEX</code></pre></noscript>
// so that readers without JavaScript see the TeX.
//
// Result.Libs names the browser libraries the figures need (internal/libs
// names: mermaid, svg-pan-zoom, chartjs, echarts, vega-embed, plotly,
// leaflet, topojson, tikzjax), and Stats.Figures counts figures by fence
// language ("tikz" for TikZ scripts).
//
// # Citations
//
// Each <d-cite key="a,b"> (closed, self-closing or unclosed; inline or
// inside an HTML block) becomes (cite.go)
//
//	<span class="citation"><a class="citation-number" href="#bib-N">[N, M]</a><span class="hover-card" role="tooltip"><span class="hover-item">…bib.Entry.HoverHTML…</span>…</span></span>
//
// numbered by first appearance; Result.Cited lists the keys in number
// order, and the theme's reference list gives item N the id bib-N. A key
// the bibliography lacks is a warning and prints "?"; a citation with no
// known key is <span class="citation citation-unknown">[?]</span>.
//
// # Footnotes
//
// Markdown [^label] and <d-footnote>…</d-footnote> share one numbering by
// first reference (footnote.go). A reference in the text is
//
//	<span class="footnote"><sup class="footnote-index"><a class="footnote-ref" href="#fn-N" id="fnref-N" role="doc-noteref">N</a></sup><span class="hover-card" role="tooltip">…</span></span>
//
// (later references to the same footnote get ids fnref-N-2, …); inside a
// footnote a reference is the <sup> alone, without id or card. The
// footnotes leave the body for Result.Notes (id fn-N, the content, the ids
// of the references for back links), which the theme lists in the
// appendix. A hover card opens on :hover and :focus-within of its wrapper,
// and on the class "open" that a page script may set.
//
// # distill elements
//
// <d-math>TEX</d-math> in a paragraph, and an HTML block that is one
// <d-math block> or <d-code block language="L"> element, become a formula
// or a highlighted code block as above (delements.go).
