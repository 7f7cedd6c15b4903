// Hover cards of citations and footnotes already open on hover and focus
// with CSS alone. This adds what CSS cannot: a tap opens a card instead of
// jumping to the appendix (a second tap follows the link), a tap elsewhere
// or Escape closes it, and a card that would run off the bottom of the
// window opens above its line. It also keeps giscus in the page's theme.
(function () {
  var SEL = ".citation, .footnote";
  var touch = false;
  function cardOf(w) { return w && w.querySelector(":scope > .hover-card"); }
  function place(w) {
    var c = cardOf(w);
    if (!c) return;
    c.classList.remove("above");
    var r = c.getBoundingClientRect();
    if (r.bottom > window.innerHeight && r.top - r.height > 60) c.classList.add("above");
  }
  function closeAll(except) {
    document.querySelectorAll(".citation.open, .footnote.open").forEach(function (w) {
      if (w !== except && !w.contains(except)) w.classList.remove("open");
    });
  }
  document.addEventListener("pointerdown", function (e) { touch = e.pointerType === "touch"; }, true);
  document.addEventListener("mouseover", function (e) {
    var w = e.target.closest && e.target.closest(SEL);
    if (w) place(w);
  });
  document.addEventListener("focusin", function (e) {
    var w = e.target.closest && e.target.closest(SEL);
    if (w) place(w);
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest(".citation-number, .footnote-ref");
    var w = a && a.closest(SEL);
    if (w && touch && cardOf(w) && !w.classList.contains("open")) {
      e.preventDefault();
      closeAll(w);
      w.classList.add("open");
      place(w);
      return;
    }
    if (!e.target.closest || !e.target.closest(".hover-card")) closeAll(w);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    closeAll(null);
    var f = document.activeElement;
    if (f && f.closest && f.closest(SEL)) f.blur();
  });

  // giscus follows the toggle: tell its frame when the theme changes.
  function giscusTheme(t) {
    var f = document.querySelector("iframe.giscus-frame");
    if (f && f.contentWindow) f.contentWindow.postMessage({ giscus: { setConfig: { theme: t } } }, "https://giscus.app");
  }
  document.addEventListener("distill:theme", function (e) { giscusTheme(e.detail); });
  var told = false;
  window.addEventListener("message", function (e) {
    if (told || e.origin !== "https://giscus.app" || !document.documentElement.dataset.theme) return;
    told = true; // once the frame is up; later changes come from the toggle
    giscusTheme(document.documentElement.dataset.theme);
  });
})();
