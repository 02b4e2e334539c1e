// pages/cards.py's programme_fit, in the browser, from the catalogue's heights (its `card`
// rules and each exercise's `card.lines`): the richest layout of a programme card that fits
// one sheet. tests/spec/fit.test.mjs runs it on the cases Python wrote from cards.py.

function lines(text, perLine) {
  return Math.max(1, Math.ceil(Array.from(text).length / perLine));
}

// The height of one exercise on the card in the layout `fit`; `W` says its dosage.
export function itemMm(W, entry, fit, card) {
  const perLine = card.chars_per_line[fit.layout];
  const heading = `${entry.exercise.name} ${W.dosageWords(entry.dosage, true)} `;
  let count = lines(heading + W.frequencyWords(entry.dosage), perLine);
  count += entry.exercise.card.lines[fit.name];
  return Math.max(card.picture_mm[fit.layout], count * card.line_mm) + card.item_pad_mm;
}

// The first layout of `card.fits` whose exercises, how-to box and note fit beside what every
// card carries with `sessions` rows of ticks.
// `extraMm`: what a programme's card carries beyond a routine's (the page's card_extra_mm).
export function chooseFit(W, entries, sessions, note, card, extraMm) {
  const room = card.sheet_mm - card.fixed_mm[String(sessions)] - extraMm;
  for (const fit of card.fits) {
    let height = 0;
    for (const entry of entries) height += itemMm(W, entry, fit, card);
    height += fit.how_to ? card.how_to_mm : 0;
    height += note ? card.note_mm : 0;
    if (height <= room) return fit;
  }
  return card.fits[card.fits.length - 1];
}
