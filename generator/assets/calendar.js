// A reminder's calendar file, made in the browser on the day it is used (RFC 5545): one weekly
// event for each session of the day, on the days of the week given, from the first of them
// after today, for `weeks` weeks (COUNT), in floating local time. What it says and when (the
// product id, the hours, the weekdays, the weeks) is data from the page; the same rule in
// Python (render/outputs/calendar.py, reminder_calendar) writes tests/spec/calendar.json,
// which tests/spec/calendar.test.mjs checks this against byte for byte.

// RFC 5545 text: escaped.
export function icsText(text) {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

// A content line folded at `octets` octets, never inside a character.
export function fold(line, octets) {
  const out = [];
  let current = "";
  let size = 0;
  const encoder = new TextEncoder();
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > (out.length ? octets - 1 : octets)) {
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

const pad = (n) => String(n).padStart(2, "0");
function day(date) {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}
function utc(date) {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

// FNV-1a of the text's UTF-8 bytes: 8 hex digits, for the events' UIDs.
export function hash(text) {
  let value = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    value = Math.imul(value ^ byte, 0x01000193) >>> 0;
  }
  return value.toString(16).padStart(8, "0");
}

// The first day after `now` (local date) that falls on one of `days` (iCalendar codes).
export function firstDay(now, days, codes) {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  while (!days.includes(codes[(date.getDay() + 6) % 7])) date.setDate(date.getDate() + 1);
  return date;
}

// The file: `reminder` is {summary, description, url, key, host, minutes, days, hours, weeks};
// `rules` the page's calendar rules (prodid, day_codes, fold).
export function calendarText(reminder, rules, now) {
  const first = firstDay(now, reminder.days, rules.day_codes);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${rules.prodid}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const hour of reminder.hours) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${reminder.key}-${hash(`${reminder.url} ${hour}`)}@${reminder.host}`,
      `DTSTAMP:${utc(now)}`,
      `DTSTART:${day(first)}T${pad(hour)}0000`,
      `DURATION:PT${reminder.minutes}M`,
      `RRULE:FREQ=WEEKLY;BYDAY=${reminder.days.join(",")};COUNT=${reminder.days.length * reminder.weeks}`,
      `SUMMARY:${icsText(reminder.summary)}`,
      `DESCRIPTION:${icsText(reminder.description)}`,
      `URL:${reminder.url}`,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${icsText(reminder.summary)}`,
      "TRIGGER:PT0S",
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map((line) => fold(line, rules.fold)).join("\r\n") + "\r\n";
}
