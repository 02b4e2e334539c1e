"""Helpers for real-browser tests: a loopback static server and a headless Chromium."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, NamedTuple, cast

from playwright.sync_api import Browser, BrowserContext, Page, Response, sync_playwright

from generator.publish.chromium import CHROMIUM_ARGS, chromium_path

from .helpers.pages import AXE_URL, axe_script

SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # Keep-alive: a page's dozen files come over a few connections instead of one each
    # (a fifth off the accessibility test's time). Files are sent with their length.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the second waits for the
    # client's delayed acknowledgement of the first, 40 ms a response on a kept-alive
    # connection (http.client: 1,000 requests took 36.7 s with it, 0.4 s without).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path != "/" + AXE_URL:
            super().do_GET()
            return
        # Fetched over HTTP and cacheable, Chromium compiles axe once for a test's pages,
        # instead of on every page as when a route answered it (about a tenth of the
        # accessibility test's CPU time).
        body = axe_script()
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A page closed while a file was on its way: the browser hung up, nothing went
        # wrong. The default printed a traceback to stderr, from the server's thread, into
        # whichever test was capturing stderr at the time (test_authoring reads its own).
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port; yields the base URL with a trailing slash."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_shared: list[Any] = []  # [playwright, browser] once started


def shared_browser() -> Browser:
    """The one headless Chromium of this test session, started on first use.

    Playwright's sync API allows one running instance per thread, and starting Chromium costs
    about a second, so every test shares this one and opens its own pages or contexts.
    """
    if not _shared:
        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(
            executable_path=str(chromium_path()), args=CHROMIUM_ARGS
        )
        _shared.extend([playwright, browser])
    return cast(Browser, _shared[1])


def stop_shared_browser() -> None:
    if _shared:
        playwright, browser = _shared
        browser.close()
        playwright.stop()
        _shared.clear()


@contextmanager
def chromium() -> Iterator[Browser]:
    """The shared browser; pages a test opened in it are closed when the block ends."""
    browser = shared_browser()
    before = {id(context) for context in browser.contexts}
    try:
        yield browser
    finally:
        for context in browser.contexts:
            if id(context) not in before:
                context.close()


class Opened(NamedTuple):
    page: Page
    #: The response to the page's own request (a 404 page's included).
    response: Response


def open_side_by_side(
    context: BrowserContext,
    urls: Sequence[str],
    watch: Callable[[Page], None] | None = None,
    until: Literal["load", "networkidle"] = "networkidle",
) -> list[Opened]:
    """A page of `context` for each of `urls`, with its response, returned once each has
    loaded and, by default, its network has stayed idle (Playwright's "networkidle": half a
    second with no request).

    The pages load at the same time, so that half second is waited for once, not once a page.
    `watch` is called on each page before it opens (to listen to its requests, say)."""
    opened = []
    for url in urls:
        page = context.new_page()
        if watch is not None:
            watch(page)
        response = page.goto(url, wait_until="commit")
        assert response is not None, url
        opened.append(Opened(page, response))
    for page, _ in opened:
        page.wait_for_load_state(until)
    return opened


def record_requests(page: Page) -> list[str]:
    """Every URL the page asks for, in order; requests off loopback are refused."""
    seen: list[str] = []

    def handle(route, request) -> None:  # type: ignore[no-untyped-def]
        seen.append(request.url)
        if request.url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", handle)
    return seen


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot under build/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
