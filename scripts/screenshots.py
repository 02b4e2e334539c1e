"""`make screenshots`: build the site and save a screenshot of every page kind at 320, 375 and
1280 px, and at 375 px in the dark scheme, plus each card printed on A4 and US Letter to PNG,
into build/screenshots/ for people to look at."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from tests.browser import SCREENSHOTS, chromium, static_server  # noqa: E402
from tests.helpers.pages import axe_page_kinds  # noqa: E402

#: Width and colour scheme of each set of screenshots (light: no suffix).
VIEWS = ((320, "light"), (375, "light"), (1280, "light"), (375, "dark"))
#: Enough to read a card's fine print on screen.
PRINT_DPI = "150"


def printed_name(site: Path, pdf: Path) -> str:
    """cards/exercises/ball-roll/ball-roll-a4.pdf -> exercises-ball-roll-ball-roll-a4."""
    return pdf.relative_to(site / "cards").with_suffix("").as_posix().replace("/", "-")


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
            kinds = axe_page_kinds(book) | {"builder": "builder/", "programme": "programme/"}
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            with chromium() as browser:
                for width, scheme in VIEWS:
                    page = browser.new_page(
                        viewport={"width": width, "height": 900}, color_scheme=scheme
                    )
                    suffix = "" if scheme == "light" else f"-{scheme}"
                    for name, path in kinds.items():
                        page.goto(base + path, wait_until="networkidle")
                        page.screenshot(
                            path=str(SCREENSHOTS / f"{name}-{width}{suffix}.png"), full_page=True
                        )
            for pdf in sorted((site / "cards").rglob("*.pdf")):
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        PRINT_DPI,
                        "-png",
                        "-singlefile",
                        str(pdf),
                        str(SCREENSHOTS / f"print-{printed_name(site, pdf)}"),
                    ],
                    check=True,
                )
    print(f"screenshots in {SCREENSHOTS.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
