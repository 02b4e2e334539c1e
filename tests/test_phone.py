"""Every page kind on a phone: nothing wider than the screen, no word broken mid-word."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

WIDTHS = (320, 375)

# Elements that stick out past the right edge of the screen, outside any scroll container.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && p.scrollWidth > p.clientWidth) {
        return true;
      }
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || box.right <= width + 0.5) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.position === "fixed") continue;
    if (scrolls(el)) continue;
    out.push(el.tagName.toLowerCase() + "." + el.className + " right=" + Math.round(box.right));
  }
  return {page: document.documentElement.scrollWidth, viewport: width, out: out.slice(0, 5)};
}"""

# Words the browser had to break inside (a break between letters with no hyphen).
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    if (parent.getBoundingClientRect().width < 20) continue;  // collapsed, e.g. closed search
    for (const match of node.textContent.matchAll(/[A-Za-z]{4,}/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken.slice(0, 5);
}"""


def page_kinds(book: Any) -> list[str]:
    exercise, plan = book.exercises[0], book.routines[0]
    return [
        "",
        "exercises/",
        *(f"exercises/{e.id}/" for e in book.exercises),
        "routines/",
        *(f"routines/{p.routine.id}/" for p in book.routines),
        "causes/",
        "references/",
        "safety/",
        "embed-guide/",
        "cards/",
        *(f"cards/{p.routine.id}/" for p in book.routines),
        f"cards/exercises/{exercise.id}/",
        f"embed/exercises/{exercise.id}/",
        f"embed/routines/{plan.routine.id}/",
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_a_phone_and_no_word_is_broken(
    built_site: Any, browser: Browser, width: int
) -> None:
    _, base_url, book = built_site
    page = browser.new_page(viewport={"width": width, "height": 700})
    problems = {}
    try:
        for path in page_kinds(book):
            page.goto(base_url + path, wait_until="load")
            found = page.evaluate(STICKING_OUT)
            broken = page.evaluate(BROKEN_WORDS)
            if found["page"] > found["viewport"] or found["out"] or broken:
                problems[path] = {**found, "broken": broken}
    finally:
        page.close()
    assert problems == {}


@pytest.mark.parametrize("edition", ["", "es/", "de/"])
def test_the_site_name_fits_the_phone_header(
    built_site: Any, browser: Browser, edition: str
) -> None:
    """Beside the menu, colour, language and search buttons, the short name is not cut off."""
    _site, base_url, _book = built_site
    page = browser.new_page(viewport={"width": 320, "height": 600})
    page.goto(base_url + edition)
    name = page.locator(".md-header__title .md-header__topic:first-child .md-ellipsis")
    widths = name.evaluate("e => [e.scrollWidth, e.clientWidth]")
    page.close()
    assert widths[0] <= widths[1], f"{edition or 'en'}: the header name is cut off {widths}"
