/* Routine, exercise and programme pages: show the Start button (hidden without script) once
   the page holds a plan, and, only when it is pressed, import the guided view (session.js, an
   ES module) and its style.
   "Your log" shows when this device keeps a log; reading it stores nothing. */
(function () {
  "use strict";
  function setUp() {
    var box = document.querySelector("[data-hb-session]");
    if (!box || box.hbReady) {
      return;
    }
    box.hbReady = true;
    var log = box.querySelector("[data-hb-log-open]");
    try {
      log.hidden = !(localStorage.getItem("hb-log-v2") || localStorage.getItem("hb-log-v1"));
    } catch (e) { /* storage switched off: no log to show */ }
    function open(mode) {
      return function (event) {
        var opener = event.currentTarget;
        if (window.hbSession) {
          window.hbSession(box, mode, opener);
          return;
        }
        if (box.hbLoading) {
          return;
        }
        box.hbLoading = true;
        // The guided view's ES modules, its entry (session.js) first, then the modules it
        // imports, named here so that a page kept offline keeps them all (offline.js).
        var entry = box.getAttribute("data-hb-session-js").split(/\s+/)[0];
        import(new URL(entry, document.baseURI).href).then(function (session) {
          window.hbSession = session.open;
          loadStyle(box, function () { session.open(box, mode, opener); });
        }, function () { box.hbLoading = false; });
      };
    }
    box.querySelector("[data-hb-start]").addEventListener("click", open("run"));
    log.querySelector("button").addEventListener("click", open("log"));
    showIfPlanned(box);
    // The programme page fills its plan in from the link, then says so.
    document.addEventListener("hb-session-plan", function () { showIfPlanned(box); });
  }
  /* The guided view's style, before it opens. */
  function loadStyle(box, then) {
    if (document.querySelector("link[data-hb-session-css]")) {
      then();
      return;
    }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = box.getAttribute("data-hb-session-css");
    link.setAttribute("data-hb-session-css", "");
    link.onload = link.onerror = then;
    document.head.appendChild(link);
  }
  function showIfPlanned(box) {
    try {
      box.hidden = !JSON.parse(document.getElementById("hb-session-plan").textContent)
        .exercises.length;
    } catch (e) {
      box.hidden = true;
    }
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
