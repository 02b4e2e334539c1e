/* The handbook's service worker, served as /sw.js from the site's root (its scope is the
   site's base path). offline.js registers it only after the reader presses "Keep this on my
   phone"; embeds never do. It keeps nothing by itself: it stores what a kept page asks for
   (the page, its pictures, scripts, styles, the guided session and, on a programme page, the
   catalogue), serves those copies when the network fails, and, offline, answers a page that
   was not kept with the short notice kept beside the first page (offline/).

   VERSION is the build's fingerprint (pages/offline.py writes it in): a new handbook makes a
   new sw.js, which the browser installs the next time the reader is online; installing it
   fetches every kept page again, with what the new page needs, and drops the old copies.
   No request leaves the site's origin. */
"use strict";
var VERSION = "__HB_VERSION__";
var PREFIX = "hb-offline:";
var PAGES = PREFIX + VERSION + ":page:";
var FALLBACK = PREFIX + VERSION + ":fallback";
var WAIT_MS = 4000;  // how long a kept page waits for the network before its copy is shown
var updated = false;

function scope() { return self.registration.scope; }
function inScope(url) {
  try {
    var parsed = new URL(url, scope());
    parsed.hash = "";
    return parsed.href.indexOf(scope()) === 0 ? parsed.href : null;
  } catch (e) {
    return null;
  }
}
function unique(urls) {
  var seen = {};
  return urls.map(inScope).filter(function (url) {
    var fresh = url && !seen[url];
    seen[url] = true;
    return fresh;
  });
}
function ours(prefix) {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(prefix) === 0; });
  });
}
function reload(url) { return new Request(url, { cache: "reload", credentials: "same-origin" }); }

/* What a page needs, read from its HTML: scripts, styles, icons, pictures and the guided
   session's and catalogue's files. Used when a new version fetches a kept page again; the
   first keep sends the same list from the page itself (offline.js). */
function resources(html, base) {
  var found = [], match;
  var attrs = /\s(?:src|data-hb-session-js|data-hb-session-css|data-catalogue)="([^"]+)"/g;
  while ((match = attrs.exec(html))) {
    found.push.apply(found, match[1].split(/\s+/));  // the guided session's ES modules
  }
  var links = /<link\b[^>]*\brel="(?:stylesheet|icon)"[^>]*>/g;
  while ((match = links.exec(html))) {
    var href = /\shref="([^"]+)"/.exec(match[0]);
    if (href) {
      found.push(href[1]);
    }
  }
  return found.map(function (url) {
    try {
      return new URL(url.replace(/&amp;/g, "&"), base).href;
    } catch (e) {
      return null;
    }
  });
}

