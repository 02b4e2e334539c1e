"""Printable cards: one per routine and one per exercise, each fitting one sheet.

Cards are finished HTML from our own templates (card-base.html.j2 and its two variants) with
print-ready CSS, written beside the pages; every engine copies them as they are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from generator.i18n.languages import Language
from generator.render.outputs.qr import titled
from generator.render.pages.cardparts import PROGRAMME_EXTRA_MM, TICK_DAYS, clinic_logo
from generator.render.pages.common import (
    Pages,
    Settings,
    html_page,
    page,
    picture,
    relative,
    shared_frequency,
)
from generator.rules import words
from generator.source.book import Book, PlannedRoutine, RoutineItem
from generator.source.model import MAX_PROGRAMME_NOTE, Dosage, Exercise, Safety

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


def _lines(text: str, per_line: int) -> int:
    return max(1, math.ceil(len(text) / per_line))


def fixed_mm(safety: Safety, sessions: int) -> float:
    """The height of what every card carries: header, tick grid, stop rule and the weakness
    warning beside it, red flags."""
    flags = _lines(f"{safety.urgent_action} {safety.urgent_intro}", WIDE) * LINE_MM
    per_column = math.ceil(len(safety.urgent) / 2)
    flags += per_column * max(_lines(s, COLUMN) for s in safety.urgent) * LIST_LINE_MM
    stop = _lines(f"{safety.stop_rule} {safety.weakness}", WIDE) * LINE_MM
    log = max(LOG_BASE_MM + LOG_ROW_MM * sessions, NOTES_MM)  # the notes are beside it
    return HEAD_MM + log + FOOT_BASE_MM + flags + stop


def note_mm(length: int = MAX_PROGRAMME_NOTE) -> float:
    """A programme's note from the clinician, across the card under its exercises."""
    return _lines("x" * length, WIDE) * LINE_MM + 2


def how_to_mm(safety: Safety) -> float:
    """The how-to-exercise box, in two columns."""
    lines = [_lines(f"{g.title}: {g.text}", COLUMN) for g in safety.how_to]
    return 8 + math.ceil(sum(lines) / 2 + 1) * LIST_LINE_MM


#: Characters per line of an exercise's text on a routine card, and its picture's height.
PER_LINE = {"large": BESIDE_LARGE, "compact": BESIDE_COMPACT}
PICTURE_MM = {"large": LARGE_PICTURE_MM, "compact": COMPACT_PICTURE_MM}


def item_mm(item: RoutineItem, fit: Fit, *, lang: Language) -> float:
    """The height of one exercise of a routine card in the layout `fit`, in `lang`."""
    per_line = PER_LINE[fit.layout]
    dose = words.dosage_words(item.dosage, short=True, lang=lang)
    lines = _lines(
        f"{item.exercise.name} {dose} {words.frequency_words(item.dosage, lang=lang)}", per_line
    )
    lines += _lines(item.note, per_line) if item.note else 0
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
    return sum(_lines(t, per_line) for t in texts)


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
            lines = sum(_lines(t, WIDE) for t in [*text, *fit.cautions(exercise)])
            height = fixed + lines * LIST_LINE_MM + (how_to_mm(safety) if how_to else 0)
            if height <= SHEET_MM:
                return fit
    return fit


def sessions(plan: PlannedRoutine) -> int:
    """Rows of a routine card's tick grid: the routine's sessions a day."""
    return plan.routine.frequency.times_per_day


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
    return sum(_lines(text, per_line) for text in texts)


def large_safety_mm(safety: Safety) -> float:
    """The stop rule, the weakness warning and the red flags, at the top of the first sheet."""
    lines = _large_lines([safety.stop_rule, safety.weakness], LARGE_WIDE)
    lines += _large_lines([f"{safety.urgent_intro}:"], LARGE_WIDE)
    flags = math.ceil(_large_lines(safety.urgent, LARGE_FLAGS) / 2) + 1
    heading = _lines(safety.urgent_action, LARGE_HEADING) * LARGE_HEADING_MM
    return heading + (lines + flags) * LARGE_LINE_MM + 14


def large_item_mm(item: LargeItem, *, lang: Language) -> float:
    """The height of one exercise's box on a large-print card, in `lang`: half its two
    columns' text under its heading."""
    _ = lang.gettext
    exercise = item.exercise
    heading = _lines(f"{item.number} {exercise.name}", LARGE_HEADING) * LARGE_HEADING_MM
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
    lines += 0 if item.all_cautions else _lines(_("More cautions on its page online."), 25)
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
    small = _lines(f"{online} {safety.urgent_action}", LARGE_WIDE) + 2
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


def card_urls(book: Book, settings: Settings) -> list[str]:
    """The online pages the cards' QR codes lead to."""
    online_pages = [f"routines/{plan.routine.id}/" for plan in book.routines]
    online_pages += [f"exercises/{exercise.id}/" for exercise in book.exercises]
    return [settings.url(page) for page in online_pages]


