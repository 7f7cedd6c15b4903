// Draws ```chartjs figures (internal/markdown/figure.go) with Chart.js in
// the page's text colour, and draws them again when the theme changes.
(function () {
  "use strict";
  var figs = document.querySelectorAll('figure.d-figure[data-figure="chartjs"]');
  if (!figs.length || !window.distill || !window.Chart) return;
  var dark = distill.dark, source = distill.source;
  function fail(f, e) { distill.fail(f, e, "chart"); }
  var charts = [];
  function draw() {
    var theme = dark() ? "dark" : "light";
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    Chart.defaults.color = getComputedStyle(document.body).color;
    Chart.defaults.borderColor = theme === "dark" ? "rgba(255,255,255,0.16)" : "rgba(0,0,0,0.1)";
    figs.forEach(function (f) {
      var view = f.querySelector(".d-figure-view");
      f.classList.add("d-figure-live");
      try {
        var cfg = JSON.parse(source(f)); // Chart.js changes the object it is given
        if (view.style.height) {
          cfg.options = cfg.options || {};
          cfg.options.maintainAspectRatio = false;
        }
        var canvas = document.createElement("canvas");
        view.replaceChildren(canvas);
        charts.push(new Chart(canvas, cfg));
        f.dataset.rendered = theme;
      } catch (e) {
        fail(f, e);
      }
    });
  }
  draw();
  distill.onTheme(draw);
})();
