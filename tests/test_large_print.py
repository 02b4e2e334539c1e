"""Large-print cards (issue 31), printed by real headless Chromium: every routine and exercise
card, in every language, on the number of sheets its page states, A4 and Letter alike, with
no exercise split across sheets, the red flags and the weakness warning on the first sheet,
body text of at least 16 pt and pictures at least 60 mm wide, in black and white."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .browser import SCREENSHOTS
from .helpers.pdfs import LANGUAGES, pdf_pages

pytestmark = pytest.mark.browser

PX_PER_MM = 96 / 25.4
#: The width A4 and US Letter share inside the cards' 8 mm margins, as a print viewport.
SHEET_WIDTH = round(194 * PX_PER_MM)


def large_cards(site: Path, lang: str) -> list[str]:
    """The addresses of the large-print cards of `lang`, relative to the site."""
    root = site if lang == "en" else site / lang
    return sorted(
        path.parent.relative_to(site).as_posix() + "/"
        for path in (root / "cards").rglob("large/index.html")
    )


def page_text(pdf: Path, number: int) -> str:
    text = subprocess.run(
        ["pdftotext", "-raw", "-f", str(number), "-l", str(number), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Without spaces: Chromium breaks "hip-width" after its hyphen, pdftotext ends the line.
    return "".join(text.replace("\u00ad", "").split())


#: For each exercise's box: the start of its first line of text and the end of its last.
ENDS_OF_EACH_EXERCISE = """() => [...document.querySelectorAll('.hb-large-item')].map(box => {
  const words = e => e.innerText.replace(/\\u00ad/g, '').split(/\\s+/).join(' ').trim();
  const items = [...box.querySelectorAll('li')];
  return [words(box.querySelector('.hb-card-dosebox p')).slice(0, 40),
          words(items[0]).slice(0, 40), words(items[items.length - 1]).slice(-40)];
})"""

#: What must be on the first sheet: the weakness warning, the stop rule, the red flags.
FIRST_SHEET = """() => {
  const first = document.querySelector('.hb-large-sheet');
  const words = e => e.innerText.replace(/\\u00ad/g, '').split(/\\s+/).join(' ').trim();
  return [...first.querySelectorAll('.hb-card-stop strong, .hb-red-flags h2, .hb-red-flags li')]
    .map(words);
}"""


def open_card(browser: Browser, url: str) -> Page:
    """The card at `url`, laid out for print. Its load event is enough: a card's one script,
    card.js (deferred, so run before the event), fetches nothing, and its pictures and styles
    are in the page, so waiting for the network to stay idle (half a second) adds nothing."""
    page = browser.new_page(viewport={"width": SHEET_WIDTH, "height": 1100})
    page.emulate_media(media="print")
    page.goto(url, wait_until="load")
    return page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_large_print_card_prints_its_sheets_with_each_exercise_on_one(
    built_site: Any, browser: Browser, tmp_path: Path, lang: str
) -> None:
    site, base_url, book = built_site
    cards = large_cards(site, lang)
    assert len(cards) == len(book.routines) + len(book.exercises)
    problems = []
    for card in cards:
        page = open_card(browser, base_url + card)
        stated = int(page.get_attribute("[data-hb-sheets]", "data-hb-sheets") or 0)
        toolbar = page.inner_text(".hb-card-toolbar")
        assert f" {stated} " in f" {toolbar} ", f"{card}: the page says how many sheets"
        boxes = page.evaluate(ENDS_OF_EACH_EXERCISE)
        first = page.evaluate(FIRST_SHEET)
        assert len(first) == 3 + len(book.safety.urgent), f"{card}: {first}"
        for paper in ("A4", "Letter"):
            pdf = tmp_path / f"{paper}.pdf"
            pdf.write_bytes(page.pdf(format=paper))
            pages = pdf_pages(pdf)
            if pages != stated:
                problems.append(f"{card} {paper}: {pages} sheets, the page says {stated}")
                continue
            texts = [page_text(pdf, number) for number in range(1, pages + 1)]
            for line in first:
                if "".join(line.split()) not in texts[0]:
                    problems.append(f"{card} {paper}: not on the first sheet: {line}")
            sheet = 0  # the boxes come in order: look for each from the last one's sheet
            for box in boxes:
                ends = ["".join(end.split()) for end in box]
                sheet = next((n for n in range(sheet, pages) if ends[0] in texts[n]), pages)
                if sheet == pages or not all(end in texts[sheet] for end in ends):
                    problems.append(f"{card} {paper}: an exercise split or lost: {box}")
                    break
        page.close()
    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_large_print_is_16pt_with_60mm_pictures_in_black_and_white(
    built_site: Any, browser: Browser, lang: str
) -> None:
    site, base_url, _book = built_site
    for card in large_cards(site, lang):
        page = open_card(browser, base_url + card)
        sizes = page.eval_on_selector_all(
            ".hb-large *:not(svg):not(svg *)",
            "els => els.filter(e => e.getClientRects().length && [...e.childNodes].some("
            "n => n.nodeType === 3 && n.textContent.trim())).map(e => "
            "[parseFloat(getComputedStyle(e).fontSize), e.textContent.trim().slice(0, 40)])",
        )
        assert sizes, card
        assert "<" not in page.inner_text(".hb-large"), f"{card}: markup shown as text"
        assert page.locator(".hb-large .hb-tick").count() >= 7, f"{card}: the week's log"
        small = [text for size, text in sizes if size < 16 * 96 / 72 - 0.01]
        assert small == [], f"{card}: under 16 pt: {small}"
        widths = page.eval_on_selector_all(
            ".hb-large .hb-card-picture", "els => els.map(e => e.getBoundingClientRect().width)"
        )
        assert widths and min(widths) >= 60 * PX_PER_MM, (card, widths)
        colours = page.eval_on_selector_all(
            ".hb-large, .hb-large *",
            "els => els.map(e => { const s = getComputedStyle(e);"
            " return [s.color, s.backgroundColor, s.borderTopColor]; }).flat()",
        )
        grey = {
            c
            for c in colours
            if len({v.strip() for v in c[c.index("(") + 1 : -1].split(",")[:3]}) == 1
        }
        assert set(colours) == grey, f"{card}: colour in {set(colours) - grey}"
        page.close()


def test_each_card_links_its_large_print_and_back_with_links_hidden_in_print(
    built_site: Any, browser: Browser
) -> None:
    _site, base_url, book = built_site
    plan, exercise = book.routines[0], book.exercises[0]
    for card in (f"cards/{plan.routine.id}/", f"cards/exercises/{exercise.id}/"):
        for lang in LANGUAGES:
            prefix = "" if lang == "en" else f"{lang}/"
            page = browser.new_page()
            page.goto(f"{base_url}{prefix}{card}")
            link = page.locator('.hb-card-toolbar a[href="large/"]')
            assert link.count() == 1, (lang, card)
            page.emulate_media(media="print")
            assert not link.is_visible(), "the link is hidden on paper"
            page.emulate_media(media="screen")
            link.click()
            page.wait_for_url(f"{base_url}{prefix}{card}large/")
            assert page.locator(".hb-large").count() == 1
            assert page.locator('.hb-card-toolbar a[href="../"]').count() == 1
            page.close()


def test_a_large_print_card_as_a_picture(built_site: Any, browser: Browser, tmp_path: Path) -> None:
    """Renders the longest routine's large-print card, in German, to PNGs for a person to
    look at (build/screenshots/large-print-*.png); checks they are not blank."""
    _site, base_url, book = built_site
    longest = max(book.routines, key=lambda plan: len(plan.items))
    page = open_card(browser, f"{base_url}de/cards/{longest.routine.id}/large/")
    pdf = tmp_path / "large.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    page.close()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"large-print-de-{longest.routine.id}"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(target)], check=True)
    pictures = sorted(SCREENSHOTS.glob(f"{target.name}-*.png"))
    assert len(pictures) == pdf_pages(pdf)
    assert all(picture.stat().st_size > 20_000 for picture in pictures)


def test_the_programme_page_prints_its_card_in_large_print(
    built_site: Any, browser: Browser, tmp_path: Path
) -> None:
    """Ticked, "Print in large print" prints the programme's card at 16 pt, the safety first
    and each exercise whole on a sheet; after printing the card is the one-page card again."""
    from .helpers.builder import five_exercise_link

    _site, base_url, book = built_site
    page = browser.new_page(viewport={"width": SHEET_WIDTH, "height": 1100})
    page.goto(five_exercise_link(page, base_url))
    page.wait_for_selector("[data-hb-card] .hb-card-item", state="attached")
    page.get_by_label("Print in large print").check()
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator("[data-hb-card] .hb-card.hb-large").count() == 1
    sizes = page.eval_on_selector_all(
        ".hb-large .hb-card-item *:not(svg):not(svg *), .hb-large-safety *",
        "els => els.filter(e => e.getClientRects().length && [...e.childNodes].some("
        "n => n.nodeType === 3 && n.textContent.trim()))"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert sizes and min(sizes) >= 16 * 96 / 72 - 0.01, min(sizes)
    names = page.eval_on_selector_all(
        ".hb-large .hb-card-item h2", "els => els.map(e => e.innerText.split(/\\s+/).join(''))"
    )
    pdf = tmp_path / "programme.pdf"
    pdf.write_bytes(page.pdf(format="Letter"))
    texts = [page_text(pdf, number) for number in range(1, pdf_pages(pdf) + 1)]
    assert "".join(book.safety.weakness.split()) in texts[0]
    assert "".join(book.safety.urgent_action.split()) in texts[0]
    assert len(texts) > 1 and all(any(name in text for text in texts) for name in names)
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.locator(".hb-large, .hb-large-safety").count() == 0
    assert page.locator("[data-hb-card] .hb-card-foot .hb-red-flags").count() == 1
    page.close()
