"""The light/dark toggle in Chromium: colours follow the system, nothing is stored until the
reader presses the toggle, and a choice that matches the system again is forgotten."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page

from .browser import open_side_by_side
from .helpers.pages import axe_page_kinds

pytestmark = pytest.mark.browser

STORED = "[localStorage.length, sessionStorage.length, document.cookie]"


def open_page(browser: Browser, url: str, scheme: Literal["light", "dark"]) -> Page:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    return page


def scheme_and_toggle(page: Page) -> tuple[str, str]:
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    visible = page.locator("[data-hb-palette] button:visible")
    assert visible.count() == 1
    return scheme, visible.get_attribute("aria-label") or ""


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("light", ("default", "Switch to the dark colours")),
        ("dark", ("slate", "Switch to the light colours")),
    ],
)
def test_colours_follow_the_system_and_store_nothing(
    built_site: Any, browser: Browser, system: Literal["light", "dark"], expected: tuple[str, str]
) -> None:
    _site, base_url, _book = built_site
    page = open_page(browser, base_url, system)
    assert scheme_and_toggle(page) == expected
    assert page.evaluate(STORED) == [0, 0, ""]
    page.context.close()


def test_a_pressed_toggle_is_kept_until_it_matches_the_system(
    built_site: Any, browser: Browser
) -> None:
    _site, base_url, _book = built_site
    page = open_page(browser, base_url, "light")
    page.get_by_role("button", name="Switch to the dark colours").click()
    assert scheme_and_toggle(page) == ("slate", "Switch to the light colours")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Switch to the light colours"
    )
    assert page.evaluate("localStorage.getItem('hb-colours')") == "slate"
    page.goto(base_url + "safety/")
    assert scheme_and_toggle(page)[0] == "slate"
    page.keyboard.press("Tab")  # the toggle works from the keyboard too
    page.get_by_role("button", name="Switch to the light colours").press("Enter")
    assert scheme_and_toggle(page)[0] == "default"
    assert page.evaluate(STORED) == [0, 0, ""]
    page.context.close()


def test_no_page_kind_stores_anything_on_its_own(built_site: Any, browser: Browser) -> None:
    _site, base_url, book = built_site
    context = browser.new_context(color_scheme="dark")
    kinds = axe_page_kinds(book) | {"builder": "builder/", "programme": "programme/"}
    pages = open_side_by_side(context, [base_url + path for path in kinds.values()])
    stored = {name: page.evaluate(STORED) for name, (page, _) in zip(kinds, pages, strict=True)}
    assert {name: found for name, found in stored.items() if found != [0, 0, ""]} == {}
    context.close()
