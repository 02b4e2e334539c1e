// steps.js makes plan.py's session steps (kinds, seconds, labels) and words.js rounds their
// time to minutes as plan.py does, in every language.
import assert from "node:assert/strict";
import { test } from "node:test";
import { asset, cases } from "./helpers.mjs";

const { sessionSteps, sessionSeconds } = await asset("steps.js");
const { minutes, wordsOf } = await asset("words.js");

for (const [lang, spec] of Object.entries(cases("steps"))) {
  const W = wordsOf(spec.words, lang);
  const rules = spec.words.rules.time;
  test(`${lang}: steps, seconds and minutes`, () => {
    for (const one of spec.cases) {
      if (one.steps) assert.deepEqual(sessionSteps(W, one.name, one.dosage, rules), one.steps);
      assert.equal(sessionSeconds(one.dosage, rules), one.seconds);
      assert.equal(minutes(one.seconds), one.minutes);
    }
  });
}
