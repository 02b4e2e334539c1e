"""The page kinds: each turns the checked handbook into (path, Markdown) pairs."""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment

from ..validate import Book
from .cards import card_pages
from .common import Pages, Settings
from .evidence import causes_page, references_page
from .exercises import exercise_pages
from .home import home_page, safety_page
from .routines import routine_pages

PageKind = Callable[[Book, Settings, Environment], Pages]

PAGE_KINDS: list[PageKind] = [
    home_page,
    exercise_pages,
    routine_pages,
    safety_page,
    causes_page,
    references_page,
    card_pages,
]
