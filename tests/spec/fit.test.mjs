// fit.js picks the layout cards.py's programme_fit picks, from the catalogue's numbers, in
// every language.
import assert from "node:assert/strict";
import { test } from "node:test";
import { asset, cases } from "./helpers.mjs";

const { chooseFit } = await asset("fit.js");
const { wordsOf } = await asset("words.js");

for (const [lang, spec] of Object.entries(cases("fit"))) {
  const W = wordsOf(spec.words, lang);
  test(`${lang}: the card's layout`, () => {
    let compact = 0;
    for (const one of spec.cases) {
      const entries = one.entries.map((entry) => ({ exercise: spec.exercises[entry.id], dosage: entry.dosage }));
      const fit = chooseFit(W, entries, one.sessions, one.note ? "a note" : "", spec.card, spec.extra_mm);
      assert.equal(fit.name, one.fit, JSON.stringify(one.entries.map((entry) => entry.id)));
      if (fit.layout === "compact") compact += 1;
    }
    assert.ok(compact > 0 && compact < spec.cases.length, "the cases reach more than one layout");
  });
}
