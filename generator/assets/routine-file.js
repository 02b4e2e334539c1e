// The builder's programme as a routine file of the handbook's content (in English, as content
// is written): its fields, order and fixed words are the page's rules (routine_file,
// pages/script_words.py), so check reads it as any routine.

// The file's text for `state` (times, days, note, from: the routine it started from) and its
// resolved `entries`, or null when no exercise is left (check refuses an empty routine).
export function routineYaml(rules, state, resolved) {
  const file = rules.routine_file;
  const quoted = (text) => JSON.stringify(text);
  const entries = resolved.filter((entry) => entry.exercise);
  if (!entries.length) return null;
  const description = state.note.replace(/\s+/g, " ").trim() || file.description;
  const summary = (entries.length === 1 ? file.summary_one : file.summary_other)
    .replace("%(num)d", String(entries.length));
  const frequency = {
    times_per_day: state.times,
    days_per_week: state.days,
    review_weeks: (state.from && rules.routine_weeks[state.from.id]) || rules.calendar.default_weeks,
  };
  const lines = [
    `# yaml-language-server: $schema=${file.schema}`,
    `id: ${file.id}`,
    `name: ${quoted(file.name)}`,
    `summary: ${quoted(summary)}`,
    `situation: ${state.from ? state.from.situation : file.situation}`,
    `description: ${quoted(description)}`,
    "frequency:",
    ...file.frequency_fields.map((field) => `  ${field}: ${frequency[field]}`),
    "exercises:",
  ];
  for (const entry of entries) {
    lines.push(`  - exercise: ${entry.exercise.id}`, "    dosage:");
    for (const field of file.dosage_fields) {
      if (entry.dosage[field] !== null) lines.push(`      ${field}: ${entry.dosage[field]}`);
    }
  }
  return lines.join("\n") + "\n";
}
