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

  // British English search. lunr's stemmer is the English (Porter) one, which treats British and American spellings
  // as different words ("organisation" stems to "organis", "organization" to "organ"). The site's documents are
  // British, and readers may type either spelling, so before stemming every word, in the index and in the query,
  // is put in its British spelling: -ize/-ization to -ise/-isation, -yze to -yse, and a short list of words that
  // differ otherwise (behavior, center, program, defense...). Both sides pass through the same function, so a word
  // that is changed needlessly ("size" to "sise") still matches itself.
  var british = {
    behavior: "behaviour", behaviors: "behaviours", behavioral: "behavioural", behaviorally: "behaviourally",
    color: "colour", colors: "colours", favor: "favour", favors: "favours", favorable: "favourable", favorite: "favourite",
    honor: "honour", honors: "honours", labor: "labour", neighbor: "neighbour", neighbors: "neighbours",
    neighborhood: "neighbourhood", endeavor: "endeavour", endeavors: "endeavours", harbor: "harbour", humor: "humour",
    rumor: "rumour", rumors: "rumours", center: "centre", centers: "centres", centered: "centred", centering: "centring",
    theater: "theatre", fiber: "fibre", program: "programme", programs: "programmes", catalog: "catalogue",
    dialog: "dialogue", defense: "defence", offense: "offence", offenses: "offences", license: "licence",
    licenses: "licences", judgment: "judgement", judgments: "judgements", aging: "ageing", enrollment: "enrolment",
    fulfill: "fulfil", fulfillment: "fulfilment", skeptical: "sceptical", pediatric: "paediatric", gray: "grey",
    practise: "practice", practised: "practiced", practising: "practicing", counselor: "counsellor",
    counselors: "counsellors", counseling: "counselling", modeling: "modelling", traveled: "travelled"
  };
  function britishSpelling(token) {
    return token.update(function (word) {
      if (Object.prototype.hasOwnProperty.call(british, word)) return british[word];
      return word.replace(/^([a-z]{2,})iz(e|es|ed|ing|er|ers|ation|ations|ational)$/, "$1is$2")
        .replace(/^([a-z]{2,})yz(e|es|ed|ing)$/, "$1ys$2");
    });
  }
  window.lunr.Pipeline.registerFunction(britishSpelling, "britishSpelling");
  window.chronologySearchSpelling = function (word) { return britishSpelling(new window.lunr.Token(word)).toString(); };

  function load() {
    if (index) return Promise.resolve();
    return fetch(base).then(function (r) { return r.json(); }).then(function (data) {
      documents = {};
      data.documents.forEach(function (d) { documents[d.url] = d; });
      index = window.lunr(function () {
        this.pipeline.before(window.lunr.stemmer, britishSpelling);
        this.searchPipeline.before(window.lunr.stemmer, britishSpelling);
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

  // Where the matched words are in a field, from lunr's position metadata (so "organisations" is marked for a
  // search for "organization"): [start, length] pairs, in order.
  function matches(result, field) {
    var spans = [];
    var metadata = result.matchData.metadata;
    Object.keys(metadata).forEach(function (term) {
      var inField = metadata[term][field];
      if (inField && inField.position) inField.position.forEach(function (p) { spans.push(p); });
    });
    return spans.sort(function (a, b) { return a[0] - b[0]; });
  }

  function snippet(doc, result) {
    var field = doc.text ? "text" : "quotes";
    var text = doc[field] || "";
    var spans = matches(result, field);
    var start = spans.length > 0 ? Math.max(0, spans[0][0] - 60) : 0;
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < spans[0][0]) start = space + 1; }
    var end = Math.min(text.length, start + 220);
    var p = document.createElement("p");
    p.className = "search-snippet";
    if (start > 0) p.appendChild(document.createTextNode("…"));
    var cursor = start;
    spans.forEach(function (span) {
      if (span[0] < cursor || span[0] + span[1] > end) return;
      p.appendChild(document.createTextNode(text.slice(cursor, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[0] + span[1]);
      p.appendChild(mark);
      cursor = span[0] + span[1];
    });
    p.appendChild(document.createTextNode(text.slice(cursor, end) + (end < text.length ? "…" : "")));
    return p;
  }

  function checkedValues(name) {
    return Array.prototype.map.call(facets.querySelectorAll("input[name='" + name + "']:checked"), function (i) { return i.value; });
  }

  function run(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = "Type one or more words to search."; return; }
    var results;
    try { results = index.search(query); }
    catch (e) { results = index.search(query.replace(/[:~^+\-*]/g, " ")); }
    var types = checkedValues("type"), years = checkedValues("year"), orgs = checkedValues("org"), tags = checkedValues("tag");
    function any(wanted, have) {
      return wanted.length === 0 || (have || []).some(function (v) { return wanted.indexOf(v) >= 0; });
    }
    var shown = results.map(function (r) { return { doc: documents[r.ref], result: r }; }).filter(function (hit) {
      var d = hit.doc;
      return (types.length === 0 || types.indexOf(d.type) >= 0) && (years.length === 0 || years.indexOf(String(d.year)) >= 0)
        && any(orgs, d.orgs) && any(tags, d.tags);
    });
    shown.slice(0, 100).forEach(function (hit) {
      var d = hit.doc;
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
      li.appendChild(snippet(d, hit.result));
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
  status.textContent = q ? status.textContent : "Type one or more words to search.";
})();
