// Draws ```vega_lite figures (internal/markdown/figure.go; Vega-Lite or
// Vega specifications) with vega-embed as SVG, in the dark theme on a dark
// page, and again when the theme changes.
(function () {
  "use strict";
  var figs = document.querySelectorAll('figure.d-figure[data-figure="vega_lite"]');
  if (!figs.length || !window.distill || !window.vegaEmbed) return;
  var dark = distill.dark, source = distill.source;
  function fail(f, e) { distill.fail(f, e, "chart"); }
  var views = [];
  async function draw() {
    var theme = dark() ? "dark" : "light";
    views.forEach(function (v) { v.finalize(); });
    views = [];
    for (var i = 0; i < figs.length; i++) {
      var f = figs[i];
      f.classList.add("d-figure-live");
      try {
        var opts = { actions: false, renderer: "svg", config: { background: "transparent" } };
        if (theme === "dark") opts.theme = "dark";
        views.push(await vegaEmbed(f.querySelector(".d-figure-view"), JSON.parse(source(f)), opts));
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
