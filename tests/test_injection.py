"""Hostile text in every content field stays text: proven in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator import pipeline

from .browser import chromium, static_server
from .conftest import FIXTURES, ROOT

pytestmark = pytest.mark.browser

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
    if (el.tagName === 'SCRIPT' && /pwned/.test(el.textContent)) bad.push('script');
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "site").mkdir()
    with static_server(root / "site") as base_url:
        pipeline.build(
            FIXTURES / "hostile",
            root / "docs",
            root / "site",
            ROOT / "mkdocs.yml",
            site_url=base_url,
        )
        yield base_url


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_does_not_execute_and_shows_as_text(hostile_site: str, path: str) -> None:
    with chromium() as browser:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(hostile_site + path, wait_until="load")
        page.mouse.move(200, 200)
        page.keyboard.press("Tab")
        page.wait_for_timeout(100)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert page.evaluate(FIND_ACTIVE_CONTENT) == []
        if path.startswith(("exercises/toe-", "embed/exercises/", "cards/exercises/")):
            text = page.inner_text("body")
            assert "pwned" in text, "hostile text should be shown, as text"


def test_attack_strings_appear_literally(hostile_site: str) -> None:
    with chromium() as browser:
        page = browser.new_page()
        page.goto(hostile_site + "exercises/toe-pressing/")
        text = page.inner_text("article")
        for literal in (
            "<script>window.__pwned=1</script>",
            "{{ 7*7 }}",
            "*emph* _under_",
            '<img src=x onerror="window.__pwned=2">',
        ):
            assert literal in text or literal in page.inner_text("body"), literal
