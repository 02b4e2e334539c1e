"""Embeds in a real host page on another origin, in headless Chromium."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Frame, Page

from .browser import chromium, record_requests, screenshot, static_server

pytestmark = pytest.mark.browser

HOSTILE = """<iframe id="hostile" srcdoc="<script>
setInterval(function () {
  parent.postMessage({type: 'foot-handbook:height', height: 5}, '*');
}, 50);
</script>"></iframe>"""


def host_page(folder: Path, snippet: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Clinic</title>"
        "<style>body{font-family:sans-serif;margin:0 auto;max-width:720px;padding:1rem}"
        "header{background:#234;color:#fff;padding:1rem}</style></head><body>"
        "<header>Riverside Physio: your exercises</header><p>Our physiotherapist chose this "
        f"exercise for you.</p>{snippet}<p>Call us on 01234 567890.</p>{HOSTILE}</body></html>",
        "utf-8",
    )


def embed_frame(page: Page) -> Frame:
    frame = next((f for f in page.frames if "/embed/" in f.url), None)
    assert frame is not None, [f.url for f in page.frames]
    return frame


def settle(page: Page) -> tuple[float, float]:
    """Wait until the iframe is as tall as its content; return (iframe, content) heights."""
    page.wait_for_function(
        "() => { const f = document.querySelector('iframe[src*=\"/embed/\"]');"
        " return f && f.style.height !== ''; }"
    )
    frame = embed_frame(page)
    for _ in range(50):
        outer = page.eval_on_selector("iframe[src*='/embed/']", "f => f.clientHeight")
        inner = frame.evaluate("document.documentElement.getBoundingClientRect().height")
        if abs(outer - inner) <= 1:
            return outer, inner
        page.wait_for_timeout(50)
    raise AssertionError(f"iframe {outer}px never matched its content {inner}px")


def oembed_json(site: Path, kind: str, ident: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "oembed" / kind / f"{ident}.json").read_text())
    return data


@pytest.mark.parametrize("kind", ["exercises", "routines"])
def test_embed_in_a_host_page_on_another_origin(built_site: Any, tmp_path: Path, kind: str) -> None:
    site, base_url, book = built_site
    ident = book.exercises[0].id if kind == "exercises" else book.routines[0].routine.id
    host_page(tmp_path / "host", oembed_json(site, kind, ident)["html"])
    with static_server(tmp_path / "host") as host_url, chromium() as browser:
        context = browser.new_context(viewport={"width": 1024, "height": 800})
        page = context.new_page()
        requests = record_requests(page)
        page.goto(host_url)
        outer, inner = settle(page)
        assert inner > 300
        frame = embed_frame(page)
        assert frame.evaluate("document.documentElement.scrollHeight <= window.innerHeight"), (
            "the iframe shows an inner scrollbar"
        )
        screenshot(page, f"embed-{kind}-in-host-desktop")

        page.set_viewport_size({"width": 360, "height": 800})
        narrow_outer, _narrow_inner = settle(page)
        assert narrow_outer > outer, "the iframe did not grow when the viewport narrowed"
        screenshot(page, f"embed-{kind}-in-host-phone")

        # Hostile frame keeps posting height 5; our window posts too: nothing may change.
        page.evaluate("window.postMessage({type: 'foot-handbook:height', height: 7}, '*')")
        page.wait_for_timeout(400)
        after = page.eval_on_selector("iframe[src*='/embed/']", "f => f.clientHeight")
        assert after == narrow_outer

        origins = {
            re.match(r"https?://[^/]+", url).group(0)
            for url in requests  # type: ignore[union-attr]
            if url.startswith("http")
        }
        assert origins <= {base_url.rstrip("/"), host_url.rstrip("/")}, origins
        assert context.cookies() == []
        context.close()