def card_pages(book: Book, settings: Settings, env: Environment, codes: dict[str, str]) -> Pages:
    """Every card, and the cards index; `codes` holds the QR code of each of `card_urls`."""
    pages = []
    for plan in book.routines:
        path = card_path(plan.routine.id)
        pages.append(
            card_page(
                book,
                settings,
                env,
                "routine",
                plan.routine.id,
                f"routines/{plan.routine.id}/",
                plan.routine.name,
                codes,
                fit=routine_fit(plan, book.safety, lang=settings.lang),
                sessions=sessions(plan),
                plan=plan,
                pictures={
                    item.exercise.id: picture(path, item.exercise, "hb-card-picture")
                    for item in plan.items
                },
                frequency=shared_frequency(plan, lang=settings.lang),
            )
        )
        items = [
            large_item(number, item.exercise, item.dosage, item.note, lang=settings.lang)
            for number, item in enumerate(plan.items, 1)
        ]
        pages.append(
            large_card_page(
                book,
                settings,
                env,
                "routine",
                plan.routine.id,
                plan.routine.name,
                codes,
                items=items,
                sessions=sessions(plan),
                plan=plan,
            )
        )
    for exercise in book.exercises:
        name = f"exercises/{exercise.id}"
        pages.append(
            card_page(
                book,
                settings,
                env,
                "exercise",
                name,
                f"exercises/{exercise.id}/",
                exercise.name,
                codes,
                fit=exercise_fit(exercise, book.safety, lang=settings.lang),
                sessions=exercise.dosage.times_per_day,
                exercise=exercise,
                image=picture(card_path(name), exercise, "hb-card-picture"),
            )
        )
        pages.append(
            large_card_page(
                book,
                settings,
                env,
                "exercise",
                name,
                exercise.name,
                codes,
                items=[large_item(1, exercise, exercise.dosage, None, lang=settings.lang)],
                sessions=exercise.dosage.times_per_day,
                exercise=exercise,
            )
        )
    pages.append(
        page(
            env,
            "card-index.md.j2",
            "cards/index.md",
            {
                "title": settings.lang.gettext("Printable cards"),
                "description": settings.lang.gettext(
                    "One-page cards for the fridge, with a week's tick-box log."
                ),
            },
            book=book,
        )
    )
    return pages


def large_card_page(
    book: Book,
    settings: Settings,
    env: Environment,
    kind: str,
    name: str,
    title: str,
    codes: dict[str, str],
    *,
    items: list[LargeItem],
    sessions: int,
    **specific: object,
) -> tuple[str, str]:
    """The large-print card of a routine (`name` its id) or exercise (`exercises/<id>`)."""
    online_page = f"routines/{name}/" if kind == "routine" else f"{name}/"
    path = f"cards/{name}/large/index.html"
    return card_page(
        book,
        settings,
        env,
        kind,
        name,
        online_page,
        title,
        codes,
        large=True,
        fit=Fit("large", steps=True, how_to=False),
        sessions=sessions,
        sheets=large_sheets(
            items, book.safety, sessions, settings.url(online_page), lang=settings.lang
        ),
        pictures={
            item.exercise.id: picture(path, item.exercise, "hb-card-picture") for item in items
        },
        **specific,
    )


def card_path(name: str) -> str:
    return f"cards/{name}/index.html"


def card_page(
    book: Book,
    settings: Settings,
    env: Environment,
    kind: str,
    name: str,
    online_page: str,
    title: str,
    codes: dict[str, str],
    *,
    large: bool = False,
    **specific: object,
) -> tuple[str, str]:
    """One card at /cards/<name>/, with what every card carries besides `specific`; its
    large-print variant (card-large.html.j2) at /cards/<name>/large/."""
    key = f"cards/{name}/large" if large else f"cards/{name}"
    path = f"{key}/index.html"
    online = settings.url(online_page)
    _ = settings.lang.gettext
    return html_page(
        env,
        "card-large.html.j2" if large else f"card-{kind}.html.j2",
        key,
        title=(_("Large-print card: %(name)s") if large else _("Card: %(name)s")) % {"name": title},
        stylesheet=relative(path, "assets/stylesheets/card.css"),
        stylesheets=[relative(path, "assets/stylesheets/card-large.css")] if large else [],
        other_print=relative(path, f"cards/{name}/" if large else f"cards/{name}/large/"),
        script=relative(path, "assets/card.js"),
        accent=None,
        card_title=title,
        kind=kind,
        book=book,
        settings=settings,
        brand=book.clinic.name if book.clinic else settings.site_name,
        days=TICK_DAYS,
        logo=clinic_logo(book, path),
        qr=Markup(titled(codes[online], online, lang=settings.lang)),
        online=online,
        back=relative(path, online_page),
        pdf_name=name.rsplit("/", 1)[-1],
        **specific,
    )
