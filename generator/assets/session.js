/* The guided session: follows the page's plan (the JSON in #hb-session-plan) step by step,
   with a countdown for holds and timed steps, a Done button for repetitions done at one's own
   pace, and, at the end, a log kept on this device only if the patient asks for it.
   Loaded by session-start.js when Start is pressed. No content lives here: names, cues, stop
   advice, red flags and the interface words, in the page's language, come from the page. */
(function () {
  "use strict";
  var WORDS;  // the interface words, in the page's language: plan.words (session.py)
  var KEY = "hb-log-v1";
  var BEEP_AFTER = { setup: 1, hold: 1, timed: 1, rest: 1 };
  var plan, planText, steps, dialog, box, opener, shown, refs = {};
  var index = 0, endAt = 0, left = 0, timer = 0, paused = false, running = false;
  var lock = null, audio = null;

  function now() { return performance.now(); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }
  function button(action, text, extra) {
    return make("button", { type: "button", "class": "hb-s-btn " + (extra || ""), "data-a": action }, text);
  }
  function clockText(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function build() {
    dialog = make("dialog", { "class": "hb-s", "aria-labelledby": "hb-s-title" });
    var run = make("div", { "class": "hb-s-run" });
    var bar = make("div", { "class": "hb-s-bar" });
    refs.progress = bar.appendChild(make("p", { "class": "hb-s-progress" }));
    refs.why = bar.appendChild(button("why", WORDS.whenToStop, "hb-s-quiet"));
    refs.why.setAttribute("aria-expanded", "false");
    refs.why.setAttribute("aria-controls", "hb-s-why");
    run.appendChild(bar);
    refs.whyBox = run.appendChild(make("div", { "class": "hb-s-why", id: "hb-s-why", hidden: "" }));
    var main = run.appendChild(make("div", { "class": "hb-s-main" }));
    var head = main.appendChild(make("div", { "class": "hb-s-head" }));
    refs.title = head.appendChild(make("h2", { id: "hb-s-title", tabindex: "-1" }));
    refs.where = head.appendChild(make("p", { "class": "hb-s-where" }));
    refs.pic = main.appendChild(make("div", { "class": "hb-s-pic" }));
    refs.start = refs.pic.appendChild(make("img", { alt: "", width: "400", height: "300" }));
    refs.end = refs.pic.appendChild(make("img", { alt: "", width: "400", height: "300", "class": "hb-s-end" }));
    var clock = main.appendChild(make("div", { "class": "hb-s-clock" }));
    refs.phase = clock.appendChild(make("p", { "class": "hb-s-phase" }));
    refs.count = clock.appendChild(make("p", { "class": "hb-s-count", role: "timer" }));
    refs.done = clock.appendChild(button("done", WORDS.done, "hb-s-main-btn"));
    var cue = main.appendChild(make("p", { "class": "hb-s-cue" }));
    cue.appendChild(make("strong", {}, WORDS.tip));
    cue.appendChild(document.createTextNode(" "));
    refs.cue = cue.appendChild(make("span"));
    var dock = run.appendChild(make("div", { "class": "hb-s-dock" }));
    var controls = dock.appendChild(make("div", { "class": "hb-s-controls" }));
    controls.appendChild(button("back", WORDS.back));
    refs.pause = controls.appendChild(button("pause", WORDS.pause, "hb-s-main-btn"));
    controls.appendChild(button("skip", WORDS.skip));
    var ends = dock.appendChild(make("div", { "class": "hb-s-controls hb-s-two" }));
    ends.appendChild(button("stop", WORDS.stop));
    ends.appendChild(button("hurts", WORDS.hurts, "hb-s-warn"));
    var options = run.appendChild(make("div", { "class": "hb-s-options" }));
    refs.sound = option(options, WORDS.sound);
    refs.speech = option(options, WORDS.speech);
    run.appendChild(make("p", { "class": "hb-s-keys" }, WORDS.keys));
    refs.run = dialog.appendChild(run);
    refs.result = dialog.appendChild(make("div", { "class": "hb-s-result", hidden: "" }));
    refs.live = dialog.appendChild(make("p", { "class": "hb-s-sr", "aria-live": "polite" }));
    dialog.addEventListener("click", onClick);
    dialog.addEventListener("keydown", onKey);
    dialog.addEventListener("cancel", function (event) {
      event.preventDefault();
      finish(running ? "stop" : "close");
    });
    refs.sound.addEventListener("change", function () {
      if (refs.sound.checked) {
        try {
          audio = audio || new (window.AudioContext || window.webkitAudioContext)();
          audio.resume();
        } catch (e) { audio = null; }
      }
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") {
        wake();
      }
    });
    document.body.appendChild(dialog);
  }
  function option(parent, text) {
    var label = parent.appendChild(make("label"));
    var input = label.appendChild(make("input", { type: "checkbox" }));
    label.appendChild(document.createTextNode(" " + text));
    return input;
  }

  function onClick(event) {
    var target = event.target.closest("[data-a]");
    var action = target && target.getAttribute("data-a");
    var actions = {
      done: advance,
      pause: togglePause,
      back: function () { show(Math.max(0, index - 1)); },
      skip: advance,
      stop: function () { finish("stop"); },
      hurts: function () { finish("hurts"); },
      close: function () { finish("close"); },
      why: function () {
        var open = refs.whyBox.hidden;
        refs.whyBox.hidden = !open;
        refs.why.setAttribute("aria-expanded", String(open));
      },
      tick: tick,
      download: download,
      remove: removeLog
    };
    if (actions[action]) {
      actions[action]();
    }
  }
  function onKey(event) {
    if (!running || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var onControl = event.target.closest("button, input, a, summary");
    if (event.key === " " && !onControl) {
      togglePause();
    } else if (event.key === "ArrowLeft") {
      show(Math.max(0, index - 1));
    } else if (event.key === "ArrowRight") {
      advance();
    } else {
      return;
    }
    event.preventDefault();
  }

  function manual(step) { return step.kind === "reps" || !step.seconds; }
  // `from`: when the step before ended, so that late timers do not add up over a session;
  // a step starts now when the page was held up for longer (a tab in the background).
  function show(i, from) {
    index = i;
    clearTimeout(timer);
    var step = steps[i].step, exercise = steps[i].exercise;
    left = step.seconds * 1000;
    if (shown !== exercise) {
      shown = exercise;
      refs.title.textContent = exercise.name;
      refs.cue.textContent = exercise.cue;
      refs.start.src = exercise.start;
      refs.end.src = exercise.end;
      refs.start.alt = exercise.alt;
      refs.whyBox.textContent = "";
      refs.whyBox.appendChild(make("p", {}, exercise.stop_if));
      refs.whyBox.appendChild(make("p", {}, plan.stop_rule));
      refs.whyBox.appendChild(make("p", { "class": "hb-s-weakness" })).appendChild(make("strong", {}, plan.weakness));
    }
    refs.where.textContent = step.label;
    refs.pic.setAttribute("data-show", { hold: "end", timed: "move", reps: "move" }[step.kind] || "start");
    var waits = manual(step), focus = document.activeElement;
    refs.done.hidden = !waits;
    refs.count.hidden = waits;
    refs.done.textContent = step.kind === "reps" ? WORDS.done : WORDS.ready;
    dialog.setAttribute("data-step", String(i));
    dialog.setAttribute("data-kind", step.kind);
    if (waits && (focus === refs.pause || focus === dialog || !dialog.contains(focus))) {
      refs.done.focus();
    } else if (!waits && focus === refs.done) {
      refs.pause.focus();
    }
    announce(step.label);
    if (!paused && !waits) {
      endAt = (from && now() - from < 1000 ? from : now()) + left;
      tickLater();
    }
    render();
  }
  function tickLater() {
    var remaining = endAt - now();
    if (remaining <= 0) {
      var step = steps[index].step;
      if (BEEP_AFTER[step.kind]) {
        beep();
      }
      advance(endAt);
      return;
    }
    render();
    timer = setTimeout(tickLater, remaining % 1000 || 1000);
  }
  function remaining() {
    return paused || manual(steps[index].step) ? left : Math.max(0, endAt - now());
  }
  function render() {
    var ms = remaining(), rest = ms;
    for (var i = index + 1; i < steps.length; i++) {
      rest += steps[i].step.seconds * 1000;
    }
    var where = fill(WORDS.left, { t: clockText(rest) });
    if (plan.exercises.length > 1) {
      where = fill(WORDS.exercise, { n: steps[index].number, of: plan.exercises.length }) + " · " + where;
    }
    refs.progress.textContent = where;
    var kind = WORDS.kinds[steps[index].step.kind];
    refs.phase.textContent = paused ? fill(WORDS.pausedKind, { kind: kind }) : kind;
    var s = Math.ceil(ms / 1000);
    refs.count.textContent = "";
    refs.count.appendChild(make("span", { "class": "hb-s-num" }, s >= 60 ? clockText(ms) : String(s)));
    refs.count.appendChild(make("span", { "class": "hb-s-unit" }, s >= 60 ? "" : WORDS.seconds));
  }
  function advance(from) {
    if (index + 1 < steps.length) {
      show(index + 1, typeof from === "number" ? from : 0);
    } else {
      finish("done");
    }
  }
  function togglePause() {
    if (!running) {
      return;
    }
    if (paused) {
      paused = false;
      if (!manual(steps[index].step)) {
        endAt = now() + left;
        tickLater();
      }
      announce(steps[index].step.label);
    } else {
      left = remaining();
      clearTimeout(timer);
      paused = true;
      announce(WORDS.paused);
    }
    dialog.toggleAttribute("data-paused", paused);
    refs.pause.textContent = paused ? WORDS.resume : WORDS.pause;
    wake();
    render();
  }
  function announce(text) {
    refs.live.textContent = text;
    if (refs.speech.checked && window.speechSynthesis) {
      try {
        speechSynthesis.cancel();
        var say = new SpeechSynthesisUtterance(text);
        say.lang = document.documentElement.lang || "en";
        speechSynthesis.speak(say);
      } catch (e) { /* no voice here */ }
    }
  }
  function beep() {
    if (!refs.sound.checked || !audio) {
      return;
    }
    try {
      var tone = audio.createOscillator(), gain = audio.createGain(), t = audio.currentTime;
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.3, t);
      gain.gain.exponentialRampToValueAtTime(0.001, t + 0.5);
      tone.connect(gain).connect(audio.destination);
      tone.start(t);
      tone.stop(t + 0.5);
    } catch (e) { /* no sound here */ }
  }
  function wake() {
    var want = running && !paused && document.visibilityState === "visible";
    if (want && !lock && navigator.wakeLock) {
      lock = navigator.wakeLock.request("screen").then(function (sentinel) {
        sentinel.addEventListener("release", function () { lock = null; });
        return sentinel;
      }, function () { lock = null; });
    } else if (!want && lock) {
      var held = lock;
      lock = null;
      held.then(function (sentinel) { return sentinel && sentinel.release(); }).catch(function () {});
    }
  }

  function start() {
    running = true;
    paused = false;
    dialog.removeAttribute("data-paused");
    refs.pause.textContent = WORDS.pause;
    refs.run.hidden = false;
    refs.result.hidden = true;
    refs.whyBox.hidden = true;
    refs.why.setAttribute("aria-expanded", "false");
    dialog.setAttribute("aria-labelledby", "hb-s-title");
    dialog.setAttribute("data-state", "running");
    shown = null;
    refs.pause.focus();
    show(0);
    wake();
  }
  function finish(how) {
    var exercise = steps && steps[index].exercise;
    clearTimeout(timer);
    running = false;
    wake();
    if (window.speechSynthesis) {
      speechSynthesis.cancel();
    }
    if (how === "stop" || how === "close") {
      dialog.setAttribute("data-state", "closed");
      dialog.close();
      if (opener) {
        opener.focus();
      }
      return;
    }
    dialog.setAttribute("data-state", how);
    var result = refs.result;
    result.textContent = "";
    var heading = result.appendChild(make("h2", { id: "hb-s-result", tabindex: "-1" }));
    if (how === "hurts") {
      heading.textContent = WORDS.stopped;
      // What to do next comes first: most stops are an exercise done too hard; the signs
      // that need a doctor follow.
      var next = result.appendChild(make("div", { "class": "hb-s-next" }));
      next.appendChild(make("h3", {}, WORDS.nextTitle));
      var advice = next.appendChild(make("ul"));
      if (exercise.easier) {
        advice.appendChild(make("li", {}, fill(WORDS.nextEasier, { name: exercise.easier })));
      }
      advice.appendChild(make("li", {}, WORDS.nextFewer));
      advice.appendChild(make("li", {}, WORDS.nextMorning));
      result.appendChild(make("p", {}, exercise.stop_if + " " + plan.stop_rule));
      result.appendChild(make("p", { "class": "hb-s-weakness" })).appendChild(make("strong", {}, plan.weakness));
      var urgent = result.appendChild(make("div", { "class": "hb-s-urgent" }));
      urgent.appendChild(make("h3", {}, plan.urgent_action));
      urgent.appendChild(make("p", {}, plan.urgent_intro + ":"));
      var list = urgent.appendChild(make("ul"));
      plan.urgent.forEach(function (item) { list.appendChild(make("li", {}, item)); });
      announce(WORDS.stopped);
    } else if (how === "done") {
      heading.textContent = WORDS.finished;
      refs.offer = result.appendChild(make("div"));
      refs.offer.appendChild(button("tick", WORDS.tick, "hb-s-main-btn"));
      refs.offer.appendChild(make("p", {}, WORDS.note));
      refs.logBox = result.appendChild(make("div", { "class": "hb-s-log" }));
      announce(WORDS.finished);
    } else {
      heading.textContent = WORDS.logTitle;
      refs.logBox = result.appendChild(make("div", { "class": "hb-s-log" }));
      showLog(false);
    }
    result.appendChild(button("close", WORDS.close));
    refs.run.hidden = true;
    result.hidden = false;
    dialog.setAttribute("aria-labelledby", "hb-s-result");
    heading.focus();
  }

  function today() {
    var d = new Date();
    return dateKey(d);
  }
  function dateKey(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" +
      String(d.getDate()).padStart(2, "0");
  }
  function readLog() {
    if (window.hbLog) {
      return window.hbLog.read();  // log.js: the v2 format, and v1 logs read as v2
    }
    try {
      var log = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(log) ? log.filter(function (row) {
        return row && typeof row.date === "string" && typeof row.id === "string";
      }) : [];
    } catch (e) {
      return [];
    }
  }
  function tick() {
    var log = readLog(), row = { date: today(), id: plan.id, name: plan.name }, added = -1;
    if (window.hbLog) {
      added = window.hbLog.add(row);
    } else {
      log.push(row);
      try {
        localStorage.setItem(KEY, JSON.stringify(log));
      } catch (e) { /* storage full or switched off: the grid below still shows */ }
    }
    refs.offer.replaceWith(make("p", { role: "status" }, WORDS.ticked));
    showLog(true);
    if (window.hbLog) {
      window.hbLog.ask(refs.logBox.parentNode.insertBefore(make("div"), refs.logBox), added);
    }
    toggleLogButton();
  }
  function showLog(withTitle) {
    var holder = refs.logBox, log = readLog();
    holder.textContent = "";
    if (withTitle) {
      holder.appendChild(make("h3", {}, WORDS.logTitle));
    }
    var days = [], lang = document.documentElement.lang || "en";
    for (var back = 6; back >= 0; back--) {
      var d = new Date();
      d.setDate(d.getDate() - back);
      days.push(d);
    }
    var keys = days.map(dateKey), names = {}, order = [];
    log.forEach(function (row) {
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
      var wrap = holder.appendChild(make("div", { "class": "hb-s-table" }));
      var table = wrap.appendChild(make("table"));
      var head = table.appendChild(make("thead")).appendChild(make("tr"));
      head.appendChild(make("th", { scope: "col" }, WORDS.logRow));
      days.forEach(function (day) {
        head.appendChild(make("th", { scope: "col" },
          day.toLocaleDateString(lang, { weekday: "short", day: "numeric" })));
      });
      var body = table.appendChild(make("tbody"));
      order.forEach(function (id) {
        var row = body.appendChild(make("tr"));
        row.appendChild(make("th", { scope: "row" }, names[id]));
        keys.forEach(function (key) {
          var n = log.filter(function (r) { return r.id === id && r.date === key; }).length;
          var cell = row.appendChild(make("td"));
          if (n) {
            cell.appendChild(make("span", { "aria-hidden": "true" }, "✓".repeat(Math.min(n, 3))));
            cell.appendChild(make("span", { "class": "hb-s-sr" },
              fill(timesWord(n, lang), { n: n })));
          }
        });
      });
    }
    holder.appendChild(make("p", {}, WORDS.note));
    if (log.length) {
      var actions = holder.appendChild(make("div", { "class": "hb-s-controls hb-s-two" }));
      actions.appendChild(button("download", WORDS.download));
      actions.appendChild(button("remove", WORDS.remove));
      if (window.hbLog) {
        window.hbLog.link(holder);
      }
    }
  }
  function timesWord(n, lang) {
    var category = "other";
    try {
      category = new Intl.PluralRules(lang).select(n);
    } catch (e) { /* no plural rules for this language: the general form */ }
    return WORDS.times[category] || WORDS.times.other;
  }
  function csvField(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) {
      text = "'" + text;  // not a formula when opened in a spreadsheet
    }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function download() {
    var lines = ["date,routine,name"].concat(readLog().map(function (row) {
      return [row.date, row.id, row.name || ""].map(csvField).join(",");
    }));
    var text = window.hbLog ? window.hbLog.csv() : lines.join("\r\n") + "\r\n";
    var url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    var link = make("a", { href: url, download: WORDS.file });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function removeLog() {
    try {
      localStorage.removeItem(KEY);
    } catch (e) { /* nothing to remove */ }
    if (window.hbLog) {
      window.hbLog.remove();
    }
    refs.logBox.textContent = "";
    refs.logBox.appendChild(make("p", { role: "status", tabindex: "-1" }, WORDS.removed)).focus();
    toggleLogButton();
  }
  function toggleLogButton() {
    var log = box.querySelector("[data-hb-log-open]");
    if (log) {
      log.hidden = !readLog().length;
    }
  }

  function open(pageBox, mode, from) {
    box = pageBox;
    opener = from;
    var text = document.getElementById("hb-session-plan").textContent;
    if (text !== planText) {  // read again: the programme page changes it with its link
      planText = text;
      plan = JSON.parse(text);
      WORDS = plan.words;
      steps = [];
      plan.exercises.forEach(function (exercise, n) {
        exercise.steps.forEach(function (step) {
          steps.push({ exercise: exercise, step: step, number: n + 1 });
        });
      });
    }
    if (!dialog) {
      build();
    }
    if (!dialog.open) {
      dialog.showModal();
    }
    if (mode === "log") {
      finish("log");
    } else {
      start();
    }
  }
  function ready(pageBox, mode, from) {
    var href = pageBox.getAttribute("data-hb-session-css");
    if (document.querySelector("link[data-hb-session-css]")) {
      open(pageBox, mode, from);
      return;
    }
    var link = make("link", { rel: "stylesheet", href: href, "data-hb-session-css": "" });
    link.onload = link.onerror = function () { open(pageBox, mode, from); };
    document.head.appendChild(link);
  }
  window.hbSession = ready;
})();
