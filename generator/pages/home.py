"""The home page and the safety page."""

from __future__ import annotations

from jinja2 import Environment

from ..validate import Book
from .common import Pages, Settings, page, situations


def home_page(book: Book, settings: Settings, env: Environment) -> Pages:
    return [
        page(
            env,
            "home.md.j2",
            "index.md",
            {"title": "Home", "description": book.handbook.audience},
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
            "safety.md",
            {
                "title": "Safety and red flags",
                "description": "When to stop, and when to see a doctor.",
            },
            safety=book.safety,
        )
    ]
