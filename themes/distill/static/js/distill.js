// distill's own small script: the dark-mode toggle, and the few helpers
// the per-figure scripts (static/js/page/figure-*.js) share through
// window.distill. Everything else on the page works without JavaScript.
(function () {
  var root = document.documentElement;
  function current() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function set(theme) {
    root.dataset.theme = theme;
    try { localStorage.setItem("distill-theme", theme); } catch (e) {}
    document.dispatchEvent(new CustomEvent("distill:theme", { detail: theme }));
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest(".theme-toggle");
    if (b) set(current() === "dark" ? "light" : "dark");
  });
  window.distill = {
    // dark reports whether the page is in its dark theme.
    dark: function () { return current() === "dark"; },
    // source is the text of a figure's collapsed source view.
    source: function (f) { return f.querySelector(".d-figure-source code").textContent; },
    // fail shows why a figure could not be drawn, in place of the figure.
    fail: function (f, e, what) {
      f.classList.add("d-figure-failed");
      f.querySelector(".d-figure-view").textContent = "This " + what + " could not be drawn: " + (e && e.message || e);
      console.error(e);
    },
    // onTheme calls fn when the reader toggles the theme or the system one changes.
    onTheme: function (fn) {
      document.addEventListener("distill:theme", fn);
      if (window.matchMedia) matchMedia("(prefers-color-scheme: dark)").addEventListener("change", fn);
    }
  };
})();
