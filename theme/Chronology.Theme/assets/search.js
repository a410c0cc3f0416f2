// Search, loaded only on the search page. Everything works without it: the page lists browse links instead.
// Every word must match (in any field); "a phrase in quotes" must appear as typed; a word no document uses is put
// to the closest one they do ("recieve" → "receive") when nothing else matches, and the reader is told.
// Results are built with DOM methods and textContent only, never innerHTML, so no indexed text can inject markup.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var facets = document.getElementById("search-facets");
  var correction = document.getElementById("search-correction");
  var noScript = document.getElementById("search-nojs");
  if (!form || !input || !status || !list || !correction || !window.lunr) return;
  // The page without this script says search needs JavaScript and shows no box; with it, the box and no message.
  form.hidden = false;
  if (noScript) noScript.hidden = true;

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

  // What each kind of result is called: the page's own type filters name only the kinds this site has.
  var kinds = {};
  Array.prototype.forEach.call(document.querySelectorAll("input[name=type]"), function (input) {
    kinds[input.value] = input.parentNode.textContent.trim();
  });
  // Words split at spaces and at hyphens and dashes alike, so "2018–19" holds "2018" as "2018-19" does.
  window.lunr.tokenizer.separator = /[\s\-\u2010-\u2015\/]+/;
  var titleTerms = {}; // url -> the index terms of its title and names, for ranking title matches first
  var vocabulary = null; // word -> how often it occurs, for "did you mean"

  // The index terms of some text, as the index made them: lunr's search pipeline only stems, so the trimming and
  // the stop words ("about", "this") are applied here first; a stop word would otherwise be a required word that
  // no page has.
  var wordFilter = new window.lunr.Pipeline();
  wordFilter.add(window.lunr.trimmer, window.lunr.stopWordFilter);
  function terms(text) {
    return index.pipeline.run(wordFilter.run(window.lunr.tokenizer(text || ""))).map(String);
  }

  function load() {
    if (index) return Promise.resolve();
    return fetch(base).then(function (r) { return r.json(); }).then(function (data) {
      documents = {};
      data.documents.forEach(function (d) { documents[d.url] = d; });
      index = window.lunr(function () {
        this.pipeline.before(window.lunr.stemmer, britishSpelling);
        this.searchPipeline.before(window.lunr.stemmer, britishSpelling);
        this.ref("url");
        // Titles and the organisation names a page concerns rank first, then quotations, then the rest.
        this.field("title", { boost: 10 });
        this.field("names", { boost: 6 });
        this.field("quotes", { boost: 3 });
        this.field("text");
        this.metadataWhitelist = ["position"];
        var builder = this;
        data.documents.forEach(function (d) { builder.add(d); });
      });
      data.documents.forEach(function (d) {
        var set = {};
        terms(d.title + " " + (d.names || "")).forEach(function (t) { set[t] = true; });
        titleTerms[d.url] = set;
      });
    });
  }

  // The query as the reader typed it: words, and "phrases in quotes" (straight or curly).
  function parse(query) {
    var phrases = [];
    var rest = query.replace(/["\u201C\u201D]([^"\u201C\u201D]*)["\u201C\u201D]?/g, function (_, phrase) {
      if (phrase.trim()) phrases.push(phrase.trim());
      return " " + phrase + " ";
    });
    var words = rest.split(window.lunr.tokenizer.separator).map(function (w) { return w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""); })
      .filter(function (w) { return w.length > 0; });
    return { words: words, phrases: phrases };
  }

  // Words as the phrase check compares them: lower case, letters and digits only, British spelling.
  function plainWords(text) {
    return (text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; })
      .map(function (w) { return window.chronologySearchSpelling(w); });
  }

  function hasPhrase(doc, phrase) {
    var wanted = " " + plainWords(phrase).join(" ") + " ";
    return [doc.title, doc.names, doc.quotes, doc.text].some(function (field) {
      return (" " + plainWords(field).join(" ") + " ").indexOf(wanted) >= 0;
    });
  }

  // Every word must match (in any field), as on GOV.UK; a phrase must also appear as it was typed.
  function find(parsed) {
    var required = [];
    parsed.words.forEach(function (w) {
      terms(w).forEach(function (t) { if (required.indexOf(t) < 0) required.push(t); });
    });
    if (required.length === 0) return [];
    var results = index.query(function (q) {
      required.forEach(function (t) {
        q.term(t, { presence: window.lunr.Query.presence.REQUIRED, usePipeline: false });
      });
    });
    if (parsed.phrases.length > 0) {
      results = results.filter(function (r) {
        return parsed.phrases.every(function (phrase) { return hasPhrase(documents[r.ref], phrase); });
      });
    }
    // A page whose title (or the names it concerns) holds every word as typed comes first ("stop sim": the
    // #StopSIM petition), then one whose title holds every word in some form ("stopped"), then lunr's order.
    var typed = plainWords(parsed.words.join(" "));
    results.forEach(function (r, i) {
      var set = titleTerms[r.ref] || {};
      var doc = documents[r.ref];
      var exact = " " + plainWords(doc.title + " " + (doc.names || "")).join(" ") + " ";
      r.inTitle = required.every(function (t) { return set[t]; }) ? 1 : 0;
      r.exactTitle = r.inTitle && typed.every(function (w) { return exact.indexOf(" " + w + " ") >= 0; }) ? 1 : 0;
      r.order = i;
    });
    return results.sort(function (a, b) { return (b.exactTitle - a.exactTitle) || (b.inTitle - a.inTitle) || (a.order - b.order); });
  }

  // Damerau–Levenshtein distance (adjacent transpositions count once: "recieve" is 1 from "receive"), capped.
  function distance(a, b, cap) {
    if (Math.abs(a.length - b.length) > cap) return cap + 1;
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push([i]); }
    for (var j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var best = cap + 1;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i][j] = v;
        if (v < best) best = v;
      }
      if (best > cap) return cap + 1;
    }
    return d[a.length][b.length];
  }

  // The closest word the documents use to one they do not, or null: within 1 edit for short words, 2 for longer.
  function suggestion(word) {
    if (!vocabulary) {
      vocabulary = {};
      Object.keys(documents).forEach(function (url) {
        var d = documents[url];
        [d.title, d.names, d.quotes, d.text].forEach(function (field) {
          (field || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).forEach(function (w) {
            if (w.length > 2) vocabulary[w] = (vocabulary[w] || 0) + 1;
          });
        });
      });
    }
    var lower = word.toLowerCase();
    var cap = lower.length <= 4 ? 1 : 2;
    var best = null, bestDistance = cap + 1, bestCount = 0;
    Object.keys(vocabulary).forEach(function (candidate) {
      var dist = distance(lower, candidate, cap);
      if (dist < bestDistance || (dist === bestDistance && vocabulary[candidate] > bestCount)) {
        best = candidate; bestDistance = dist; bestCount = vocabulary[candidate];
      }
    });
    return bestDistance <= cap ? best : null;
  }

  // Words of the query that match nothing in the index, each put to its closest known word; null if none changed.
  function corrected(parsed) {
    var changed = false;
    var fix = function (w) {
      var t = terms(w);
      if (t.length === 0 || Object.prototype.hasOwnProperty.call(index.invertedIndex, t[0])) return w;
      var s = suggestion(w);
      if (s) { changed = true; return s; }
      return w;
    };
    var words = parsed.words.map(fix);
    var phrases = parsed.phrases.map(function (p) { return p.split(/\s+/).map(fix).join(" "); });
    return changed ? { words: words, phrases: phrases } : null;
  }

  function display(parsed) {
    return parsed.phrases.map(function (p) { return "\u201C" + p + "\u201D"; }).concat(parsed.words.filter(function (w) {
      return !parsed.phrases.some(function (p) { return p.split(/\s+/).indexOf(w) >= 0; });
    })).join(" ");
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
    correction.textContent = "";
    correction.hidden = true;
    if (!query.trim()) { status.textContent = "Type one or more words to search."; return; }
    var parsed = parse(query);
    var results = find(parsed);
    if (results.length === 0) {
      var fixed = corrected(parsed);
      if (fixed) {
        var again = find(fixed);
        if (again.length > 0) {
          results = again;
          var shownFor = display(fixed);
          correction.appendChild(document.createTextNode("No results for \u201C" + query + "\u201D. Showing results for "));
          var strong = document.createElement("strong");
          strong.textContent = shownFor;
          correction.appendChild(strong);
          correction.appendChild(document.createTextNode(" instead."));
          correction.hidden = false;
          query = shownFor;
        }
      }
    }
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
      kind.textContent = (kinds[d.type] || d.type) + (d.date ? " · " + d.date : "");
      var a = document.createElement("a");
      a.href = root + d.url.replace(/^\//, "");
      a.textContent = d.title;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      li.appendChild(snippet(d, hit.result));
      list.appendChild(li);
    });
    var words = parsed.phrases.length > 0 ? (parsed.phrases.length > 1 ? " (pages with these phrases)" : " (pages with this phrase)")
      : parsed.words.length > 1 ? " (pages with all of these words)" : "";
    var quoted = /["\u201C\u201D]/.test(query) ? query : "\u201C" + query + "\u201D";
    status.textContent = shown.length === 0 ? "No results for " + quoted + (parsed.words.length > 1 ? ": no page has all of these words. Try fewer words, or browse below." : ".")
      : shown.length + (shown.length === 1 ? " result" : " results") + " for " + quoted + (shown.length > 100 ? " (first 100 shown)." : words + ".");
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
