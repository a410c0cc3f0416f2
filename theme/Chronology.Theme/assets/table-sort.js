// Sortable tables, added to a table that already reads correctly in its printed order.
// Each sortable column header gets a button; the current order is announced with aria-sort
// and in a live region. Without JavaScript nothing here runs and the table keeps its order.
(function () {
  "use strict";
  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);

  function key(cell, kind) {
    var raw = cell.getAttribute("data-value");
    var text = raw !== null ? raw : cell.textContent.trim();
    if (kind === "number") {
      var n = parseFloat(text);
      return isNaN(n) ? -Infinity : n;
    }
    return text.toLowerCase();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    var body = table.tBodies[0];
    var original = Array.prototype.slice.call(body.rows);
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", next);
        var rows = original.slice().sort(function (a, b) {
          var x = key(a.cells[column], kind), y = key(b.cells[column], kind);
          var order = x < y ? -1 : x > y ? 1 : original.indexOf(a) - original.indexOf(b);
          return next === "ascending" ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        live.textContent = "Sorted by " + button.textContent.trim() + ", " + next + ".";
      });
    });
  });
})();
