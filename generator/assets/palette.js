/* Light or dark colours (overrides/partials/palette.html). They follow the system setting;
   pressing the toggle picks the other scheme, and only then is the choice kept on this device
   (localStorage "hb-colours"). Choosing the scheme the system would give again forgets it.
   Without script, the page shows the first scheme of mkdocs.yml. */
(function () {
  "use strict";
  var KEY = "hb-colours";
  var buttons = [].slice.call(document.querySelectorAll("[data-hb-palette] button"));
  if (!buttons.length || !window.matchMedia) {
    return;
  }
  function stored() {
    try {
      return localStorage.getItem(KEY);
    } catch (e) {
      return null;  // storage switched off: follow the system
    }
  }
  function systemScheme() {
    var match = buttons.filter(function (b) { return matchMedia(b.dataset.hbMedia).matches; });
    return (match[0] || buttons[0]).dataset.hbWhen;
  }
  function known(scheme) {
    return buttons.some(function (b) { return b.dataset.hbWhen === scheme; });
  }
  function apply(scheme) {
    document.body.setAttribute("data-md-color-scheme", scheme);
    buttons.forEach(function (b) { b.hidden = b.dataset.hbWhen !== scheme; });
  }
  function show() {
    var chosen = stored();
    apply(known(chosen) ? chosen : systemScheme());
  }
  function choose(event) {
    var scheme = event.currentTarget.dataset.hbNext;
    try {
      if (scheme === systemScheme()) {
        localStorage.removeItem(KEY);
      } else {
        localStorage.setItem(KEY, scheme);
      }
    } catch (e) { /* not kept: this page still changes */ }
    apply(scheme);
    var shown = buttons.filter(function (b) { return !b.hidden; })[0];
    if (shown) {
      shown.focus();
    }
  }
  buttons.forEach(function (b) { b.addEventListener("click", choose); });
  buttons.forEach(function (b) {
    matchMedia(b.dataset.hbMedia).addEventListener("change", show);
  });
  show();
})();