function keep(page, urls, fallback) {
  var name = PAGES + page;
  return caches.delete(name)
    .then(function () { return caches.open(name); })
    .then(function (cache) { return cache.addAll(unique([page].concat(urls)).map(reload)); })
    .then(function () { return fallback ? keepFallback(fallback) : null; })
    .then(function () { return { kept: true }; })
    .catch(function (error) {
      return caches.delete(name).then(tidy).then(function () { throw error; });
    });
}
function keepFallback(url) {
  return caches.open(FALLBACK).then(function (cache) {
    return cache.match(url).then(function (hit) { return hit || cache.add(reload(url)); });
  });
}
/* How many pages are kept; with none, the notice goes too, so Cache Storage is empty. */
function tidy() {
  return ours(PAGES).then(function (pages) {
    return (pages.length ? Promise.resolve() : caches.delete(FALLBACK)).then(function () {
      return pages.length;
    });
  });
}
function remove(page) {
  return caches.delete(PAGES + page).then(tidy).then(function (left) { return { left: left }; });
}
function status(page) {
  return Promise.all([caches.has(PAGES + page), tidy()]).then(function (both) {
    return { kept: both[0], left: both[1], updated: updated };
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {}, port = event.ports && event.ports[0];
  var page = inScope(data.page || "");
  var job;
  if (!port) {
    return;
  }
  if (!page) {
    job = Promise.reject(new Error("not a page of this site"));
  } else if (data.type === "keep") {
    job = keep(page, Array.isArray(data.urls) ? data.urls : [], inScope(data.fallback || ""));
  } else if (data.type === "remove") {
    job = remove(page);
  } else {
    job = status(page);
  }
  event.waitUntil(job.then(function (answer) { port.postMessage(answer); }, function (error) {
    return tidy().then(function (left) {
      port.postMessage({ error: String((error && error.message) || error), left: left });
    });
  }));
});

/* A new version: every kept page and notice fetched again, with what the new page needs and
   the pictures the old copy held (a programme's); what cannot be fetched keeps its old copy. */
function carryOver() {
  return caches.keys().then(function (names) {
    var old = names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name.indexOf(PREFIX + VERSION + ":") !== 0;
    });
    return Promise.all(old.map(function (name) {
      var rest = name.slice(PREFIX.length), at = rest.indexOf(":");
      var kind = rest.slice(at + 1);
      var target = kind.indexOf("page:") === 0 ? PAGES + kind.slice(5) : FALLBACK;
      return Promise.all([caches.open(name), caches.open(target)]).then(function (pair) {
        return refresh(pair[0], pair[1], kind.indexOf("page:") === 0 ? kind.slice(5) : null);
      });
    })).then(function () {
      updated = updated || old.length > 0;
      return Promise.all(old.map(function (name) { return caches.delete(name); }));
    });
  });
}
function refresh(from, to, page) {
  return from.keys().then(function (requests) {
    var before = requests.map(function (r) { return r.url; });
    var wanted = page ? fetch(reload(page)).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (html) {
      var pictures = before.filter(function (url) { return /\/assets\/images\//.test(url); });
      return unique([page].concat(resources(html, page), pictures));
    }, function () { return before; }) : Promise.resolve(before);
    return wanted.then(function (urls) {
      return Promise.all(urls.map(function (url) {
        return fetch(reload(url)).then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return to.put(url, response);
        }).catch(function () {
          return from.match(url).then(function (copy) { return copy && to.put(url, copy); });
        });
      }));
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(carryOver().then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim().then(function () {
    return updated && self.clients.matchAll({ type: "window", includeUncontrolled: true });
  }).then(function (windows) {
    (windows || []).forEach(function (client) { client.postMessage({ type: "hb-updated" }); });
  }));
});

function keptCopy(request) {
  return ours(PAGES).then(function (names) {
    return names.reduce(function (found, name) {
      return found.then(function (hit) {
        return hit || caches.open(name).then(function (cache) { return cache.match(request); });
      });
    }, Promise.resolve(undefined)).then(function (hit) {
      return hit && { response: hit, names: names };
    });
  });
}
function notice(url) {
  return caches.open(FALLBACK).then(function (cache) {
    return cache.keys().then(function (requests) {
      var best = null, length = -1;
      requests.forEach(function (request) {
        var folder = request.url.replace(/offline\/$/, "");
        if (url.indexOf(folder) === 0 && folder.length > length) {
          best = request;
          length = folder.length;
        }
      });
      return best || requests[0];
    }).then(function (request) { return request && cache.match(request); });
  });
}
/* The kept copy gets the network's newer answer whenever the reader is online. */
function update(names, request, response) {
  names.forEach(function (name) {
    var copy = response.clone();  // now, before the page reads the body
    caches.open(name).then(function (cache) {
      return cache.match(request).then(function (had) {
        return had && cache.put(request, copy);
      });
    });
  });
}
function answer(request) {
  return keptCopy(request).then(function (kept) {
    var network = fetch(request);
    if (!kept) {
      return network.catch(function (error) {
        if (request.mode !== "navigate") {
          throw error;
        }
        return notice(request.url).then(function (page) {
          if (!page) {
            throw error;
          }
          return page;
        });
      });
    }
    return new Promise(function (resolve) {
      var timer = setTimeout(function () { resolve(kept.response); }, WAIT_MS);
      network.then(function (response) {
        clearTimeout(timer);
        if (response.ok && response.type === "basic") {
          update(kept.names, request, response);
          resolve(response);
        } else {
          resolve(kept.response);
        }
      }, function () {
        clearTimeout(timer);
        resolve(kept.response);
      });
    });
  });
}
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(answer(request));
});
