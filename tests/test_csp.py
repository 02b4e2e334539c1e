"""The content security policy of examples/hosting/, behind a real nginx: every page kind in
every language opens in Chromium with no policy violation while its scripts do their work
(search, filters, the builder, the guided session, the colour toggle), and no page holds an
inline script, event handler or style for the policy to refuse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Response, expect

from .browser import open_side_by_side, static_server
from .conftest import ROOT
from .helpers.pages import csp_page_kinds

HOSTING = ROOT / "examples" / "hosting"
LANGUAGES = ("", "es/", "de/")
#: Executable script types: a script element of any other type is data and never runs.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Every violation a document (page or frame) sees, kept on its window for the test to read,
# and every inline style or script Chromium refused, as it says on the console.
RECORD_VIOLATIONS = """
window.__hbViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__hbViolations.push([e.effectiveDirective, e.blockedURI,
    e.sourceFile + ":" + e.lineNumber, e.sample].join(" "));
});
"""


def header_policies() -> dict[str, str]:
    """The policies of _headers by rule: the two hosting examples must agree."""
    policies: dict[str, str] = {}
    rule = ""
    for line in (HOSTING / "_headers").read_text("utf-8").splitlines():
        if line.startswith("/"):
            rule = line.strip()
        elif line.strip().startswith("Content-Security-Policy:"):
            policies[rule] = line.split(":", 1)[1].strip()
    return policies


def nginx_policies() -> list[str]:
    text = (HOSTING / "nginx.conf").read_text("utf-8")
    return re.findall(r'add_header Content-Security-Policy "([^"]+)" always;', text)


def directives(policy: str) -> dict[str, str]:
    parts = (part.strip().split(None, 1) for part in policy.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def test_the_hosting_examples_agree_and_allow_no_inline_script() -> None:
    headers = header_policies()
    page, embed, svg = headers["/*"], headers["/embed/*"], headers["/*.svg"]
    assert headers["/:lang/embed/*"] == embed
    assert set(nginx_policies()) == {page, embed, svg}
    for policy in (page, embed):
        found = directives(policy)
        assert found["script-src"] == "'self'", policy
        assert "unsafe" not in found["script-src"] and "unsafe" not in found["default-src"]
    assert directives(page)["style-src"] == "'self'"
    assert directives(page)["frame-ancestors"] == "'none'"
    assert directives(embed)["frame-ancestors"] == "*"
    assert directives(svg)["frame-ancestors"] == "'none'"


class _Inline(HTMLParser):
    """What a page holds inline that a policy without 'unsafe-inline' refuses."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self._script = (
            tag == "script" and "src" not in named and (named.get("type") or "") in SCRIPT_TYPES
        )
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f'<{tag} {name}="{value}">')
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f'<{tag} {name}="{value}">')

    def handle_data(self, data: str) -> None:
        if self._script and data.strip():
            self.found.append(f"<script>{data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def test_no_page_holds_an_inline_script_handler_or_style(served: Any) -> None:
    """Every HTML file of every language, not only the kinds opened in Chromium below. Embeds
    may hold the clinic's accent <style> (their policy allows inline styles)."""
    site, _base_url, _book = served
    found = {}
    for file in sorted(site.rglob("*.html")):
        parser = _Inline()
        parser.feed(file.read_text("utf-8"))
        name = file.relative_to(site).as_posix()
        inline = parser.found
        if re.match(r"([a-z]{2}/)?embed/", name):
            inline = [item for item in inline if item != "<style>"]
        if inline:
            found[name] = inline
    assert found == {}


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(viewport={"width": 1280, "height": 900})
    made.add_init_script(RECORD_VIOLATIONS)
    yield made
    made.close()


class Visit:
    """Watches a page for every policy violation, console complaint and script error."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def _console(self, message: Any) -> None:
        text = message.text
        if message.type == "error" and ("Content Security Policy" in text or "Refused" in text):
            self.problems.append(f"console: {text}")

    def open(self, url: str) -> Response:
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None, url
        return response

    def collect(self, where: str) -> None:
        """Violations seen by the page and its frames so far; the page keeps recording."""
        for frame in self.page.frames:
            seen = frame.evaluate("window.__hbViolations ? window.__hbViolations.splice(0) : []")
            self.problems += [f"{where} ({frame.url}): {item}" for item in seen]

    def settled(self, where: str) -> list[str]:
        self.collect(where)
        return self.problems


def check_headers(response: Response, path: str) -> None:
    policy = response.headers.get("content-security-policy", "")
    found = directives(policy)
    assert found.get("script-src") == "'self'", (path, policy)
    embed = re.match(r"([a-z]{2}/)?embed/", path)
    assert found.get("frame-ancestors") == ("*" if embed else "'none'"), (path, policy)
    if not embed:
        assert found.get("style-src") == "'self'", (path, policy)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "de"])
def test_every_page_kind_runs_with_no_policy_violation(
    served: Any, context: BrowserContext, language: str
) -> None:
    _site, base_url, book = served
    kinds = csp_page_kinds(book)
    visits: dict[Page, Visit] = {}
    # Side by side: the half second with no request that "networkidle" waits for is waited
    # for once, not once a page (it was about half of this test's time).
    opened = open_side_by_side(
        context,
        [base_url + language + path for path in kinds.values()],
        lambda page: visits.setdefault(page, Visit(page)),
    )
    problems: list[str] = []
    for (kind, path), (page, response) in zip(kinds.items(), opened, strict=True):
        visit = visits[page]
        assert response.status == (404 if kind == "404" else 200), (kind, response.status)
        check_headers(response, language + path)
        if page.locator(".md-header").count():
            # md-scope.js found the language's base from its own address, as Material's
            # inline script did from base_url.
            assert page.evaluate("__md_scope.href") == base_url + language, kind
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
        if kind == "builder":
            link = tick_exercises(page)
            visit.collect(kind)
            response = visit.open(link)
            check_headers(response, language + "programme/")
            page.wait_for_selector("[data-hb-view]:not([hidden])")
            start_session(page)
            kind = "programme"
        problems += visit.settled(kind)
        page.close()
    assert problems == []


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


@pytest.mark.browser
def test_only_embeds_may_be_framed_by_another_site(
    served: Any, context: BrowserContext, tmp_path: Path
) -> None:
    """A clinic's page (another origin) frames an embed; a full page refuses to be framed."""
    _site, base_url, book = served
    exercise = book.exercises[0]
    frames = {"embed": f"{base_url}embed/exercises/{exercise.id}/", "page": f"{base_url}safety/"}
    body = "".join(f'<iframe name="{n}" src="{url}"></iframe>' for n, url in frames.items())
    (tmp_path / "index.html").write_text(f"<!doctype html><title>Clinic</title>{body}", "utf-8")
    with static_server(tmp_path) as clinic:
        page = context.new_page()
        page.goto(clinic, wait_until="networkidle")
        embed, full = page.frame(name="embed"), page.frame(name="page")
        assert embed is not None and full is not None
        assert embed.url == frames["embed"]
        assert exercise.name in embed.locator("main").inner_text()
        assert embed.evaluate("window.__hbViolations") == []
        assert full.url != frames["page"], "a full page let another site frame it"
        page.close()
