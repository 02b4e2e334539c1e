"""Thin glue for `mkdocs serve`: watch content/ and regenerate pages before each rebuild.

Nothing the site needs lives here: `handbook generate` writes every page, so an engine that
runs no hooks (Zensical) builds the same site.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from generator import pipeline
from generator.errors import HandbookError

log = logging.getLogger("mkdocs.handbook")
_serving = False


def _content() -> Path:
    return Path(os.environ.get("HANDBOOK_CONTENT", pipeline.DEFAULT_CONTENT))


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(_content().resolve()))
    return server


def on_pre_build(config: Any) -> None:
    if not _serving:
        return
    docs = Path(os.environ.get("HANDBOOK_DOCS", config["docs_dir"]))
    try:
        pipeline.generate(_content(), docs, Path(config["config_file_path"]))
    except HandbookError as error:
        # Keep serving the last good pages; show the author what to fix.
        log.error("content has problems, showing the last good pages:\n%s", error)
