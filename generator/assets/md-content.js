/* Material's inline script after the page's content (partials/javascripts/content.html) as a
   file, so that the pages' content security policy needs no 'unsafe-inline': a page opened at
   the id of a content tab shows that tab and, with the content.tabs.link feature
   (data-tabs-link), the tabs the reader chose before. It runs where Material's does, before
   the bundle. */
(function () {
  "use strict";
  if (document.currentScript.hasAttribute("data-tabs-link")) {
    var tabs = window.__md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = [].slice.call(set.querySelector(".tabbed-labels").getElementsByTagName("label"));
        tabs.some(function (tab) {
          var label = labels.filter(function (l) { return l.innerText.trim() === tab; })[0];
          if (label) {
            document.getElementById(label.htmlFor).checked = true;
          }
          return Boolean(label);
        });
      });
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) {
    target.checked = target.name.startsWith("__tabbed_");
  }
})();
