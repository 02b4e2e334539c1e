// The programme builder: pick, order and dose exercises for one patient, see the card, print
// it, copy the link, download a calendar file or a routine file. Without this script the page
// is a plain list of the exercises. State lives in this page and in its link only: no cookie,
// no storage, no request but the catalogue from this site.
//
// An ES module: the link's grammar (link.js), the words (words.js), the session's time
// (steps.js), the card (programme-card.js), the calendar file (calendar.js, page.js) and the
// routine file (routine-file.js).
import { LinkError, cleanNote, encode, index, parse, resolve, shown } from "./link.js";
import { download, load, pageWords, programmeCalendar } from "./page.js";
import { card } from "./programme-card.js";
import { routineYaml } from "./routine-file.js";
import { sessionSeconds } from "./steps.js";
import { minutes } from "./words.js";

const app = document.querySelector("[data-hb-builder]");
// Where script runs, programme.css shows the controls from the first paint; a builder that
// cannot start marks the app, and the page is the plain list of links again.
const fail = () => { app.dataset.hbFailed = ""; };
let W = null;
try {
  if (app) W = pageWords();
} catch (error) {
  fail();
}
if (app && W) start();

function start() {
  const P = { message: W.message, rules: W.rules };
  const $ = (selector) => app.querySelector(selector);
  const status = $("[data-hb-status]");
  // The programme, and the routine it started from (its situation and weeks, for the
  // calendar file), if any.
  const state = { items: [], times: 1, days: 5, note: "", patient: "", from: null };
  let catalogue = null;
  let routines = null;
  let byId = null;
  const root = new URL(app.dataset.root || "../", location.href);

  function item(exercise, dose) {
    const own = dose || exercise.dosage;
    return {
      id: exercise.id,
      hold_seconds: own.hold_seconds,
      duration_seconds: own.duration_seconds,
      reps: own.reps,
      sets: own.sets,
    };
  }

  function link(programme) {
    const base = new URL(app.dataset.programmeRel || "../programme/", location.href);
    return base.href.split("#")[0] + "#" + encode(W.rules.link, programme || state);
  }

  function view() {
    return {
      entries: resolve(P, state, byId),
      times: state.times,
      days: state.days,
      note: state.note,
      link: link(),
      bareLink: link({ ...state, note: "" }),
      patient: state.patient,
      title: W.message("programme_title"),
      situation: state.from ? state.from.situation : null,
      weeks: state.from ? W.rules.routine_weeks[state.from.id] : null,
    };
  }

  function setStatus(text) {
    $("[data-hb-action-status]").textContent = text;
  }

  // The list of exercises: ticks follow the programme; at the limit, no more can be ticked.
  function syncPicks() {
    const chosen = new Set(state.items.map((entry) => entry.id));
    const full = state.items.length >= catalogue.max_exercises;
    app.querySelectorAll(".hb-pick-box").forEach((box) => {
      box.checked = chosen.has(box.value);
      box.disabled = full && !box.checked;
    });
    $("[data-hb-limit]").textContent = full
      ? W.message("limit_reached", { max: catalogue.max_exercises })
      : W.message("chosen_count", { count: state.items.length, max: catalogue.max_exercises });
  }

  function numberInput(input, field, exercise, entry) {
    const limit = catalogue.dosage_limits[field];
    input.min = String(limit.minimum);
    input.max = String(limit.maximum);
    input.value = String(entry[field]);
    input.addEventListener("input", () => {
      const value = Number(input.value);
      const ok = Number.isInteger(value) && value >= limit.minimum && value <= limit.maximum;
      input.setAttribute("aria-invalid", ok ? "false" : "true");
      if (ok) {
        entry[field] = value;
        update(false);
      }
    });
    input.addEventListener("change", () => {
      input.value = String(entry[field]);
      input.setAttribute("aria-invalid", "false");
    });
  }

  function hidden(text) {
    const span = document.createElement("span");
    span.className = "hb-visually-hidden";
    span.textContent = text;
    return span;
  }

  function renderChosen() {
    const list = $("[data-hb-chosen]");
    list.replaceChildren();
    state.items.forEach((entry, number) => {
      const exercise = byId.get(entry.id);
      const row = document.getElementById("hb-tpl-chosen").content.firstElementChild.cloneNode(true);
      row.dataset.id = entry.id;
      row.querySelector(".hb-chosen-name").textContent = `${number + 1}. ${exercise.name}`;
      row.querySelectorAll("input[data-field]").forEach((input) => {
        const field = input.dataset.field;
        const label = input.closest("label");
        if (entry[field] === null || entry[field] === undefined) {
          label.remove();
          return;
        }
        const words = label.querySelector("span");
        words.textContent = W.message(`label_${field}`);
        words.append(hidden(W.message("label_for", { name: exercise.name })));
        numberInput(input, field, exercise, entry);
      });
      const [up, down, remove] = row.querySelectorAll("button");
      // The visible word alone, and the whole phrase for screen readers, which includes it.
      up.append(W.message("up"));
      up.setAttribute("aria-label", W.message("move_up", { name: exercise.name }));
      down.append(W.message("down"));
      down.setAttribute("aria-label", W.message("move_down", { name: exercise.name }));
      remove.append(W.message("remove"), hidden(` ${exercise.name}`));
      up.disabled = number === 0;
      down.disabled = number === state.items.length - 1;
      up.addEventListener("click", () => move(number, -1));
      down.addEventListener("click", () => move(number, 1));
      remove.addEventListener("click", () => {
        state.items.splice(number, 1);
        update(true);
        setStatus(W.message("removed", { name: exercise.name }));
      });
      list.append(row);
    });
    $("[data-hb-empty]").hidden = state.items.length > 0;
  }

  function move(number, step) {
    const [entry] = state.items.splice(number, 1);
    state.items.splice(number + step, 0, entry);
    update(true);
    const buttons = app.querySelectorAll(`[data-hb-chosen] li:nth-child(${number + step + 1}) button`);
    const again = buttons[step < 0 ? 0 : 1];
    (again && !again.disabled ? again : buttons[2]).focus();
  }

  function renderWords() {
    const resolved = resolve(P, state, byId);
    app.querySelectorAll("[data-hb-chosen] li").forEach((row, number) => {
      const entry = resolved[number];
      row.querySelector(".hb-chosen-words").textContent =
        `${W.dosageWords(entry.dosage, false)}, ` +
        `${W.minutesWords(minutes(sessionSeconds(entry.dosage, W.rules.time)))}.`;
    });
  }

  function renderPreview() {
    const slot = $("[data-hb-card]");
    if (!state.items.length) {
      slot.replaceChildren();
      $("[data-hb-preview]").hidden = true;
      return;
    }
    $("[data-hb-preview]").hidden = false;
    slot.replaceChildren(card(W, view(), catalogue, root));
  }

  // Everything follows the state; `rebuild` also redraws the chosen list (not while typing).
  function update(rebuild) {
    if (rebuild) renderChosen();
    renderWords();
    syncPicks();
    const note = $("[data-hb-note]");
    const typed = Array.from(note.value).length;
    $("[data-hb-note-count]").textContent = W.message("note_count", { count: typed, max: W.rules.note.max });
    const address = state.items.length ? link() : "";
    $("[data-hb-link]").value = address;
    app.querySelectorAll("[data-hb-action]").forEach((button) => {
      button.disabled = !state.items.length;
    });
    history.replaceState(null, "", state.items.length ? "#" + encode(W.rules.link, state) : location.pathname);
    renderPreview();
  }

  function startFrom(routineId) {
    state.items = [];
    state.from = null;
    if (routineId) {
      const routine = routines.routines.find((r) => r.id === routineId);
      if (!routine) {
        // An unknown routine (a link of another site, or a routine since removed): say so and
        // start from nothing, every action disabled until an exercise is ticked.
        setStatus(W.message("unknown_routine", { name: shown(routineId) }));
        update(true);
        return;
      }
      for (const entry of routine.exercises) {
        const exercise = byId.get(entry.exercise);
        if (exercise) state.items.push(item(exercise, entry.dosage));
      }
      state.times = Math.max(...routine.exercises.map((entry) => entry.dosage.times_per_day));
      state.days = Math.max(...routine.exercises.map((entry) => entry.dosage.days_per_week));
      state.from = { id: routine.id, situation: routine.situation };
      setStatus(W.messageCount("started_from", state.items.length, { routine: routine.name }));
    } else {
      setStatus(W.message("started_nothing"));
    }
    $("[data-hb-times]").value = String(state.times);
    $("[data-hb-days]").value = String(state.days);
    update(true);
  }

  function filter() {
    const name = $("[data-hb-filter=name]").value.trim().toLowerCase();
    const position = $("[data-hb-filter=position]").value;
    const equipment = $("[data-hb-filter=equipment]").value;
    app.querySelectorAll(".hb-pick").forEach((row) => {
      const exercise = byId.get(row.dataset.id);
      row.hidden = Boolean(
        (name && !exercise.name.toLowerCase().includes(name)) ||
          (position && exercise.position !== position) ||
          (equipment && !exercise.equipment.includes(equipment))
      );
    });
  }

  const actions = {
    print() {
      window.print();
    },
    async copy() {
      const address = link();
      try {
        await navigator.clipboard.writeText(address);
        setStatus(W.message("copied"));
      } catch (error) {
        const field = $("[data-hb-link]");
        field.focus();
        field.select();
        setStatus(W.message("copy_blocked"));
      }
    },
    calendar() {
      download("exercise-programme.ics", "text/calendar", programmeCalendar(W, view(), new Date()));
      setStatus(W.message("calendar_done_weeks"));
    },
    routine() {
      const text = routineYaml(W.rules, state, resolve(P, state, byId));
      if (!text) return;
      download(`${W.rules.routine_file.id}.yml`, "text/yaml", text);
      setStatus(W.message("routine_done"));
    },
  };

  function wire() {
    app.querySelectorAll(".hb-pick").forEach((row) => {
      const box = row.querySelector(".hb-pick-box");
      const exercise = byId.get(box.value);
      if (!exercise) {
        box.remove();
        return;
      }
      row.querySelector(".hb-pick-name").hidden = false;
      const about = row.querySelector(".hb-pick-link");
      about.replaceChildren(W.message("details"), hidden(W.message("details_of", { name: exercise.name })));
      box.hidden = false;
      box.disabled = false;
      box.addEventListener("change", () => {
        if (box.checked && state.items.length < catalogue.max_exercises) {
          state.items.push(item(exercise));
        } else if (!box.checked) {
          state.items = state.items.filter((entry) => entry.id !== exercise.id);
        }
        update(true);
      });
    });
    app.querySelectorAll("[data-hb-routine]").forEach((button) => {
      button.disabled = false;
      button.addEventListener("click", () => startFrom(button.dataset.hbRoutine));
    });
    app.querySelectorAll("[data-hb-filter]").forEach((control) => {
      control.disabled = false;
      control.addEventListener("input", filter);
    });
    for (const [selector, key, limit] of [
      ["[data-hb-times]", "times", catalogue.dosage_limits.times_per_day],
      ["[data-hb-days]", "days", catalogue.dosage_limits.days_per_week],
    ]) {
      const input = $(selector);
      input.min = String(limit.minimum);
      input.max = String(limit.maximum);
      input.addEventListener("input", () => {
        const value = Number(input.value);
        const ok = Number.isInteger(value) && value >= limit.minimum && value <= limit.maximum;
        input.setAttribute("aria-invalid", ok ? "false" : "true");
        if (ok) {
          state[key] = value;
          update(false);
        }
      });
      input.addEventListener("change", () => {
        input.value = String(state[key]);
        input.setAttribute("aria-invalid", "false");
      });
    }
    const note = $("[data-hb-note]");
    note.maxLength = W.rules.note.max;
    note.addEventListener("input", () => {
      state.note = cleanNote(W.rules.note, note.value);
      update(false);
    });
    const patient = $("[data-hb-patient]");
    patient.addEventListener("input", () => {
      state.patient = patient.value;
      const line = app.querySelector("[data-hb-card] .hb-card-notes .hb-line");
      if (line) line.textContent = state.patient;
    });
    app.querySelectorAll("[data-hb-action]").forEach((button) => {
      button.addEventListener("click", () => {
        if (state.items.length) actions[button.dataset.hbAction]();
      });
    });
    $("[data-hb-start]").hidden = false;
    $("[data-hb-filters]").hidden = false;
    $("[data-hb-plan]").hidden = false;
  }

  // A programme in the builder's own link (from "Change this programme"), or a routine.
  function restore() {
    const fragment = location.hash.slice(1);
    if (fragment.startsWith("routine-")) {
      startFrom(fragment.slice("routine-".length));
      return;
    }
    if (fragment) {
      try {
        const programme = parse(P, fragment, catalogue);
        const resolved = resolve(P, programme, byId);
        const entries = resolved.filter((entry) => entry.exercise);
        const missing = resolved.length - entries.length;
        if (missing) setStatus(W.messageCount("left_out", missing));
        state.items = entries.map((entry) => item(entry.exercise, entry.dosage));
        state.times = programme.times;
        state.days = programme.days;
        state.note = programme.note;
        $("[data-hb-note]").value = programme.note;
        $("[data-hb-times]").value = String(state.times);
        $("[data-hb-days]").value = String(state.days);
      } catch (error) {
        if (!(error instanceof LinkError)) throw error;
        setStatus(W.message("address_unreadable", { error: error.message }));
      }
    }
    update(true);
  }

  status.textContent = W.message("loading");
  Promise.all([load(W, app, "catalogue"), load(W, app, "routines")])
    .then(([exercises, routineList]) => {
      catalogue = exercises;
      routines = routineList;
      byId = index(catalogue);
      wire();
      restore();
      status.textContent = "";
      status.hidden = true;
    })
    .catch((error) => {
      status.textContent = W.message("cannot_start", { error: error.message });
      fail();
    });
}
