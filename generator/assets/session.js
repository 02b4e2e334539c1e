// The guided session: follows the page's plan (the JSON in #hb-session-plan) step by step,
// with a countdown for holds and timed steps, a Done button for repetitions done at one's own
// pace, and, at the end, a log kept on this device only if the patient asks for it.
// Imported by session-start.js when Start is pressed. No content, no words and no constants
// live here: names, cues, stop advice, red flags, the interface words (plan.words) and the
// rules (plan.rules: pictures' size, which steps beep, the log's days), in the page's
// language, come from the page (pages/session.py).
//
// An ES module, this one the timer; the dialog (session-dialog.js), the device's wake lock,
// speech and beep (session-device.js) and the log (session-log.js) are its neighbours.
import { beep, hush, soundOn, speak, wake } from "./session-device.js";
import { build, fill, make, reset, result, showExercise } from "./session-dialog.js";
import { download, removeLog, showLog, tick } from "./session-log.js";

// The session: its plan, words, rules and steps, the dialog and its parts, the page's box.
const S = { plan: null, words: null, rules: null, steps: [], dialog: null, refs: {}, box: null };
let planText, opener, shown;
let index = 0, endAt = 0, left = 0, timer = 0, paused = false, running = false;

const now = () => performance.now();
function clockText(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}
function awake() {
  wake(running && !paused && document.visibilityState === "visible");
}

function setUp() {
  const dialog = S.dialog = build(S), refs = S.refs;
  dialog.addEventListener("click", onClick);
  dialog.addEventListener("keydown", onKey);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    finish(running ? "stop" : "close");
  });
  refs.sound.addEventListener("change", () => {
    if (refs.sound.checked) {
      soundOn();
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      awake();
    }
  });
}

function onClick(event) {
  const target = event.target.closest("[data-a]");
  const action = target && target.getAttribute("data-a");
  const refs = S.refs;
  const actions = {
    done: advance,
    pause: togglePause,
    back: () => show(Math.max(0, index - 1)),
    skip: advance,
    stop: () => finish("stop"),
    hurts: () => finish("hurts"),
    close: () => finish("close"),
    why: () => {
      const open = refs.whyBox.hidden;
      refs.whyBox.hidden = !open;
      refs.why.setAttribute("aria-expanded", String(open));
    },
    tick: () => tick(S),
    download: () => download(S),
    remove: () => removeLog(S),
  };
  if (actions[action]) {
    actions[action]();
  }
}
function onKey(event) {
  if (!running || event.altKey || event.ctrlKey || event.metaKey) {
    return;
  }
  const onControl = event.target.closest("button, input, a, summary");
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

const manual = (step) => step.kind === "reps" || !step.seconds;
// `from`: when the step before ended, so that late timers do not add up over a session;
// a step starts now when the page was held up for longer (a tab in the background).
function show(i, from) {
  const refs = S.refs, dialog = S.dialog;
  index = i;
  clearTimeout(timer);
  const step = S.steps[i].step, exercise = S.steps[i].exercise;
  left = step.seconds * 1000;
  if (shown !== exercise) {
    shown = exercise;
    showExercise(S, exercise);
  }
  refs.where.textContent = step.label;
  refs.pic.setAttribute("data-show", S.rules.picture_shown[step.kind] || "start");
  const waits = manual(step), focus = document.activeElement;
  refs.done.hidden = !waits;
  refs.count.hidden = waits;
  refs.done.textContent = step.kind === "reps" ? S.words.done : S.words.ready;
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
  const remaining = endAt - now();
  if (remaining <= 0) {
    if (S.rules.beep_after.includes(S.steps[index].step.kind) && S.refs.sound.checked) {
      beep(S.rules.tone);
    }
    advance(endAt);
    return;
  }
  render();
  timer = setTimeout(tickLater, remaining % 1000 || 1000);
}
function remaining() {
  return paused || manual(S.steps[index].step) ? left : Math.max(0, endAt - now());
}
function render() {
  const WORDS = S.words, refs = S.refs, steps = S.steps;
  const ms = remaining();
  let rest = ms;
  for (let i = index + 1; i < steps.length; i++) {
    rest += steps[i].step.seconds * 1000;
  }
  let where = fill(WORDS.left, { t: clockText(rest) });
  if (S.plan.exercises.length > 1) {
    where = fill(WORDS.exercise, { n: steps[index].number, of: S.plan.exercises.length }) + " · " + where;
  }
  refs.progress.textContent = where;
  const kind = WORDS.kinds[steps[index].step.kind];
  refs.phase.textContent = paused ? fill(WORDS.pausedKind, { kind }) : kind;
  const s = Math.ceil(ms / 1000);
  refs.count.textContent = "";
  refs.count.appendChild(make("span", { "class": "hb-s-num" }, s >= 60 ? clockText(ms) : String(s)));
  refs.count.appendChild(make("span", { "class": "hb-s-unit" }, s >= 60 ? "" : WORDS.seconds));
}
function advance(from) {
  if (index + 1 < S.steps.length) {
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
    if (!manual(S.steps[index].step)) {
      endAt = now() + left;
      tickLater();
    }
    announce(S.steps[index].step.label);
  } else {
    left = remaining();
    clearTimeout(timer);
    paused = true;
    announce(S.words.paused);
  }
  S.dialog.toggleAttribute("data-paused", paused);
  S.refs.pause.textContent = paused ? S.words.resume : S.words.pause;
  awake();
  render();
}
function announce(text) {
  S.refs.live.textContent = text;
  if (S.refs.speech.checked) {
    speak(text);
  }
}

function start() {
  running = true;
  paused = false;
  reset(S);
  shown = null;
  S.refs.pause.focus();
  show(0);
  awake();
}
function finish(how) {
  const exercise = S.steps.length ? S.steps[index].exercise : null;
  clearTimeout(timer);
  running = false;
  awake();
  hush();
  if (how === "stop" || how === "close") {
    S.dialog.setAttribute("data-state", "closed");
    S.dialog.close();
    if (opener) {
      opener.focus();
    }
    return;
  }
  result(S, how, exercise, announce);
  if (how === "log") {
    showLog(S, false);
  }
}

// The session of the page's box `pageBox`, in `mode` "run" or "log", opened by `from`.
export function open(pageBox, mode, from) {
  S.box = pageBox;
  opener = from;
  const text = document.getElementById("hb-session-plan").textContent;
  if (text !== planText) {  // read again: the programme page changes it with its link
    planText = text;
    S.plan = JSON.parse(text);
    S.words = S.plan.words;
    S.rules = S.plan.rules;
    S.steps = [];
    S.plan.exercises.forEach((exercise, n) => {
      exercise.steps.forEach((step) => S.steps.push({ exercise, step, number: n + 1 }));
    });
  }
  if (!S.dialog) {
    setUp();
  }
  if (!S.dialog.open) {
    S.dialog.showModal();
  }
  if (mode === "log") {
    finish("log");
  } else {
    start();
  }
}
