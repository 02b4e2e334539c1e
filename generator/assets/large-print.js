// "Large print" on the builder and programme pages (issue 31): when the box is ticked, the
// programme's card prints as the large-print cards do (card-large.css): 16 pt, each exercise
// whole on a sheet, and the stop rule, the weakness warning and the red flags moved up to
// the top of the first sheet. Only while printing: the preview on screen stays the one-page
// card, and builder.js, which redraws the card on every change, never sees the change.
(() => {
  const choice = document.querySelector("[data-hb-large-print]");
  if (!choice) return;
  choice.closest("[hidden]")?.removeAttribute("hidden");
  let undo = [];
  window.addEventListener("beforeprint", () => {
    if (!choice.checked) return;
    document.querySelectorAll("[data-hb-card] .hb-card").forEach((card) => {
      const head = card.querySelector(".hb-card-head");
      const safety = document.createElement("div");
      safety.className = "hb-large-safety";
      card.querySelectorAll(".hb-card-foot .hb-card-stop, .hb-card-foot .hb-red-flags")
        .forEach((part) => {
          undo.push([part, part.parentNode, part.nextSibling]);
          safety.append(part);
        });
      head.after(safety);
      card.classList.add("hb-large");
      undo.push([safety, null, null], [card, "hb-large", null]);
    });
  });
  window.addEventListener("afterprint", () => {
    for (const [node, parent, next] of undo.reverse()) {
      if (parent === "hb-large") node.classList.remove("hb-large");
      else if (parent === null) node.remove();
      else parent.insertBefore(node, next);
    }
    undo = [];
  });
})();
