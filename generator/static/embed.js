/* Host-side helper for clinics: resizes embedded handbook iframes to their content.
   Include it once with <script src="https://<handbook>/embed.js" async></script>.
   It listens only to messages whose sender is one of this page's handbook iframes, and only
   from the handbook's origin (or the opaque "null" origin of a sandboxed frame). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var origin = new URL(script.src).origin;
  var prefix = origin + new URL("embed/", script.src).pathname;
  var MIN = 80;
  var MAX = 20000;

  function ownFrames() {
    return Array.prototype.filter.call(document.getElementsByTagName("iframe"), function (f) {
      return typeof f.src === "string" && f.src.indexOf(prefix) === 0;
    });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin && event.origin !== "null") {
      return;
    }
    var data = event.data;
    if (!data || data.type !== "foot-handbook:height" || typeof data.height !== "number") {
      return;
    }
    var frames = ownFrames();
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var height = Math.max(MIN, Math.min(MAX, Math.ceil(data.height)));
        frames[i].style.height = height + "px";
        frames[i].setAttribute("scrolling", "no");
        return;
      }
    }
  });
})();
