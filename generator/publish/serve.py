"""`handbook serve`: check the settings (and generate, if there are no pages yet), then hand
over to MkDocs' development server, whose every build generates first.

Live reload of content changes is done by the thin hook in mkdocs_hooks.py, which asks
MkDocs to watch the content folder and re-runs the generate stage before each rebuild. A
content mistake never stops the preview: the last good pages stay up, and the problems are
printed in the terminal and shown at the top of every page until they are fixed.

MkDocs serves the English build; after each one, every other language is built into its
folder of the served site (`/es/`, `/de/`) in workers kept for the next rebuild, so the
preview has every page the built site has, and reloads once all of them are done. Every
language's rebuild is MkDocs' dirty build: the pages whose generated files changed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import HandbookError

if TYPE_CHECKING:
    from generator.publish.forking import LastingPool


def serve(
    prepare: Callable[[], object],
    content_dir: Path,
    english: Path,
    config_file: Path,
    dev_addr: str,
) -> None:
    """Run `prepare` (which generates the pages if there are none yet), then preview the site
    with live reload until interrupted.

    `english` is the folder of the English pages that the generate step writes and MkDocs
    serves.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    _show_mkdocs_progress()
    try:
        prepare()
    except HandbookError as error:
        if not (english / "index.md").is_file():
            raise  # nothing good to show yet: the author fixes the content first
        print(f"{error}\nserving the last good pages until this is fixed", file=sys.stderr)
    os.environ["HANDBOOK_CONTENT"] = str(content_dir)
    # MkDocs' dirty reload rebuilds only the pages whose files the generate step rewrote (it
    # writes only what changed), so one saved exercise shows in about a second at any size; a
    # list page or the search index may lag until a full build, which the preview says.
    _allow_dirty_builds()
    try:
        mkdocs_serve(
            str(config_file),
            dev_addr=dev_addr,
            livereload=True,
            build_type="dirty",
            docs_dir=str(english.resolve()),
        )
    finally:
        stop_language_workers()


#: The workers that build the other languages, kept from one rebuild to the next.
_language_workers: LastingPool | None = None


def build_other_languages(
    languages: list[tuple[Path, str]] | None, site_dir: Path, environment: dict[str, str]
) -> list[str]:
    """Build every language but English (each a generated configuration and its folder in
    the site, "" for English) into `site_dir/<folder>/`, side by side in processes of their
    own, with `environment` set in each; return why any failed.

    Like the English build, each is MkDocs' dirty build (the pages the generate step rewrote),
    and its workers stay from one rebuild to the next: starting them and importing MkDocs
    again was most of a rebuild's time. They die with the preview.
    """
    global _language_workers
    from generator.publish.forking import LastingPool, cpu_count

    others = [(config, folder) for config, folder in languages or [] if folder]
    if not others:
        return []
    if _language_workers is None:
        _language_workers = LastingPool(min(len(others), cpu_count()))
    try:
        results = _language_workers.map(
            preview_language,
            [str(config) for config, _ in others],
            [str(site_dir / folder) for _, folder in others],
            [environment] * len(others),
        )
    except BrokenProcessPool:  # a worker was killed (out of memory, say): new ones next time
        results = ["its build process ended before the build did; the next save tries again"]
        results *= len(others)
    pairs = zip(others, results, strict=True)
    return [f"{folder}: {failure}" for (_, folder), failure in pairs if failure]


def preview_language(config_file: str, site_dir: str, environment: dict[str, str]) -> str | None:
    """In a worker: one language's dirty build for the preview (see build_other_languages)."""
    from generator.publish.engine import build_language

    os.environ.update(environment)
    _allow_dirty_builds()
    return build_language(config_file, site_dir, dirty=True)


def stop_language_workers() -> None:
    global _language_workers
    if _language_workers is not None:
        _language_workers.close()
        _language_workers = None


def _allow_dirty_builds() -> None:
    """Keep MkDocs' warning about dirty builds out of this process's builds (once)."""
    log = logging.getLogger("mkdocs.commands.build")
    if _not_the_dirty_build_warning not in log.filters:
        log.addFilter(_not_the_dirty_build_warning)


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns at every dirty build, and a warning stops a strict build: the preview
    asks for dirty builds on purpose and says what they mean on every page."""
    return "'dirty' build" not in record.getMessage()


def _show_mkdocs_progress() -> None:
    """Print MkDocs' progress lines ("Serving on ...", "Documentation built in ...")."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
