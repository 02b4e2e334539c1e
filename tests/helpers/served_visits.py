"""Every page kind of the nginx-served site (the `served` fixture), one language at a time,
opened side by side in Chromium with its scripts set to work: search, the filters, the
builder and the programme it links to, the guided session, the colour toggle, the copy
button, the back-to-top button. Both the content security policy test (test_csp.py) and the
request test (test_requests.py) read what one visit saw, so each page is opened once a
session instead of once for each (the two modules: 73 CPU-s before, 50 after). Both
modules are one xdist group, so that one worker makes the visits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Browser, Page, Response, expect

from ..browser import open_side_by_side
from .pages import csp_page_kinds

LANGUAGES = ("", "es/", "de/")

# Every violation a document (page or frame) sees, kept on its window for the test to read,
# and every inline style or script Chromium refused, as it says on the console.
RECORD_VIOLATIONS = """
window.__hbViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__hbViolations.push([e.effectiveDirective, e.blockedURI,
    e.sourceFile + ":" + e.lineNumber, e.sample].join(" "));
});
"""


def every_page_kind(book: Any) -> dict[str, str]:
    """The policy's page kinds, and the pages the builder and the phone companion lead to."""
    return {**csp_page_kinds(book), "programme": "programme/", "progress": "progress/"}


@dataclass
class KindVisit:
    """What one page kind's visit saw: its own response, and for the builder also the
    programme page its link opened (`followed`)."""

    path: str
    status: int
    headers: dict[str, str]
    #: Policy violations, the console's policy complaints and script errors.
    problems: list[str] = field(default_factory=list)
    #: Responses of status 400 or more and failed requests, the page's own included.
    failed: list[str] = field(default_factory=list)
    followed: KindVisit | None = None


class _Watch:
    """Listens to one page for every policy violation, console complaint, script error and
    failed request, from before it opens until it closes."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.failed: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("response", self._response)
        page.on("requestfailed", lambda r: self.failed.append(f"failed ({r.failure}) {r.url}"))

    def _console(self, message: Any) -> None:
        text = message.text
        if message.type == "error" and ("Content Security Policy" in text or "Refused" in text):
            self.problems.append(f"console: {text}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def open(self, url: str) -> Response:
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None, url
        return response

    def collect(self, where: str) -> None:
        """Violations seen by the page and its frames so far; the page keeps recording."""
        for frame in self.page.frames:
            seen = frame.evaluate("window.__hbViolations ? window.__hbViolations.splice(0) : []")
            self.problems += [f"{where} ({frame.url}): {item}" for item in seen]

    def take(self, kind: str, path: str, response: Response) -> KindVisit:
        """What was seen since the last take, as `kind`'s visit."""
        self.collect(kind)
        seen = KindVisit(path, response.status, dict(response.headers), self.problems, self.failed)
        self.problems, self.failed = [], []
        return seen


def each_page(visits: dict[str, KindVisit]) -> Iterator[tuple[str, KindVisit]]:
    """Every page visited, by kind: the programme the builder's link opened as well."""
    for kind, seen in visits.items():
        yield kind, seen
        if seen.followed is not None:
            yield "programme", seen.followed


_visited: dict[tuple[str, str], dict[str, KindVisit]] = {}


def visit_every_page_kind(
    browser: Browser, base_url: str, language: str, book: Any
) -> dict[str, KindVisit]:
    """Every page kind of `language` ("", "es/" or "de/"), by name, visited once a session."""
    if (base_url, language) not in _visited:
        _visited[base_url, language] = _visit(browser, base_url, language, book)
    return _visited[base_url, language]


def _visit(browser: Browser, base_url: str, language: str, book: Any) -> dict[str, KindVisit]:
    kinds = every_page_kind(book)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    watches: dict[Page, _Watch] = {}
    try:
        # Side by side: the half second with no request that "networkidle" waits for is
        # waited for once, not once a page.
        opened = open_side_by_side(
            context,
            [base_url + language + path for path in kinds.values()],
            lambda page: watches.setdefault(page, _Watch(page)),
        )
        seen = {}
        for (kind, path), (page, response) in zip(kinds.items(), opened, strict=True):
            watch = watches[page]
            set_to_work(page, kind, base_url + language)
            if kind == "builder":
                link = tick_exercises(page)
                seen[kind] = watch.take(kind, language + path, response)
                followed = watch.open(link)
                page.wait_for_selector("[data-hb-view]:not([hidden])")
                start_session(page)
                seen[kind].followed = watch.take("programme", language + "programme/", followed)
            else:
                seen[kind] = watch.take(kind, language + path, response)
            page.close()
        return seen
    finally:
        context.close()


def set_to_work(page: Page, kind: str, base: str) -> None:
    """The page kind's scripts, used as a reader does."""
    if page.locator(".md-header").count():
        # md-scope.js found the language's base from its own address, as Material's
        # inline script did from base_url.
        assert page.evaluate("__md_scope.href") == base, kind
    if kind == "exercise index":
        page.locator("button.hb-filter").first.click()
        page.wait_for_selector("[data-hb-filter-list] li[hidden]", state="attached")
        assert page.locator("button.hb-filter").first.get_attribute("aria-pressed") == "true"
    if kind == "exercise":
        copy_snippet(page)
        search(page)
    if kind == "home":
        toggle_colours(page)
    if kind == "routine":
        start_session(page)
    if kind == "safety":  # Material's back-to-top button, shown when scrolling back up
        page.mouse.wheel(0, 4000)
        page.locator(".md-header--shadow").wait_for()
        page.mouse.wheel(0, -300)
        page.locator(".md-top").wait_for(state="visible")


def search(page: Page) -> None:
    """Material's search, typed into as a reader does, finds the page's exercise: the worker
    and its language's stemmer load under the policy."""
    words = page.locator("article h1").first.inner_text().split()
    word = max(words, key=len)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(word)
    page.locator(".md-search-result__item").first.wait_for()
    box.press("Escape")


def copy_snippet(page: Page) -> None:
    """Material's copy button on the embed snippet (in a closed details block)."""
    page.locator("details:has(pre) > summary").first.click()
    page.locator('pre button[data-md-type="copy"]').first.click()
    page.locator(".md-dialog--active").wait_for()  # Material's "Copied" message


def toggle_colours(page: Page) -> None:
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("[data-hb-palette] button:visible").click()
    after = page.evaluate("document.body.dataset.mdColorScheme")
    assert {before, after} == {"default", "slate"}


def start_session(page: Page) -> None:
    page.locator("[data-hb-start]").click()
    page.wait_for_selector("dialog.hb-s[open][data-state=running]")
    page.keyboard.press("Escape")


def tick_exercises(page: Page) -> str:
    """Ticks two exercises in the builder; returns the programme's link."""
    boxes = page.locator(".hb-pick-box")
    boxes.nth(0).check()
    boxes.nth(1).check()
    # Not page.wait_for_function: Playwright evals its predicate in the page, which the policy
    # refuses ('unsafe-eval').
    expect(page.locator("[data-hb-link]")).to_have_value(re.compile(r"/programme/#v1\."))
    link: str = page.locator("[data-hb-link]").input_value()
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked()
    return link
