"""The handbook offline, on the reader's choice (issue 31): /sw.js is registered only when
"Keep this on my phone" is pressed; a kept page reloads with the network off, an unkept one
shows the short notice; "Remove from this phone" leaves Cache Storage empty; embeds never
register a worker. In real Chromium, on the built site served on loopback (a secure context)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as BrowserError

from generator.render.pages.offline import VERSION_MARK

REGISTRATIONS = "navigator.serviceWorker.getRegistrations().then(r => r.length)"
CACHES = "caches.keys()"
CACHED_URLS = """async () => { const out = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) out.push(request.url);
  }
  return out; }"""
CACHED_BYTES = """async () => { let total = 0;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      total += (await (await cache.match(request)).arrayBuffer()).byteLength;
    }
  }
  return total; }"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(viewport={"width": 375, "height": 740})
    yield made
    made.close()


def open_page(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("load")
    page.errors = errors  # type: ignore[attr-defined]
    return page


def keep(page: Page) -> None:
    page.get_by_role("button", name="Keep this on my phone").click()
    page.get_by_role("button", name="Remove from this phone").wait_for()


def test_the_worker_is_at_the_site_root_only_with_the_build_version(built_site: Any) -> None:
    site, _url, book = built_site
    worker = (site / "sw.js").read_text("utf-8")
    assert VERSION_MARK not in worker
    version = re.search(r'var VERSION = "([^"]+)";', worker)
    assert version and version.group(1).startswith(f"{book.handbook.version}-")
    assert not (site / "es" / "sw.js").exists() and not (site / "de" / "sw.js").exists()
    assert not (site / "assets" / "sw.js").exists()
    # Nothing in it reaches another host.
    assert not re.search(r"https?://", worker.replace("http://www.w3.org", ""))


@pytest.mark.browser
def test_nothing_is_registered_or_cached_before_the_press(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    for path in ("routines/desk/", "exercises/toe-walking/", "es/routines/desk/", "progress/"):
        page = open_page(context, base_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(REGISTRATIONS) == 0, path
        assert page.evaluate(CACHES) == [], path
    page = open_page(context, base_url + "routines/desk/")
    assert page.get_by_role("button", name="Keep this on my phone").is_visible()


@pytest.mark.browser
def test_an_embed_never_registers_a_worker_nor_offers_to_keep(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url + "embed/routines/desk/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-hb-offline]").count() == 0
    assert "offline.js" not in page.content()
    assert page.evaluate(REGISTRATIONS) == 0
    assert page.evaluate(CACHES) == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["routines/desk/", "es/routines/desk/"])
def test_a_kept_page_opens_offline_with_its_steps_pictures_and_start(
    built_site: Any, context: BrowserContext, path: str
) -> None:
    _site, base_url, book = built_site
    page = open_page(context, base_url + path)
    page.locator("[data-hb-keep]").click()
    page.locator("[data-hb-unkeep]").wait_for()
    assert page.evaluate(REGISTRATIONS) == 1
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == base_url
    context.set_offline(True)
    try:
        page.reload()
        pictures = page.locator("article img")
        assert pictures.count() >= 1
        for i in range(pictures.count()):
            assert page.evaluate(
                "img => img.complete && img.naturalWidth > 0", pictures.nth(i).element_handle()
            ), i
        desk = next(p for p in book.routines if p.routine.id == "desk")
        numbered = page.locator("article h2").filter(has_text=re.compile(r"^\d+\. "))
        assert numbered.count() == len(desk.items)
        start = page.locator("[data-hb-start]")
        start.wait_for()
        assert start.is_visible()
        start.click()  # the guided session and its words were kept too
        page.wait_for_selector("dialog.hb-s[open][data-state=running]")
        # A page that was not kept: the short notice, in the language of its folder.
        page.goto(base_url + path.replace("routines/desk/", "safety/"))
        notices = ("Not kept on this phone", "No guardada en este teléfono")
        assert page.locator("h1").inner_text() in notices
        assert page.locator("[data-hb-start]").count() == 0
    finally:
        context.set_offline(False)


@pytest.mark.browser
def test_removing_leaves_nothing_in_cache_storage_and_no_worker(
    built_site: Any, context: BrowserContext
) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url + "exercises/toe-walking/")
    keep(page)
    other = open_page(context, base_url + "routines/desk/")
    keep(other)
    names = page.evaluate(CACHES)
    assert len(names) == 3, names  # two pages and the notice
    page.reload()
    page.get_by_role("button", name="Remove from this phone").click()
    page.get_by_role("button", name="Keep this on my phone").wait_for()
    status = page.locator("[data-hb-offline-status]")
    assert status.inner_text() == "Removed: nothing of this page is kept on this phone."
    assert status.is_visible()
    assert page.evaluate(REGISTRATIONS) == 1  # the routine is still kept
    assert not [u for u in page.evaluate(CACHED_URLS) if "toe-walking/" in u]
    other.get_by_role("button", name="Remove from this phone").click()
    other.get_by_role("button", name="Keep this on my phone").wait_for()
    assert other.evaluate(CACHES) == []
    other.wait_for_function("navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
    assert other.evaluate(REGISTRATIONS) == 0


@pytest.mark.browser
def test_an_unkept_page_does_not_open_offline(built_site: Any, context: BrowserContext) -> None:
    _site, base_url, _book = built_site
    page = open_page(context, base_url + "routines/morning/")
    context.set_offline(True)
    try:
        with pytest.raises(BrowserError):  # the browser's own error: nothing was kept
            page.reload()
    finally:
        context.set_offline(False)


@pytest.mark.browser
def test_what_is_kept_per_routine_stays_small(built_site: Any, context: BrowserContext) -> None:
    """Everything one routine page keeps (page, theme, scripts, styles, pictures, session),
    measured from Cache Storage; the sizes are printed for the report (pytest -s)."""
    _site, base_url, book = built_site
    sizes = {}
    for plan in book.routines:
        page = open_page(context, base_url + f"routines/{plan.routine.id}/")
        keep(page)
        sizes[plan.routine.id] = page.evaluate(CACHED_BYTES)
        page.get_by_role("button", name="Remove from this phone").click()
        page.get_by_role("button", name="Keep this on my phone").wait_for()
        assert page.evaluate(CACHES) == []
        page.close()
    print({name: f"{size / 1024:.0f} KB" for name, size in sizes.items()})
    assert max(sizes.values()) < 1024 * 1024, sizes
