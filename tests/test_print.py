"""Printing a page from the browser: an exercise page is the exercise, on one sheet, in
every language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from .helpers.pdfs import LANGUAGES, pdf_pages, pdf_text

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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_exercise_page_prints_on_one_sheet_with_its_safety_text(
    built_site: Any, browser: Browser, tmp_path: Path, lang: str
) -> None:
    """On A4 and on Letter: each page is opened once and printed on both."""
    _, base_url, book = built_site
    prefix = "" if lang == "en" else f"{lang}/"
    page = browser.new_page()
    page.emulate_media(media="print")
    spilled, missing = [], []
    for exercise in book.exercises:
        # Loaded is enough: what comes later (the search index) does not change the print.
        page.goto(f"{base_url}{prefix}exercises/{exercise.id}/", wait_until="load")
        kept = page.evaluate(PRINTED_TEXT)
        assert len(kept) > len(exercise.steps) + 4, f"{lang} {exercise.id}: {kept}"
        for paper in ("A4", "Letter"):
            pdf = tmp_path / f"{exercise.id}-{paper}.pdf"
            pdf.write_bytes(page.pdf(format=paper))
            if pdf_pages(pdf) != 1:
                spilled.append((exercise.id, paper))
            text = pdf_text(pdf)
            assert "<iframe" not in text and "embed.js" not in text
            missing += [(exercise.id, paper, line) for line in kept if line not in text]
            if lang == "en":
                assert book.safety.urgent_action in text and book.safety.weakness in text
                assert exercise.steps[0][:30] in text
    page.close()
    assert spilled == [], f"{lang}: these exercise pages print on two sheets"
    assert missing == []


LONGEST = """([n]) => {
  const size = (e) => e.card.lines["large-steps"] + e.name.length;
  const longest = [...CAT.exercises].sort((a, b) => size(b) - size(a)).slice(0, n);
  return HandbookProgramme.encode({times: 1, days: 5, note: "", items: longest.map((e) => ({
    id: e.id, hold_seconds: e.dosage.hold_seconds, duration_seconds: e.dosage.duration_seconds,
    reps: e.dosage.reps, sets: e.dosage.sets}))});
}"""

#: The card's height and the height of each of its parts, as printed.
PRINTED_SIZE = """(card) => [card, ...card.querySelectorAll('*')]
  .map((e) => Math.round(e.getBoundingClientRect().height))"""


@pytest.mark.parametrize("folder", ["", "es/", "de/"])
def test_the_builders_own_print_fits_one_sheet_with_the_longest_exercises(
    built_site: Any, browser: Browser, tmp_path: Path, folder: str
) -> None:
    """The builder's Print (the builder page itself), 1 to 5 of the language's longest
    exercises, on A4 and Letter; the programme page prints the same card (same layout, and
    the same size on paper: the pages' own styles leave the card's alone)."""
    from .programme_js import install_programme_api

    _, base_url, _book = built_site
    page = browser.new_page()
    spilled = []
    for count in range(1, 6):
        page.goto(f"{base_url}{folder}builder/")
        page.wait_for_selector(".hb-pick-box:not([disabled])")
        install_programme_api(page)
        page.evaluate(
            "async () => { window.CAT = await (await fetch('../api/v1/exercises.json')).json(); }"
        )
        fragment = page.evaluate(LONGEST, [count])
        layouts, sizes = [], []
        for kind in ("builder", "programme"):
            page.goto(f"{base_url}{folder}{kind}/#{fragment}")
            page.reload()  # the builder reads its link when it loads
            page.wait_for_selector("[data-hb-card] .hb-card", state="attached")
            layouts.append(page.locator(".hb-card").get_attribute("data-fit"))
            page.emulate_media(media="print")
            sizes.append(page.locator(".hb-card").evaluate(PRINTED_SIZE))
            page.emulate_media(media="null")  # none again: page.pdf prints with print styles
            if kind == "builder":
                for paper in ("A4", "Letter"):
                    pdf = tmp_path / f"{count}-{paper}.pdf"
                    pdf.write_bytes(page.pdf(format=paper))
                    if pdf_pages(pdf) != 1:
                        spilled.append((paper, count))
        assert layouts[0] == layouts[1], (count, layouts)
        assert sizes[0] == sizes[1], (count, sizes)
    page.close()
    assert spilled == []
