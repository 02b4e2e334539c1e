// What the builder and the programme page share in the browser: the page's words and rules
// (#hb-words, pages/script_words.py), the catalogue from this very site, a programme's
// calendar reminder, downloads and the generator's <template> elements.
import { calendarText } from "./calendar.js";
import { sessionSeconds } from "./steps.js";
import { capitalised, minutes, wordsOf } from "./words.js";

// The page's words, filled in its language: wordsOf(#hb-words), with its `rules`.
export function pageWords() {
  const data = JSON.parse(document.getElementById("hb-words").textContent);
  const W = wordsOf(data, document.documentElement.lang || "en");
  W.rules = data.rules;
  return W;
}

// A catalogue URL (absolute, on the site it was built for) as a URL on this very site.
export function local(url, catalogue, root) {
  if (!url.startsWith(catalogue.site)) throw new Error("not a URL of the handbook: " + url);
  return new URL(url.slice(catalogue.site.length), root).href;
}

export function clone(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

// The programme's time in a session, in whole minutes.
export function programmeMinutes(W, entries) {
  return minutes(entries.reduce((sum, entry) => sum + sessionSeconds(entry.dosage, W.rules.time), 0));
}

// The reminder of a programme (`view`: its entries, times, days, link, title, and the
// situation and weeks of the routine it started from, if any) for calendarText.
export function programmeReminder(W, view) {
  const entries = view.entries.filter((entry) => entry.exercise);
  const rules = W.rules.calendar;
  const total = programmeMinutes(W, entries);
  const often = W.frequencyWords({ times_per_day: view.times, days_per_week: view.days });
  const names = entries.map((entry) => entry.exercise.name).join(W.say("comma"));
  const hours = rules.hours[view.situation || "other"].slice(0, view.times).sort((a, b) => a - b);
  return {
    summary: `${view.title} (${W.minutesWords(total)})`,
    description: `${capitalised(W.minutesWords(total))}. ${often}. ${names}. ${view.link}`,
    url: view.link,
    key: "programme",
    host: new URL(view.link).hostname || "handbook",
    minutes: total,
    days: rules.weekdays[String(view.days)],
    hours,
    weeks: view.weeks || rules.default_weeks,
  };
}

export function programmeCalendar(W, view, now) {
  return calendarText(programmeReminder(W, view), W.rules.calendar, now);
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// The catalogue, from this very site only.
export async function load(W, element, name) {
  const url = new URL(element.dataset[name], location.href);
  if (url.origin !== location.origin) throw new Error(W.message("catalogue_origin"));
  const response = await fetch(url, { credentials: "omit", cache: "default" });
  if (!response.ok) throw new Error(W.message("catalogue_status", { status: response.status }));
  return response.json();
}
