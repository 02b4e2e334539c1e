"""One page per exercise, and the exercises index."""

from __future__ import annotations

from jinja2 import Environment

from .. import words
from ..book import Book
from ..model import EQUIPMENT, POSITIONS
from .common import (
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
from .embeds import oembed_path, snippet_block
from .session import session_context, session_plan


def exercise_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    by_id = {exercise.id: exercise for exercise in book.exercises}
    used_in = routines_using(book)
    pages = []
    for exercise in book.exercises:
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
                },
                exercise=exercise,
                by_id=by_id,
                routines=used_in.get(exercise.id, []),
                minutes=exercise_minutes(exercise),
                suggested=words.suggested_words(exercise.dosage),
                addresses=addresses_of(book, exercise),
                picture=moving_picture(path, exercise),
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
                    ),
                ),
            )
        )
    index = "exercises/index.md"
    pages.append(
        page(
            env,
            "exercise-index.md.j2",
            index,
            {"title": "Exercises", "description": "All exercises, by position and equipment."},
            exercises=book.exercises,
            thumbs={e.id: frame(index, e, "end", "hb-thumb") for e in book.exercises},
            hrefs={e.id: relative(index, f"exercises/{e.id}/") for e in book.exercises},
            filters=filters(book),
            minutes={e.id: exercise_minutes(e) for e in book.exercises},
            positions=group(book.exercises, lambda e: [e.position], POSITIONS),
            equipment=group(
                book.exercises,
                lambda e: e.equipment,
                {key: words.capitalised(value) for key, value in EQUIPMENT.items()},
            ),
        )
    )
    return pages


def filters(book: Book) -> list[tuple[str, list[tuple[str, str]]]]:
    """Filter buttons for the index: positions, equipment and tags that some exercise has."""
    positions = {e.position for e in book.exercises}
    equipment = {item for e in book.exercises for item in e.equipment}
    tags = sorted({tag for e in book.exercises for tag in e.tags} - positions - equipment)
    return [
        ("Position", [(key, title) for key, title in POSITIONS.items() if key in positions]),
        (
            "You need",
            [(key, words.capitalised(name)) for key, name in EQUIPMENT.items() if key in equipment],
        ),
        ("Kind", [(tag, tag.replace("-", " ").capitalize()) for tag in tags]),
    ]
