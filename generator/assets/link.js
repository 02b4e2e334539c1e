// A programme's link: its grammar, the programme it holds, and the exercises it names.
//
// The fragment's grammar (README, "Programme links"):
//   fragment = "v1." times days "." item *("," item) ["." note]
//   item     = id [":" 1*(letter number)]      a letter per dosage field: hold, duration, reps, sets
//   number   = %x31-39 *2DIGIT                 1 to 999, no leading zero
//   note     = the note, UTF-8, percent-encoded as by encodeURIComponent, spaces as "+"
// Every constant of it (the version, the letters, the id and note patterns) and the grammar of
// notes (generator/safety/notes.py) are data in the page's #hb-words ("rules", written by
// pages/script_words.py); `page` is {rules, message}: those rules and wordsOf(...).message.
const MARK = /^\p{M}$/u;

export class LinkError extends Error {}

// A piece of a link, quoted for a message and cut at 30 characters.
export function shown(text) {
  const chars = Array.from(text);
  return "\u201c" + (chars.length > 30 ? chars.slice(0, 27).join("") + "..." : text) + "\u201d";
}

function excluded(rule, code) {
  return rule.excluded.some(([low, high]) => low <= code && code <= high);
}
function trimSpaces(rule, text) {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && rule.spaces.includes(chars[start])) start += 1;
  while (end > start && rule.spaces.includes(chars[end - 1])) end -= 1;
  return chars.slice(start, end).join("");
}

// Why `text` is not a note (notes.py's note_problem: a message key and its values), or null.
export function noteProblem(rule, text) {
  for (const char of text) {
    const code = char.codePointAt(0);
    if (excluded(rule, code)) {
      return { key: "note_excluded", values: { code: "U+" + code.toString(16).toUpperCase().padStart(4, "0") } };
    }
  }
  const chars = Array.from(trimSpaces(rule, text));
  if (!chars.length) return { key: "note_empty", values: {} };
  if (chars.length > rule.max) return { key: "note_long", values: { count: chars.length, max: rule.max } };
  let run = 0;
  for (const char of chars) {
    run = MARK.test(char) ? run + 1 : 0;
    if (run > rule.max_marks) return { key: "note_marks", values: { max: rule.max_marks } };
  }
  return null;
}

// A note as the builder keeps it, whatever was typed or pasted: excluded characters (line
// breaks, tabs, controls) become spaces, marks beyond the limit and characters beyond the
// length go, spaces at the ends too; "" when nothing is left. It always passes noteProblem.
export function cleanNote(rule, text) {
  const kept = [];
  let run = 0;
  for (const char of String(text)) {
    if (excluded(rule, char.codePointAt(0))) {
      kept.push(" ");
      run = 0;
      continue;
    }
    run = MARK.test(char) ? run + 1 : 0;
    if (run <= rule.max_marks) kept.push(char);
  }
  return trimSpaces(rule, Array.from(trimSpaces(rule, kept.join(""))).slice(0, rule.max).join(""));
}

export function encode(grammar, programme) {
  const items = programme.items.map((item) => {
    let dose = "";
    for (const [letter, field] of Object.entries(grammar.fields)) {
      const value = item[field];
      if (value != null && value !== grammar.defaults[field]) dose += letter + value;
    }
    return dose ? item.id + ":" + dose : item.id;
  });
  let text = grammar.version + programme.times + programme.days + "." + items.join(",");
  if (programme.note) text += "." + encodeURIComponent(programme.note).replace(/%20/g, "+");
  return text;
}

