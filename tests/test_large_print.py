"""Large-print cards (issue 31), printed by real headless Chromium: every routine and exercise
card, in every language, on the number of sheets its page states, A4 and Letter alike, with
no exercise split across sheets, the red flags and the weakness warning on the first sheet,
body text of at least 16 pt and pictures at least 60 mm wide, in black and white."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .browser import SCREENSHOTS
from .helpers.pdfs import LANGUAGES, pdf_page_texts, pdf_pages

#: One worker runs the module, so that each card is opened and printed once (LargeCard).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("large_print")]

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


def print_page(browser: Browser) -> Page:
    """A page as wide as a sheet inside the cards' margins, laid out for print."""
    page = browser.new_page(viewport={"width": SHEET_WIDTH, "height": 1100})
    page.emulate_media(media="print")
    return page


def open_card(browser: Browser, url: str) -> Page:
    """The card at `url` in a print_page. Its load event is enough: a card's one script,
    card.js (deferred, so run before the event), fetches nothing, and its pictures and styles
    are in the page, so waiting for the network to stay idle (half a second) adds nothing."""
    page = print_page(browser)
    page.goto(url, wait_until="load")
    return page


#: The font size and the start of the text of each element that shows text.
TEXT_SIZES = """els => els.filter(e => e.getClientRects().length && [...e.childNodes].some(
  n => n.nodeType === 3 && n.textContent.trim())).map(e =>
  [parseFloat(getComputedStyle(e).fontSize), e.textContent.trim().slice(0, 40)])"""

#: The text, background and border colour of every element.
COLOURS = """els => els.map(e => { const s = getComputedStyle(e);
  return [s.color, s.backgroundColor, s.borderTopColor]; }).flat()"""


@dataclass
class LargeCard:
    """One large-print card as Chromium lays it out for print, and its text on each sheet
    of each paper. Each card is opened once for both tests below (opening and printing
    them is most of this module's time)."""

    url: str
    stated: int
    toolbar: str
    boxes: list[list[str]]
    first: list[str]
    sizes: list[tuple[float, str]]
    shown: str
    ticks: int
    widths: list[float]
    colours: list[str]
    sheets: dict[str, list[str]] = field(default_factory=dict)


_visited: dict[tuple[str, str], list[LargeCard]] = {}


def large_print_cards(built_site: Any, browser: Browser, lang: str) -> list[LargeCard]:
    """Every large-print card of `lang`, opened and printed on A4 and Letter (once a session)."""
    site, base_url, _book = built_site
    if (base_url, lang) not in _visited:
        page = print_page(browser)  # one page goes from card to card: each is a new document
        try:
            _visited[base_url, lang] = [
                visit(page, base_url, card) for card in large_cards(site, lang)
            ]
        finally:
            page.close()
    return _visited[base_url, lang]


def visit(page: Page, base_url: str, card: str) -> LargeCard:
    page.goto(base_url + card, wait_until="load")  # see open_card
    found = LargeCard(
        url=card,
        stated=int(page.get_attribute("[data-hb-sheets]", "data-hb-sheets") or 0),
        toolbar=page.inner_text(".hb-card-toolbar"),
        boxes=page.evaluate(ENDS_OF_EACH_EXERCISE),
        first=page.evaluate(FIRST_SHEET),
        sizes=page.eval_on_selector_all(".hb-large *:not(svg):not(svg *)", TEXT_SIZES),
        shown=page.inner_text(".hb-large"),
        ticks=page.locator(".hb-large .hb-tick").count(),
        widths=page.eval_on_selector_all(
            ".hb-large .hb-card-picture", "els => els.map(e => e.getBoundingClientRect().width)"
        ),
        colours=page.eval_on_selector_all(".hb-large, .hb-large *", COLOURS),
    )
    with tempfile.TemporaryDirectory() as folder:
        for paper in ("A4", "Letter"):
            pdf = Path(folder) / f"{paper}.pdf"
            pdf.write_bytes(page.pdf(format=paper))
            found.sheets[paper] = pdf_page_texts(pdf)
            assert len(found.sheets[paper]) == pdf_pages(pdf), f"{card}: form feeds are not sheets"
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_large_print_card_prints_its_sheets_with_each_exercise_on_one(
    built_site: Any, browser: Browser, lang: str
) -> None:
    _site, _base_url, book = built_site
    cards = large_print_cards(built_site, browser, lang)
    assert len(cards) == len(book.routines) + len(book.exercises)
    problems = []
    for card in cards:
        assert f" {card.stated} " in f" {card.toolbar} ", f"{card.url}: says how many sheets"
        assert len(card.first) == 3 + len(book.safety.urgent), f"{card.url}: {card.first}"
        for paper, texts in card.sheets.items():
            pages = len(texts)
            if pages != card.stated:
                problems.append(f"{card.url} {paper}: {pages} sheets, the page says {card.stated}")
                continue
            for line in card.first:
                if "".join(line.split()) not in texts[0]:
                    problems.append(f"{card.url} {paper}: not on the first sheet: {line}")
            sheet = 0  # the boxes come in order: look for each from the last one's sheet
            for box in card.boxes:
                ends = ["".join(end.split()) for end in box]
                sheet = next((n for n in range(sheet, pages) if ends[0] in texts[n]), pages)
                if sheet == pages or not all(end in texts[sheet] for end in ends):
                    problems.append(f"{card.url} {paper}: an exercise split or lost: {box}")
                    break
    assert problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_large_print_is_16pt_with_60mm_pictures_in_black_and_white(
    built_site: Any, browser: Browser, lang: str
) -> None:
    for card in large_print_cards(built_site, browser, lang):
        assert card.sizes, card.url
        assert "<" not in card.shown, f"{card.url}: markup shown as text"
        assert card.ticks >= 7, f"{card.url}: the week's log"
        small = [text for size, text in card.sizes if size < 16 * 96 / 72 - 0.01]
        assert small == [], f"{card.url}: under 16 pt: {small}"
        assert card.widths and min(card.widths) >= 60 * PX_PER_MM, (card.url, card.widths)
        grey = {
            c
            for c in card.colours
            if len({v.strip() for v in c[c.index("(") + 1 : -1].split(",")[:3]}) == 1
        }
        assert set(card.colours) == grey, f"{card.url}: colour in {set(card.colours) - grey}"


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
    texts = pdf_page_texts(pdf)
    assert "".join(book.safety.weakness.split()) in texts[0]
    assert "".join(book.safety.urgent_action.split()) in texts[0]
    assert len(texts) > 1 and all(any(name in text for text in texts) for name in names)
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.locator(".hb-large, .hb-large-safety").count() == 0
    assert page.locator("[data-hb-card] .hb-card-foot .hb-red-flags").count() == 1
    page.close()
