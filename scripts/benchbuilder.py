"""The programme builder's part of `make bench` (scripts/bench.py): its budgets measured on
the bundled handbook in headless Chromium."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def builder_section(folder: Path) -> str:
    """The programme builder on the bundled handbook: page and catalogue weight (gzip), time
    to usable on a 4x slower CPU, and a five-exercise programme's link and QR code."""
    try:
        from generator import pipeline
        from tests.browser import shared_browser, static_server, stop_shared_browser
        from tests.builder_budgets import THROTTLE, page_weight, qr_figures, time_to_usable
        from tests.test_builder import five_exercise_link
    except ImportError as error:  # the browser tools are in the test extra
        return f"\nprogramme builder: not measured ({error}; install '.[test]')"
    site = folder / "site"
    site.mkdir(parents=True)
    lines = ["", "programme builder (bundled content; budgets 150 KB, 60 KB, 1,000 ms)", ""]
    with static_server(site) as base_url:
        pipeline.build(ROOT / "content", folder / "docs", site, ROOT / "mkdocs.yml", base_url)
        browser = shared_browser()
        try:
            weights = page_weight(browser, site, base_url)
            usable = time_to_usable(browser, base_url, runs=5)
            page = browser.new_page()
            figures = []
            for note in ("", "x" * 200):
                link = five_exercise_link(page, base_url, note=note)
                page.goto(link)
                page.wait_for_selector(".hb-card .hb-qr", state="attached")
                figures.append((note, link, qr_figures(page)))
            page.close()
        finally:
            stop_shared_browser()
    lines += [
        "| measure | value |",
        "|---|---|",
        f"| builder page before the catalogue, gzip | {weights['page_kb']:.1f} KB |",
        f"| catalogue (exercises.json + routines.json), gzip | {weights['catalogue_kb']:.1f} KB |",
        f"| navigation to first checkbox enabled, CPU x{THROTTLE} | {usable:.0f} ms |",
    ]
    for note, link, qr in figures:
        what = "with a 200-character note" if note else "no note"
        lines.append(
            f"| 5 exercises, custom dosage, {what}: link / fragment | {len(link)} / "
            f"{len(link.split('#', 1)[1])} characters, QR version {qr['version']} "
            f"({qr['modules']} modules), {qr['module_mm']:.2f} mm a module at 25 mm |"
        )
    return "\n".join(lines)
