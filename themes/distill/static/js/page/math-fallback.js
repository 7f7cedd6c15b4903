// Renders, with KaTeX, the formulas the build could not convert to MathML
// (internal/markdown/mathrender.go): <span class="math-fallback"
// data-tex="…" [data-display] [data-preamble="…"]>. partials/libs.html
// loads KaTeX before this script, on those pages only. The post's macro
// definitions come in data-preamble; they are typeset once, unseen, into a
// table every formula shares, as MathJax holds a definition for the whole
// post.
(function () {
  "use strict";
  var els = document.querySelectorAll(".math-fallback[data-tex]");
  if (!els.length || !window.katex) return;
  var macros = {};
  var pre = document.querySelector(".math-fallback[data-preamble]");
  if (pre) {
    try {
      window.katex.renderToString(pre.getAttribute("data-preamble"), { macros: macros, globalGroup: true, throwOnError: false, strict: "ignore" });
    } catch (e) { /* a bad definition only loses its macro */ }
  }
  els.forEach(function (el) {
    try {
      window.katex.render(el.getAttribute("data-tex"), el, {
        displayMode: el.hasAttribute("data-display"),
        macros: macros,
        throwOnError: false,
        strict: "ignore",
      });
      el.classList.add("math-rendered");
    } catch (e) { /* the TeX stays readable as it is */ }
  });
})();