// The programme in a fragment (with or without its "#"), checked against the catalogue's
// rules; throws LinkError with a sentence for the reader when it is not one.
export function parse(page, fragment, rules) {
  const { message } = page;
  const grammar = page.rules.link;
  const fail = (key, values) => new LinkError(message(key, values));
  const within = (value, limit, what) => {
    if (value < limit.minimum || value > limit.maximum) {
      throw fail("out_of_range", { what, value, minimum: limit.minimum, maximum: limit.maximum });
    }
  };
  let text = String(fragment);
  if (text.startsWith("#")) text = text.slice(1);
  if (!text) throw fail("no_programme");
  if (text.length > page.rules.max_fragment) {
    throw fail("too_long", { count: text.length, max: page.rules.max_fragment });
  }
  if (!text.startsWith(grammar.version)) {
    throw fail(new RegExp(grammar.any_version).test(text) ? "newer" : "not_v1");
  }
  const parts = text.slice(grammar.version.length).split(".");
  if (parts.length < 2) throw fail("cut_short");
  const [often, list] = parts;
  const noteText = parts.length > 2 ? parts.slice(2).join(".") : null;
  if (!new RegExp(grammar.often).test(often)) throw fail("often_digits", { often: shown(often) });
  const limits = rules.dosage_limits;
  const times = Number(often[0]);
  const days = Number(often[1]);
  within(times, limits.times_per_day, message("field_times_per_day"));
  within(days, limits.days_per_week, message("field_days_per_week"));
  const entries = list.split(",");
  if (entries.length > rules.max_exercises) {
    throw fail("too_many", { count: entries.length, max: rules.max_exercises });
  }
  const item = new RegExp(grammar.item);
  const dose = new RegExp(grammar.dose, "g");
  const seen = new Set();
  const items = entries.map((entry) => {
    const match = item.exec(entry);
    if (!match || match.groups.id.length > page.rules.max_id) {
      throw fail("unreadable_item", { item: shown(entry) });
    }
    const found = { id: match.groups.id, ...grammar.defaults };
    if (seen.has(found.id)) throw fail("listed_twice", { name: shown(found.id) });
    seen.add(found.id);
    const given = new Set();
    for (const [, letter, digits] of (match.groups.dose || "").matchAll(dose)) {
      if (given.has(letter)) throw fail("dose_twice", { name: shown(found.id) });
      given.add(letter);
      const field = grammar.fields[letter];
      found[field] = Number(digits);
      const what = message("field_of", { field: message(`field_${field}`), exercise: shown(found.id) });
      within(found[field], limits[field], what);
    }
    if (grammar.exclusive.every((letter) => given.has(letter))) {
      throw fail("hold_and_duration", { name: shown(found.id) });
    }
    return found;
  });
  let note = "";
  if (noteText !== null) {
    if (!new RegExp(grammar.note).test(noteText)) throw fail("note_characters");
    try {
      note = decodeURIComponent(noteText.replace(/\+/g, "%20"));
    } catch (error) {
      throw fail("note_damaged");
    }
    const problem = noteProblem(page.rules.note, note);
    if (problem) throw fail(problem.key, problem.values);
    note = trimSpaces(page.rules.note, note);
  }
  return { times, days, items, note };
}

// Every exercise of the catalogue by id, and by each id it had before.
export function index(catalogue) {
  const byId = new Map();
  for (const exercise of catalogue.exercises) {
    for (const id of exercise.former_ids) byId.set(id, exercise);
  }
  for (const exercise of catalogue.exercises) byId.set(exercise.id, exercise);
  return byId;
}

// The dosage a programme gives an exercise: its own, changed as a routine changes it
// (model.Dosage.merged): a hold given replaces a duration, and the other way round.
export function dosage(own, item, times, days) {
  const result = {
    hold_seconds: own.hold_seconds,
    duration_seconds: own.duration_seconds,
    reps: item.reps,
    sets: item.sets,
    per_side: own.per_side,
    directions: own.directions,
    times_per_day: times,
    days_per_week: days,
  };
  if (item.hold_seconds != null) {
    result.hold_seconds = item.hold_seconds;
    result.duration_seconds = null;
  } else if (item.duration_seconds != null) {
    result.duration_seconds = item.duration_seconds;
    result.hold_seconds = null;
  }
  return result;
}

// The programme's exercises from the catalogue: {exercise, item, dosage} or {missing: id}.
export function resolve(page, programme, byId) {
  const found = new Set();
  return programme.items.map((item) => {
    const exercise = byId.get(item.id);
    if (!exercise) return { missing: item.id, item };
    if (found.has(exercise.id)) {
      throw new LinkError(page.message("listed_twice", { name: shown(exercise.name) }));
    }
    found.add(exercise.id);
    return { exercise, item, dosage: dosage(exercise.dosage, item, programme.times, programme.days) };
  });
}
