// Instant filtering of the chronology on the home page, by year, organisation and tag. The same views exist as
// pre-rendered pages (years, organisations, tags) for readers without JavaScript; this only adds to the page.
(function () {
  "use strict";
  var form = document.getElementById("timeline-filter");
  if (!form) return;
  var status = document.getElementById("filter-status");
  var items = Array.prototype.slice.call(document.querySelectorAll("section.year .entry-summary"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.year"));

  function has(list, value) { return value === "" || (" " + (list || "") + " ").indexOf(" " + value + " ") >= 0; }

  function apply() {
    var year = form.elements.year.value, org = form.elements.org.value, tag = form.elements.tag.value;
    var shown = 0;
    items.forEach(function (li) {
      var match = (year === "" || li.getAttribute("data-year") === year) && has(li.getAttribute("data-orgs"), org) && has(li.getAttribute("data-tags"), tag);
      li.hidden = !match;
      if (match) shown++;
    });
    sections.forEach(function (section) { section.hidden = section.querySelector(".entry-summary:not([hidden])") === null; });
    status.textContent = "Showing " + shown + " of " + items.length + " entries.";
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  // The reset event fires before the controls are reset: filter once they are.
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
