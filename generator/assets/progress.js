/* The progress page: reads the log kept on this device (log.js, either format) and draws,
   for each routine or exercise ticked off in the last six weeks, the days done each week
   against the days a week planned, and how the back felt after sessions, each as an SVG
   (role="img", its numbers in words) with a table beside it for screen readers and print.
   Everything stays in the browser; the words and the days planned come from the page
   (#hb-progress, pages/progress.py). */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 320, HEIGHT = 190, LEFT = 30, RIGHT = 10, TOP = 16, BOTTOM = 40;
  var data, W, lang;

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }
  function make(tag, attrs, text, space) {
    var node = space ? document.createElementNS(space, tag) : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }
  function svgNode(tag, attrs, text) { return make(tag, attrs, text, SVG); }
  function dateKey(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" +
      String(d.getDate()).padStart(2, "0");
  }
  function shortDate(d) { return d.toLocaleDateString(lang, { day: "numeric", month: "short" }); }
  function number(n) { return n.toLocaleString(lang, { maximumFractionDigits: 1 }); }

  /* The last `data.weeks` weeks, oldest first, each seven days ending on a day like today. */
  function weeks() {
    var out = [];
    for (var back = data.weeks - 1; back >= 0; back--) {
      var end = new Date();
      end.setHours(12, 0, 0, 0);
      end.setDate(end.getDate() - 7 * back);
      var start = new Date(end.getTime());
      start.setDate(start.getDate() - 6);
      out.push({ from: dateKey(start), to: dateKey(end), start: start, end: end });
    }
    return out;
  }
  function weekOf(spans, date) {
    for (var i = 0; i < spans.length; i++) {
      if (date >= spans[i].from && date <= spans[i].to) {
        return i;
      }
    }
    return -1;
  }
  /* Per routine or exercise (in the order first ticked): name, days planned and, per week,
     the days with a session and the sessions; and the back answers' average per week. */
  function summarise(rows, spans) {
    var byId = {}, order = [], back = spans.map(function () { return []; });
    rows.forEach(function (row) {
      var week = weekOf(spans, row.date);
      if (week === -1) {
        return;
      }
      var known = data.plans[row.id] || {};
      var item = byId[row.id];
      if (!item) {
        item = byId[row.id] = { id: row.id, name: "", days: null, weeks: spans.map(function () {
          return { dates: {}, days: 0, sessions: 0 };
        }) };
        order.push(item);
      }
      item.name = row.name || item.name || known.name || row.id;
      item.days = row.days || item.days || known.days || null;
      var cell = item.weeks[week];
      cell.sessions += 1;
      if (!cell.dates[row.date]) {
        cell.dates[row.date] = true;
        cell.days += 1;
      }
      if (row.back !== undefined) {
        back[week].push(row.back);
      }
    });
    var averages = back.map(function (answers) {
      return answers.length ? {
        value: Math.round(10 * answers.reduce(function (a, b) { return a + b; }, 0) /
          answers.length) / 10,
        answers: answers.length
      } : null;
    });
    return { items: order, back: averages };
  }

  function frame(svg, top) {
    var bottom = HEIGHT - BOTTOM;
    svg.setAttribute("data-scale", String(top));
    [0, top].forEach(function (value) {
      var y = bottom - (bottom - TOP) * value / top;
      svg.appendChild(svgNode("line", { "class": "hb-pg-grid", x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y }));
      svg.appendChild(svgNode("text", { "class": "hb-pg-label", x: LEFT - 6, y: y + 4, "text-anchor": "end" },
        String(value)));
    });
  }
  /* Under each week, the day it starts; the month under the first and where it changes,
     so that six labels fit a phone's width. */
  function weekLabels(svg, spans) {
    var band = (WIDTH - LEFT - RIGHT) / spans.length, month = "";
    spans.forEach(function (span, i) {
      var x = LEFT + band * (i + 0.5), y = HEIGHT - BOTTOM + 16;
      svg.appendChild(svgNode("text", { "class": "hb-pg-label", x: x, y: y, "text-anchor": "middle" },
        span.start.toLocaleDateString(lang, { day: "numeric" })));
      var name = span.start.toLocaleDateString(lang, { month: "short" });
      if (name !== month) {
        month = name;
        svg.appendChild(svgNode("text", { "class": "hb-pg-label", x: x, y: y + 15, "text-anchor": "middle" },
          name));
      }
    });
  }
  function picture(alt) {
    var svg = svgNode("svg", {
      viewBox: "0 0 " + WIDTH + " " + HEIGHT, role: "img", "aria-label": alt, "class": "hb-pg-svg"
    });
    return svg;
  }
  function daysPicture(item, spans) {
    var list = item.weeks.map(function (w) { return number(w.days); }).join(", ");
    var alt = item.days ? fill(W.days_alt, { name: item.name, list: list, days: item.days })
      : fill(W.days_alt_unknown, { name: item.name, list: list });
    var svg = picture(alt), top = 7, bottom = HEIGHT - BOTTOM;
    var unit = (bottom - TOP) / top, band = (WIDTH - LEFT - RIGHT) / spans.length;
    frame(svg, top);
    item.weeks.forEach(function (week, i) {
      var x = LEFT + band * (i + 0.2), height = unit * week.days;
      svg.appendChild(svgNode("rect", {
        "class": "hb-pg-bar", x: x, y: bottom - height, width: band * 0.6, height: height,
        "data-value": String(week.days)
      }));
      svg.appendChild(svgNode("text", {
        "class": "hb-pg-value", x: LEFT + band * (i + 0.5), y: bottom - height - 4, "text-anchor": "middle"
      }, number(week.days)));
    });
    if (item.days) {
      var y = bottom - unit * item.days;
      svg.appendChild(svgNode("line", {
        "class": "hb-pg-plan", x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, "data-value": String(item.days)
      }));
      svg.appendChild(svgNode("text", { "class": "hb-pg-label hb-pg-plan-label", x: WIDTH - RIGHT, y: y - 4,
        "text-anchor": "end" }, W.planned_short + " " + item.days));
    }
    weekLabels(svg, spans);
    return svg;
  }
  function backPicture(back, spans) {
    var list = back.map(function (w) { return w ? number(w.value) : W.no_answer; }).join(", ");
    var svg = picture(fill(W.back_alt, { list: list })), top = 10, bottom = HEIGHT - BOTTOM;
    var unit = (bottom - TOP) / top, band = (WIDTH - LEFT - RIGHT) / spans.length, points = [];
    frame(svg, top);
    back.forEach(function (week, i) {
      if (!week) {
        return;
      }
      var x = LEFT + band * (i + 0.5), y = bottom - unit * week.value;
      points.push(x + "," + y);
      svg.appendChild(svgNode("circle", { "class": "hb-pg-point", cx: x, cy: y, r: 5,
        "data-value": String(week.value) }));
      svg.appendChild(svgNode("text", { "class": "hb-pg-value", x: x, y: y - 9, "text-anchor": "middle" },
        number(week.value)));
    });
    if (points.length > 1) {
      svg.insertBefore(svgNode("polyline", { "class": "hb-pg-line", points: points.join(" ") }),
        svg.querySelector("circle"));
    }
    weekLabels(svg, spans);
    return svg;
  }
  function table(head, rows, caption) {
    var wrap = make("div", { "class": "hb-pg-table" });
    var t = wrap.appendChild(make("table"));
    if (caption) {
      t.appendChild(make("caption", {}, caption));
    }
    var tr = t.appendChild(make("thead")).appendChild(make("tr"));
    head.forEach(function (text) { tr.appendChild(make("th", { scope: "col" }, text)); });
    var body = t.appendChild(make("tbody"));
    rows.forEach(function (cells) {
      var row = body.appendChild(make("tr"));
      cells.forEach(function (text, i) {
        row.appendChild(make(i ? "td" : "th", i ? {} : { scope: "row" }, text));
      });
    });
    return wrap;
  }
  function figure(holder, title, svg, tableNode) {
    var section = holder.appendChild(make("section", { "class": "hb-pg" }));
    section.appendChild(make("h2", {}, title));
    var fig = section.appendChild(make("figure", { "class": "hb-pg-figure" }));
    fig.appendChild(svg);
    section.appendChild(tableNode);
    return section;
  }
  function range(span) { return fill(W.range, { start: shortDate(span.start), end: shortDate(span.end) }); }

  function draw(holder) {
    var spans = weeks(), summary = summarise(window.hbLog.read(), spans);
    holder.textContent = "";
    if (!summary.items.length) {
      holder.appendChild(make("p", { "data-hb-progress-status": "" }, W.empty));
      return;
    }
    summary.items.forEach(function (item) {
      var rows = item.weeks.map(function (week, i) {
        return [range(spans[i]), number(week.days), number(week.sessions)];
      });
      var planned = W.planned + ": " + (item.days ? number(item.days) : W.unknown);
      var section = figure(holder, fill(W.days_title, { name: item.name }), daysPicture(item, spans),
        table([W.week, W.days_done, W.sessions], rows, planned));
      section.setAttribute("data-hb-progress-item", item.id);
    });
    var answered = summary.back.some(Boolean);
    var back = figure(holder, W.back_title, backPicture(summary.back, spans),
      table([W.week, W.back, W.answers], summary.back.map(function (week, i) {
        return [range(spans[i]), week ? number(week.value) : W.no_answer, number(week ? week.answers : 0)];
      })));
    back.setAttribute("data-hb-progress-back", "");
    if (!answered) {
      back.insertBefore(make("p", {}, W.back_none), back.children[1]);
    }
  }
  function setUp() {
    var holder = document.querySelector("[data-hb-progress]");
    var node = document.getElementById("hb-progress");
    if (!holder || !node || !window.hbLog) {
      return;
    }
    data = JSON.parse(node.textContent);
    W = data.words;
    lang = document.documentElement.lang || "en";
    draw(holder);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
