"""`handbook serve`: generate once, then hand over to `mkdocs serve`.

Live reload of content changes is done by the thin hook in mkdocs_hooks.py, which asks
MkDocs to watch the content folder and re-runs the generate stage before each rebuild.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import pipeline


def serve(content_dir: Path, docs_dir: Path, config_file: Path, dev_addr: str) -> None:
    """Preview the site with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    pipeline.generate(content_dir, docs_dir, config_file)
    os.environ["HANDBOOK_CONTENT"] = str(content_dir)
    os.environ["HANDBOOK_DOCS"] = str(docs_dir)
    mkdocs_serve(str(config_file), dev_addr=dev_addr, livereload=True)
