// The handbook's phrases in the browser: words.py's dosage, frequency and time words, and the
// interface messages, filled from the page's #hb-words (pages/script_words.py) in its language.
// No words and no rules live here: tests/spec/words.test.mjs runs these functions on the
// cases Python wrote from words.py, in every language.

// gettext's %(name)s and %(name)d placeholders, filled.
export function fill(text, values) {
  return text.replace(/%\((\w+)\)[ds]/g, (_, key) => String(values[key]));
}

// The form of a plural message for `count`, by the language's plural category.
export function pluralOf(forms, count, lang) {
  let category = "other";
  try {
    category = new Intl.PluralRules(lang || "en").select(count);
  } catch (error) { /* no rules for this language: its general form */ }
  return forms[category] || forms.other;
}

export function capitalised(text) {
  return text.slice(0, 1).toUpperCase() + text.slice(1);
}

// Whole minutes a session of `seconds` is said to take: plan.py's minutes, at least one.
export function minutes(seconds) {
  return Math.max(1, Math.ceil(seconds / 60));
}

// The words of one page: `data` is #hb-words, `lang` the page's language.
export function wordsOf(data, lang) {
  const say = (key, values) => fill(data.phrases[key], values || {});
  const sayCount = (key, count) => fill(pluralOf(data.plurals[key], count, lang), { num: count });
  const times = (count) => (count === 2 ? say("twice") : sayCount("times", count));
  const joinWords = (items) => {
    if (items.length <= 1) return items.join("");
    return say("and", { list: items.slice(0, -1).join(say("comma")), last: items[items.length - 1] });
  };
  function dosageWords(d, short) {
    const seconds = d.hold_seconds != null ? d.hold_seconds : d.duration_seconds;
    const parts = [];
    if (seconds != null) {
      const unit = short ? say("seconds_short", { num: seconds }) : sayCount("seconds", seconds);
      parts.push(d.hold_seconds != null ? say("hold", { time: unit }) : unit);
    }
    if (d.directions.length) {
      parts.push(say("each_way", { times: times(d.reps), ways: joinWords(d.directions) }));
    } else if (d.reps > 1 || !parts.length) {
      parts.push(times(d.reps));
    }
    if (d.sets > 1) parts.push(sayCount("sets", d.sets));
    if (d.per_side) parts.push(data.sides[d.per_side]);
    return capitalised(parts.join(say("comma")));
  }
  function frequencyWords(d) {
    const days = d.days_per_week;
    const week = days === data.rules.week_days ? say("every_day") : sayCount("days_a_week", days);
    return capitalised(say("a_day", { times: times(d.times_per_day), week }));
  }
  return {
    data,
    lang,
    say,
    sayCount,
    times,
    joinWords,
    dosageWords,
    frequencyWords,
    minutesWords: (count) => sayCount("about_minutes", count),
    message: (key, values) => fill(data.messages[key], values || {}),
    messageCount: (key, count, values) =>
      fill(pluralOf(data.message_plurals[key], count, lang), { num: count, ...values }),
  };
}
