"""The open catalogue: /api/v1/exercises.json and /api/v1/routines.json, with their schemas.

The documents are declared once, as the typed models below; each file is made by filling a
model and dumping it, and its published JSON Schema is made from the same model, so the data
and its schema cannot drift. Within v1 fields are only ever added (see the README); a change
that removes or redefines a field goes to /api/v2/.

Besides every field the pages use, the catalogue carries what a browser needs to lay out a
routine card the way the generator does (pages/cards.py): the height of what every card
carries, of the how-to box, and of each exercise in each layout, so that the programme
builder picks the same layout by adding numbers rather than by repeating the rules.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.i18n.languages import SOURCE_LANGUAGE, Language
from generator.render.pages.cards import (
    FITS,
    ITEM_PAD_MM,
    LIST_LINE_MM,
    PER_LINE,
    PICTURE_MM,
    SHEET_MM,
    exercise_lines,
    fixed_mm,
    how_to_mm,
    item_mm,
    note_mm,
    routine_fit,
    sessions,
)
from generator.render.pages.common import Settings, shared_frequency
from generator.rules import words
from generator.rules.plan import (
    RELEASE_SECONDS,
    REST_BETWEEN_SETS_SECONDS,
    SETUP_SECONDS,
    SWITCH_SECONDS,
    TEMPO_SECONDS,
    session_seconds,
)
from generator.source.book import Book, PlannedRoutine, RoutineItem
from generator.source.model import (
    MAX_CARD_EXERCISES,
    MAX_PROGRAMME_NOTE,
    MAX_TIMES_PER_DAY,
    POSITIONS,
    SIDES,
    SITUATIONS,
    Dosage,
    Exercise,
    minutes,
)

#: The catalogue's format version: the minor number grows when fields are added.
API_VERSION = "1.0"
API_FOLDER = "api/v1"
LICENCE_NAME = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


class Doc(BaseModel):
    """Base of the catalogue's models: every field listed, none unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Licence(Doc):
    """The licence of the text and pictures."""

    name: str = Field(description="The licence's name, e.g. `CC BY-SA 4.0`.")
    url: str = Field(description="The licence's text.")


class Limits(Doc):
    """The smallest and largest value a dosage field may take."""

    minimum: int
    maximum: int


class DosageOut(Doc):
    """How much of an exercise to do (the content's dosage, every field given)."""

    hold_seconds: int | None = Field(description="Seconds to hold each repetition, or null.")
    duration_seconds: int | None = Field(description="Seconds one continuous bout lasts, or null.")
    reps: int = Field(description="Repetitions in one set.")
    sets: int = Field(description="Sets in one session.")
    per_side: Literal["foot", "leg"] | None = Field(description="Each foot or leg, or null.")
    directions: list[str] = Field(description="Ways one repetition is done in turn.")
    times_per_day: int = Field(description="Sessions a day.")
    days_per_week: int = Field(description="Days a week.")
    repetition: str = Field(description="What one repetition means, in plain words.")
    suggested: list[str] = Field(description="Fields whose value is a suggestion, not a source's.")
    words: str = Field(description="The dosage in plain words, as the pages print it.")
    short_words: str = Field(description="The dosage in the short words cards print.")
    frequency_words: str = Field(description="How often, in plain words.")
    session_seconds: int = Field(description="Time one session takes, with getting into position.")
    minutes: int = Field(description="`session_seconds` in whole minutes, rounded up.")


class PictureOut(Doc):
    """The exercise's picture: both positions side by side, and each on its own."""

    url: str = Field(description="Absolute URL of the SVG picture (start and end side by side).")
    start_url: str = Field(description="The start position alone (the SVG's own view).")
    end_url: str = Field(description="The end position alone.")
    width: int
    height: int
    alt: str = Field(description="Alt text that describes the movement.")
    licence: str = Field(description="SPDX id of the picture's licence.")
    origin: str = Field(description="Who made the picture, and when.")


class VariantOut(Doc):
    """An easier, harder or other option: another exercise, or one described in words."""

    exercise: str | None = Field(description="Id of another exercise, or null.")
    name: str | None
    description: str | None


