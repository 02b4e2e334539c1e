// plan.py's session steps, in the browser, for a dosage read from a programme's link: the same
// kinds, seconds and labels, with the catalogue's `time` rules and the page's words (#hb-words:
// plan.label_phrases as "steps", the side order as rules.side_order). tests/spec/steps.test.mjs
// runs them on the cases Python wrote from plan.py.
import { fill } from "./words.js";

// Every step of one session of the exercise `name` at dosage `d`; `W` is wordsOf(...), or null
// for the seconds alone (labels left empty).
export function sessionSteps(W, name, d, rules) {
  const label = W ? W.data.steps : null;
  const step = (key, values) => (label ? fill(label[key], values) : "");
  const comma = W ? W.say("comma") : "";
  const steps = [];
  const add = (kind, seconds, parts, side, set, rep, direction) => steps.push({
    kind, seconds, side: side || null, set: set || 1, sets: d.sets, rep: rep || 0, reps: d.reps,
    direction: direction || null, label: W ? [name, ...parts].join(comma) : "",
  });
  add("setup", rules.setup_seconds, [step("setup", { num: rules.setup_seconds })]);
  const sides = d.per_side ? rules.side_order : [null];
  for (const side of sides) {
    const named = side && label ? label.sides[d.per_side][side] : "";
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
          const reps = [...here, W ? W.times(d.reps) : ""];
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
export function sessionSeconds(d, rules) {
  return sessionSteps(null, "", d, rules).reduce((sum, step) => sum + step.seconds, 0);
}
