"""The guided session in Chromium: a phone's context with a fake device, a routine page
opened at a fixed morning, the session started, its state read."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page

DESK = "routines/desk/"


#: Script errors of each page a test opened.
PAGE_ERRORS: dict[Page, list[str]] = {}


#: The page clock starts on a Monday morning, so that today's date is known.
MORNING = datetime.datetime(2026, 5, 4, 8, 0)


FAKE_DEVICE = """
window.__wake = [];
Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: {
  request(type) {
    const sentinel = new EventTarget();
    sentinel.release = () => { window.__wake.push('release'); return Promise.resolve(); };
    window.__wake.push('request:' + type);
    return Promise.resolve(sentinel);
  }
}});
window.__beeps = 0;
window.AudioContext = class {
  constructor() { this.currentTime = 0; this.destination = {}; }
  resume() { return Promise.resolve(); }
  createGain() { return {gain: {setValueAtTime() {}, exponentialRampToValueAtTime() {}},
    connect(x) { return x; }}; }
  createOscillator() { return {frequency: {}, connect(x) { return x; },
    start() { window.__beeps += 1; }, stop() {}}; }
};
window.__said = [];
Object.defineProperty(window, 'speechSynthesis', {configurable: true,
  value: {cancel() {}, speak(u) { window.__said.push(u.text); }}});
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
"""


STATE = """() => { const d = document.querySelector('dialog.hb-s');
  if (!d) return null;
  return {open: d.open, step: Number(d.dataset.step), kind: d.dataset.kind, state: d.dataset.state,
    paused: d.hasAttribute('data-paused'), title: d.querySelector('#hb-s-title').textContent,
    where: d.querySelector('.hb-s-where').textContent,
    count: d.querySelector('.hb-s-count').hidden ? null : d.querySelector('.hb-s-num').textContent,
    live: d.querySelector('[aria-live]').textContent, now: performance.now()}; }"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(viewport={"width": 375, "height": 740}, accept_downloads=True)
    made.add_init_script(FAKE_DEVICE)
    yield made
    made.close()


def open_page(context: BrowserContext, base_url: str, path: str = DESK) -> Page:
    page = context.new_page()
    errors = PAGE_ERRORS.setdefault(page, [])
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install(time=MORNING)
    page.goto(base_url + path)
    # From here on, time moves only when a test moves it.
    page.clock.pause_at(MORNING + datetime.timedelta(hours=1))
    return page


def start(page: Page) -> dict[str, Any]:
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("dialog.hb-s[open][data-state=running]")
    return state(page)


def ui(page: Page) -> Locator:
    """The guided view."""
    return page.locator("dialog.hb-s")


def state(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(STATE)
    return found
