"""One page per routine, and the routines index."""

from __future__ import annotations

from jinja2 import Environment

from .. import words
from ..book import Book, PlannedRoutine
from ..model import minutes
from ..plan import SETUP_SECONDS, session_seconds
from .common import Pages, Settings, page, page_file, picture, situations
from .embeds import oembed_path, snippet_block
from .session import session_context, session_plan


def routine_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    pages = []
    for plan in book.routines:
        path = page_file(f"routines/{plan.routine.id}")
        pages.append(
            page(
                env,
                "routine.md.j2",
                path,
                {
                    "title": plan.routine.name,
                    "description": plan.routine.summary,
                    "oembed": settings.url(oembed_path("routines", plan.routine.id)),
                },
                plan=plan,
                pictures={
                    i.exercise.id: picture(path, i.exercise, "hb-routine-picture")
                    for i in plan.items
                },
                item_minutes={
                    i.exercise.id: minutes(session_seconds(i.dosage)) for i in plan.items
                },
                setup_seconds=SETUP_SECONDS,
                frequency=shared_frequency(plan),
                safety=book.safety,
                embed=snippet_block(settings, "routines", plan.routine.id, plan.routine.name),
                session=session_context(
                    path,
                    session_plan(
                        path,
                        f"routines/{plan.routine.id}",
                        plan.routine.name,
                        [(i.exercise, i.dosage) for i in plan.items],
                        book.safety,
                    ),
                ),
            )
        )
    pages.append(
        page(
            env,
            "routine-index.md.j2",
            "routines/index.md",
            {"title": "Routines", "description": "Short routines built from the exercises."},
            situations=situations(book),
        )
    )
    return pages


def shared_frequency(plan: PlannedRoutine) -> str | None:
    """How often the routine is done, when all its exercises say the same; else None."""
    said = {words.frequency_words(item.dosage) for item in plan.items}
    return said.pop() if len(said) == 1 else None
