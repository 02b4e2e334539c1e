// link.js gives a programme's exercise the dosage model.Dosage.merged gives it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { asset, cases } from "./helpers.mjs";

const { dosage } = await asset("link.js");

test("a link's dosage over the exercise's own", () => {
  for (const one of cases("merge")) {
    assert.deepEqual(dosage(one.own, one.item, one.times, one.days), one.merged);
  }
});
