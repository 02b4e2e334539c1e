"""The QR codes a generate needs, drawn in worker processes while the other pages are
rendered, and kept in one JSON file between generates: a card's URL rarely changes, so later
builds read it back. One file rather than one per code, because creating a thousand small
files costs more than the codes' bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.publish.forking import Pending, map_start, workers_for
from generator.publish.write import write_whole
from generator.render.outputs.qr import STYLE, draw_qr

#: Below this many missing codes per process, forking costs more than it saves.
MIN_CODES_PER_PROCESS = 100


def start_qr_svgs(urls: Iterable[str], cache: Path | None = None, jobs: int = 1) -> QrDrawing:
    """Start drawing the uncached codes in the background; collect them with `.result()`."""
    cached = _read_cache(cache)
    wanted = list(dict.fromkeys(urls))
    missing = [url for url in wanted if url not in cached]
    workers = workers_for(len(missing), jobs, MIN_CODES_PER_PROCESS)
    return QrDrawing(wanted, cached, missing, map_start(draw_qr, missing, workers), cache)


@dataclass
class QrDrawing:
    """Codes being drawn. The cache file keeps exactly the codes wanted, so codes of removed
    pages go with them."""

    wanted: list[str]
    cached: dict[str, str]
    missing: list[str]
    pending: Pending[str]
    cache: Path | None

    def result(self) -> dict[str, str]:
        made = self.pending.result()
        codes = {url: self.cached[url] for url in self.wanted if url in self.cached}
        codes.update(zip(self.missing, made, strict=True))
        if self.cache is not None and (self.missing or len(codes) != len(self.cached)):
            _write_cache(self.cache, codes)
        return codes

    def __enter__(self) -> QrDrawing:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pending.close()


def _read_cache(cache: Path | None) -> dict[str, str]:
    if cache is None:
        return {}
    try:
        stored = json.loads(cache.read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: the codes are simply drawn again
    if not isinstance(stored, dict) or stored.get("style") != STYLE:
        return {}
    codes = stored.get("codes")
    return codes if isinstance(codes, dict) else {}


def _write_cache(cache: Path, codes: dict[str, str]) -> None:
    write_whole(cache, json.dumps({"style": STYLE, "codes": codes}, sort_keys=True))
