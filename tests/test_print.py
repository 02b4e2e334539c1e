"""Printing a page from the browser: an exercise page is the exercise, on one sheet, in
every language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from .test_cards import LANGUAGES, pdf_pages, pdf_text

pytestmark = pytest.mark.browser

#: The text a printed exercise page must keep, as the browser lays it out for print: every
#: list item (steps, tips, mistakes, every caution, the red flags, easier and harder) and
#: every paragraph of a box (when to stop, the one-sided weakness warning, the red flags'
#: introduction). Whatever print hides (the code for clinics, the routines using it) has no
#: box, so it is not asked for.
PRINTED_TEXT = """() => [...document.querySelectorAll(
    '.md-content__inner li, .md-content__inner .admonition > p:not(.admonition-title)')]
  .filter(e => e.getClientRects().length > 0)
  .map(e => e.innerText.split(/\\s+/).join(' ').trim())
  .filter(Boolean)"""


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_exercise_page_prints_on_one_sheet_with_its_safety_text(
    built_site: Any, browser: Browser, tmp_path: Path, paper: str, lang: str
) -> None:
    _, base_url, book = built_site
    prefix = "" if lang == "en" else f"{lang}/"
    page = browser.new_page()
    page.emulate_media(media="print")
    spilled, missing = [], []
    for exercise in book.exercises:
        page.goto(f"{base_url}{prefix}exercises/{exercise.id}/", wait_until="networkidle")
        kept = page.evaluate(PRINTED_TEXT)
        assert len(kept) > len(exercise.steps) + 4, f"{lang} {exercise.id}: {kept}"
        pdf = tmp_path / f"{exercise.id}.pdf"
        pdf.write_bytes(page.pdf(format=paper))
        if pdf_pages(pdf) != 1:
            spilled.append(exercise.id)
        text = pdf_text(pdf)
        assert "<iframe" not in text and "embed.js" not in text
        missing += [(exercise.id, line) for line in kept if line not in text]
        if lang == "en":
            assert book.safety.urgent_action in text and book.safety.weakness in text
            assert exercise.steps[0][:30] in text
    page.close()
    assert spilled == [], f"{lang} on {paper}: these exercise pages print on two sheets"
    assert missing == []
