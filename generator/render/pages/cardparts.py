"""What a printed card shares with the builder's programme card: its days of ticks and the
clinic's logo in its header."""

from __future__ import annotations

from markupsafe import Markup

from generator.render.pages.common import relative
from generator.source.book import Book


def clinic_logo(book: Book, path: str) -> Markup | None:
    """The clinic's logo for a card's header, when one is configured."""
    if book.clinic is None or book.clinic.logo is None:
        return None
    src = relative(path, f"assets/images/{book.clinic.logo}")
    return Markup(f'<img class="hb-card-logo" src="{src}" alt="">')
