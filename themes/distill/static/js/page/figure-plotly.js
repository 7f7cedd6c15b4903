// Draws ```plotly figures (internal/markdown/figure.go: JSON with "data"
// and "layout") with plotly.js on a transparent background in the page's
// text colour, and again when the theme changes. Colours the figure sets
// itself are kept.
(function () {
  "use strict";
  var figs = document.querySelectorAll('figure.d-figure[data-figure="plotly"]');
  if (!figs.length || !window.distill || !window.Plotly) return;
  var dark = distill.dark, source = distill.source;
  function fail(f, e) { distill.fail(f, e, "chart"); }
  function themed(layout, theme) {
    var grid = theme === "dark" ? "rgba(255,255,255,0.16)" : "rgba(0,0,0,0.1)";
    var l = Object.assign({ paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)" }, layout);
    var fg = getComputedStyle(document.body).color;
    l.font = Object.assign({ color: fg }, layout.font);
    l.modebar = Object.assign({ bgcolor: "rgba(0,0,0,0)", color: grid, activecolor: fg }, layout.modebar);
    ["xaxis", "yaxis"].forEach(function (a) {
      l[a] = Object.assign({ gridcolor: grid, zerolinecolor: grid, linecolor: grid }, layout[a]);
    });
    return l;
  }
  function draw() {
    var theme = dark() ? "dark" : "light";
    figs.forEach(function (f) {
      f.classList.add("d-figure-live");
      try {
        var spec = JSON.parse(source(f));
        var config = Object.assign({ responsive: true, displaylogo: false }, spec.config);
        Plotly.react(f.querySelector(".d-figure-view"), spec.data, themed(spec.layout || {}, theme), config)
          .then(function () { f.dataset.rendered = theme; }, function (e) { fail(f, e); });
      } catch (e) {
        fail(f, e);
      }
    });
  }
  draw();
  distill.onTheme(draw);
})();
