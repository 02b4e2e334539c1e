/* Runs inside an embedded handbook page. It reports the page's height to the host window,
   and applies the two theming parameters it accepts (accent, size) after validating them.
   Nothing from the URL is ever written into the page as text or markup. */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var accent = params.get("accent");
  if (accent && /^[0-9a-fA-F]{6}$/.test(accent)) {
    document.documentElement.style.setProperty("--hb-accent", "#" + accent);
  }
  var size = params.get("size");
  if (size === "small" || size === "large") {
    document.documentElement.classList.add("hb-size-" + size);
  }
  if (window.parent === window) {
    return;
  }
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      // The frame may be sandboxed into an opaque origin and cannot know the host's origin;
      // the message carries only a height, and the host checks which frame sent it.
      window.parent.postMessage({ type: "foot-handbook:height", height: height }, "*");
    }
  }
  if ("ResizeObserver" in window) {
    new ResizeObserver(report).observe(document.documentElement);
  }
  window.addEventListener("load", report);
  report();
})();
