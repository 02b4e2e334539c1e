"""The large-print rule: how a large-print card's exercises are cut into sheets, so a page
can say how many sheets it prints on and no exercise is ever split across two."""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.i18n.languages import Language
from generator.rules import words
from generator.rules.cardfit import lines_of
from generator.source.model import Dosage, Exercise, Safety

# Large print (issue 31): body text of 16 pt in two columns, pictures a column wide (92 mm),
# on as many sheets as it takes. The generator cuts the sheets itself (each is a <section>
# that ends with a page break), so the page can say how many there are, and an exercise is
# never split: it moves whole to the next sheet. An exercise too long for one sheet with every
# caution keeps the safety ones (as the one-page cards do; its page has the rest). Heights in
# mm measured on cards printed by Chromium with DejaVu Sans; a sheet is the area A4 and US
# Letter share (263 mm), less a margin of safety.
LARGE_SHEET_MM = 252
LARGE_LINE_MM, LARGE_HEADING_MM = 6.8, 8.6  # a line of 16 pt text; of a 20 pt heading
#: Characters per line of 16 pt text: in a column, in a column's list, across the sheet, of
#: a heading, in a column of the red flags.
LARGE_COLUMN, LARGE_LIST, LARGE_WIDE, LARGE_HEADING, LARGE_FLAGS = 25, 23, 52, 38, 24
LARGE_PICTURE_MM = 34  # 92 mm wide, both positions side by side
#: The header; an exercise's box (border, padding, margin, the columns' uneven ends); a
#: list item's gap; the "sheet 1 of 3" label; the log's caption and head, a row, the notes.
LARGE_HEAD_MM, LARGE_BOX_MM, LARGE_GAP_MM, LARGE_LABEL_MM = 36, 26, 1, 9
LARGE_LOG_MM, LARGE_LOG_ROW_MM, LARGE_NOTES_MM = 30, 13, 58


@dataclass(frozen=True)
class LargeItem:
    """One exercise on a large-print card: the routine's dosage and note, or the exercise's
    own dosage on its own card; `all_cautions`: every caution, else the safety ones."""

    number: int
    exercise: Exercise
    dosage: Dosage
    note: str | None = None
    all_cautions: bool = True

    @property
    def cautions(self) -> list[str]:
        """The cautions this card prints, the safety ones first, and when to stop."""
        shown = self.exercise.all_cautions if self.all_cautions else self.exercise.warnings
        return [*shown, self.exercise.stop_if]


def _large_lines(texts: list[str], per_line: int) -> int:
    return sum(lines_of(text, per_line) for text in texts)


def large_safety_mm(safety: Safety) -> float:
    """The stop rule, the weakness warning and the red flags, at the top of the first sheet."""
    lines = _large_lines([safety.stop_rule, safety.weakness], LARGE_WIDE)
    lines += _large_lines([f"{safety.urgent_intro}:"], LARGE_WIDE)
    flags = math.ceil(_large_lines(safety.urgent, LARGE_FLAGS) / 2) + 1
    heading = lines_of(safety.urgent_action, LARGE_HEADING) * LARGE_HEADING_MM
    return heading + (lines + flags) * LARGE_LINE_MM + 14


def large_item_mm(item: LargeItem, *, lang: Language) -> float:
    """The height of one exercise's box on a large-print card, in `lang`: half its two
    columns' text under its heading."""
    _ = lang.gettext
    exercise = item.exercise
    heading = lines_of(f"{item.number} {exercise.name}", LARGE_HEADING) * LARGE_HEADING_MM
    dose = [
        f"{_('How much')}: {words.dosage_words(item.dosage, lang=lang)}",
        f"{_('How often')}: {words.frequency_words(item.dosage, lang=lang)}",
        f"{_('One repetition')}: {exercise.dosage.repetition}",
    ]
    lines = _large_lines(dose, LARGE_COLUMN)
    lines += _large_lines([f"{_('Key tip')}: {exercise.key_cue}", _("Take care")], LARGE_COLUMN)
    lines += _large_lines([item.note], LARGE_COLUMN) if item.note else 0
    listed = [*exercise.steps, *item.cautions]
    lines += _large_lines(listed, LARGE_LIST)
    lines += 0 if item.all_cautions else lines_of(_("More cautions on its page online."), 25)
    column_mm = LARGE_PICTURE_MM + lines * LARGE_LINE_MM + len(listed) * LARGE_GAP_MM + 12
    return heading + column_mm / 2 + LARGE_BOX_MM


def large_item(
    number: int, exercise: Exercise, dosage: Dosage, note: str | None, *, lang: Language
) -> LargeItem:
    """The exercise with every caution if its box fits a sheet, else with the safety ones."""
    item = LargeItem(number, exercise, dosage, note)
    if large_item_mm(item, lang=lang) <= LARGE_SHEET_MM - LARGE_LABEL_MM:
        return item
    return LargeItem(number, exercise, dosage, note, all_cautions=False)


def large_end_mm(sessions: int, safety: Safety, online: str) -> float:
    """The week's tick grid, the room to write, and the fine print under them."""
    small = lines_of(f"{online} {safety.urgent_action}", LARGE_WIDE) + 2
    return LARGE_LOG_MM + LARGE_LOG_ROW_MM * sessions + LARGE_NOTES_MM + small * LARGE_LINE_MM


def large_sheets(
    items: list[LargeItem], safety: Safety, sessions: int, online: str, *, lang: Language
) -> list[list[LargeItem | str]]:
    """The sheets of a large-print card: the header and safety first ("safety"), each
    exercise whole, then the log ("end"); a part that does not fit starts a new sheet."""
    sheets: list[list[LargeItem | str]] = [["safety"]]
    room = LARGE_SHEET_MM - LARGE_LABEL_MM - LARGE_HEAD_MM - large_safety_mm(safety)
    parts: list[tuple[LargeItem | str, float]] = [(i, large_item_mm(i, lang=lang)) for i in items]
    parts.append(("end", large_end_mm(sessions, safety, online)))
    for part, height in parts:
        if height > room:
            sheets.append([])
            room = LARGE_SHEET_MM - LARGE_LABEL_MM
        sheets[-1].append(part)
        room -= height
    return sheets
