/* Exercises index: filter the table by tags. Pressing several buttons shows exercises that
   have all of the chosen tags. Without JavaScript the buttons stay hidden and the lists
   by position and equipment below the table do the same job. */
(function () {
  "use strict";
  function setUp() {
    var box = document.querySelector("[data-hb-filters]");
    var table = document.querySelector("[data-hb-filter-table]");
    if (!box || !table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var buttons = Array.prototype.slice.call(box.querySelectorAll("button[data-tag]"));
    var status = box.querySelector("[role=status]");
    function apply() {
      var chosen = buttons.filter(function (b) { return b.getAttribute("aria-pressed") === "true"; })
        .map(function (b) { return b.getAttribute("data-tag"); });
      var shown = 0;
      rows.forEach(function (row) {
        var tags = (row.getAttribute("data-tags") || "").split(" ");
        var match = chosen.every(function (tag) { return tags.indexOf(tag) !== -1; });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = chosen.length ? shown + " of " + rows.length + " exercises shown" : "";
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-pressed") === "true";
        button.setAttribute("aria-pressed", on ? "false" : "true");
        apply();
      });
    });
    box.hidden = false;
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
