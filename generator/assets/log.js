/* The session log kept on this device, only after the reader ticks a session off: one module
   for its format, so the guided session (session.js), its loader and the progress page read
   and write it alike. Nothing here stores anything on load: a v1 log is read as it is and
   written as v2 only when the reader adds to it or answers the back question.

   Format v2 (localStorage "hb-log-v2"): {"version": 2, "rows": [row, ...]}, where a row is
   {date: "YYYY-MM-DD", id: "routines/desk", name: "...", days: 1-7 (days a week planned,
   when known), back: 0-10 (how the back felt, when answered)}.
   Format v1 ("hb-log-v1"): a bare array of {date, id, name}.

   The words (the back question) are the page's own: hidden elements in [data-hb-log-words]
   (companion.md.j2), so this file holds none. */
(function () {
  "use strict";
  var KEY = "hb-log-v2", OLD = "hb-log-v1";

  function valid(row) {
    return row && typeof row.date === "string" && /^\d{4}-\d\d-\d\d$/.test(row.date) &&
      typeof row.id === "string";
  }
  function whole(value, low, high) {
    return typeof value === "number" && value % 1 === 0 && value >= low && value <= high;
  }
  function clean(row) {
    var out = { date: row.date, id: row.id, name: typeof row.name === "string" ? row.name : "" };
    if (whole(row.days, 1, 7)) {
      out.days = row.days;
    }
    if (whole(row.back, 0, 10)) {
      out.back = row.back;
    }
    return out;
  }
  /* v1 rows become v2 rows: the same date, id and name; no days (the progress page takes
     them from the catalogue) and no back answer. */
  function migrate(stored) {
    if (Array.isArray(stored)) {
      return stored;
    }
    if (stored && stored.version === 2 && Array.isArray(stored.rows)) {
      return stored.rows;
    }
    return [];
  }
  function parse(text) {
    try {
      return migrate(JSON.parse(text || "null")).filter(valid).map(clean);
    } catch (e) {
      return [];
    }
  }
  function read() {
    try {
      var v2 = localStorage.getItem(KEY);
      return parse(v2 !== null ? v2 : localStorage.getItem(OLD));
    } catch (e) {
      return [];
    }
  }
  function has() {
    try {
      return localStorage.getItem(KEY) !== null || localStorage.getItem(OLD) !== null;
    } catch (e) {
      return false;
    }
  }
  function write(rows) {
    try {
      localStorage.setItem(KEY, JSON.stringify({ version: 2, rows: rows.map(clean) }));
      localStorage.removeItem(OLD);
    } catch (e) { /* storage full or switched off: what is shown still shows */ }
  }
  function remove() {
    try {
      localStorage.removeItem(KEY);
      localStorage.removeItem(OLD);
    } catch (e) { /* nothing to remove */ }
  }
  /* The days a week planned: the page's (routine and exercise pages), or the programme
     link's second digit (#v1.<times><days>.). */
  function plannedDays() {
    var box = document.querySelector("[data-hb-log-words]");
    var days = box && Number(box.getAttribute("data-days"));
    if (!days) {
      var link = /^#v1\.[1-3]([1-7])\./.exec(location.hash);
      days = link ? Number(link[1]) : 0;
    }
    return whole(days, 1, 7) ? days : undefined;
  }
  function add(row) {
    var rows = read(), added = clean(row);
    if (added.days === undefined && plannedDays()) {
      added.days = plannedDays();
    }
    rows.push(added);
    write(rows);
    return rows.length - 1;
  }
  function answer(index, back) {
    var rows = read();
    if (rows[index] && whole(back, 0, 10)) {
      rows[index].back = back;
      write(rows);
    }
  }
  function csvField(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) {
      text = "'" + text;  // not a formula when opened in a spreadsheet
    }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv(rows) {
    var lines = ["date,routine,name,back"].concat((rows || read()).map(function (row) {
      return [row.date, row.id, row.name, row.back === undefined ? "" : row.back]
        .map(csvField).join(",");
    }));
    return lines.join("\r\n") + "\r\n";
  }

  function word(name) {
    var node = document.querySelector("[data-hb-log-words] [data-w=" + name + "]");
    return node ? node.textContent : "";
  }
  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }
  /* A link to the progress page, appended to `holder`; none where the page has no words. */
  function link(holder) {
    var box = document.querySelector("[data-hb-log-words]");
    if (!box || !holder) {
      return null;
    }
    var p = holder.appendChild(make("p", { "class": "hb-log-progress" }));
    p.appendChild(make("a", { href: box.getAttribute("data-progress") }, word("progress")));
    return p;
  }
  /* After a tick: "How is your back now?", 0 to 10 in one tap, or Skip. Answering writes
     the number into row `index`; either way the question gives way to a short line. */
  function ask(holder, index) {
    var box = document.querySelector("[data-hb-log-words]");
    if (!holder || !box || !word("question")) {
      return null;
    }
    if (!document.querySelector("link[data-hb-companion-css]")) {
      document.head.appendChild(make("link", { rel: "stylesheet", href: box.getAttribute("data-css"),
        "data-hb-companion-css": "" }));
    }
    var group = holder.appendChild(make("fieldset", { "class": "hb-log-ask" }));
    group.appendChild(make("legend", {}, word("question")));
    group.appendChild(make("p", { "class": "hb-log-scale" }, word("scale")));
    var row = group.appendChild(make("div", { "class": "hb-log-numbers" }));
    for (var n = 0; n <= 10; n++) {
      row.appendChild(make("button", { type: "button", "class": "hb-s-btn", "data-back": String(n) },
        String(n)));
    }
    group.appendChild(make("button", { type: "button", "class": "hb-s-btn hb-s-quiet", "data-back": "" },
      word("skip")));
    group.addEventListener("click", function (event) {
      var target = event.target.closest("[data-back]");
      if (!target) {
        return;
      }
      var value = target.getAttribute("data-back");
      if (value !== "") {
        answer(index, Number(value));
      }
      var said = make("p", { role: "status", tabindex: "-1" },
        value === "" ? word("skipped") : word("noted").replace("%(number)s", value));
      group.replaceWith(said);
      said.focus();
    });
    return group;
  }

  window.hbLog = {
    KEY: KEY, OLD: OLD, read: read, has: has, add: add, answer: answer, remove: remove,
    csv: csv, parse: parse, link: link, ask: ask
  };
})();
