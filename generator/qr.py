"""QR codes as inline SVG, made by segno and kept in a small content-addressed cache.

Encoding a QR code in pure Python takes a millisecond or two, the largest single cost of
generating a big catalogue. So the codes a generate needs are made together, in one forked
process per CPU when there are many, and each is kept in the cache: a card's URL rarely
changes, so later builds read it back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import segno

from .forking import fork_map, workers_for

#: Bump when the drawing below changes, so cached codes are made again.
STYLE = "m-byte-mask0-border2-v2"
#: Below this many missing codes per process, forking costs more than it saves.
MIN_CODES_PER_PROCESS = 100


def qr_svgs(urls: Iterable[str], cache: Path | None = None, jobs: int = 1) -> dict[str, str]:
    """The QR code of each URL as an <svg> element, making the uncached ones in `jobs` processes."""
    codes: dict[str, str] = {}
    missing = []
    for url in dict.fromkeys(urls):
        cached = _cache_file(url, cache)
        if cached is not None and cached.is_file():
            codes[url] = cached.read_text("utf-8")
        else:
            missing.append(url)
    made = fork_map(draw_qr, missing, workers_for(len(missing), jobs, MIN_CODES_PER_PROCESS))
    for url, svg in zip(missing, made, strict=True):
        codes[url] = svg
        _store(_cache_file(url, cache), svg)
    return codes


def draw_qr(url: str) -> str:
    """Encode `url` and draw it as an <svg> with a title, black on white."""
    # A fixed mask skips segno's search over all eight masks (most of its time); the mask
    # only tunes how even the pattern looks, and every reader decodes any of them. Byte mode
    # and a fixed error level skip two more searches: level M already survives a smudge.
    code = segno.make(url, error="m", mask=0, mode="byte", boost_error=False, micro=False)
    svg = code.svg_inline(
        scale=1,
        border=2,
        omitsize=True,
        dark="#000",
        light="#fff",
        svgclass="hb-qr",
        title=f"QR code for {url}",
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _cache_file(url: str, cache: Path | None) -> Path | None:
    if cache is None:
        return None
    key = hashlib.sha256(f"{STYLE}\n{url}".encode()).hexdigest()[:40]
    return cache / f"{key}.svg"


def _store(cached: Path | None, svg: str) -> None:
    if cached is None:
        return
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".tmp")
    partial.write_text(svg, "utf-8")
    partial.replace(cached)
