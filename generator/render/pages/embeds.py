"""Embeddable views of every exercise and routine, their snippets and oEmbed responses."""

from __future__ import annotations

import json

from jinja2 import Environment
from markupsafe import Markup

from generator.render.pages.common import Pages, Settings, html_page, picture, relative
from generator.safety import escape
from generator.source.book import Book

#: Suggested iframe heights before embed.js measures the real one.
EXERCISE_HEIGHT, ROUTINE_HEIGHT, WIDTH = 900, 1100, 640
HEIGHTS = {"exercises": EXERCISE_HEIGHT, "routines": ROUTINE_HEIGHT}


def embed_path(kind: str, ident: str) -> str:
    """URL path of an embed view: `embed/exercises/<id>/`."""
    return f"embed/{kind}/{ident}/"


def oembed_path(kind: str, ident: str) -> str:
    return f"oembed/{kind}/{ident}.json"


def snippet(settings: Settings, kind: str, ident: str, title: str, height: int) -> str:
    """The copy-paste HTML a clinic puts in its page: a sandboxed iframe and the resizer."""
    src = settings.url(embed_path(kind, ident))
    label = escape.html_only(f"{title}: {settings.site_name}")
    return (
        f'<iframe src="{src}" title="{label}" width="100%" height="{height}" loading="lazy" '
        f'referrerpolicy="no-referrer" '
        f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
        f'style="border:0;width:100%;max-width:{WIDTH}px"></iframe>\n'
        f'<script src="{settings.url("embed.js")}" async></script>'
    )


def oembed(settings: Settings, kind: str, ident: str, title: str, height: int) -> bytes:
    """A static oEmbed 1.0 `rich` response for one embeddable page."""
    document = {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": settings.site_name,
        "provider_url": settings.site_url,
        "html": snippet(settings, kind, ident, title, height),
        "width": WIDTH,
        "height": height,
        "cache_age": 86400,
    }
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


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


def embed_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    pages = []
    for exercise in book.exercises:
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


def oembed_files(book: Book, settings: Settings) -> dict[str, bytes]:
    files = {}
    for exercise in book.exercises:
        files[oembed_path("exercises", exercise.id)] = oembed(
            settings, "exercises", exercise.id, exercise.name, EXERCISE_HEIGHT
        )
    for plan in book.routines:
        files[oembed_path("routines", plan.routine.id)] = oembed(
            settings, "routines", plan.routine.id, plan.routine.name, ROUTINE_HEIGHT
        )
    return files


def snippet_block(settings: Settings, kind: str, ident: str, title: str) -> Markup:
    """The snippet as a fenced code block for the full page (Material adds a copy button)."""
    height = HEIGHTS[kind]
    code = snippet(settings, kind, ident, title, height)
    return Markup(f"``` html\n{code}\n```")
