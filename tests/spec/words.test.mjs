// words.js says a dosage, a frequency, counts and lists as words.py does, in every language.
import assert from "node:assert/strict";
import { test } from "node:test";
import { asset, cases } from "./helpers.mjs";

const { wordsOf } = await asset("words.js");

for (const [lang, spec] of Object.entries(cases("words"))) {
  const W = wordsOf(spec.words, lang);
  test(`${lang}: dosage and frequency words`, () => {
    for (const one of spec.dosages) {
      assert.equal(W.dosageWords(one.dosage, false), one.words);
      assert.equal(W.dosageWords(one.dosage, true), one.short);
      assert.equal(W.frequencyWords(one.dosage), one.frequency);
    }
  });
  test(`${lang}: plurals, times and minutes`, () => {
    for (const [key, said] of Object.entries(spec.plurals)) {
      for (const [count, words] of Object.entries(said)) assert.equal(W.sayCount(key, Number(count)), words, key);
    }
    for (const [count, words] of Object.entries(spec.times)) assert.equal(W.times(Number(count)), words);
    for (const [count, words] of Object.entries(spec.minutes)) assert.equal(W.minutesWords(Number(count)), words);
  });
  test(`${lang}: lists`, () => {
    for (const one of spec.joins) assert.equal(W.joinWords(one.items), one.said);
  });
}