class AddressOut(Doc):
    """A node of the cause-and-effect chain the exercise works on."""

    node: str
    why: str


class ExerciseCard(Doc):
    """Heights, in mm, of this exercise on a routine card, for each layout (see `card`)."""

    item_mm: dict[str, float] = Field(
        description="Height with its own dosage and no note, by layout name."
    )
    lines: dict[str, int] = Field(
        description="Lines of its own text (caution, steps or tip), whatever the dosage and "
        "note, by layout name: the heading's and note's lines are added to these."
    )


class ExerciseOut(Doc):
    """One exercise, with everything its page shows."""

    id: str
    former_ids: list[str] = Field(description="Ids it had before; links with them still work.")
    name: str
    summary: str
    purpose: str
    url: str = Field(description="Its page.")
    card_url: str = Field(description="Its printable card.")
    position: str = Field(description="`standing`, `sitting` or `lying`.")
    position_words: str
    equipment: list[str]
    equipment_words: str
    body_areas: list[str]
    dosage: DosageOut
    steps: list[str]
    cues: list[str] = Field(description="Coaching cues; the first is the key cue.")
    common_mistakes: list[str]
    warnings: list[str] = Field(description="Safety cautions: printed on every card.")
    cautions: list[str] = Field(description="Other cautions: on cards where there is room.")
    stop_if: str
    easier: list[VariantOut]
    harder: list[VariantOut]
    variations: list[VariantOut]
    tags: list[str]
    addresses: list[AddressOut]
    picture: PictureOut
    card: ExerciseCard


class Fitting(Doc):
    """One layout of a routine card, richest first."""

    name: str
    layout: Literal["large", "compact"]
    steps: bool = Field(description="Large pictures with the steps (else the key tip).")
    how_to: bool = Field(description="With the box on how to do the exercises.")
    all_cautions: bool = Field(description="Every caution (else the safety ones alone).")


class CardRules(Doc):
    """What a routine card's layout needs: take the first layout in `fits` whose exercises'
    heights, plus `how_to_mm` when it has the box, fit in `sheet_mm` less `fixed_mm`."""

    sheet_mm: float
    fixed_mm: dict[str, float] = Field(
        description="Header, tick grid, stop rule and red flags, by rows of the tick grid."
    )
    how_to_mm: float
    note_mm: float = Field(description="A clinician's note of a programme, at its longest.")
    fits: list[Fitting]
    line_mm: float = Field(description="Height of one line of an exercise's text.")
    item_pad_mm: float
    picture_mm: dict[str, float] = Field(description="Picture height, by layout.")
    chars_per_line: dict[str, int] = Field(description="Characters per line, by layout.")


class TimeRules(Doc):
    """How a session's time is worked out from a dosage (see the README)."""

    release_seconds: int = Field(description="Pause after each hold.")
    tempo_seconds: int = Field(description="One repetition with neither hold nor duration.")
    setup_seconds: int = Field(description="Getting into position, once per exercise.")
    rest_between_sets_seconds: int
    switch_seconds: int = Field(description="Changing sides; the patient says when ready.")


class About(Doc):
    """Facts every catalogue file carries."""

    version: str = Field(description="The catalogue format's version: 1.x only adds fields.")
    content_version: str = Field(description="The handbook content's version.")
    updated: str = Field(description="Date the content was last reviewed (YYYY-MM-DD).")
    licence: Licence
    site: str = Field(description="The handbook's address.")
    schema_url: str = Field(description="This file's JSON Schema.")


class ExercisesFile(About):
    """/api/v1/exercises.json: every exercise of the handbook, and the rules to dose them."""

    positions: dict[str, str] = Field(description="Position ids and their words.")
    sides: dict[str, str] = Field(description="`per_side` values and their words.")
    dosage_limits: dict[str, Limits] = Field(description="Bounds of each numeric dosage field.")
    max_exercises: int = Field(description="Most exercises a routine or programme may hold.")
    max_note: int = Field(description="Longest clinician's note of a programme, in characters.")
    time: TimeRules
    card: CardRules
    exercises: list[ExerciseOut]


