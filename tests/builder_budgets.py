"""Measurements of the programme builder, shared by its tests and `make bench`: what the page
weighs as sent compressed, what the catalogue weighs, how soon the builder is usable on a slow
phone, and how long a programme's link and how dense its QR code are."""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

#: Budgets, asserted by tests/test_builder.py.
PAGE_KB, CATALOGUE_KB, USABLE_MS = 150, 60, 1000
#: The CPU of a mid-range phone, as Chrome's DevTools approximate it.
THROTTLE = 4
#: The printed size of a programme's QR code (card.css, .hb-card-programme .hb-qr).
QR_MM = 25
FIRST_BOX = (
    "document.querySelector('.hb-pick-box') && !document.querySelector('.hb-pick-box').disabled"
)


def gzip_kb(data: bytes) -> float:
    return len(gzip.compress(data, compresslevel=6, mtime=0)) / 1024


def _file(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    file = site / path
    return file / "index.html" if file.is_dir() or path.endswith("/") or not path else file


def page_weight(browser: Browser, site: Path, base_url: str) -> dict[str, float]:
    """KB gzip-compressed of everything the builder loads before the catalogue (HTML, CSS,
    scripts, pictures), and of the catalogue files, as a browser requests them."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base_url + "builder/", wait_until="networkidle")
    page.wait_for_function(FIRST_BOX)
    page.close()
    weights = {"page_kb": 0.0, "catalogue_kb": 0.0}
    for url in dict.fromkeys(urls):
        file = _file(site, url)
        if not file.is_file():
            continue
        key = "catalogue_kb" if "/api/" in url else "page_kb"
        weights[key] += gzip_kb(file.read_bytes())
    return weights


def time_to_usable(browser: Browser, base_url: str, runs: int = 3) -> float:
    """Milliseconds from navigation to the first exercise's checkbox being enabled, with the
    CPU slowed `THROTTLE` times; the median of `runs` loads, each in a fresh context (no cache)."""
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 375, "height": 800})
        page = context.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
        page.goto(base_url + "builder/", wait_until="commit")
        page.wait_for_function(FIRST_BOX, polling="raf")
        times.append(float(page.evaluate("performance.now()")))
        context.close()
    return statistics.median(times)


def qr_figures(page: Page) -> dict[str, Any]:
    """The QR code of the card on `page`: version, modules across, mm per module at QR_MM."""
    version = int(page.eval_on_selector(".hb-card .hb-qr", "svg => svg.dataset.version"))
    modules = 17 + 4 * version
    return {"version": version, "modules": modules, "module_mm": QR_MM / (modules + 4)}
