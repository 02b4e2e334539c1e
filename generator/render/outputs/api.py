"""The open catalogue: /api/v1/exercises.json and /api/v1/routines.json, with their schemas.

The documents are declared once, as the typed models of apimodels.py; each file is made by
filling a model and dumping it, and its published JSON Schema is made from the same model, so
the data and its schema cannot drift. Within v1 fields are only ever added (see the README); a
change that removes or redefines a field goes to /api/v2/.

Besides every field the pages use, the catalogue carries what a browser needs to lay out a
routine card the way the generator does (pages/cards.py): the height of what every card
carries, of the how-to box, and of each exercise in each layout, so that the programme
builder picks the same layout by adding numbers rather than by repeating the rules.
"""

from __future__ import annotations

import json
from typing import Any

from generator.i18n.languages import SOURCE_LANGUAGE, Language
from generator.render.outputs.apimodels import (
    DOCUMENTS,
    CardRules,
    DosageOut,
    ExerciseCard,
    ExerciseOut,
    ExercisesFile,
    Fitting,
    Licence,
    Limits,
    PictureOut,
    RoutineItemOut,
    RoutineOut,
    RoutinesFile,
    TimeRules,
)
from generator.render.pages.common import Settings, shared_frequency
from generator.rules import words
from generator.rules.cardfit import (
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
    folder = "" if settings.lang.code == SOURCE_LANGUAGE else f"{settings.lang.code}/"
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
        if settings.lang.code != SOURCE_LANGUAGE:
            continue  # one schema for every language, at the root (see schema_url)
        schema = json.dumps(schema_document(name, settings), indent=2, sort_keys=True)
        files[f"{API_FOLDER}/{name}.schema.json"] = (schema + "\n").encode("utf-8")
    return files