class RoutineItemOut(Doc):
    """One exercise of a routine, with the dosage the routine gives it."""

    exercise: str = Field(description="Id of the exercise.")
    dosage: DosageOut
    note: str | None
    item_mm: dict[str, float] = Field(description="Height on the card, by layout name.")


class RoutineOut(Doc):
    """One routine."""

    id: str
    former_ids: list[str]
    name: str
    summary: str
    description: str
    situation: str
    situation_words: str
    url: str
    card_url: str
    calendar_url: str = Field(description="A daily reminder for six weeks (iCalendar).")
    seconds: int
    minutes: int
    frequency_words: str | None = Field(description="How often, when every exercise agrees.")
    sessions: int = Field(description="Rows of the card's tick grid.")
    layout: str = Field(description="Name of the layout its card uses.")
    exercises: list[RoutineItemOut]


class RoutinesFile(About):
    """/api/v1/routines.json: every routine, its exercises and their dosage."""

    routines: list[RoutineOut]


DOCUMENTS: dict[str, type[About]] = {"exercises": ExercisesFile, "routines": RoutinesFile}


def dosage_limits() -> dict[str, Limits]:
    """Bounds of the numeric dosage fields, read from the content model itself."""
    limits = {}
    for name, spec in Dosage.model_json_schema()["properties"].items():
        for form in [spec, *spec.get("anyOf", [])]:
            if "minimum" in form and "maximum" in form:
                limits[name] = Limits(minimum=form["minimum"], maximum=form["maximum"])
    return limits


def _about(book: Book, settings: Settings, name: str) -> dict[str, Any]:
    return {
        "version": API_VERSION,
        "content_version": book.handbook.version,
        "updated": book.handbook.updated.isoformat(),
        "licence": Licence(name=LICENCE_NAME, url=LICENCE_URL),
        "site": settings.site_url,
        "schema_url": schema_url(settings, name),
    }


def schema_url(settings: Settings, name: str) -> str:
    """The address of a catalogue file's JSON Schema. The schema describes the format, which
    is one for every language (its codes and field names are the same), so it is published
    once, in English, at the root's /api/v1/; each language's catalogue points there."""
    folder = "" if settings.language == SOURCE_LANGUAGE else f"{settings.language}/"
    root = settings.site_url.removesuffix(folder) if folder else settings.site_url
    return f"{root.rstrip('/')}/{API_FOLDER}/{name}.schema.json"


def _dosage(dosage: Dosage, *, lang: Language) -> DosageOut:
    return DosageOut(
        **dosage.model_dump(),
        words=words.dosage_words(dosage, lang=lang),
        short_words=words.dosage_words(dosage, short=True, lang=lang),
        frequency_words=words.frequency_words(dosage, lang=lang),
        session_seconds=session_seconds(dosage),
        minutes=minutes(session_seconds(dosage)),
    )


def _exercise(exercise: Exercise, settings: Settings) -> ExerciseOut:
    picture = f"assets/images/{exercise.picture.file}"
    alone = RoutineItem(exercise, exercise.dosage, None)
    lang = settings.lang
    data = exercise.model_dump(exclude={"notes", "dosage", "picture"})
    return ExerciseOut(
        **data,
        url=settings.url(f"exercises/{exercise.id}/"),
        card_url=settings.url(f"cards/exercises/{exercise.id}/"),
        position_words=lang.gettext(POSITIONS[exercise.position]),
        equipment_words=words.equipment_words(exercise.equipment, lang=lang),
        dosage=_dosage(exercise.dosage, lang=lang),
        picture=PictureOut(
            url=settings.url(picture),
            start_url=settings.url(f"{picture}#start"),
            end_url=settings.url(f"{picture}#end"),
            width=820,
            height=300,
            alt=" ".join(exercise.picture.alt.split()),
            licence=exercise.picture.licence,
            origin=exercise.picture.origin,
        ),
        card=ExerciseCard(
            item_mm={fit.name: item_mm(alone, fit, lang=lang) for fit in FITS},
            lines={fit.name: exercise_lines(exercise, fit, lang=lang) for fit in FITS},
        ),
    )


