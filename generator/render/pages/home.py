"""The home page and the safety page."""

from __future__ import annotations

from jinja2 import Environment

from generator.render.pages.common import Pages, Settings, page, situations
from generator.render.pages.embedding import snippet_block
from generator.source.book import Book


def home_page(book: Book, settings: Settings, env: Environment) -> Pages:
    return [
        page(
            env,
            "home.md.j2",
            "index.md",
            {"title": settings.lang.gettext("Home"), "description": book.handbook.audience},
            book=book,
            settings=settings,
            situations=situations(book),
        )
    ]


def safety_page(book: Book, settings: Settings, env: Environment) -> Pages:
    return [
        page(
            env,
            "safety.md.j2",
            "safety/index.md",
            {
                "title": settings.lang.gettext("Safety and red flags"),
                "description": settings.lang.gettext("When to stop, and when to see a doctor."),
            },
            safety=book.safety,
        )
    ]


def status_page(languages: list[dict[str, object]], settings: Settings, env: Environment) -> str:
    """The translations page: how far each language has come."""
    _, text = page(
        env,
        "translation-status.md.j2",
        "translations/index.md",
        {
            "title": settings.lang.gettext("Translations"),
            "description": settings.lang.gettext("How far each translation has come."),
            # For translators: its lists of exercise names would outrank the exercises
            # themselves when a patient searches for one.
            "search": {"exclude": True},
        },
        languages=languages,
    )
    return text


def embed_guide_page(book: Book, settings: Settings, env: Environment) -> Pages:
    example = book.exercises[0] if book.exercises else None
    return [
        page(
            env,
            "embed-guide.md.j2",
            "embed-guide/index.md",
            {
                "title": settings.lang.gettext("For clinics"),
                "description": settings.lang.gettext("Embed the handbook in your website."),
            },
            settings=settings,
            example=example,
            snippet=snippet_block(settings, "exercises", example.id, example.name)
            if example
            else "",
        )
    ]
