// Draws ```mermaid figures (internal/markdown/figure.go) with mermaid, and
// draws them again in the other palette when the page theme changes.
// Figures marked data-zoomable get pan and zoom (svg-pan-zoom).
(function () {
  "use strict";
  var figs = document.querySelectorAll('figure.d-figure[data-figure="mermaid"]');
  if (!figs.length || !window.distill || !window.mermaid) return;
  var dark = distill.dark, source = distill.source;
  function fail(f, e) { distill.fail(f, e, "diagram"); }
  function zoom(svg) {
    if (!svg || !window.svgPanZoom) return;
    svg.style.maxWidth = "none";
    svgPanZoom(svg, { zoomEnabled: true, controlIconsEnabled: true, fit: true, center: true, minZoom: 0.5, maxZoom: 20 });
  }
  var n = 0;
  async function draw() {
    var theme = dark() ? "dark" : "light";
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: theme === "dark" ? "dark" : "default" });
    for (var i = 0; i < figs.length; i++) {
      var f = figs[i], view = f.querySelector(".d-figure-view");
      f.classList.add("d-figure-live");
      try {
        var r = await mermaid.render("d-mermaid-" + (++n), source(f));
        view.innerHTML = r.svg;
        if (r.bindFunctions) r.bindFunctions(view);
        if (f.hasAttribute("data-zoomable")) zoom(view.querySelector("svg"));
        f.classList.remove("d-figure-failed");
        f.dataset.rendered = theme;
      } catch (e) {
        fail(f, e);
      }
    }
  }
  var queue = Promise.resolve();
  function redraw() { queue = queue.then(draw); }
  redraw();
  distill.onTheme(redraw);
})();