def exercises_file(book: Book, settings: Settings) -> ExercisesFile:
    safety = book.safety
    return ExercisesFile(
        **_about(book, settings, "exercises"),
        positions={key: settings.lang.gettext(said) for key, said in POSITIONS.items()},
        sides={key: settings.lang.gettext(said) for key, said in SIDES.items()},
        dosage_limits=dosage_limits(),
        max_exercises=MAX_CARD_EXERCISES,
        max_note=MAX_PROGRAMME_NOTE,
        time=TimeRules(
            release_seconds=RELEASE_SECONDS,
            tempo_seconds=TEMPO_SECONDS,
            setup_seconds=SETUP_SECONDS,
            rest_between_sets_seconds=REST_BETWEEN_SETS_SECONDS,
            switch_seconds=SWITCH_SECONDS,
        ),
        card=CardRules(
            sheet_mm=SHEET_MM,
            fixed_mm={str(n): fixed_mm(safety, n) for n in range(1, MAX_TIMES_PER_DAY + 1)},
            how_to_mm=how_to_mm(safety),
            note_mm=note_mm(),
            fits=[
                Fitting(
                    name=fit.name,
                    layout=fit.layout,
                    steps=fit.steps,
                    how_to=fit.how_to,
                    all_cautions=fit.all_cautions,
                )
                for fit in FITS
            ],
            line_mm=LIST_LINE_MM,
            item_pad_mm=ITEM_PAD_MM,
            picture_mm=PICTURE_MM,
            chars_per_line=PER_LINE,
        ),
        exercises=[_exercise(exercise, settings) for exercise in book.exercises],
    )


def _routine(plan: PlannedRoutine, book: Book, settings: Settings) -> RoutineOut:
    routine, lang = plan.routine, settings.lang
    return RoutineOut(
        id=routine.id,
        former_ids=routine.former_ids,
        name=routine.name,
        summary=routine.summary,
        description=routine.description,
        situation=routine.situation,
        situation_words=lang.gettext(SITUATIONS[routine.situation]),
        url=settings.url(f"routines/{routine.id}/"),
        card_url=settings.url(f"cards/{routine.id}/"),
        calendar_url=settings.url(f"routines/{routine.id}.ics"),
        seconds=plan.seconds,
        minutes=plan.minutes,
        frequency_words=shared_frequency(plan, lang=lang),
        sessions=sessions(plan),
        layout=routine_fit(plan, book.safety, lang=lang).name,
        exercises=[
            RoutineItemOut(
                exercise=item.exercise.id,
                dosage=_dosage(item.dosage, lang=lang),
                note=item.note,
                item_mm={fit.name: item_mm(item, fit, lang=lang) for fit in FITS},
            )
            for item in plan.items
        ],
    )


def routines_file(book: Book, settings: Settings) -> RoutinesFile:
    return RoutinesFile(
        **_about(book, settings, "routines"),
        routines=[_routine(plan, book, settings) for plan in book.routines],
    )


def _json(data: Any) -> bytes:
    """Deterministic JSON: sorted keys, compact, UTF-8, one line feed at the end."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def schema_document(name: str, settings: Settings) -> dict[str, Any]:
    """The published JSON Schema of one catalogue file, made from its model."""
    schema: dict[str, Any] = DOCUMENTS[name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = schema_url(settings, name)
    return schema


def api_files(book: Book, settings: Settings) -> dict[str, bytes]:
    """The catalogue and its schemas."""
    documents = {
        "exercises": exercises_file(book, settings),
        "routines": routines_file(book, settings),
    }
    files = {}
    for name, document in documents.items():
        files[f"{API_FOLDER}/{name}.json"] = _json(document.model_dump(mode="json"))
        if settings.language != SOURCE_LANGUAGE:
            continue  # one schema for every language, at the root (see schema_url)
        schema = json.dumps(schema_document(name, settings), indent=2, sort_keys=True)
        files[f"{API_FOLDER}/{name}.schema.json"] = (schema + "\n").encode("utf-8")
    return files
