/* Routine, exercise and programme pages: show the Start button (hidden without script) once
   the page holds a plan, and, only when it is pressed, load the guided view (session.js).
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
        var script = document.createElement("script");
        script.src = box.getAttribute("data-hb-session-js");
        script.onload = function () { window.hbSession(box, mode, opener); };
        script.onerror = function () { box.hbLoading = false; };
        document.head.appendChild(script);
      };
    }
    box.querySelector("[data-hb-start]").addEventListener("click", open("run"));
    log.querySelector("button").addEventListener("click", open("log"));
    showIfPlanned(box);
    // The programme page fills its plan in from the link, then says so.
    document.addEventListener("hb-session-plan", function () { showIfPlanned(box); });
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
