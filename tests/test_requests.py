"""No page asks for something that fails: every page kind in every language, served by the real
nginx of examples/hosting/, opens in Chromium with no response of status 400 or more and no
failed request (Material's language selector once asked for a sitemap beside every
<link rel="alternate">, and pages with no icon link made the browser ask for /favicon.ico).
Also: every page kind names its icon, and filter.js loads only where it filters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext

from .helpers.served_visits import LANGUAGES, each_page, every_page_kind, visit_every_page_kind


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.icons: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "link" and "icon" in (named.get("rel") or "").split():
            self.icons.append(named.get("href") or "")
        if tag == "script" and named.get("src"):
            self.scripts.append(named["src"] or "")


def read_head(site: Path, path: str) -> _Head:
    file = site / (path + "index.html" if not path.endswith("no-such-page/") else "404.html")
    if path.endswith("no-such-page/"):
        file = site / path.replace("no-such-page/", "") / "404.html"
    parser = _Head()
    parser.feed(file.read_text("utf-8"))
    return parser


#: One worker opens the pages for this module and test_csp.py (helpers/served_visits.py).
pytestmark = pytest.mark.xdist_group("served_visits")


def test_every_page_kind_names_its_icon_and_only_the_exercise_index_loads_filter_js(
    served: Any,
) -> None:
    site, _base_url, book = served
    missing, filters = [], []
    for language in LANGUAGES:
        for kind, path in every_page_kind(book).items():
            head = read_head(site, language + path)
            if not head.icons:
                missing.append(language + kind)
            if any(src.endswith("filter.js") for src in head.scripts):
                filters.append(language + kind)
    assert missing == []
    assert filters == ["exercise index", "es/exercise index", "de/exercise index"]


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(viewport={"width": 1280, "height": 900})
    yield made
    made.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "de"])
def test_no_page_makes_a_request_that_fails(
    served: Any, browser: Browser, context: BrowserContext, language: str
) -> None:
    _site, base_url, book = served
    # Watched until the network stayed idle, not only loaded (the browser asks for an icon
    # after the load, when a page names none), and while the page's scripts were at work.
    visits = visit_every_page_kind(browser, base_url, language, book)
    failed = [request for _kind, seen in each_page(visits) for request in seen.failed]
    failed.remove(f"404 {base_url}{language}no-such-page/")  # the page itself answers 404
    assert failed == []
    page = context.new_page()
    # The same-page language links still lead to the same page in each language.
    exercise = book.exercises[0].id
    page.goto(f"{base_url}{language}exercises/{exercise}/", wait_until="networkidle")
    links = page.locator(".md-select__link")
    targets = [link.get_attribute("href") or "" for link in links.all()]
    hrefs = sorted(page.evaluate("(a) => a.map(h => new URL(h, location.href).href)", targets))
    assert hrefs == sorted(f"{base_url}{folder}exercises/{exercise}/" for folder in LANGUAGES)
    page.locator(".md-select").hover()
    links.filter(has=page.locator("xpath=self::*[@hreflang='de']")).click()
    page.wait_for_url(re.compile(re.escape(f"{base_url}de/exercises/{exercise}/") + "$"))
    page.close()
