"""Embeddable views of every exercise and routine, their snippets and oEmbed responses."""

from __future__ import annotations

from jinja2 import Environment

from generator.render.pages.common import (
    EVERY,
    Focus,
    Pages,
    Settings,
    html_page,
    picture,
    relative,
)
from generator.render.pages.embedding import (
    EXERCISE_HEIGHT,
    ROUTINE_HEIGHT,
    oembed,
    oembed_path,
)
from generator.source.book import Book


def embed_context(path: str, title: str, book: Book, settings: Settings) -> dict[str, object]:
    """What the bare page base needs for an embed: its own small stylesheet and script."""
    return {
        "title": title,
        "settings": settings,
        "stylesheet": relative(path, "assets/stylesheets/embed.css"),
        "script": relative(path, "assets/embed-frame.js"),
        "accent": book.clinic.accent if book.clinic else None,
        "referrer": False,
        "brand": book.clinic.name if book.clinic else None,
        "safety": book.safety,
    }


def embed_pages(book: Book, settings: Settings, env: Environment, *, only: Focus = EVERY) -> Pages:
    pages = []
    for exercise in book.exercises:
        if exercise.id not in only:
            continue
        key = f"embed/exercises/{exercise.id}"
        path = f"{key}/index.html"
        pages.append(
            html_page(
                env,
                "embed-exercise.html.j2",
                key,
                exercise=exercise,
                image=picture(path, exercise, "hb-embed-picture"),
                full=settings.url(f"exercises/{exercise.id}/"),
                **embed_context(path, exercise.name, book, settings),
            )
        )
    for plan in book.routines:
        if plan.routine.id not in only:
            continue
        key = f"embed/routines/{plan.routine.id}"
        path = f"{key}/index.html"
        pages.append(
            html_page(
                env,
                "embed-routine.html.j2",
                key,
                plan=plan,
                thumbs={
                    item.exercise.id: picture(path, item.exercise, "hb-embed-picture", lazy=n > 0)
                    for n, item in enumerate(plan.items)
                },
                full=settings.url(f"routines/{plan.routine.id}/"),
                **embed_context(path, plan.routine.name, book, settings),
            )
        )
    return pages


def oembed_files(book: Book, settings: Settings, *, only: Focus = EVERY) -> dict[str, bytes]:
    files = {}
    for exercise in book.exercises:
        if exercise.id not in only:
            continue
        files[oembed_path("exercises", exercise.id)] = oembed(
            settings, "exercises", exercise.id, exercise.name, EXERCISE_HEIGHT
        )
    for plan in book.routines:
        if plan.routine.id not in only:
            continue
        files[oembed_path("routines", plan.routine.id)] = oembed(
            settings, "routines", plan.routine.id, plan.routine.name, ROUTINE_HEIGHT
        )
    return files
