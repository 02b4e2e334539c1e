"""One page per routine, and the routines index."""

from __future__ import annotations

from jinja2 import Environment

from generator.render.outputs.calendar import (
    REMINDER_ID,
    calendar_path,
    calendar_rules,
    routine_reminder,
)
from generator.render.outputs.jsonld import routine_jsonld
from generator.render.pages.common import (
    EVERY,
    Focus,
    Pages,
    Settings,
    json_script,
    page,
    page_file,
    picture,
    relative,
    shared_frequency,
    situations,
)
from generator.render.pages.embedding import oembed_path, snippet_block
from generator.render.pages.session import session_context, session_plan
from generator.rules.plan import SETUP_SECONDS, session_seconds
from generator.source.book import Book
from generator.source.model import minutes

#: The ES modules of a routine page's calendar link: reminder.js and what it imports, each
#: named by the page, so that a page kept offline (offline.js, sw.js) keeps them all.
REMINDER_MODULES = ("reminder", "calendar", "page", "steps", "words")


def routine_pages(
    book: Book, settings: Settings, env: Environment, *, only: Focus = EVERY
) -> Pages:
    pages = []
    by_id = {exercise.id: exercise for exercise in book.exercises}
    for plan in book.routines:
        if plan.routine.id not in only:
            continue
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
                    "jsonld": routine_jsonld(plan, settings),
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
                frequency=shared_frequency(plan, lang=settings.lang),
                untranslated=settings.shows_english(plan.routine.summary),
                safety=book.safety,
                calendar=relative(path, calendar_path(plan.routine.id)),
                reminder=json_script(
                    REMINDER_ID,
                    {
                        "href": relative(path, calendar_path(plan.routine.id)),
                        "file": calendar_path(plan.routine.id).rsplit("/", 1)[-1],
                        "reminder": routine_reminder(plan, book, settings),
                        "rules": calendar_rules(),
                    },
                ),
                reminder_modules=[relative(path, f"assets/{m}.js") for m in REMINDER_MODULES],
                embed=snippet_block(settings, "routines", plan.routine.id, plan.routine.name),
                session=session_context(
                    path,
                    session_plan(
                        path,
                        f"routines/{plan.routine.id}",
                        plan.routine.name,
                        [(i.exercise, i.dosage) for i in plan.items],
                        book.safety,
                        settings.lang,
                        by_id,
                    ),
                ),
            )
        )
    if not only.whole:
        return pages
    pages.append(
        page(
            env,
            "routine-index.md.j2",
            "routines/index.md",
            {
                "title": settings.lang.gettext("Routines"),
                "description": settings.lang.gettext("Short routines built from the exercises."),
            },
            situations=situations(book),
        )
    )
    return pages
