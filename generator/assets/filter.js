/* Exercises index: filter the cards. Within a group a choice widens the list (Standing or
   Lying); across groups it narrows it (Standing and A chair). Without JavaScript the buttons
   stay hidden and the whole list shows, with the lists by position and equipment below. */
(function () {
  "use strict";
  function setUp() {
    var box = document.querySelector("[data-hb-filters]");
    var list = document.querySelector("[data-hb-filter-list]");
    if (!box || !list) {
      return;
    }
    var cards = Array.prototype.slice.call(list.children);
    var groups = Array.prototype.slice.call(box.querySelectorAll("[data-group]"));
    var status = box.querySelector("[role=status]");
    function chosen(group) {
      return Array.prototype.slice.call(group.querySelectorAll("[aria-pressed=true]"))
        .map(function (button) { return button.getAttribute("data-value"); });
    }
    function matches(card) {
      return groups.every(function (group) {
        var wanted = chosen(group);
        var has = (card.getAttribute("data-" + group.getAttribute("data-group")) || "").split(" ");
        return !wanted.length || wanted.some(function (value) { return has.indexOf(value) !== -1; });
      });
    }
    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        card.hidden = !matches(card);
        shown += card.hidden ? 0 : 1;
      });
      var any = groups.some(function (group) { return chosen(group).length; });
      // The sentences come from the page, in its language, with %(shown)s and %(total)s.
      status.textContent = box.getAttribute(any ? "data-some" : "data-all")
        .replace("%(shown)s", String(shown)).replace("%(total)s", String(cards.length));
    }
    box.querySelectorAll("button[data-value]").forEach(function (button) {
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-pressed") === "true";
        button.setAttribute("aria-pressed", on ? "false" : "true");
        apply();
      });
    });
    box.querySelector("[data-hb-clear]").addEventListener("click", function () {
      box.querySelectorAll("[aria-pressed=true]").forEach(function (button) {
        button.setAttribute("aria-pressed", "false");
      });
      apply();
    });
    box.hidden = false;
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
