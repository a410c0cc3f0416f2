// Search, loaded only on the search page. Everything works without it: the page lists browse links instead.
// Results are built with DOM methods and textContent only, never innerHTML, so no indexed text can inject markup.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var facets = document.getElementById("search-facets");
  if (!form || !input || !status || !list || !window.lunr) return;

  var base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");
  var documents = null;
  var index = null;

  function load() {
    if (index) return Promise.resolve();
    return fetch(base).then(function (r) { return r.json(); }).then(function (data) {
      documents = {};
      data.documents.forEach(function (d) { documents[d.url] = d; });
      index = window.lunr(function () {
        this.ref("url");
        this.field("title", { boost: 10 });
        this.field("quotes", { boost: 5 });
        this.field("text");
        this.metadataWhitelist = ["position"];
        var builder = this;
        data.documents.forEach(function (d) { builder.add(d); });
      });
    });
  }

  function snippet(doc, terms) {
    var text = doc.text || doc.quotes || "";
    var lower = text.toLowerCase();
    var at = -1;
    terms.some(function (t) { at = lower.indexOf(t); return at >= 0; });
    var start = Math.max(0, at - 60);
    var piece = (start > 0 ? "…" : "") + text.slice(start, start + 220) + (text.length > start + 220 ? "…" : "");
    var p = document.createElement("p");
    p.className = "search-snippet";
    var lowerPiece = piece.toLowerCase();
    var cursor = 0;
    while (cursor < piece.length) {
      var next = -1, length = 0;
      terms.forEach(function (t) {
        var found = lowerPiece.indexOf(t, cursor);
        if (t.length > 1 && found >= 0 && (next < 0 || found < next)) { next = found; length = t.length; }
      });
      if (next < 0) { p.appendChild(document.createTextNode(piece.slice(cursor))); break; }
      p.appendChild(document.createTextNode(piece.slice(cursor, next)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(next, next + length);
      p.appendChild(mark);
      cursor = next + length;
    }
    return p;
  }

  function checkedValues(name) {
    return Array.prototype.map.call(facets.querySelectorAll("input[name='" + name + "']:checked"), function (i) { return i.value; });
  }

  function run(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = "Type words to search the chronology, its sources and the review."; return; }
    var results;
    try { results = index.search(query); }
    catch (e) { results = index.search(query.replace(/[:~^+\-*]/g, " ")); }
    var types = checkedValues("type"), years = checkedValues("year"), orgs = checkedValues("org"), tags = checkedValues("tag");
    function any(wanted, have) {
      return wanted.length === 0 || (have || []).some(function (v) { return wanted.indexOf(v) >= 0; });
    }
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = results.map(function (r) { return documents[r.ref]; }).filter(function (d) {
      return (types.length === 0 || types.indexOf(d.type) >= 0) && (years.length === 0 || years.indexOf(String(d.year)) >= 0)
        && any(orgs, d.orgs) && any(tags, d.tags);
    });
    shown.slice(0, 100).forEach(function (d) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "search-type";
      kind.textContent = d.type + (d.date ? " · " + d.date : "");
      var a = document.createElement("a");
      a.href = root + d.url.replace(/^\//, "");
      a.textContent = d.title;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      li.appendChild(snippet(d, terms));
      list.appendChild(li);
    });
    status.textContent = shown.length === 0 ? "No results for “" + query + "”."
      : shown.length + (shown.length === 1 ? " result" : " results") + " for “" + query + "”" + (shown.length > 100 ? " (first 100 shown)." : ".");
  }

  function search(push) {
    var query = input.value;
    status.textContent = "Searching…";
    load().then(function () {
      run(query);
      if (push) history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    }).catch(function () { status.textContent = "Search could not load. Use the browse links below."; });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); search(true); });
  if (facets) facets.addEventListener("change", function () { if (index) run(input.value); });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; search(false); }
  if (facets) facets.hidden = false;
  status.textContent = q ? status.textContent : "Type words to search the chronology, its sources and the review.";
})();
