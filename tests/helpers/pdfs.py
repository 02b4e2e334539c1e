"""Reading the PDFs Chromium prints: their text and their number of pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

#: Every language of the real content: each has every card.
LANGUAGES = ("en", "es", "de")


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert match, info.stdout
    return int(match.group(1))


def pdf_page_texts(pdf: Path) -> list[str]:
    """The raw text of each page, read in one pass (pdftotext ends every page with a form
    feed), without white space: Chromium breaks "hip-width" after its hyphen, pdftotext ends
    the line there."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return ["".join(page.replace("\u00ad", "").split()) for page in text.split("\f")[:-1]]
