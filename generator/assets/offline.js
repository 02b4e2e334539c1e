/* "Keep this on my phone" on routine, exercise and programme pages (companion.md.j2): only
   when the reader presses it is the site's worker (/sw.js, at the site's root) registered and
   asked to keep this page, its pictures, scripts and styles, the guided session and, on a
   programme page, the catalogue. "Remove from this phone" deletes them, and with nothing left
   the worker is unregistered. Reading whether the page is kept registers nothing. Never in a
   frame (embeds), and hidden where the browser has no service workers. */
(function () {
  "use strict";
  var script = document.currentScript;

  function setUp() {
    var box = document.querySelector("[data-hb-offline]");
    if (!box || box.hbReady || window.top !== window || !window.isSecureContext ||
        !("serviceWorker" in navigator) || !window.caches) {
      return;
    }
    box.hbReady = true;
    // The buttons' <span>s hide and show: the theme's .md-button overrides [hidden].
    var keepBox = box.querySelector("[data-hb-keep]"), keepButton = keepBox.querySelector("button");
    var removeBox = box.querySelector("[data-hb-unkeep]");
    var removeButton = removeBox.querySelector("button");
    var status = box.querySelector("[data-hb-offline-status]");
    var site = siteRoot(), page = here(location.href);
    var fallback = new URL(box.getAttribute("data-fallback"), location.href).href;

    function word(name) {
      var node = box.querySelector("[data-hb-offline-words] [data-w=" + name + "]");
      return node ? node.textContent : "";
    }
    function say(name, error) { status.textContent = word(name).replace("%(error)s", error || ""); }
    function show(kept) {
      keepBox.hidden = kept;
      removeBox.hidden = !kept;
      keepButton.disabled = removeButton.disabled = false;
    }
    function registration() { return navigator.serviceWorker.getRegistration(site.href); }
    function ask(message) {
      return navigator.serviceWorker.ready.then(function (ready) {
        return new Promise(function (resolve, reject) {
          var channel = new MessageChannel();
          channel.port1.onmessage = function (event) {
            var answer = event.data || {};
            if (answer.error) {
              var error = new Error(answer.error);
              error.left = answer.left;
              reject(error);
            } else {
              resolve(answer);
            }
          };
          message.page = page;
          ready.active.postMessage(message, [channel.port2]);
        });
      });
    }
    function unregisterIfEmpty(left) {
      return left ? null : registration().then(function (found) { return found && found.unregister(); });
    }

    keepButton.addEventListener("click", function () {
      keepButton.disabled = true;
      say("keeping");
      navigator.serviceWorker.register(site.href + "sw.js", { scope: site.pathname })
        .then(function () { return ask({ type: "keep", urls: resources(site), fallback: fallback }); })
        .then(function () {
          show(true);
          say("kept");
        }, function (error) {
          show(false);
          say("failed", error.message);
          return unregisterIfEmpty(error.left);
        });
    });
    removeButton.addEventListener("click", function () {
      removeButton.disabled = true;
      ask({ type: "remove" }).then(function (answer) {
        show(false);
        say("removed");
        status.focus();
        return unregisterIfEmpty(answer.left);
      }, function (error) {
        show(true);
        say("failed", error.message);
      });
    });
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "hb-updated" && !removeBox.hidden) {
        say("updated");
      }
    });
    status.setAttribute("tabindex", "-1");
    box.hidden = false;
    // Whether this page is kept: asked only of a worker the reader already registered.
    registration().then(function (found) {
      if (!found) {
        say("offer");
        return;
      }
      ask({ type: "status" }).then(function (answer) {
        show(answer.kept);
        say(answer.kept ? (answer.updated ? "updated" : "kept") : "offer");
      }, function () { say("offer"); });
    });
  }

  function here(url) {
    var parsed = new URL(url);
    parsed.hash = "";
    parsed.search = "";
    return parsed.href;
  }
  /* The site's root, where sw.js is: the folder above assets/, or above the language's
     folder on a translated page (/es/assets/offline.js). */
  function siteRoot() {
    var edition = new URL("../", script ? script.src : location.href);
    var lang = (document.documentElement.lang || "").toLowerCase();
    var folder = "/" + lang + "/";
    if (lang && lang !== "en" && edition.pathname.slice(-folder.length) === folder) {
      return new URL("../", edition);
    }
    return edition;
  }
  /* What this page shows and runs: scripts, styles, icons, pictures (the programme's too,
     as drawn from its link), the guided session's files and pictures, the catalogue. */
  function resources(site) {
    var urls = [];
    var nodes = document.querySelectorAll(
      "script[src], link[rel~=stylesheet][href], link[rel~=icon][href], img[src]");
    Array.prototype.forEach.call(nodes, function (node) {
      urls.push(node.src || node.href);
    });
    ["data-hb-session-js", "data-hb-session-css", "data-catalogue"].forEach(function (name) {
      Array.prototype.forEach.call(document.querySelectorAll("[" + name + "]"), function (node) {
        urls.push.apply(urls, node.getAttribute(name).split(/\s+/));  // the session's modules
      });
    });
    try {
      JSON.parse(document.getElementById("hb-session-plan").textContent).exercises
        .forEach(function (exercise) { urls.push(exercise.start, exercise.end); });
    } catch (e) { /* no plan: nothing more */ }
    var seen = {};
    return urls.map(function (url) {
      try {
        var parsed = new URL(url, location.href);
        parsed.hash = "";
        return parsed.href;
      } catch (e) {
        return "";
      }
    }).filter(function (url) {
      var fresh = url && url.indexOf(site.href) === 0 && !seen[url];
      seen[url] = true;
      return fresh;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
