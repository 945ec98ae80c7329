/* caseconf site: sortable tables and the open-actions filter. No server, no library. */
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

  function init() {
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
