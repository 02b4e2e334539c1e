"""QR codes as inline SVG, made by segno.

Encoding a QR code in pure Python takes about a millisecond, the largest single cost of
generating a big catalogue. So the render stage asks for every code its cards need at once
(`StartQr`), and the publish stage draws them in worker processes while the other pages are
rendered, and keeps them between generates (publish/qrcache.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from xml.sax.saxutils import escape

import segno

from generator.i18n.languages import N_, Language

#: Bump when the drawing below changes, so cached codes are made again.
STYLE = "m-byte-mask0-border2-v3"


class QrCodes(Protocol):
    """Codes being drawn, collected by `.result()` (url -> <svg>); `with` ends the drawing."""

    def result(self) -> dict[str, str]: ...

    def __enter__(self) -> QrCodes: ...

    def __exit__(self, *exc: object) -> None: ...


#: How the render stage has the codes it needs drawn: given every URL, start drawing them.
#: The publish stage passes one that caches and draws in processes (publish/qrcache.py).
StartQr = Callable[[list[str]], QrCodes]


@dataclass
class DrawnHere:
    """The codes drawn one after another in this process, when `.result()` asks."""

    urls: list[str]

    def result(self) -> dict[str, str]:
        return {url: draw_qr(url) for url in dict.fromkeys(self.urls)}

    def __enter__(self) -> DrawnHere:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


#: What a code's title says (`titled`): the drawing, cached and shared by every language,
#: is titled with its address alone.
TITLE = N_("QR code for %(url)s")


def titled(svg: str, url: str, *, lang: Language) -> str:
    """The code of `url`, drawn by `draw_qr`, with its title said in `lang`."""
    said = lang.gettext(TITLE) % {"url": url}
    return svg.replace(f"<title>{escape(url)}</title>", f"<title>{escape(said)}</title>", 1)


def draw_qr(url: str) -> str:
    """Encode `url` and draw it as an <svg> titled with the address (see `titled`), black
    on white."""
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
        title=url,
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)
