// search.js: the search page of a distill site. It fetches the index the
// build writes (/search.json: title, description, headings, tags and a text
// excerpt of every post and page) and ranks matches in the browser; no
// service is involved. Only the search page loads this file.
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input || !status || !list) return;
  var base = document.documentElement.getAttribute("data-baseurl") || "";
  var maxResults = 50;
  // Field weights: a word in the title counts most, in the text least.
  var fields = [["t", 10], ["g", 8], ["h", 5], ["d", 3], ["x", 1]];
  var docs = null;

  // fold lowercases and strips accents, so "Gödel" matches "godel".
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(index) {
    return (index.docs || []).map(function (d) {
      return {
        doc: d,
        t: fold(d.t), d: fold(d.d), x: fold(d.x),
        h: fold((d.h || []).join(" \u2022 ")), g: fold((d.g || []).join(" "))
      };
    });
  }

  // score is 0 unless every term occurs in some field; a match at the
  // start of a word counts double.
  function score(p, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var best = 0;
      for (var f = 0; f < fields.length; f++) {
        var text = p[fields[f][0]], at = text.indexOf(terms[i]);
        if (at < 0) continue;
        var w = fields[f][1];
        if (at === 0 || /[^a-z0-9]/.test(text.charAt(at - 1))) w *= 2;
        if (w > best) best = w;
      }
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  function search(q) {
    var terms = fold(q).split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var s = score(docs[i], terms);
      if (s) hits.push({ p: docs[i], s: s });
    }
    hits.sort(function (a, b) {
      return b.s - a.s || String(b.p.doc.y || "").localeCompare(String(a.p.doc.y || ""));
    });
    return hits.slice(0, maxResults).map(function (h) { return h.p.doc; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // highlight appends text to parent with each term wrapped in <mark>.
  function highlight(parent, text, terms) {
    var folded = fold(text), pos = 0;
    // fold keeps the length of text for the scripts posts are written in;
    // if it does not, show the text plainly.
    if (folded.length !== text.length) { parent.appendChild(document.createTextNode(text)); return; }
    while (pos < text.length) {
      var next = -1, len = 0;
      for (var i = 0; i < terms.length; i++) {
        var at = folded.indexOf(terms[i], pos);
        if (at >= 0 && (next < 0 || at < next)) { next = at; len = terms[i].length; }
      }
      if (next < 0) break;
      parent.appendChild(document.createTextNode(text.slice(pos, next)));
      parent.appendChild(el("mark", "", text.slice(next, next + len)));
      pos = next + len;
    }
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function render(q) {
    list.textContent = "";
    if (!q.trim()) { status.textContent = docs.length + " posts and pages to search."; return; }
    var terms = fold(q).split(/\s+/).filter(Boolean);
    var results = search(q);
    status.textContent = results.length
      ? results.length + (results.length === maxResults ? "+" : "") + " result" + (results.length === 1 ? "" : "s") + " for \u201c" + q.trim() + "\u201d"
      : "No posts match \u201c" + q.trim() + "\u201d.";
    results.forEach(function (d) {
      var li = el("li", "post-item");
      var h = el("h2", "post-item-title"), a = el("a");
      a.href = base + d.u;
      highlight(a, d.t, terms);
      h.appendChild(a);
      li.appendChild(h);
      if (d.d) { var p = el("p", "post-item-desc"); highlight(p, d.d, terms); li.appendChild(p); }
      if (d.x) { var s = el("p", "search-snippet"); highlight(s, d.x, terms); li.appendChild(s); }
      var meta = [];
      if (d.y) meta.push(d.y);
      (d.g || []).forEach(function (t) { meta.push("#" + t); });
      if (meta.length) li.appendChild(el("p", "post-meta", meta.join(" \u00b7 ")));
      list.appendChild(li);
    });
  }

  var timer = 0;
  function update() {
    var q = input.value;
    var url = location.pathname + (q.trim() ? "?q=" + encodeURIComponent(q.trim()) : "");
    history.replaceState(null, "", url);
    render(q);
  }

  input.form.addEventListener("submit", function (e) { e.preventDefault(); if (docs) update(); });
  input.addEventListener("input", function () {
    if (!docs) return;
    clearTimeout(timer);
    timer = setTimeout(update, 80);
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  status.textContent = "Loading the index\u2026";
  fetch(base + "/search.json")
    .then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + r.statusText);
      return r.json();
    })
    .then(function (index) {
      docs = prepare(index);
      render(input.value);
      input.focus();
    })
    .catch(function (err) {
      status.textContent = "The search index could not be loaded (" + err.message + ").";
    });
})();
