"""Site search, as a patient uses it: the words they type find the right pages first, and the
clinics' embed code is left out of the index."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Browser


def test_the_embed_code_is_not_in_the_search_index(built_site: Any) -> None:
    site, _, _ = built_site
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        if doc["location"].startswith(("exercises/", "routines/")):
            assert "Embed on your site" not in doc["title"], doc["location"]
            assert "iframe" not in doc["text"] and "embed.js" not in doc["text"], doc["location"]
    assert any(doc["location"].startswith("embed-guide/") for doc in index["docs"])


# What a patient types, and a page that must be among the first three results.
SEARCHES = {
    "sitting": ("exercises/", "exercises/toe-pencil-grip/", "exercises/ball-roll/"),
    "calf": ("exercises/wall-calf-stretch/",),
    "towel": ("exercises/towel-stretch/",),
    "sciatica": ("exercises/seated-toe-reach/", "safety/"),
    "bed": ("exercises/ankle-circles/", "routines/morning/", "exercises/towel-stretch/"),
}


@pytest.mark.browser
@pytest.mark.parametrize("words", sorted(SEARCHES))
def test_what_a_patient_types_finds_the_right_page_first(
    built_site: Any, browser: Browser, words: str
) -> None:
    _, base_url, _ = built_site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url)  # a search typed early waits for the index by itself
    box = page.locator("input.md-search__input")
    box.click()
    # Material searches on each key released, and redraws the results for each prefix as it
    # comes: typed key by key, the list read could be a prefix's, half replaced. The words
    # go in whole, then one key is released: one search, for the whole words.
    box.fill(words)
    box.press("End")
    link = ".md-search-result__item > .md-search-result__link"
    page.locator(link).first.wait_for()
    first = page.eval_on_selector_all(link, "els => els.slice(0, 3).map(e => e.href)")
    page.close()
    found = [href.removeprefix(base_url).split("?")[0].split("#")[0] for href in first]
    assert set(found) & set(SEARCHES[words]), (words, found)
