// Draws ```geojson and ```topojson figures (internal/markdown/figure.go)
// as Leaflet maps over the tiles of the site config (map.tile_url, passed
// as this script's data-tiles). Dark mode darkens the tiles in CSS, so a
// theme change needs no redraw.
(function () {
  "use strict";
  var me = document.currentScript;
  var figs = document.querySelectorAll('figure.d-figure[data-figure="geojson"], figure.d-figure[data-figure="topojson"]');
  if (!figs.length || !window.distill || !window.L) return;
  var dark = distill.dark, source = distill.source;
  function fail(f, e) { distill.fail(f, e, "map"); }
  function geo(f) {
    var data = JSON.parse(source(f));
    if (f.dataset.figure !== "topojson") return data;
    if (!window.topojson) throw new Error("topojson-client is not loaded");
    return Object.keys(data.objects).map(function (k) { return topojson.feature(data, data.objects[k]); });
  }
  var tiles = me && me.dataset.tiles, attribution = me && me.dataset.attribution;
  figs.forEach(function (f) {
    f.classList.add("d-figure-live");
    try {
      var map = L.map(f.querySelector(".d-figure-view"), { scrollWheelZoom: false });
      if (tiles) L.tileLayer(tiles, { attribution: attribution || "", maxZoom: 19 }).addTo(map);
      var layer = L.geoJSON(geo(f)).addTo(map);
      var b = layer.getBounds();
      if (b.isValid()) map.fitBounds(b, { padding: [20, 20], maxZoom: 14 });
      else map.setView([0, 0], 1);
      f.dataset.rendered = dark() ? "dark" : "light";
    } catch (e) {
      fail(f, e);
    }
  });
  function mark() {
    figs.forEach(function (f) { if (f.dataset.rendered) f.dataset.rendered = dark() ? "dark" : "light"; });
  }
  distill.onTheme(mark);
})();
