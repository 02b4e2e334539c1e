"""The card-fit rule: which layout of a printed card (big pictures or compact rows, steps,
the how-to box, every caution or the safety ones) still fits one sheet of A4 and of US Letter,
worked out from measured heights, without a browser. The cards (render/pages/cards.py) and the
builder's card (the page's JavaScript, pinned to this rule by tests/spec) both follow it."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from generator.i18n.languages import Language
from generator.rules import words
from generator.source.book import PlannedRoutine, RoutineItem
from generator.source.model import MAX_PROGRAMME_NOTE, Exercise, Safety

#: The days a card has tick boxes for: one week.
TICK_DAYS = 7
#: What a programme's card (the builder's and the programme page's) carries beyond a routine
#: card, in mm: its larger QR code (25 mm, card.css) and the patient's name line. Measured by
#: printing the longest exercises of each language from the builder (tests/test_print.py).
PROGRAMME_EXTRA_MM = 30

# Heights on paper, in mm, measured on cards printed by Chromium with DejaVu Sans (wider than
# the fonts most computers print with, so a card that fits here fits elsewhere). They let the
# generator pick, without a browser, the richest layout that still fits one sheet; the tests
# print the real cards and the longest content the models allow, and count one page.
SHEET_MM = 259  # 263 mm inside the margins on US Letter, less a margin of safety
HEAD_MM, FOOT_BASE_MM, LOG_BASE_MM, LOG_ROW_MM, NOTES_MM = 26, 22, 10, 7, 27
LINE_MM, LIST_LINE_MM = 4.7, 4.2
LARGE_PICTURE_MM, COMPACT_PICTURE_MM, ITEM_PAD_MM = 31, 19.5, 3.5
#: Characters per line of 10 pt text: across the card, beside a large picture, beside a
#: compact one, in one of two columns.
WIDE, BESIDE_LARGE, BESIDE_COMPACT, COLUMN = 92, 48, 58, 42


@dataclass(frozen=True)
class Fit:
    """What a card shows: big pictures or compact rows, steps, the how-to box, and every
    caution or only the safety ones (Exercise.warnings: on every card, whatever the room;
    the other cautions are on the page)."""

    layout: str
    steps: bool
    how_to: bool
    all_cautions: bool = True

    @property
    def name(self) -> str:
        """A name for the catalogue: `large-steps-how-to`, `large-tip`, `compact-safety`..."""
        shown = {"large": "-steps" if self.steps else "-tip", "compact": "", "single": ""}
        how_to = "-how-to" if self.how_to else ""
        return f"{self.layout}{shown[self.layout]}{how_to}{'' if self.all_cautions else '-safety'}"

    def cautions(self, exercise: Exercise) -> list[str]:
        """The cautions of `exercise` this card prints: the safety ones first."""
        return exercise.all_cautions if self.all_cautions else list(exercise.warnings)


def lines_of(text: str, per_line: int) -> int:
    return max(1, math.ceil(len(text) / per_line))


def fixed_mm(safety: Safety, sessions: int) -> float:
    """The height of what every card carries: header, tick grid, stop rule and the weakness
    warning beside it, red flags."""
    flags = lines_of(f"{safety.urgent_action} {safety.urgent_intro}", WIDE) * LINE_MM
    per_column = math.ceil(len(safety.urgent) / 2)
    flags += per_column * max(lines_of(s, COLUMN) for s in safety.urgent) * LIST_LINE_MM
    stop = lines_of(f"{safety.stop_rule} {safety.weakness}", WIDE) * LINE_MM
    log = max(LOG_BASE_MM + LOG_ROW_MM * sessions, NOTES_MM)  # the notes are beside it
    return HEAD_MM + log + FOOT_BASE_MM + flags + stop


def note_mm(length: int = MAX_PROGRAMME_NOTE) -> float:
    """A programme's note from the clinician, across the card under its exercises."""
    return lines_of("x" * length, WIDE) * LINE_MM + 2


def how_to_mm(safety: Safety) -> float:
    """The how-to-exercise box, in two columns."""
    lines = [lines_of(f"{g.title}: {g.text}", COLUMN) for g in safety.how_to]
    return 8 + math.ceil(sum(lines) / 2 + 1) * LIST_LINE_MM


#: Characters per line of an exercise's text on a routine card, and its picture's height.
PER_LINE = {"large": BESIDE_LARGE, "compact": BESIDE_COMPACT}
PICTURE_MM = {"large": LARGE_PICTURE_MM, "compact": COMPACT_PICTURE_MM}


