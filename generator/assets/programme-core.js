// Programmes for one patient: the link's grammar, the dosage in words, the card's layout and
// the card itself, shared by the builder (builder.js) and the programme page (programme.js).
//
// Nothing here writes markup: the card's parts are <template> elements rendered by the
// generator with the routine cards' own macros; this clones them and sets text with
// textContent. The exercises come from the open catalogue (/api/v1/exercises.json), fetched
// from the same origin. The programme lives in the link's fragment, which browsers never send.
//
// The fragment's grammar (README, "Programme links"):
//   fragment = "v1." times days "." item *("," item) ["." note]
//   item     = id [":" 1*(("h" / "d" / "r" / "s") number)]   hold, duration, reps, sets
//   number   = %x31-39 *2DIGIT                               1 to 999, no leading zero
//   note     = the note, UTF-8, percent-encoded as by encodeURIComponent, spaces as "+"
// What a note may say (its characters and length) is the one grammar of notes, declared in
// Python (generator/safety/notes.py) and read here as data from the page's #hb-words ("rules").
"use strict";
(function () {
  const VERSION = "v1.";
  const SVG = "http://www.w3.org/2000/svg";
  const FIELDS = { h: "hold_seconds", d: "duration_seconds", r: "reps", s: "sets" };
  const ITEM = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?::((?:[hdrs][1-9][0-9]{0,2})+))?$/;
  const NOTE = /^[A-Za-z0-9\-_.!~*'()%+]+$/;
  const MARK = /^\p{M}$/u;

  class LinkError extends Error {}

  function shown(text) {
    const chars = Array.from(text);
    return "\u201c" + (chars.length > 30 ? chars.slice(0, 27).join("") + "..." : text) + "\u201d";
  }

  // The page's rules (pages/builder.py's script_rules, in #hb-words): the grammar of notes,
  // the longest id, the longest fragment and the QR code's printed size and smallest module.
  function pageRules() {
    return words().rules;
  }
  function noteRule() {
    return pageRules().note;
  }
  function excluded(code) {
    return pageRules().note.excluded.some(([low, high]) => low <= code && code <= high);
  }
  function trimSpaces(text) {
    const spaces = pageRules().note.spaces;
    const chars = Array.from(text);
    let start = 0;
    let end = chars.length;
    while (start < end && spaces.includes(chars[start])) start += 1;
    while (end > start && spaces.includes(chars[end - 1])) end -= 1;
    return chars.slice(start, end).join("");
  }
  // Why `text` is not a note (notes.py's note_problem: a message key and its values), or null.
  function noteProblem(text) {
    const rule = pageRules().note;
    for (const char of text) {
      const code = char.codePointAt(0);
      if (excluded(code)) {
        return { key: "note_excluded", values: { code: "U+" + code.toString(16).toUpperCase().padStart(4, "0") } };
      }
    }
    const chars = Array.from(trimSpaces(text));
    if (!chars.length) return { key: "note_empty", values: {} };
    if (chars.length > rule.max) return { key: "note_long", values: { count: chars.length, max: rule.max } };
    let run = 0;
    for (const char of chars) {
      run = MARK.test(char) ? run + 1 : 0;
      if (run > rule.max_marks) return { key: "note_marks", values: { max: rule.max_marks } };
    }
    return null;
  }
  // A note as the builder keeps it, whatever was typed or pasted: excluded characters (line
  // breaks, tabs, controls) become spaces, marks beyond the limit and characters beyond the
  // length go, spaces at the ends too; "" when nothing is left. It always passes noteProblem.
  function cleanNote(text) {
    const rule = pageRules().note;
    const kept = [];
    let run = 0;
    for (const char of String(text)) {
      const code = char.codePointAt(0);
      if (excluded(code)) {
        kept.push(" ");
        run = 0;
        continue;
      }
      run = MARK.test(char) ? run + 1 : 0;
      if (run <= rule.max_marks) kept.push(char);
    }
    return trimSpaces(Array.from(trimSpaces(kept.join(""))).slice(0, rule.max).join(""));
  }

  function encode(programme) {
    const items = programme.items.map((item) => {
      let dose = "";
      if (item.hold_seconds != null) dose += "h" + item.hold_seconds;
      if (item.duration_seconds != null) dose += "d" + item.duration_seconds;
      if (item.reps !== 1) dose += "r" + item.reps;
      if (item.sets !== 1) dose += "s" + item.sets;
      return dose ? item.id + ":" + dose : item.id;
    });
    let text = VERSION + programme.times + programme.days + "." + items.join(",");
    if (programme.note) text += "." + encodeURIComponent(programme.note).replace(/%20/g, "+");
    return text;
  }

  function within(value, limit, what) {
    if (value < limit.minimum || value > limit.maximum) {
      throw new LinkError(message("out_of_range", { what, value, minimum: limit.minimum, maximum: limit.maximum }));
    }
  }

  // The programme in a fragment (with or without its "#"), checked against the catalogue's
  // rules; throws LinkError with a sentence for the reader when it is not one.
  function parse(fragment, rules) {
    let text = String(fragment);
    if (text.startsWith("#")) text = text.slice(1);
    if (!text) throw new LinkError(message("no_programme"));
    if (text.length > pageRules().max_fragment) {
      throw new LinkError(message("too_long", { count: text.length, max: pageRules().max_fragment }));
    }
    if (!text.startsWith(VERSION)) {
      if (/^v[0-9]+\./.test(text)) {
        throw new LinkError(message("newer"));
      }
      throw new LinkError(message("not_v1"));
    }
    const parts = text.slice(VERSION.length).split(".");
    if (parts.length < 2) throw new LinkError(message("cut_short"));
    const [often, list] = parts;
    const noteText = parts.length > 2 ? parts.slice(2).join(".") : null;
    if (!/^[0-9][0-9]$/.test(often)) {
      throw new LinkError(message("often_digits", { often: shown(often) }));
    }
    const limits = rules.dosage_limits;
    const times = Number(often[0]);
    const days = Number(often[1]);
    within(times, limits.times_per_day, message("field_times_per_day"));
    within(days, limits.days_per_week, message("field_days_per_week"));
    const entries = list.split(",");
    if (entries.length > rules.max_exercises) {
      throw new LinkError(message("too_many", { count: entries.length, max: rules.max_exercises }));
    }
    const seen = new Set();
    const items = entries.map((entry) => {
      const match = ITEM.exec(entry);
      if (!match || match[1].length > pageRules().max_id) {
        throw new LinkError(message("unreadable_item", { item: shown(entry) }));
      }
      const item = { id: match[1], hold_seconds: null, duration_seconds: null, reps: 1, sets: 1 };
      if (seen.has(item.id)) throw new LinkError(message("listed_twice", { name: shown(item.id) }));
      seen.add(item.id);
      const given = new Set();
      for (const [, letter, digits] of (match[2] || "").matchAll(/([hdrs])([0-9]+)/g)) {
        if (given.has(letter)) throw new LinkError(message("dose_twice", { name: shown(item.id) }));
        given.add(letter);
        const field = FIELDS[letter];
        item[field] = Number(digits);
        const what = message("field_of", { field: message(`field_${field}`), exercise: shown(item.id) });
        within(item[field], limits[field], what);
      }
      if (given.has("h") && given.has("d")) {
        throw new LinkError(message("hold_and_duration", { name: shown(item.id) }));
      }
      return item;
    });
    let note = "";
    if (noteText !== null) {
      if (!NOTE.test(noteText)) throw new LinkError(message("note_characters"));
      try {
        note = decodeURIComponent(noteText.replace(/\+/g, "%20"));
      } catch (error) {
        throw new LinkError(message("note_damaged"));
      }
      const problem = noteProblem(note);
      if (problem) throw new LinkError(message(problem.key, problem.values));
      note = trimSpaces(note);
    }
    return { times, days, items, note };
  }

  // Every exercise of the catalogue by id, and by each id it had before.
  function index(catalogue) {
    const byId = new Map();
    for (const exercise of catalogue.exercises) {
      for (const id of exercise.former_ids) byId.set(id, exercise);
    }
    for (const exercise of catalogue.exercises) byId.set(exercise.id, exercise);
    return byId;
  }

  // The dosage the programme gives an exercise: its own, changed as a routine changes it.
  function dosage(exercise, item, times, days) {
    const own = exercise.dosage;
    const result = {
      hold_seconds: own.hold_seconds,
      duration_seconds: own.duration_seconds,
      reps: item.reps,
      sets: item.sets,
      per_side: own.per_side,
      directions: own.directions,
      times_per_day: times,
      days_per_week: days,
    };
    if (item.hold_seconds != null) {
      result.hold_seconds = item.hold_seconds;
      result.duration_seconds = null;
    } else if (item.duration_seconds != null) {
      result.duration_seconds = item.duration_seconds;
      result.hold_seconds = null;
    }
    return result;
  }

  // The programme's exercises from the catalogue: {exercise, dosage} or {missing: id}.
  function resolve(programme, catalogue, byId) {
    const found = new Set();
    return programme.items.map((item) => {
      const exercise = byId.get(item.id);
      if (!exercise) return { missing: item.id, item };
      if (found.has(exercise.id)) throw new LinkError(message("listed_twice", { name: shown(exercise.name) }));
      found.add(exercise.id);
      return { exercise, item, dosage: dosage(exercise, item, programme.times, programme.days) };
    });
  }

  // words.py, in the browser: its phrases in the page's language (words.browser_phrases, in
  // the page's #hb-words), filled the same way. A test compares the two in each language.
  let WORDS = null;
  function words() {
    if (!WORDS) WORDS = JSON.parse(document.getElementById("hb-words").textContent);
    return WORDS;
  }
  function fill(text, values) {
    return text.replace(/%\((\w+)\)[ds]/g, (_, key) => String(values[key]));
  }
  function pluralOf(forms, count) {
    let category = "other";
    try {
      category = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
    } catch (error) { /* no rules for this language: its general form */ }
    return forms[category] || forms.other;
  }
  function message(key, values) {
    return fill(words().messages[key], values || {});
  }
  function messageCount(key, count, values) {
    return fill(pluralOf(words().message_plurals[key], count), { num: count, ...values });
  }
  function say(key, values) {
    return fill(words().phrases[key], values || {});
  }
  function sayCount(key, count) {
    return fill(pluralOf(words().plurals[key], count), { num: count });
  }
  function times(count) {
    return count === 2 ? say("twice") : sayCount("times", count);
  }
  function joinWords(items) {
    if (items.length <= 1) return items.join("");
    return say("and", { list: items.slice(0, -1).join(say("comma")), last: items[items.length - 1] });
  }
  function capitalised(text) {
    return text.slice(0, 1).toUpperCase() + text.slice(1);
  }
  function dosageWords(d, short) {
    const seconds = d.hold_seconds != null ? d.hold_seconds : d.duration_seconds;
    const parts = [];
    if (seconds != null) {
      const unit = short ? say("seconds_short", { num: seconds }) : sayCount("seconds", seconds);
      parts.push(d.hold_seconds != null ? say("hold", { time: unit }) : unit);
    }
    if (d.directions.length) {
      parts.push(say("each_way", { times: times(d.reps), ways: joinWords(d.directions) }));
    } else if (d.reps > 1 || !parts.length) {
      parts.push(times(d.reps));
    }
    if (d.sets > 1) parts.push(sayCount("sets", d.sets));
    if (d.per_side) parts.push(words().sides[d.per_side]);
    return capitalised(parts.join(say("comma")));
  }
  function frequencyWords(d) {
    const days = d.days_per_week;
    const week = days === 7 ? say("every_day") : sayCount("days_a_week", days);
    return capitalised(say("a_day", { times: times(d.times_per_day), week }));
  }
  function minutes(seconds) {
    return Math.max(1, Math.ceil(seconds / 60));
  }
  function minutesWords(count) {
    return sayCount("about_minutes", count);
  }
  // plan.py's session steps, in the browser, for a dosage read from a link: the same kinds,
  // seconds and labels, with the catalogue's `time` rules and the page's words (#hb-words:
  // plan.label_phrases as "steps"). A test compares them with plan.py in each language.
  function sessionSteps(name, d, rules) {
    const label = words().steps;
    const step = (key, values) => fill(label[key], values);
    const steps = [];
    const add = (kind, seconds, parts, side, set, rep, direction) => steps.push({
      kind, seconds, side: side || null, set: set || 1, sets: d.sets, rep: rep || 0, reps: d.reps,
      direction: direction || null, label: [name, ...parts].join(say("comma")),
    });
    add("setup", rules.setup_seconds, [step("setup", { num: rules.setup_seconds })]);
    const sides = d.per_side ? ["right", "left"] : [null];
    for (const side of sides) {
      const named = side ? label.sides[d.per_side][side] : "";
      const where = side ? [named] : [];
      if (side && side !== sides[0]) {
        add("switch", rules.switch_seconds, [step("switch", { side: named })], side);
      }
      for (let set = 1; set <= d.sets; set++) {
        if (set > 1) {
          const rest = step("rest", { num: rules.rest_between_sets_seconds, set });
          add("rest", rules.rest_between_sets_seconds, [...where, rest], side, set);
        }
        const inSet = d.sets > 1 ? [...where, step("set", { num: set, of: d.sets })] : where;
        for (const direction of d.directions.length ? d.directions : [null]) {
          const here = direction ? [...inSet, direction] : inSet;
          if (d.hold_seconds == null && d.duration_seconds == null) {
            const reps = [...here, times(d.reps)];
            add("reps", rules.tempo_seconds * d.reps, reps, side, set, 0, direction);
            continue;
          }
          for (let rep = 1; rep <= d.reps; rep++) {
            const count = d.reps > 1 ? [...here, step("rep", { num: rep, of: d.reps })] : here;
            const at = [side, set, rep, direction];
            if (d.hold_seconds != null) {
              add("hold", d.hold_seconds, [...count, step("hold", { num: d.hold_seconds })], ...at);
              const release = step("release", { num: rules.release_seconds });
              add("release", rules.release_seconds, [...count, release], ...at);
            } else {
              const bout = step("timed", { num: d.duration_seconds });
              add("timed", d.duration_seconds, [...count, bout], ...at);
            }
          }
        }
      }
    }
    return steps;
  }
  // plan.session_seconds: the sum of the steps, so the time a card states is the session's.
  function sessionSeconds(d, rules) {
    return sessionSteps("", d, rules).reduce((sum, step) => sum + step.seconds, 0);
  }

  // pages/cards.py's routine_fit, from the catalogue's heights: the richest layout that fits.
  function lines(text, perLine) {
    return Math.max(1, Math.ceil(Array.from(text).length / perLine));
  }
  function itemMm(entry, fit, catalogue) {
    const rules = catalogue.card;
    const perLine = rules.chars_per_line[fit.layout];
    const heading = `${entry.exercise.name} ${dosageWords(entry.dosage, true)} `;
    let count = lines(heading + frequencyWords(entry.dosage), perLine);
    count += entry.exercise.card.lines[fit.name];
    return Math.max(rules.picture_mm[fit.layout], count * rules.line_mm) + rules.item_pad_mm;
  }
  function chooseFit(entries, sessions, note, catalogue) {
    const rules = catalogue.card;
    const room = rules.sheet_mm - rules.fixed_mm[String(sessions)];
    for (const fit of rules.fits) {
      let height = 0;
      for (const entry of entries) height += itemMm(entry, fit, catalogue);
      height += fit.how_to ? rules.how_to_mm : 0;
      height += note ? rules.note_mm : 0;
      if (height <= room) return fit;
    }
    return rules.fits[rules.fits.length - 1];
  }

  // A catalogue URL (absolute, on the site it was built for) as a URL on this very site.
  function local(url, catalogue, root) {
    if (!url.startsWith(catalogue.site)) throw new Error("not a URL of the handbook: " + url);
    return new URL(url.slice(catalogue.site.length), root).href;
  }

  function clone(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  // The QR code of `text`, or null when no code holds it.
  function qrMatrix(text) {
    const code = qrcode(0, "M");
    try {
      code.addData(text, "Byte");
      code.make();
    } catch (error) {
      return null; // longer than a version 40 code holds
    }
    return code;
  }
  // A module of the code printed at the card's size, in mm (border included, as printed).
  function moduleMm(code) {
    const qr = pageRules().qr;
    return qr.mm / (code.getModuleCount() + 2 * qr.border);
  }
  // What the card's code carries: the whole link if its modules print at least as large as
  // the README promises; else the link without the note ("bare"); else no code at all.
  function qrChoice(link, bare) {
    const readable = (text) => {
      const code = text ? qrMatrix(text) : null;
      return code && moduleMm(code) >= pageRules().qr.min_module_mm ? code : null;
    };
    const whole = readable(link);
    if (whole) return { kind: "whole", text: link, code: whole };
    const without = bare && bare !== link ? readable(bare) : null;
    if (without) return { kind: "bare", text: bare, code: without };
    return { kind: "none", text: "", code: null };
  }

  function qrCode(text, title, matrix) {
    const code = matrix || qrMatrix(text);
    const count = code.getModuleCount();
    const border = pageRules().qr.border;
    const size = count + 2 * border;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "hb-qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.dataset.version = String((count - 17) / 4);
    const label = document.createElementNS(SVG, "title");
    label.textContent = title;
    const paper = document.createElementNS(SVG, "rect");
    paper.setAttribute("width", String(size));
    paper.setAttribute("height", String(size));
    paper.setAttribute("fill", "#fff");
    let d = "";
    for (let row = 0; row < count; row += 1) {
      for (let col = 0; col < count; col += 1) {
        if (code.isDark(row, col)) d += `M${col + border} ${row + border}h1v1h-1z`;
      }
    }
    const ink = document.createElementNS(SVG, "path");
    ink.setAttribute("d", d);
    ink.setAttribute("fill", "#000");
    svg.append(label, paper, ink);
    return svg;
  }

  // The card of a programme, from the templates, for the entries that are in the handbook.
  function card(view, catalogue, root) {
    const entries = view.entries.filter((entry) => entry.exercise);
    const fit = chooseFit(entries, view.times, view.note, catalogue);
    const sheet = clone("hb-tpl-card");
    sheet.classList.replace("hb-layout-large", `hb-layout-${fit.layout}`);
    const total = entries.reduce((sum, entry) => sum + sessionSeconds(entry.dosage, catalogue.time), 0);
    const meta = sheet.querySelector(".hb-card-meta");
    const [time, often] = meta.querySelectorAll("strong");
    time.textContent = capitalised(minutesWords(minutes(total)));
    meta.childNodes[1].nodeValue = ` \u00b7 ${messageCount("exercises", entries.length)} \u00b7 `;
    often.textContent = frequencyWords({ times_per_day: view.times, days_per_week: view.days });
    const list = sheet.querySelector(".hb-card-items");
    entries.forEach((entry, number) => {
      const item = clone("hb-tpl-item");
      const picture = item.querySelector("img");
      picture.src = local(entry.exercise.picture.url, catalogue, root);
      picture.alt = entry.exercise.picture.alt;
      item.querySelector(".hb-card-number").textContent = String(number + 1);
      item.querySelector("h2").lastChild.nodeValue = " " + entry.exercise.name;
      item.querySelector(".hb-card-dose strong").textContent = dosageWords(entry.dosage, true);
      const steps = item.querySelector(".hb-card-steps");
      if (fit.layout === "large" && fit.steps) {
        const step = steps.firstElementChild;
        for (const text of entry.exercise.steps) {
          const line = step.cloneNode(true);
          line.textContent = text;
          steps.append(line);
        }
        step.remove();
      } else {
        steps.remove();
      }
      const tip = item.querySelector(".hb-card-tip");
      if (fit.layout === "large" && !fit.steps) tip.lastChild.nodeValue = " " + entry.exercise.cues[0];
      else tip.remove();
      const cautions = entry.exercise.warnings.concat(fit.all_cautions ? entry.exercise.cautions : []);
      const care = item.querySelector(".hb-card-care");
      if (cautions.length) care.lastChild.nodeValue = " " + cautions.join(" ");
      else care.remove();
      list.append(item);
    });
    const note = sheet.querySelector(".hb-card-programme-note");
    if (view.note) note.querySelector("span").textContent = view.note;
    else note.remove();
    if (!fit.how_to) sheet.querySelector(".hb-card-how").remove();
    sheet.querySelectorAll(".hb-card-log tbody tr").forEach((row, number) => {
      if (number >= view.times) row.remove();
    });
    const place = sheet.querySelector(".hb-card-qr");
    const choice = qrChoice(view.link, view.bareLink);
    if (choice.code) place.append(qrCode(choice.text, message("qr_title"), choice.code));
    // The card says so when the code leaves the note out (after the note, so the header keeps
    // its height) or is left out (in the code's place).
    if (choice.kind === "bare" && view.note) {
      const words = document.createElement("span");
      words.className = "hb-card-qr-words";
      words.textContent = message("qr_without_note");
      note.append(" ", words);
    } else if (choice.kind !== "whole") {
      const words = document.createElement("p");
      words.className = "hb-card-small hb-card-qr-words";
      words.textContent = message("qr_none");
      place.append(words);
    }
    sheet.dataset.qr = choice.kind;
    if (view.patient) sheet.querySelector(".hb-card-notes .hb-line").textContent = view.patient;
    sheet.dataset.fit = fit.name;
    return sheet;
  }

  // RFC 5545 text: escaped, and folded at 75 octets.
  function icsText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function fold(line) {
    const out = [];
    let current = "";
    let size = 0;
    for (const char of line) {
      const bytes = new TextEncoder().encode(char).length;
      if (size + bytes > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += char;
      size += bytes;
    }
    out.push(current);
    return out.join("\r\n ");
  }
  function stamp(date, utc) {
    const pad = (n) => String(n).padStart(2, "0");
    if (utc) {
      return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
    }
    return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}T090000`;
  }
  function hash(text) {
    let value = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      value = Math.imul(value ^ byte, 0x01000193) >>> 0;
    }
    return value.toString(16).padStart(8, "0");
  }
  // A daily reminder for six weeks from tomorrow, 09:00 local time (floating).
  function calendar(view, catalogue, now) {
    const entries = view.entries.filter((entry) => entry.exercise);
    const total = minutes(entries.reduce((sum, entry) => sum + sessionSeconds(entry.dosage, catalogue.time), 0));
    const often = frequencyWords({ times_per_day: view.times, days_per_week: view.days });
    const title = `${view.title} (${minutesWords(total)})`;
    const names = entries.map((entry) => entry.exercise.name).join(", ");
    const description = `${capitalised(minutesWords(total))}. ${often}. ${names}. ${view.link}`;
    const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Foot exercises for low back pain//programme builder//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      `UID:programme-${hash(view.link)}@${new URL(view.link).host || "handbook"}`,
      `DTSTAMP:${stamp(now, true)}`,
      `DTSTART:${stamp(tomorrow, false)}`,
      `DURATION:PT${total}M`,
      "RRULE:FREQ=DAILY;COUNT=42",
      `SUMMARY:${icsText(title)}`,
      `DESCRIPTION:${icsText(description)}`,
      `URL:${view.link}`,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${icsText(title)}`,
      "TRIGGER:PT0S",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
    ];
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  // The catalogue, from this very site only.
  async function load(element, name) {
    const url = new URL(element.dataset[name], location.href);
    if (url.origin !== location.origin) throw new Error(message("catalogue_origin"));
    const response = await fetch(url, { credentials: "omit", cache: "default" });
    if (!response.ok) throw new Error(message("catalogue_status", { status: response.status }));
    return response.json();
  }

  window.HandbookProgramme = {
    LinkError, encode, parse, index, resolve, dosage, cleanNote, noteProblem, noteRule, shown,
    qrChoice, moduleMm,
    message, messageCount, dosageWords, frequencyWords, sessionSteps, sessionSeconds, minutes, minutesWords, capitalised,
    chooseFit, itemMm, card, qrCode, calendar, download, load, local,
  };
})();
