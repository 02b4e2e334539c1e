/* Material's inline head script (partials/javascripts/base.html) as a file, so that the pages'
   content security policy allows scripts from the site only ('self', no 'unsafe-inline').
   Material writes the site's base address into the script, which gives every page depth a
   script of its own; this file finds the base from its own address instead (it lives in
   <base>/assets/), or from data-scope when mkdocs.yml sets extra.scope. It defines the same
   globals as Material's script, which Material's bundle reads. */
(function () {
  "use strict";
  var script = document.currentScript;
  var scope = script.dataset.scope;
  window.__md_scope = scope ? new URL(scope, location) : new URL("..", script.src);
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      // storage full or switched off: Material's script ignores it too
    }
  };
})();
