// Draws ```echarts figures (internal/markdown/figure.go) with ECharts, in
// its dark theme on a dark page, and again when the theme changes.
(function () {
  "use strict";
  var figs = document.querySelectorAll('figure.d-figure[data-figure="echarts"]');
  if (!figs.length || !window.echarts) return;
  var root = document.documentElement;
  function dark() {
    if (root.dataset.theme) return root.dataset.theme === "dark";
    return !!(window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches);
  }
  function source(f) { return f.querySelector(".d-figure-source code").textContent; }
  function fail(f, e) {
    f.classList.add("d-figure-failed");
    f.querySelector(".d-figure-view").textContent = "This chart could not be drawn: " + (e && e.message || e);
    console.error(e);
  }
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
  document.addEventListener("distill:theme", draw);
  if (window.matchMedia) matchMedia("(prefers-color-scheme: dark)").addEventListener("change", draw);
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
