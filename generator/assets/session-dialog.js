// The guided session's dialog (session.js): its elements, built once, and the screens it
// ends on (stopped for pain, done, the log). Every word is the page's (plan.words, session.py).
import { showLog } from "./session-log.js";

export function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, key) => values[key]);
}
export function make(tag, attrs, text) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach((name) => node.setAttribute(name, attrs[name]));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
export function button(action, text, extra) {
  return make("button", { type: "button", "class": "hb-s-btn " + (extra || ""), "data-a": action }, text);
}
function option(parent, text) {
  const label = parent.appendChild(make("label"));
  const input = label.appendChild(make("input", { type: "checkbox" }));
  label.appendChild(document.createTextNode(" " + text));
  return input;
}

// The dialog of session `S` (S.words, S.rules.frame), appended to the page; its parts in S.refs.
export function build(S) {
  const WORDS = S.words, refs = S.refs, frame = S.rules.frame;
  const size = { alt: "", width: String(frame.width), height: String(frame.height) };
  const dialog = make("dialog", { "class": "hb-s", "aria-labelledby": "hb-s-title" });
  const run = make("div", { "class": "hb-s-run" });
  const bar = make("div", { "class": "hb-s-bar" });
  refs.progress = bar.appendChild(make("p", { "class": "hb-s-progress" }));
  refs.why = bar.appendChild(button("why", WORDS.whenToStop, "hb-s-quiet"));
  refs.why.setAttribute("aria-expanded", "false");
  refs.why.setAttribute("aria-controls", "hb-s-why");
  run.appendChild(bar);
  refs.whyBox = run.appendChild(make("div", { "class": "hb-s-why", id: "hb-s-why", hidden: "" }));
  const main = run.appendChild(make("div", { "class": "hb-s-main" }));
  const head = main.appendChild(make("div", { "class": "hb-s-head" }));
  refs.title = head.appendChild(make("h2", { id: "hb-s-title", tabindex: "-1" }));
  refs.where = head.appendChild(make("p", { "class": "hb-s-where" }));
  refs.pic = main.appendChild(make("div", { "class": "hb-s-pic" }));
  refs.start = refs.pic.appendChild(make("img", size));
  refs.end = refs.pic.appendChild(make("img", { ...size, "class": "hb-s-end" }));
  const clock = main.appendChild(make("div", { "class": "hb-s-clock" }));
  refs.phase = clock.appendChild(make("p", { "class": "hb-s-phase" }));
  refs.count = clock.appendChild(make("p", { "class": "hb-s-count", role: "timer" }));
  refs.done = clock.appendChild(button("done", WORDS.done, "hb-s-main-btn"));
  const cue = main.appendChild(make("p", { "class": "hb-s-cue" }));
  cue.appendChild(make("strong", {}, WORDS.tip));
  cue.appendChild(document.createTextNode(" "));
  refs.cue = cue.appendChild(make("span"));
  const dock = run.appendChild(make("div", { "class": "hb-s-dock" }));
  const controls = dock.appendChild(make("div", { "class": "hb-s-controls" }));
  controls.appendChild(button("back", WORDS.back));
  refs.pause = controls.appendChild(button("pause", WORDS.pause, "hb-s-main-btn"));
  controls.appendChild(button("skip", WORDS.skip));
  const ends = dock.appendChild(make("div", { "class": "hb-s-controls hb-s-two" }));
  ends.appendChild(button("stop", WORDS.stop));
  ends.appendChild(button("hurts", WORDS.hurts, "hb-s-warn"));
  const options = run.appendChild(make("div", { "class": "hb-s-options" }));
  refs.sound = option(options, WORDS.sound);
  refs.speech = option(options, WORDS.speech);
  run.appendChild(make("p", { "class": "hb-s-keys" }, WORDS.keys));
  refs.run = dialog.appendChild(run);
  refs.result = dialog.appendChild(make("div", { "class": "hb-s-result", hidden: "" }));
  refs.live = dialog.appendChild(make("p", { "class": "hb-s-sr", "aria-live": "polite" }));
  document.body.appendChild(dialog);
  return dialog;
}

// What the dialog shows for `exercise` when it is first shown: its name, tip, pictures and
// when to stop.
export function showExercise(S, exercise) {
  const refs = S.refs, plan = S.plan;
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

// The running view, as at its start.
export function reset(S) {
  const refs = S.refs, dialog = S.dialog;
  dialog.removeAttribute("data-paused");
  refs.pause.textContent = S.words.pause;
  refs.run.hidden = false;
  refs.result.hidden = true;
  refs.whyBox.hidden = true;
  refs.why.setAttribute("aria-expanded", "false");
  dialog.setAttribute("aria-labelledby", "hb-s-title");
  dialog.setAttribute("data-state", "running");
}

// The screen the session ends on, `how` being "hurts", "done" or "log" (its box, refs.logBox,
// for session-log.js to fill), with `exercise` the one it ended at; `announce` says its heading.
export function result(S, how, exercise, announce) {
  const WORDS = S.words, refs = S.refs, plan = S.plan;
  S.dialog.setAttribute("data-state", how);
  const box = refs.result;
  box.textContent = "";
  const heading = box.appendChild(make("h2", { id: "hb-s-result", tabindex: "-1" }));
  if (how === "hurts") {
    heading.textContent = WORDS.stopped;
    // What to do next comes first: most stops are an exercise done too hard; the signs
    // that need a doctor follow.
    const next = box.appendChild(make("div", { "class": "hb-s-next" }));
    next.appendChild(make("h3", {}, WORDS.nextTitle));
    const advice = next.appendChild(make("ul"));
    if (exercise.easier) {
      advice.appendChild(make("li", {}, fill(WORDS.nextEasier, { name: exercise.easier })));
    }
    advice.appendChild(make("li", {}, WORDS.nextFewer));
    advice.appendChild(make("li", {}, WORDS.nextMorning));
    box.appendChild(make("p", {}, exercise.stop_if + " " + plan.stop_rule));
    box.appendChild(make("p", { "class": "hb-s-weakness" })).appendChild(make("strong", {}, plan.weakness));
    const urgent = box.appendChild(make("div", { "class": "hb-s-urgent" }));
    urgent.appendChild(make("h3", {}, plan.urgent_action));
    urgent.appendChild(make("p", {}, plan.urgent_intro + ":"));
    const list = urgent.appendChild(make("ul"));
    plan.urgent.forEach((item) => list.appendChild(make("li", {}, item)));
    announce(WORDS.stopped);
  } else if (how === "done") {
    heading.textContent = WORDS.finished;
    refs.offer = box.appendChild(make("div"));
    refs.offer.appendChild(button("tick", WORDS.tick, "hb-s-main-btn"));
    refs.offer.appendChild(make("p", {}, WORDS.note));
    refs.logBox = box.appendChild(make("div", { "class": "hb-s-log" }));
    announce(WORDS.finished);
  } else {
    heading.textContent = WORDS.logTitle;
    refs.logBox = box.appendChild(make("div", { "class": "hb-s-log" }));
  }
  box.appendChild(button("close", WORDS.close));
  refs.run.hidden = true;
  box.hidden = false;
  S.dialog.setAttribute("aria-labelledby", "hb-s-result");
  heading.focus();
}
