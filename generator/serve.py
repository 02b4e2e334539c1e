"""`handbook serve`: generate once, then hand over to MkDocs' development server.

Live reload of content changes is done by the thin hook in mkdocs_hooks.py, which asks
MkDocs to watch the content folder and re-runs the generate stage before each rebuild. A
content mistake never stops the preview: the last good pages stay up, and the problems are
printed in the terminal and shown at the top of every page until they are fixed.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from . import pipeline
from .errors import HandbookError


def serve(content_dir: Path, docs_dir: Path, config_file: Path, dev_addr: str) -> None:
    """Preview the site with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    _show_mkdocs_progress()
    try:
        pipeline.generate(content_dir, docs_dir, config_file)
    except HandbookError as error:
        if not (pipeline.english_pages(docs_dir) / "index.md").is_file():
            raise  # nothing good to show yet: the author fixes the content first
        print(f"{error}\nserving the last good pages until this is fixed", file=sys.stderr)
    os.environ["HANDBOOK_CONTENT"] = str(content_dir)
    english = pipeline.english_pages(docs_dir)
    mkdocs_serve(
        str(config_file), dev_addr=dev_addr, livereload=True, docs_dir=str(english.resolve())
    )


def _show_mkdocs_progress() -> None:
    """Print MkDocs' progress lines ("Serving on ...", "Documentation built in ...")."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
