"""How the pages fare as a phone on a slow connection sees them: the builder does not jump as its
script starts, the search dialog has a name, the largest picture of a page loads first, and
(marked `audit`) every page kind scores 0.9 or more in performance, accessibility and best
practices by Lighthouse, served compressed by the real nginx of examples/hosting/
(scripts/audit.py, `make audit`)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from .conftest import ROOT

LANGUAGES = ("", "es/", "de/")

#: Every layout shift not caused by the reader, summed (Cumulative Layout Shift, as Chromium
#: reports it to a PerformanceObserver).
OBSERVE_SHIFTS = """
window.__hbShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__hbShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""
#: Two frames after now, so that every shift so far has reached the observer.
SETTLED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "de"])
def test_the_builder_does_not_jump_on_a_phone(
    browser: Browser, built_site: Any, language: str
) -> None:
    """At 375 px, on a slow connection (the catalogue arrives well after the first paint),
    the page shifts less than 0.1 from opening until the builder is ready."""
    _site, base_url, _book = built_site
    context = browser.new_context(
        viewport={"width": 375, "height": 667}, device_scale_factor=2, is_mobile=True
    )
    try:
        context.add_init_script(OBSERVE_SHIFTS)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": 150,
                "downloadThroughput": 200_000,
                "uploadThroughput": 90_000,
            },
        )
        page.goto(f"{base_url}{language}builder/")
        page.locator("[data-hb-status][hidden]").wait_for(state="attached")  # the builder is ready
        expect(page.locator(".hb-pick-box").first).to_be_enabled()
        page.evaluate(SETTLED)
        shift = page.evaluate("window.__hbShift")
        assert shift < 0.1, f"the builder shifts by {shift:.3f}"
        # The controls the script wires were there from the start, and work.
        page.locator(".hb-pick-box").first.check()
        expect(page.locator(".hb-chosen li")).to_have_count(1)
    finally:
        context.close()


@pytest.mark.browser
def test_the_builder_that_cannot_start_is_the_list_of_links(
    browser: Browser, built_site: Any
) -> None:
    """Where script runs but the catalogue cannot be read, the page is the plain list again."""
    _site, base_url, book = built_site
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/*.json", lambda route: route.abort())
        page.goto(f"{base_url}builder/")
        expect(page.locator("[data-hb-builder][data-hb-failed]")).to_have_count(1)
        expect(page.locator("[data-hb-status]")).to_be_visible()
        expect(page.locator(".hb-pick-box:visible")).to_have_count(0)
        expect(page.locator("[data-hb-start]")).to_be_hidden()
        names = [link.inner_text() for link in page.locator(".hb-pick-link").all()]
        assert names == [exercise.name for exercise in book.exercises]
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "name"),
    [("", "Search"), ("es/", "Buscar"), ("de/", "Suche")],
    ids=["en", "es", "de"],
)
def test_the_search_dialog_has_a_name_in_the_page_language(
    browser: Browser, built_site: Any, language: str, name: str
) -> None:
    _site, base_url, _book = built_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{base_url}{language}safety/")
        page.locator("input.md-search__input").click()
        expect(page.get_by_role("dialog", name=name, exact=True)).to_be_visible()
    finally:
        context.close()


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


def images(file: Path) -> list[dict[str, str | None]]:
    parser = _Images()
    parser.feed(file.read_text("utf-8"))
    return parser.images


def test_the_largest_picture_of_a_page_loads_first(built_site: Any) -> None:
    """Exercise, card and embed pages: the first (largest) picture of the exercises is
    fetchpriority=high, and no other picture of the page."""
    site, _base_url, book = built_site
    exercise, routine = book.exercises[0].id, book.routines[0].routine.id
    for language in LANGUAGES:
        for path in (
            f"exercises/{exercise}/",
            f"cards/exercises/{exercise}/",
            f"cards/{routine}/",
            f"embed/exercises/{exercise}/",
            f"embed/routines/{routine}/",
        ):
            found = images(site / language / path / "index.html")
            pictures = [i for i in found if "/assets/images/" in (i.get("src") or "")]
            assert pictures, language + path
            first = pictures[0]
            assert first.get("fetchpriority") == "high", language + path
            assert first.get("loading") != "lazy", language + path
            others = [i for i in found[found.index(first) + 1 :] if i.get("fetchpriority")]
            assert others == [], language + path


def lighthouse_ready() -> str | None:
    """Why the audit cannot run here, or None."""
    if not (ROOT / "node_modules" / ".bin" / "lighthouse").exists():
        return "Lighthouse is not installed: run `make audit` (it installs it)"
    if not shutil.which("node"):
        return "node is missing"
    return None


@pytest.mark.audit
@pytest.mark.browser  # Lighthouse drives Chromium: the quick run (-m "not browser") leaves it out
def test_every_page_kind_scores_at_least_0_9(tmp_path: Path) -> None:
    """scripts/audit.py: Lighthouse's mobile audit (slow 4G, 4x slower processor) of each page
    kind in English, behind nginx with the hosting example's compression."""
    why = lighthouse_ready()
    if why:
        pytest.fail(why)
    from scripts.audit import CATEGORIES, audit_site

    scores = audit_site(tmp_path)
    low = {
        kind: {c: s for c, s in found.items() if s is None or s < 0.9}
        for kind, found in scores.items()
    }
    low = {kind: found for kind, found in low.items() if found}
    assert set(next(iter(scores.values()))) == set(CATEGORIES)
    assert low == {}, "\n".join(f"{kind}: {found}" for kind, found in low.items())


def test_nginx_serves_the_pages_compressed() -> None:
    """The hosting example compresses text (HTML, CSS, JS, JSON, SVG): the audit measures it."""
    text = (ROOT / "examples" / "hosting" / "nginx.conf").read_text("utf-8")
    assert re.search(r"^gzip on;", text, re.M)
    types = re.search(r"^gzip_types ([^;]+);", text, re.M)
    assert types is not None
    for kind in ("text/css", "application/javascript", "application/json", "image/svg+xml"):
        assert kind in types.group(1).split()