def item_mm(item: RoutineItem, fit: Fit, *, lang: Language) -> float:
    """The height of one exercise of a routine card in the layout `fit`, in `lang`."""
    per_line = PER_LINE[fit.layout]
    dose = words.dosage_words(item.dosage, short=True, lang=lang)
    lines = lines_of(
        f"{item.exercise.name} {dose} {words.frequency_words(item.dosage, lang=lang)}", per_line
    )
    lines += lines_of(item.note, per_line) if item.note else 0
    lines += exercise_lines(item.exercise, fit, lang=lang)
    return max(PICTURE_MM[fit.layout], lines * LIST_LINE_MM) + ITEM_PAD_MM


def exercise_lines(exercise: Exercise, fit: Fit, *, lang: Language) -> int:
    """Lines of an exercise's own text on a routine card in the layout `fit`, whatever its
    dosage and note: the cautions, and the steps or the key tip of the large layout. The open
    catalogue publishes these, so the programme builder sizes its cards by the same rule."""
    _ = lang.gettext
    per_line = PER_LINE[fit.layout]
    cautions = fit.cautions(exercise)
    texts = [f"{_('Take care')}: {' '.join(cautions)}"] if cautions else []
    if fit.layout == "large":
        texts += [*exercise.steps] if fit.steps else [f"{_('Key tip')}: {exercise.key_cue}"]
    return sum(lines_of(t, per_line) for t in texts)


_LAYOUTS = [
    ("large", True, True),
    ("large", True, False),
    ("large", False, True),
    ("large", False, False),
    ("compact", False, True),
    ("compact", False, False),
]
#: Each layout with every caution, then with the safety ones alone (the page has the rest),
#: before a poorer layout: the steps and big pictures help a patient do the exercise, while
#: the safety cautions, which are on every card, are the ones that keep them safe doing it.
FITS = [
    Fit(layout, steps=steps, how_to=how_to, all_cautions=every)
    for layout, steps, how_to in _LAYOUTS
    for every in (True, False)
]


def routine_fit(plan: PlannedRoutine, safety: Safety, *, lang: Language) -> Fit:
    """The richest layout of a routine card that fits one sheet (compact always does)."""
    return programme_fit(plan.items, safety, sessions(plan), note=False, extra_mm=0, lang=lang)


def programme_fit(
    items: Iterable[RoutineItem],
    safety: Safety,
    sessions: int,
    *,
    note: bool,
    extra_mm: float = PROGRAMME_EXTRA_MM,
    lang: Language,
) -> Fit:
    """The richest layout of a card of `items` with `sessions` rows of ticks, and a clinician's
    note of a programme at its longest when `note`, that fits one sheet. The builder and the
    programme page choose by this rule in the browser (assets/fit.js, from the catalogue's
    heights), checked against it by tests/spec/fit.json."""
    room = SHEET_MM - fixed_mm(safety, sessions) - extra_mm
    listed = list(items)
    for fit in FITS:
        height = sum(item_mm(item, fit, lang=lang) for item in listed)
        height += how_to_mm(safety) if fit.how_to else 0
        height += note_mm() if note else 0
        if height <= room:
            return fit
    return FITS[-1]


def exercise_fit(exercise: Exercise, safety: Safety, *, lang: Language) -> Fit:
    """The richest exercise card that fits: every caution and the how-to box, then without
    the box, then the safety cautions alone (the page has the rest)."""
    dose = words.dosage_words(exercise.dosage, lang=lang)
    text = [dose, exercise.dosage.repetition, exercise.key_cue, *exercise.steps, exercise.stop_if]
    fixed = fixed_mm(safety, exercise.dosage.times_per_day) + LARGE_PICTURE_MM + 3 * 8  # headings
    for every in (True, False):
        for how_to in (True, False):
            fit = Fit("single", steps=True, how_to=how_to, all_cautions=every)
            lines = sum(lines_of(t, WIDE) for t in [*text, *fit.cautions(exercise)])
            height = fixed + lines * LIST_LINE_MM + (how_to_mm(safety) if how_to else 0)
            if height <= SHEET_MM:
                return fit
    return fit


def sessions(plan: PlannedRoutine) -> int:
    """Rows of a routine card's tick grid: the routine's sessions a day."""
    return plan.routine.frequency.times_per_day