def test_embed_page_is_small_and_loads_no_material_bundle(built_site: Any) -> None:
    _site, base_url, book = built_site
    plan = max(book.routines, key=lambda p: len(p.items))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 320, "height": 640})
        sizes: list[tuple[str, int]] = []
        # What a host sends with the usual gzip compression; pictures below the fold wait
        # (loading="lazy") until the reader scrolls to them.
        page.on(
            "requestfinished",
            lambda r: sizes.append((r.url, len(gzip.compress(r.response().body())))),
        )
        page.goto(f"{base_url}embed/routines/{plan.routine.id}/", wait_until="networkidle")
        total = sum(size for _, size in sizes)
        assert total < 50 * 1024, sizes
        assert not any("bundle" in url or "material" in url for url, _ in sizes), sizes
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        screenshot(page, "embed-routine-320px")


def test_theming_parameters_are_validated_and_never_echoed(built_site: Any) -> None:
    _site, base_url, book = built_site
    ident = book.exercises[0].id
    with chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base_url}embed/exercises/{ident}/?accent=8a3b12&size=large")
        assert (
            page.evaluate(
                "getComputedStyle(document.documentElement).getPropertyValue('--hb-accent').trim()"
            )
            == "#8a3b12"
        )
        assert page.evaluate("document.documentElement.classList.contains('hb-size-large')")
        hostile = "%22%3E%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E"
        page.goto(f"{base_url}embed/exercises/{ident}/?accent={hostile}&size={hostile}&x={hostile}")
        assert page.evaluate("window.pwned") is None
        assert "pwned" not in page.content()
        assert (
            page.evaluate(
                "getComputedStyle(document.documentElement).getPropertyValue('--hb-accent').trim()"
            )
            == "#1f5f5b"
        )


def test_oembed_responses_follow_the_specification(built_site: Any) -> None:
    site, base_url, book = built_site
    files = sorted((site / "oembed").rglob("*.json"))
    former = sum(len(exercise.former_ids) for exercise in book.exercises)
    former += sum(len(plan.routine.former_ids) for plan in book.routines)
    assert len(files) == len(book.exercises) + len(book.routines) + former
    for path in files:
        data = json.loads(path.read_text())
        # oEmbed 1.0: version and type always; html, width and height for type "rich".
        assert data["version"] == "1.0" and data["type"] == "rich"
        assert isinstance(data["html"], str) and "<iframe" in data["html"]
        assert isinstance(data["width"], int) and isinstance(data["height"], int)
        for optional in ("title", "provider_name", "provider_url"):
            assert isinstance(data[optional], str)
        assert data["provider_url"] == base_url
        assert 'sandbox="allow-scripts' in data["html"] and 'loading="lazy"' in data["html"]
        assert 'referrerpolicy="no-referrer"' in data["html"] and " title=" in data["html"]


def test_full_pages_announce_their_oembed_and_show_the_snippet(built_site: Any) -> None:
    site, base_url, book = built_site
    exercise = book.exercises[0]
    html = (site / "exercises" / exercise.id / "index.html").read_text("utf-8")
    assert (
        f'<link rel=" alternate" type="application/json+oembed" '  # " alternate": test_requests
        f'href="{base_url}oembed/exercises/{exercise.id}.json"'
    ) in html
    assert "Embed on your site" in html and "embed.js" in html


def test_the_snippet_on_a_full_page_can_be_copied_as_it_is(built_site: Any) -> None:
    _, base_url, book = built_site
    exercise = book.exercises[0]
    with chromium() as browser:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(f"{base_url}exercises/{exercise.id}/", wait_until="networkidle")
        # The code is for clinics' web managers, so it waits in a closed details block.
        assert not page.locator("pre", has_text="<iframe").is_visible()
        page.get_by_text("Show the code for your website").click()
        block = page.locator("pre", has_text="<iframe")
        assert block.count() == 1
        code = block.locator("code").inner_text()
        assert code.startswith(f'<iframe src="{base_url}embed/exercises/{exercise.id}/"')
        assert f'<script src="{base_url}embed.js" async></script>' in code
        block.locator('button[data-md-type="copy"]').click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == code.strip()


def test_embed_scripts_use_no_cookies_or_storage() -> None:
    root = Path(__file__).resolve().parent.parent / "generator"
    for script in (root / "static" / "embed.js", root / "assets" / "embed-frame.js"):
        text = script.read_text("utf-8")
        for forbidden in ("cookie", "localStorage", "sessionStorage", "indexedDB", "innerHTML"):
            assert forbidden not in text, (script.name, forbidden)
