// The guided session's log views (session.js): tick a session off, the last days as a table,
// download or delete the log. The log's format is log.js's (window.hbLog, on every page with a
// session); this module stores nothing itself.
import { button, fill, make } from "./session-dialog.js";

const log = () => window.hbLog;

function dateKey(d) {
  return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" +
    String(d.getDate()).padStart(2, "0");
}
function readLog() {
  return log() ? log().read() : [];  // log.js: the v2 format, and v1 logs read as v2
}

export function tick(S) {
  const refs = S.refs;
  const row = { date: dateKey(new Date()), id: S.plan.id, name: S.plan.name };
  const added = log() ? log().add(row) : -1;
  refs.offer.replaceWith(make("p", { role: "status" }, S.words.ticked));
  showLog(S, true);
  if (log()) {
    log().ask(refs.logBox.parentNode.insertBefore(make("div"), refs.logBox), added);
  }
  toggleLogButton(S);
}

export function showLog(S, withTitle) {
  const WORDS = S.words, holder = S.refs.logBox, rows = readLog();
  holder.textContent = "";
  if (withTitle) {
    holder.appendChild(make("h3", {}, WORDS.logTitle));
  }
  const days = [], lang = document.documentElement.lang || "en";
  for (let back = S.rules.log_days - 1; back >= 0; back--) {
    const d = new Date();
    d.setDate(d.getDate() - back);
    days.push(d);
  }
  const keys = days.map(dateKey), names = {}, order = [];
  rows.forEach((row) => {
    if (keys.indexOf(row.date) !== -1) {
      if (!names[row.id]) {
        order.push(row.id);
      }
      names[row.id] = row.name || row.id;
    }
  });
  if (!order.length) {
    holder.appendChild(make("p", {}, WORDS.empty));
  } else {
    const wrap = holder.appendChild(make("div", { "class": "hb-s-table" }));
    const table = wrap.appendChild(make("table"));
    const head = table.appendChild(make("thead")).appendChild(make("tr"));
    head.appendChild(make("th", { scope: "col" }, WORDS.logRow));
    days.forEach((day) => {
      head.appendChild(make("th", { scope: "col" },
        day.toLocaleDateString(lang, { weekday: "short", day: "numeric" })));
    });
    const body = table.appendChild(make("tbody"));
    order.forEach((id) => {
      const row = body.appendChild(make("tr"));
      row.appendChild(make("th", { scope: "row" }, names[id]));
      keys.forEach((key) => {
        const n = rows.filter((r) => r.id === id && r.date === key).length;
        const cell = row.appendChild(make("td"));
        if (n) {
          cell.appendChild(make("span", { "aria-hidden": "true" }, "✓".repeat(Math.min(n, 3))));
          cell.appendChild(make("span", { "class": "hb-s-sr" }, fill(timesWord(S, n, lang), { n })));
        }
      });
    });
  }
  holder.appendChild(make("p", {}, WORDS.note));
  if (rows.length) {
    const actions = holder.appendChild(make("div", { "class": "hb-s-controls hb-s-two" }));
    actions.appendChild(button("download", WORDS.download));
    actions.appendChild(button("remove", WORDS.remove));
    if (log()) {
      log().link(holder);
    }
  }
}

function timesWord(S, n, lang) {
  let category = "other";
  try {
    category = new Intl.PluralRules(lang).select(n);
  } catch (e) { /* no plural rules for this language: the general form */ }
  return S.words.times[category] || S.words.times.other;
}

export function download(S) {
  const url = URL.createObjectURL(new Blob([log().csv()], { type: "text/csv" }));
  const link = make("a", { href: url, download: S.words.file });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function removeLog(S) {
  if (log()) {
    log().remove();
  }
  const holder = S.refs.logBox;
  holder.textContent = "";
  holder.appendChild(make("p", { role: "status", tabindex: "-1" }, S.words.removed)).focus();
  toggleLogButton(S);
}

function toggleLogButton(S) {
  const button = S.box.querySelector("[data-hb-log-open]");
  if (button) {
    button.hidden = !readLog().length;
  }
}
