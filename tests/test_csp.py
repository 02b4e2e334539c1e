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
from playwright.sync_api import Browser, BrowserContext

from .browser import static_server
from .conftest import ROOT
from .helpers.served_visits import (
    LANGUAGES,
    RECORD_VIOLATIONS,
    each_page,
    visit_every_page_kind,
)

HOSTING = ROOT / "examples" / "hosting"
#: One worker opens the pages for this module and test_requests.py (helpers/served_visits.py).
pytestmark = pytest.mark.xdist_group("served_visits")
#: Executable script types: a script element of any other type is data and never runs.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


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


def check_headers(headers: dict[str, str], path: str) -> None:
    policy = headers.get("content-security-policy", "")
    found = directives(policy)
    assert found.get("script-src") == "'self'", (path, policy)
    embed = re.match(r"([a-z]{2}/)?embed/", path)
    assert found.get("frame-ancestors") == ("*" if embed else "'none'"), (path, policy)
    if not embed:
        assert found.get("style-src") == "'self'", (path, policy)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "es", "de"])
def test_every_page_kind_runs_with_no_policy_violation(
    served: Any, browser: Browser, language: str
) -> None:
    """Each page kind (helpers/served_visits.py: its scripts set to work, the builder's
    programme opened from its link) answers with the policy and sees no violation."""
    _site, base_url, book = served
    problems: list[str] = []
    for kind, seen in each_page(visit_every_page_kind(browser, base_url, language, book)):
        assert seen.status == (404 if kind == "404" else 200), (kind, seen.status)
        check_headers(seen.headers, seen.path)
        problems += seen.problems
    assert problems == []


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
