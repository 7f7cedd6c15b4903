// Draws ```echarts figures (internal/markdown/figure.go) with ECharts, in
// its dark theme on a dark page, and again when the theme changes.
(function () {
  "use strict";
  var figs = document.querySelectorAll('figure.d-figure[data-figure="echarts"]');
  if (!figs.length || !window.distill || !window.echarts) return;
  var dark = distill.dark, source = distill.source;
  function fail(f, e) { distill.fail(f, e, "chart"); }
  var charts = [];
  function draw() {
    var theme = dark() ? "dark" : "light";
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    figs.forEach(function (f) {
      var view = f.querySelector(".d-figure-view");
      f.classList.add("d-figure-live");
      try {
        var opt = JSON.parse(source(f));
        if (opt.backgroundColor === undefined) opt.backgroundColor = "transparent";
        var c = echarts.init(view, theme === "dark" ? "dark" : null);
        c.setOption(opt);
        charts.push(c);
        f.dataset.rendered = theme;
      } catch (e) {
        fail(f, e);
      }
    });
  }
  draw();
  distill.onTheme(draw);
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
