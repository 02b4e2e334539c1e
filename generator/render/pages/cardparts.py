"""What a printed card shares with the builder's programme card: its days of ticks and the
clinic's logo in its header."""

from __future__ import annotations

from markupsafe import Markup

from generator.render.pages.common import relative
from generator.source.book import Book

#: The days a card has tick boxes for: one week.
TICK_DAYS = 7
#: What a programme's card (the builder's and the programme page's) carries beyond a routine
#: card, in mm: its larger QR code (25 mm, card.css) and the patient's name line. Measured by
#: printing the longest exercises of each language from the builder (tests/test_print.py).
PROGRAMME_EXTRA_MM = 30


def clinic_logo(book: Book, path: str) -> Markup | None:
    """The clinic's logo for a card's header, when one is configured."""
    if book.clinic is None or book.clinic.logo is None:
        return None
    src = relative(path, f"assets/images/{book.clinic.logo}")
    return Markup(f'<img class="hb-card-logo" src="{src}" alt="">')
