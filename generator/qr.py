"""QR codes as inline SVG, made by segno and kept in a small content-addressed cache.

Encoding a QR code in pure Python takes a millisecond or two, the largest single cost of
generating a big catalogue; a card's URL rarely changes, so each code is made once and
read back on later builds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import segno

#: Bump when the drawing below changes, so cached codes are made again.
STYLE = "m-mask0-border2-v1"


def qr_svg(url: str, cache: Path | None = None) -> str:
    """The QR code of `url` as an <svg> element with a title, black on white."""
    key = hashlib.sha256(f"{STYLE}\n{url}".encode()).hexdigest()[:40]
    cached = cache / f"{key}.svg" if cache is not None else None
    if cached is not None and cached.is_file():
        return cached.read_text("utf-8")
    # A fixed mask skips segno's search over all eight masks (most of its time); the mask
    # only tunes how even the pattern looks, and every reader decodes any of them.
    code = segno.make(url, error="m", mask=0)
    svg = code.svg_inline(
        scale=1,
        border=2,
        omitsize=True,
        dark="#000",
        light="#fff",
        svgclass="hb-qr",
        title=f"QR code for {url}",
    )
    svg = svg.replace("<svg ", '<svg role="img" ', 1)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".tmp")
        partial.write_text(svg, "utf-8")
        partial.replace(cached)
    return svg
