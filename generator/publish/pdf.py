"""`handbook build --pdf`: print every card page to PDF, A4 and US Letter, with Chromium.

Runs on the freshly built site before it replaces the old one, so a failure here also
leaves the previous site untouched. Printing takes a while (about 30 s for 84 cards), so it
counts the cards as it goes: one line rewritten in place on a terminal, a plain line every
few cards otherwise (a CI log).

A plain build (no --pdf) after a --pdf build keeps each card's PDFs while the card is as it
was printed (`keep_printed`): its page, but for the links to the PDFs, and every file the page
loads (stylesheet, script, pictures) are byte for byte the same. A card that changed loses its
PDFs, and the build says so and how to print them again.
"""

from __future__ import annotations

import datetime
import re
import shutil
import sys
from pathlib import Path
from typing import TextIO

from generator.errors import BuildError, ToolMissingError
from generator.publish.chromium import CHROMIUM_ARGS, chromium_path

PAPERS = {"a4": "A4", "letter": "Letter"}
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)")


def card_folders(site: Path) -> list[Path]:
    """Every built card page's folder: cards/<routine>/ and cards/exercises/<id>/, in every
    language. The large-print cards (cards/<id>/large/, several sheets) are not printed."""
    found = []
    for cards in [site / "cards", *site.glob("*/cards")]:  # English, then each language
        found += [
            path.parent
            for path in cards.rglob("index.html")
            if path.parent not in (cards, cards / "exercises")
            and b'http-equiv="refresh"' not in path.read_bytes()  # a former address
            and b"data-hb-sheets=" not in path.read_bytes()  # large print
        ]
    return sorted(found)


class Progress:
    """ "printing card PDFs: 12/84" on stderr: rewritten in place on a terminal, else a line
    every `every` cards and at the end, so that a CI log shows the work without flooding."""

    def __init__(
        self, total: int, what: str, stream: TextIO | None = None, every: int = 10
    ) -> None:
        self.total, self.what, self.every, self.done = total, what, every, 0
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = self.stream.isatty()

    def step(self) -> None:
        self.done += 1
        line = f"{self.what}: {self.done}/{self.total}"
        if self.terminal:
            end = "\n" if self.done == self.total else ""
            print(f"\r{line}", end=end, file=self.stream, flush=True)
        elif self.done % self.every == 0 or self.done == self.total:
            print(line, file=self.stream, flush=True)


def print_cards(site: Path, epoch: int, stream: TextIO | None = None) -> list[Path]:
    """Write <name>-a4.pdf and <name>-letter.pdf beside each card page; return them. The
    count of cards printed goes to `stream` (stderr by default)."""
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
            folders = card_folders(site)
            progress = Progress(len(folders), "printing card PDFs", stream)
            for folder in folders:
                page.goto((folder / "index.html").as_uri(), wait_until="load")
                for suffix, paper in PAPERS.items():
                    target = folder / f"{folder.name}-{suffix}.pdf"
                    target.write_bytes(pin_dates(page.pdf(format=paper), epoch))
                    written.append(target)
                progress.step()
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


def pdf_names(folder: Path) -> list[str]:
    """The PDF files of the card page in `folder`."""
    return [f"{folder.name}-{suffix}.pdf" for suffix in PAPERS]


def _pdf_links(folder: Path) -> re.Pattern[bytes]:
    """The card toolbar's links to its PDFs, as card-base.html.j2 writes them."""
    names = [re.escape(name.encode()) for name in pdf_names(folder)]
    return re.compile(
        rb'<a href="'
        + names[0]
        + rb'">PDF \(A4\)</a>\n<a href="'
        + names[1]
        + rb'">PDF \(US Letter\)</a>\n'
    )


_LOADED = re.compile(rb'(?:src|href)="([^"#?:]+)"')


def _as_printed(folder: Path, site: Path) -> list[bytes] | None:
    """What a card's PDF is made from: its page without the links to the PDFs, and every
    file of the site the page loads; None when the page is missing."""
    try:
        page = (folder / "index.html").read_bytes()
    except OSError:
        return None
    page = _pdf_links(folder).sub(b"", page)
    found = [page]
    root = site.resolve()
    for address in sorted(set(_LOADED.findall(page))):
        path = (folder / address.decode("utf-8", "replace")).resolve()
        if path.is_file() and path.is_relative_to(root):
            found += [address, path.read_bytes()]
    return found


def keep_printed(previous: Path, site: Path) -> tuple[int, int]:
    """Copy into the new `site` the PDFs of `previous` (the site it replaces) for every card
    unchanged since they were printed, with the page that links them; return (cards kept,
    cards whose PDFs were dropped because the card changed or is gone)."""
    kept = dropped = 0
    if not previous.is_dir():
        return 0, 0
    for old in card_folders(previous):
        names = pdf_names(old)
        if not all((old / name).is_file() for name in names):
            continue
        new = site / old.relative_to(previous)
        before = _as_printed(old, previous)
        if before is None or before != _as_printed(new, site):
            dropped += 1
            continue
        for name in names:
            shutil.copyfile(old / name, new / name)
        # The page as --pdf writes it: the same but for its links to the PDFs.
        target = new / "index.html"
        target.unlink()  # a new file, not writing through a link that MkDocs copied
        shutil.copyfile(old / "index.html", target)
        kept += 1
    return kept, dropped


def kept_message(kept: int, dropped: int) -> str | None:
    """What a plain build says of the PDFs of the build before it, or None."""
    if not dropped:
        return f"kept the card PDFs of {_cards(kept)}, unchanged since printed" if kept else None
    changed, its, them = (
        ("card has", "its", "it") if dropped == 1 else ("cards have", "their", "them")
    )
    return (
        f"{dropped} {changed} changed since {its} PDFs were printed, so the new site has no "
        f"PDFs for {them} (kept those of {_cards(kept)}, unchanged): run `handbook build --pdf` "
        "to print them again"
    )


def _cards(count: int) -> str:
    return f"{count} card" if count == 1 else f"{count} cards"
