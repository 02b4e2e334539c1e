"""The programme builder in Chromium: its page opened, a five-exercise programme's link made."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck
from playwright.sync_api import Browser, BrowserContext, Page

from ..builder_budgets import FIRST_BOX
from ..programme_js import install_programme_api

#: Hypothesis settings for tests that call into the shared page: no deadline (Chromium's
#: first calls are slower), and the module's page fixture is meant to be shared.
IN_BROWSER: dict[str, Any] = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture],
}


@pytest.fixture(scope="module")
def context(browser: Browser, built_site: Any) -> Iterator[BrowserContext]:
    _site, base_url, _book = built_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield context
    context.close()


def open_builder(context: BrowserContext, base_url: str, fragment: str = "") -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}builder/{fragment}")
    page.wait_for_function(FIRST_BOX)
    page.errors = errors  # type: ignore[attr-defined]
    return page


def five_exercise_link(page: Page, base_url: str, note: str = "") -> str:
    page.goto(base_url + "builder/")
    page.wait_for_function(FIRST_BOX)
    for name in (
        "Toe walking",
        "Ball roll under the foot",
        "Ankle circles",
        "Toe pressing",
        "Wall calf stretch",
    ):
        page.get_by_role("checkbox", name=name).check()
    page.get_by_label("Seconds for Toe walking").fill("45")
    page.get_by_label("Seconds for Ball roll under the foot").fill("90")
    page.get_by_label("Repetitions for Ankle circles").fill("15")
    page.get_by_label("Sets for Toe pressing").fill("3")
    page.get_by_label("Hold seconds for Wall calf stretch").fill("30")
    page.get_by_label("Times a day").fill("2")
    if note:
        page.get_by_label("Note for the patient").fill(note)
    return page.get_by_label("The programme's link").input_value()


# The link's grammar is implemented once, in link.js; Hypothesis drives that very
# code in Chromium (about a millisecond a call), so no second implementation can drift from it.
@pytest.fixture(scope="module")
def core(context: BrowserContext, built_site: Any) -> Iterator[Page]:
    _site, base_url, _book = built_site
    page = open_builder(context, base_url)
    install_programme_api(page)
    page.evaluate(
        "async () => { window.CAT = await (await fetch('../api/v1/exercises.json')).json(); }"
    )
    yield page
    page.close()
