// distill's own small script: the dark-mode toggle. Everything else on the
// page works without JavaScript.
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
})();
