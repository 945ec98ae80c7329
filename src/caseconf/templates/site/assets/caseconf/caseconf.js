/* caseconf site: sortable tables, the open-actions filter, table cards on phones. No server, no library. */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.getAttribute("data-sort") || cell.textContent.trim();
  }

  function makeSortable(table) {
    var head = table.tHead;
    if (!head || table.getAttribute("data-caseconf-ready")) return;
    table.setAttribute("data-caseconf-ready", "1");
    Array.prototype.forEach.call(head.rows[0].cells, function (th, index) {
      th.addEventListener("click", function () {
        var dir = th.getAttribute("data-sort-dir") === "asc" ? "desc" : "asc";
        Array.prototype.forEach.call(head.rows[0].cells, function (other) { other.removeAttribute("data-sort-dir"); });
        th.setAttribute("data-sort-dir", dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var cmp = x.localeCompare(y, document.documentElement.lang || undefined, { numeric: true });
          return dir === "asc" ? cmp : -cmp;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function applyFilter(form) {
    var table = document.getElementById(form.getAttribute("data-caseconf-filter"));
    if (!table) return;
    var owner = form.elements.owner ? form.elements.owner.value : "";
    var office = form.elements.office ? form.elements.office.value : "";
    var when = form.elements.when ? form.elements.when.value : "";
    var text = form.elements.text ? form.elements.text.value.trim().toLowerCase() : "";
    var shown = 0, total = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      total += 1;
      var ok = (!owner || row.getAttribute("data-owner") === owner) &&
               (!office || row.getAttribute("data-office") === office) &&
               (when !== "overdue" || row.getAttribute("data-overdue") === "1") &&
               (when !== "soon" || row.getAttribute("data-soon") === "1") &&
               (!text || row.textContent.toLowerCase().indexOf(text) !== -1);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    if (form.elements.count) form.elements.count.value = shown + " / " + total;
  }

  function fromHash(form) {
    var match = /^#(owner|office|when)=(.*)$/.exec(window.location.hash);
    if (match && form.elements[match[1]]) form.elements[match[1]].value = decodeURIComponent(match[2]);
  }

  function textFilter(input) {
    var table = document.getElementById(input.getAttribute("data-caseconf-filter-text"));
    if (!table) return;
    var text = input.value.trim().toLowerCase();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      row.hidden = !!text && row.textContent.toLowerCase().indexOf(text) === -1;
    });
  }

  /* Phones show each row as a card (caseconf.css): every cell gets its column's heading as
   * a label. Marked with data-caseconf-stack, so without JavaScript a table just scrolls. */
  function labelCells(table) {
    var head = table.tHead;
    if (!head || !head.rows.length || table.hasAttribute("data-caseconf-stack")) return;
    var labels = [];
    Array.prototype.forEach.call(head.rows[head.rows.length - 1].cells, function (th) {
      var text = th.textContent.replace(/\s+/g, " ").trim();
      for (var i = 0; i < (th.colSpan || 1); i++) labels.push(text);
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (labels[column] && cell.tagName === "TD" && !cell.hasAttribute("data-label"))
            cell.setAttribute("data-label", labels[column]);
          column += cell.colSpan || 1;
        });
      });
    });
    table.setAttribute("data-caseconf-stack", "");
  }

  function init() {
    document.querySelectorAll("table[data-caseconf-table]").forEach(labelCells);
    document.querySelectorAll("table[data-caseconf-sortable]").forEach(makeSortable);
    document.querySelectorAll("form[data-caseconf-filter]").forEach(function (form) {
      if (form.getAttribute("data-caseconf-ready")) return;
      form.setAttribute("data-caseconf-ready", "1");
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.addEventListener("input", function () { applyFilter(form); });
      form.addEventListener("change", function () { applyFilter(form); });
      document.querySelectorAll("a[data-caseconf-set]").forEach(function (link) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          var field = form.elements[link.getAttribute("data-caseconf-set")];
          if (field) field.value = link.getAttribute("data-value");
          applyFilter(form);
          form.scrollIntoView({ behavior: "smooth" });
        });
      });
      fromHash(form);
      applyFilter(form);
    });
    document.querySelectorAll("input[data-caseconf-filter-text]").forEach(function (input) {
      input.addEventListener("input", function () { textFilter(input); });
    });
  }

  /* material's instant navigation swaps pages without reloading; document$ tells us when. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
