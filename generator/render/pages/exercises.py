"""One page per exercise, and the exercises index."""

from __future__ import annotations

from jinja2 import Environment

from generator.i18n.languages import Language
from generator.render.outputs.jsonld import exercise_jsonld
from generator.render.pages.common import (
    EVERY,
    Focus,
    Pages,
    Settings,
    addresses_of,
    exercise_minutes,
    frame,
    group,
    moving_picture,
    page,
    page_file,
    relative,
    routines_using,
)
from generator.render.pages.embedding import oembed_path, snippet_block
from generator.render.pages.session import session_context, session_plan
from generator.rules import words
from generator.source.book import Book
from generator.source.model import EQUIPMENT, POSITIONS


def exercise_pages(
    book: Book, settings: Settings, env: Environment, *, only: Focus = EVERY
) -> Pages:
    lang = settings.lang
    by_id = {exercise.id: exercise for exercise in book.exercises}
    used_in = routines_using(book)
    pages = []
    for exercise in book.exercises:
        if exercise.id not in only:
            continue
        path = page_file(f"exercises/{exercise.id}")
        pages.append(
            page(
                env,
                "exercise.md.j2",
                path,
                {
                    "title": exercise.name,
                    "description": exercise.summary,
                    "oembed": settings.url(oembed_path("exercises", exercise.id)),
                    "jsonld": exercise_jsonld(exercise, settings),
                },
                exercise=exercise,
                by_id=by_id,
                routines=used_in.get(exercise.id, []),
                minutes=exercise_minutes(exercise),
                suggested=words.suggested_words(exercise.dosage, lang=lang),
                addresses=addresses_of(book, exercise),
                picture=moving_picture(path, exercise, lang=lang),
                untranslated=settings.shows_english(exercise.summary),
                safety=book.safety,
                embed=snippet_block(settings, "exercises", exercise.id, exercise.name),
                session=session_context(
                    path,
                    session_plan(
                        path,
                        f"exercises/{exercise.id}",
                        exercise.name,
                        [(exercise, exercise.dosage)],
                        book.safety,
                        settings.lang,
                        by_id,
                    ),
                ),
            )
        )
    if not only.whole:
        return pages
    index = "exercises/index.md"
    pages.append(
        page(
            env,
            "exercise-index.md.j2",
            index,
            {
                "title": settings.lang.gettext("Exercises"),
                "description": settings.lang.gettext("All exercises, by position and equipment."),
            },
            exercises=book.exercises,
            thumbs={e.id: frame(index, e, "end", "hb-thumb") for e in book.exercises},
            hrefs={e.id: relative(index, f"exercises/{e.id}/") for e in book.exercises},
            filters=filters(book, settings.lang),
            minutes={e.id: exercise_minutes(e) for e in book.exercises},
            positions=group(book.exercises, lambda e: [e.position], translated(POSITIONS, lang)),
            equipment=group(book.exercises, lambda e: e.equipment, translated(EQUIPMENT, lang)),
        )
    )
    return pages


def filters(book: Book, lang: Language) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Filter groups for the index, each (data attribute, title, choices some exercise has).

    Position and equipment only: they are the choices every exercise makes from fixed lists,
    so they read the same in every language (free tags are not translated)."""
    positions = {e.position for e in book.exercises}
    equipment = {item for e in book.exercises for item in e.equipment}
    return [
        (
            "position",
            lang.gettext("Position"),
            [(k, t) for k, t in translated(POSITIONS, lang).items() if k in positions],
        ),
        (
            "equipment",
            lang.gettext("You need"),
            [(k, t) for k, t in translated(EQUIPMENT, lang).items() if k in equipment],
        ),
    ]


def translated(choices: dict[str, str], lang: Language) -> dict[str, str]:
    """A choice list's words in `lang`, capitalised for headings and buttons."""
    return {key: words.capitalised(lang.gettext(label)) for key, label in choices.items()}
