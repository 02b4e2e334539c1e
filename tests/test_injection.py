"""Hostile text in every content field stays text: proven in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from generator import pipeline

from .browser import open_side_by_side, static_server
from .cases import ATTACKS, make_case
from .conftest import ROOT

pytestmark = pytest.mark.browser

#: An open page and the messages of the dialogs it opened.
Shown = tuple[Page, list[str]]

PAGES = [
    "",
    "exercises/",
    "exercises/toe-pressing/",
    "exercises/toe-walking/",
    "routines/",
    "routines/quick/",
    "causes/",
    "references/",
    "safety/",
    "cards/",
    "cards/quick/",
    "cards/exercises/toe-pressing/",
    "embed/exercises/toe-pressing/",
    "embed/exercises/toe-walking/",
    "embed/routines/quick/",
    "embed-guide/",
    "exercises/tiptoe-walk/",
]

FIND_ACTIVE_CONTENT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) bad.push(el.tagName + ' ' + attr.name);
      if (/^\\s*(javascript|data):/i.test(attr.value) && ['href', 'src'].includes(attr.name))
        bad.push(el.tagName + ' ' + attr.name + '=' + attr.value);
    }
    if (['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) bad.push(el.tagName);
    // JSON-LD and the guided session's plan are data, never run: they may hold the hostile
    // text, and must still parse whole, with no raw < or & that could end the script.
    if (el.tagName === 'SCRIPT' && ['application/ld+json', 'application/json'].includes(el.type)) {
      try { JSON.parse(el.textContent); } catch (e) { bad.push('broken ' + el.type); }
      if (/[<&]/.test(el.textContent)) bad.push(el.type + ' markup');
    } else if (el.tagName === 'SCRIPT' && /pwned/.test(el.textContent)) bad.push('script');
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "site").mkdir()
    with static_server(root / "site") as base_url:
        pipeline.build(
            make_case("hostile", root / "content"),
            root / "docs",
            root / "site",
            ROOT / "mkdocs.yml",
            site_url=base_url,
        )
        yield base_url


@pytest.fixture(scope="module")
def hostile_pages(hostile_site: str, browser: Browser) -> Iterator[dict[str, Shown]]:
    """Every page of PAGES, open side by side (the network's half second of quiet is waited
    for once, not once a page): path -> (page, the messages of the dialogs it opened)."""
    context = browser.new_context()
    dialogs: dict[Page, list[str]] = {}

    def watch(page: Page) -> None:
        seen = dialogs[page] = []
        page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))

    try:
        opened = open_side_by_side(context, [hostile_site + path for path in PAGES], watch)
        yield {path: (page, dialogs[page]) for path, (page, _) in zip(PAGES, opened, strict=True)}
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_does_not_execute_and_shows_as_text(
    hostile_pages: dict[str, Shown], path: str
) -> None:
    page, dialogs = hostile_pages[path]
    page.mouse.move(200, 200)
    page.keyboard.press("Tab")
    page.mouse.click(5, 5)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.evaluate(FIND_ACTIVE_CONTENT) == []
    if path.startswith(("exercises/toe-", "embed/exercises/", "cards/exercises/")):
        text = page.inner_text("body")
        assert "pwned" in text, "hostile text should be shown, as text"


def test_attack_strings_appear_literally(hostile_site: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(hostile_site + "exercises/toe-pressing/")
    text = " ".join(page.inner_text("body").split())
    page.close()
    shown = [attack for attack in ATTACKS if " ".join(attack.split()) in text]
    assert len(shown) >= 12, f"only {len(shown)} attack strings shown whole"


@pytest.mark.parametrize("path", ["routines/quick/", "exercises/toe-walking/"])
def test_hostile_text_stays_text_in_the_guided_session(
    hostile_site: str, path: str, browser: Browser
) -> None:
    page = browser.new_page()
    try:
        page.goto(hostile_site + path, wait_until="networkidle")
        page.locator("[data-hb-start]").click()
        dialog = page.locator("dialog.hb-s")
        dialog.get_by_role("button", name="When to stop").click()
        while dialog.get_attribute("data-state") == "running":
            dialog.locator("[data-a=skip]").click()
        dialog.get_by_role("button", name="Close").click()
        page.locator("[data-hb-start]").click()
        dialog.get_by_role("button", name="Stop: sharp or spreading pain").click()
        assert "pwned" in dialog.inner_text(), "hostile text should be shown, as text"
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate(FIND_ACTIVE_CONTENT) == []
    finally:
        page.close()
