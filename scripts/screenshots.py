"""`make screenshots`: build the site and save a screenshot of every page kind at phone and
desktop widths, plus each card printed to PNG, into build/screenshots/ for people to look at."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from tests.browser import SCREENSHOTS, chromium, static_server  # noqa: E402

WIDTHS = {"phone": 375, "desktop": 1280}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        with static_server(site) as base:
            book = pipeline.build(
                ROOT / "content",
                Path(tmp) / "docs",
                site,
                ROOT / "mkdocs.yml",
                site_url=base,
                pdf=True,
            ).generated.book
            exercise, routine = book.exercises[0].id, book.routines[0].routine.id
            kinds = {
                "home": "",
                "exercises": "exercises/",
                "exercise": f"exercises/{exercise}/",
                "routine": f"routines/{routine}/",
                "causes": "causes/",
                "card": f"cards/{routine}/",
                "embed": f"embed/exercises/{exercise}/",
            }
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            with chromium() as browser:
                for label, width in WIDTHS.items():
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    for name, path in kinds.items():
                        page.goto(base + path, wait_until="networkidle")
                        page.screenshot(
                            path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True
                        )
            for pdf in sorted((site / "cards").rglob("*-a4.pdf")):
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "60",
                        "-png",
                        "-singlefile",
                        str(pdf),
                        str(SCREENSHOTS / f"print-{pdf.stem}"),
                    ],
                    check=True,
                )
    print(f"screenshots in {SCREENSHOTS.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
