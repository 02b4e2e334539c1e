"""Render every exercise picture at card size and phone size, in grey, into one PNG.

Card size: the whole two-panel file 60 mm wide (30 mm a panel), printed at 150 dpi.
Phone size: the whole file 343 CSS px wide. Everything is shown through a grayscale filter to
prove the pictures read without colour. Look at the result after every change to a drawing.

    python scripts/contact_sheet.py [--images DIR] [--out build/pictures/contact-sheet.png]
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from generator.publish.chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402
from scripts.pictures.poses import EXERCISES  # noqa: E402

DPI = 150
CARD_MM = 60
PHONE_PX = 343

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><style>
body {{ margin: 0; padding: 8px; font: 13px sans-serif; background: #fff; filter: grayscale(1); }}
table {{ border-collapse: collapse; }}
td {{ border-bottom: 1px solid #ccc; padding: 6px 10px; vertical-align: middle; }}
th {{ text-align: left; padding: 4px 10px; }}
img.card {{ width: {card}mm; }}
img.phone {{ width: {phone}px; }}
img.panel {{ width: {panel}px; height: {panel_h}px; }}
</style></head><body><table>
<tr><th>exercise</th><th>card: {card} mm at {dpi} dpi</th><th>phone: {phone} px</th>
<th>phone, one panel at a time (#start, #end)</th></tr>
{rows}
</table></body></html>
"""

ROW = (
    '<tr><td>{name}</td><td><img class="card" src="{src}"></td>'
    '<td><img class="phone" src="{src}"></td>'
    '<td><img class="panel" src="{src}#start"> <img class="panel" src="{src}#end"></td></tr>'
)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--images", type=Path, default=ROOT / "content/images")
    parser.add_argument("--out", type=Path, default=ROOT / "build/pictures/contact-sheet.png")
    args = parser.parse_args()
    rows = "\n".join(
        ROW.format(name=html.escape(name), src=(args.images / f"{name}.svg").resolve().as_uri())
        for name in EXERCISES
    )
    page = PAGE.format(
        card=CARD_MM,
        phone=PHONE_PX,
        panel=PHONE_PX // 2,
        panel_h=PHONE_PX // 2 * 3 // 4,
        dpi=DPI,
        rows=rows,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "sheet.html"
        index.write_text(page, "utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_path()), args=CHROMIUM_ARGS
            )
            try:
                # 1 CSS px is 1/96 inch: this scale prints the card column at 150 dpi
                context = browser.new_context(
                    viewport={"width": 1400, "height": 800}, device_scale_factor=DPI / 96
                )
                page_ = context.new_page()
                page_.goto(index.as_uri())
                page_.wait_for_load_state("load")
                page_.screenshot(path=str(args.out), full_page=True)
            finally:
                browser.close()
    print(args.out)


if __name__ == "__main__":
    main()
