"""axe-core (from npm) in headless Chromium: no WCAG 2.2 A or AA violations on any page kind.

The pages are not photographed here: `make screenshots` saves every page kind at each width,
and in the dark scheme, for a person to look at."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from .browser import chromium
from .helpers.pages import axe_page_kinds, axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("width", "scheme"), [(375, "light"), (1280, "light"), (375, "dark")])
def test_no_wcag_22_aa_violations(built_site: Any, width: int, scheme: str) -> None:
    _site, base_url, book = built_site
    failures = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
        kinds = axe_page_kinds(book)
        if scheme == "dark":  # cards and embeds are black on white in either scheme
            kinds = {k: v for k, v in kinds.items() if not k.startswith(("card", "embed", "ex"))}
            kinds |= {
                "exercise": axe_page_kinds(book)["exercise"],
                "es-routine": "es/routines/desk/",
            }
        for name, path in kinds.items():
            page.goto(base_url + path, wait_until="load")
            for violation in axe_violations(page, base_url):
                targets = [node["target"] for node in violation["nodes"][:3]]
                failures.append(
                    f"{name} @{width}px {scheme}: {violation['id']}: {violation['help']} {targets}"
                )
    assert failures == [], "\n".join(failures)


def test_language_declared_and_headings_in_order(built_site: Any) -> None:
    _site, base_url, book = built_site
    with chromium() as browser:
        page = browser.new_page()
        for name, path in axe_page_kinds(book).items():
            page.goto(base_url + path)
            expected = path.split("/")[0] if path.startswith(("es/", "de/")) else "en"
            assert page.evaluate("document.documentElement.lang") == expected, name
            levels = page.eval_on_selector_all(
                "main h1, main h2, main h3, main h4, article h1, article h2, article h3",
                "els => els.map(e => Number(e.tagName[1]))",
            )
            assert levels and levels[0] == 1, (name, levels)
            for before, after in itertools.pairwise(levels):
                assert after <= before + 1, f"{name}: heading jumps from h{before} to h{after}"


def test_every_control_is_reachable_and_visibly_focused(built_site: Any) -> None:
    _site, base_url, book = built_site
    exercise = book.exercises[0].id
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in ("", f"exercises/{exercise}/", f"embed/exercises/{exercise}/"):
            page.goto(base_url + path)
            seen = set()
            for _ in range(60):
                page.keyboard.press("Tab")
                info = page.evaluate(
                    "() => { const e = document.activeElement; if (!e || e === document.body)"
                    " return null; const s = getComputedStyle(e);"
                    " return {key: e.outerHTML.slice(0, 80), outline: s.outlineStyle,"
                    " width: s.outlineWidth, shadow: s.boxShadow}; }"
                )
                if info is None or info["key"] in seen:
                    continue
                seen.add(info["key"])
                visible = (info["outline"] not in ("none", "") and info["width"] != "0px") or (
                    info["shadow"] not in ("none", "")
                )
                assert visible, f"{path}: no visible focus on {info['key']}"
            assert seen, f"{path}: nothing is reachable by keyboard"


def test_the_urgent_red_flags_are_at_least_as_large_as_the_body_text(built_site: Any) -> None:
    _site, base_url, _book = built_site
    with chromium() as browser:
        page = browser.new_page()
        page.goto(base_url + "safety/")
        size = "el => parseFloat(getComputedStyle(el).fontSize)"
        body = page.eval_on_selector(".md-typeset > p:not(.hb-credit)", size)
        urgent = page.eval_on_selector_all(".hb-urgent li", f"els => els.map({size})")
        assert urgent and min(urgent) >= body
