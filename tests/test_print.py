"""Printing a page from the browser: an exercise page is the exercise, on one sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from .test_cards import pdf_pages, pdf_text

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_exercise_page_prints_on_one_sheet_without_the_clinics_code(
    built_site: Any, browser: Browser, tmp_path: Path, paper: str
) -> None:
    _, base_url, book = built_site
    page = browser.new_page()
    spilled = []
    for exercise in book.exercises:
        page.goto(f"{base_url}exercises/{exercise.id}/", wait_until="networkidle")
        pdf = tmp_path / f"{exercise.id}.pdf"
        pdf.write_bytes(page.pdf(format=paper))
        if pdf_pages(pdf) != 1:
            spilled.append(exercise.id)
        text = pdf_text(pdf)
        assert "<iframe" not in text and "embed.js" not in text
        assert book.safety.urgent_action in text and exercise.steps[0][:30] in text
    page.close()
    assert spilled == []
