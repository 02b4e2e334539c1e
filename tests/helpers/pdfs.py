"""Reading the PDFs Chromium prints: their text and their number of pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

#: Every language of the real content: each has every card.
LANGUAGES = ("en", "es", "de")


def raw_text(pdf: Path) -> str:
    """pdftotext's text of the whole PDF, each page ended by a form feed."""
    return subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_text(pdf: Path) -> str:
    return " ".join(raw_text(pdf).split())


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert match, info.stdout
    return int(match.group(1))


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of each page, read in one pass, without white space: Chromium breaks
    "hip-width" after its hyphen, pdftotext ends the line there."""
    pages = raw_text(pdf).split("\f")[:-1]
    return ["".join(page.replace("\u00ad", "").split()) for page in pages]
