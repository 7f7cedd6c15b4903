// distill serve: live reload. The preview server adds this script to the
// pages it serves; it is never part of a build.
(function () {
  "use strict";
  var me = document.currentScript;
  var page = norm(me.getAttribute("data-page") || location.pathname);
  var key = "distill-scroll:" + location.pathname;

  // Back where the reader was before the reload.
  var y = sessionStorage.getItem(key);
  if (y !== null) {
    sessionStorage.removeItem(key);
    var to = function () { window.scrollTo(0, +y); };
    to();
    addEventListener("load", to);
  }

  function norm(u) {
    var p = new URL(u, location.href).pathname;
    return p.replace(/\/index\.html$/, "/");
  }

  function reload() {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }

  // uses reports whether an element of the page loads url (links to it,
  // as <a> or a feed's <link rel=alternate> do, does not count).
  function uses(url) {
    var els = document.querySelectorAll("[src],[srcset],object[data],video[poster],link[rel~=icon],link[rel=preload],link[rel=modulepreload]");
    for (var i = 0; i < els.length; i++) {
      var e = els[i];
      var attrs = [e.getAttribute("src"), e.tagName === "LINK" ? e.getAttribute("href") : null,
        e.getAttribute("data"), e.getAttribute("poster")];
      var set = e.getAttribute("srcset");
      if (set) set.split(",").forEach(function (s) { attrs.push(s.trim().split(/\s+/)[0]); });
      for (var j = 0; j < attrs.length; j++) {
        if (attrs[j] && norm(attrs[j]) === url) return true;
      }
    }
    return false;
  }

  function swapCSS(from, to) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var old = links[i];
      if (norm(old.getAttribute("href")) !== from) continue;
      var n = old.cloneNode();
      n.href = to + (to === from ? "?t=" + Date.now() : "");
      n.onload = function (o) { return function () { o.remove(); }; }(old);
      old.after(n);
    }
  }

  var overlayID = "distill-error-overlay";

  function showErrors(list) {
    var o = document.getElementById(overlayID);
    if (!o) {
      o = document.createElement("div");
      o.id = overlayID;
      o.setAttribute("role", "alert");
      o.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2em";
      document.body.appendChild(o);
    }
    o.replaceChildren();
    var h = document.createElement("p");
    h.style.cssText = "color:#ff8080;font-weight:bold;margin:0 0 1em";
    h.textContent = "distill: the build failed; still serving the last good pages. Fix the file and save:";
    o.appendChild(h);
    var ul = document.createElement("ul");
    ul.style.cssText = "margin:0;padding-left:1.2em;white-space:pre-wrap";
    list.forEach(function (m) {
      var li = document.createElement("li");
      li.textContent = m;
      ul.appendChild(li);
    });
    o.appendChild(ul);
    var close = document.createElement("button");
    close.textContent = "×";
    close.title = "Hide until the next build";
    close.style.cssText = "position:absolute;top:.5em;right:.8em;font-size:1.5em;background:none;color:#fff;border:0;cursor:pointer";
    close.onclick = function () { o.remove(); };
    o.appendChild(close);
  }

  function clearErrors() {
    var o = document.getElementById(overlayID);
    if (o) o.remove();
  }

  var es = new EventSource("/__distill/events");
  es.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    var pages = (d.pages || []).map(norm);
    if (pages.indexOf(page) >= 0 || pages.indexOf(norm(location.pathname)) >= 0 ||
        (d.assets || []).some(function (a) { return uses(norm(a)); })) {
      reload();
    }
  });
  es.addEventListener("css", function (e) {
    (JSON.parse(e.data).swap || []).forEach(function (s) { swapCSS(norm(s.from), norm(s.to)); });
  });
  es.addEventListener("errors", function (e) { showErrors(JSON.parse(e.data).errors || []); });
  es.addEventListener("ok", clearErrors);
})();
