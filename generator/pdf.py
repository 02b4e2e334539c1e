"""`handbook build --pdf`: print every card page to PDF, A4 and US Letter, with Chromium.

Runs on the freshly built site before it replaces the old one, so a failure here also
leaves the previous site untouched.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from .chromium import CHROMIUM_ARGS, chromium_path
from .errors import BuildError, ToolMissingError

PAPERS = {"a4": "A4", "letter": "Letter"}
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)")


def card_folders(site: Path) -> list[Path]:
    """Every built card page's folder: cards/<routine>/ and cards/exercises/<id>/, in every
    language."""
    found = []
    for cards in [site / "cards", *site.glob("*/cards")]:  # English, then each language
        found += [
            path.parent
            for path in cards.rglob("index.html")
            if path.parent not in (cards, cards / "exercises")
            and b'http-equiv="refresh"' not in path.read_bytes()  # a former address
        ]
    return sorted(found)


def print_cards(site: Path, epoch: int) -> list[Path]:
    """Write <name>-a4.pdf and <name>-letter.pdf beside each card page; return them."""
    browser_path = chromium_path()
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise ToolMissingError(
            "handbook build --pdf needs the Playwright package: pip install -e '.[pdf]'"
        ) from None
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(browser_path), args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            for folder in card_folders(site):
                page.goto((folder / "index.html").as_uri(), wait_until="load")
                for suffix, paper in PAPERS.items():
                    target = folder / f"{folder.name}-{suffix}.pdf"
                    target.write_bytes(pin_dates(page.pdf(format=paper), epoch))
                    written.append(target)
            browser.close()
    except Error as error:
        raise BuildError(f"printing cards to PDF failed: {error.message}") from None
    return written


def pin_dates(pdf: bytes, epoch: int) -> bytes:
    """Replace the clock's dates in a PDF with the content's, keeping every byte offset."""
    stamp = datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("%Y%m%d%H%M%S")

    def same_length(match: re.Match[bytes]) -> bytes:
        old = match.group(0)
        new = b"/" + match.group(1) + b" (D:" + stamp.encode() + b"Z)"
        # Whitespace between dictionary entries is free in PDF, so pad after the value.
        return new.ljust(len(old)) if len(new) <= len(old) else old

    return _PDF_DATE.sub(same_length, pdf)
