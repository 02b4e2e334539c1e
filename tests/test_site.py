"""Whole-site checks on the real content: links, red flags, no third parties, own words."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser

from generator.i18n.languages import language
from generator.render.outputs.diagram import draw
from generator.rules.words import frequency_words

from .browser import chromium, open_side_by_side, record_requests
from .conftest import ROOT

EN = language("en")  # words are said in a language: there is no default

SEED = ROOT.parent / "shared" / "seed"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") == "alternate"):
                self.links.append(str(values[name]))


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves(built_site: Any) -> None:
    site, base_url, _ = built_site
    parsed = {page: parse(page) for page in sorted(site.rglob("*.html"))}
    anchors = {page.resolve(): found.ids for page, found in parsed.items()}
    broken = []
    for page, found in parsed.items():
        for link in found.links:
            if link.startswith(base_url):
                link = "/" + link[len(base_url) :]
            parts = urlsplit(link)
            if parts.scheme or (link.startswith(("//", "mailto:", "#")) and not parts.fragment):
                continue
            target = (
                (site / parts.path.lstrip("/"))
                if parts.path.startswith("/")
                else (page.parent / unquote(parts.path))
            )
            if parts.path == "":
                target = page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and parts.fragment not in anchors.get(target.resolve(), ())
            ):
                broken.append(f"{page.relative_to(site)} -> {link} (no such anchor)")
    assert broken == []


class _Text(HTMLParser):
    """The text a reader sees, without scripts, styles or navigation."""

    SKIPPED = ("script", "style", "nav")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping is None and tag in self.SKIPPED:
            self._skipping, self._depth = tag, 0
        if tag == self._skipping:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self._skipping:
            self._depth -= 1
            if self._depth == 0:
                self._skipping = None

    def handle_data(self, data: str) -> None:
        if self._skipping is None:
            self.parts.append(data)


def page_text(page: Path) -> str:
    parser = _Text()
    parser.feed(page.read_text("utf-8"))
    return " ".join(" ".join(parser.parts).split())


def pages_where_patients_exercise(site: Path, book: Any) -> list[Path]:
    pages = []
    for exercise in book.exercises:
        for kind in ("exercises", "cards/exercises", "embed/exercises"):
            pages.append(site / kind / exercise.id / "index.html")
    for plan in book.routines:
        for kind in ("routines", "cards", "embed/routines"):
            pages.append(site / kind / plan.routine.id / "index.html")
    return pages


def test_the_urgent_red_flags_themselves_are_on_every_page_where_patients_exercise(
    built_site: Any,
) -> None:
    site, _, book = built_site
    safety = book.safety
    wanted = [safety.urgent_action, *safety.urgent]
    missing = []
    for page in pages_where_patients_exercise(site, book):
        text = page_text(page)
        missing += [f"{page.relative_to(site)}: {w}" for w in wanted if w not in text]
    assert missing == []


def test_every_exercise_page_and_card_states_how_often(built_site: Any) -> None:
    site, _, book = built_site
    missing = []
    for exercise in book.exercises:
        often = frequency_words(exercise.dosage, lang=EN)
        for kind in ("exercises", "cards/exercises", "embed/exercises"):
            page = site / kind / exercise.id / "index.html"
            if often not in page_text(page):
                missing.append(f"{page.relative_to(site)}: {often}")
    for plan in book.routines:
        page = site / "cards" / plan.routine.id / "index.html"
        text = page_text(page)
        missing += [
            f"{page.relative_to(site)}: {frequency_words(item.dosage, lang=EN)}"
            for item in plan.items
            if frequency_words(item.dosage, lang=EN) not in text
        ]
    assert missing == []


def test_patients_never_read_about_the_source_article(built_site: Any) -> None:
    site, _, _ = built_site
    mentions = [
        str(page.relative_to(site))
        for page in sorted(site.rglob("*.html"))
        if "source article" in page_text(page).lower()
    ]
    assert mentions == []


@pytest.mark.browser
def test_full_pages_make_no_request_to_another_host(built_site: Any) -> None:
    _, base_url, book = built_site
    paths = [
        "",
        "exercises/",
        f"exercises/{book.exercises[0].id}/",
        f"routines/{book.routines[0].routine.id}/",
        "causes/",
        "references/",
    ]
    with chromium() as browser:
        context = browser.new_context()
        recorded: list[list[str]] = []
        open_side_by_side(
            context,
            [base_url + path for path in paths],
            lambda p: recorded.append(record_requests(p)),
        )
        seen = [url for urls in recorded for url in urls]
        foreign = [url for url in seen if url.startswith("http") and not url.startswith(base_url)]
        assert seen and foreign == []
        assert context.cookies() == []
        context.close()


@pytest.mark.browser
def test_exercise_filters_widen_within_a_group_and_narrow_across_groups(
    built_site: Any, browser: Browser
) -> None:
    _, base_url, book = built_site
    page = browser.new_page()
    page.goto(base_url + "exercises/")
    cards = "[data-hb-filter-list] > li:not([hidden])"

    def shown() -> int:
        return int(page.eval_on_selector_all(cards, "cards => cards.length"))

    def press(group: str, label: str) -> None:
        page.get_by_role("group", name=group).get_by_role("button", name=label).click()

    status = page.get_by_role("status")
    press("Position", "Standing")
    standing = [e for e in book.exercises if e.position == "standing"]
    assert shown() == len(standing) > 0
    assert status.inner_text() == f"Showing {len(standing)} of {len(book.exercises)} exercises."
    press("Position", "Lying down")
    either = [e for e in book.exercises if e.position in ("standing", "lying")]
    assert shown() == len(either) > len(standing)
    press("You need", "Nothing")
    both = [e for e in either if "none" in e.equipment]
    assert shown() == len(both) < len(either)
    page.get_by_role("button", name="Clear the filters").click()
    assert shown() == len(book.exercises)
    assert page.get_by_role("button", pressed=True).count() == 0
    assert status.inner_text() == f"Showing all {len(book.exercises)} exercises."
    page.close()


def test_causes_diagram_is_xml_with_every_label_and_follows_the_data(built_site: Any) -> None:
    _, _, book = built_site
    causes = book.causes
    svg = draw(causes, "Title", "Description")
    root = ElementTree.fromstring(svg)
    text = " ".join(" ".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for node in causes.nodes:
        for word in node.label.split():
            assert word in text.replace("&#39;", "'"), node.label
    fewer = causes.model_copy(update={"links": causes.links[:-1]})
    assert draw(fewer, "Title", "Description") != svg


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(p.split()).lower() for p in parts if len(p.split()) >= 6]


@pytest.mark.skipif(not SEED.is_dir(), reason="shared/seed is not beside this checkout")
def test_no_sentence_of_the_source_article_is_copied() -> None:
    article = "\n".join(p.read_text("utf-8") for p in SEED.glob("*.txt"))
    ours = " ".join(
        " ".join(p.read_text("utf-8").split()).lower() for p in (ROOT / "content").rglob("*.yml")
    )
    copied = [s for s in sentences(article) if s.rstrip(".!?") in ours]
    assert copied == []


def test_no_overclaim_in_the_content() -> None:
    ours = " ".join(p.read_text("utf-8").lower() for p in (ROOT / "content").rglob("*.yml"))
    for claim in (
        "fix everything",
        "fixes back pain",
        "cures",
        "activates blood flow",
        "activate blood flow",
        "treat back pain without",
    ):
        assert claim not in ours, claim
