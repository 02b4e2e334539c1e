// calendar.js writes, byte for byte, the calendar file calendar.py's reminder_calendar writes
// on the same day (run with TZ=UTC, as the cases were made).
import assert from "node:assert/strict";
import { test } from "node:test";
import { asset, cases } from "./helpers.mjs";

const { calendarText } = await asset("calendar.js");
const { words } = cases("words").en;

test("every routine's reminder, in every language, on several days", () => {
  for (const one of cases("calendar")) {
    assert.equal(calendarText(one.reminder, words.rules.calendar, new Date(one.now)), one.text);
  }
});
