"""The stages in order: check (load + validate), generate (render + write), build (engine)."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import HandbookError
from .fingerprint import fingerprint, site_fingerprint
from .forking import cpu_count
from .write import NotOurFolderError, WriteReport, record_stamp, unchanged_stamp, write_tree

if TYPE_CHECKING:
    from .render import Settings
    from .validate import Book

DEFAULT_CONTENT = Path("content")
DEFAULT_CONFIG = Path("mkdocs.yml")
DEFAULT_DOCS = Path("build/docs")
DEFAULT_SITE = Path("site")


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without running the Python tags some Material settings use."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_settings(config_file: Path, site_url: str | None = None, pdf: bool = False) -> Settings:
    """Site name and URL from mkdocs.yml, with the command line's URL taking precedence."""
    from .render import Settings

    config = _read_config(config_file)
    url = site_url or config.get("site_url") or ""
    if url and not url.endswith("/"):
        url += "/"
    return Settings(
        site_name=str(config.get("site_name", "Foot exercise handbook")), site_url=url, pdf=pdf
    )


def _read_config(config_file: Path) -> dict[str, Any]:
    try:
        config = yaml.load(config_file.read_text("utf-8"), Loader=_Tolerant) or {}
    except (OSError, yaml.YAMLError) as error:
        raise HandbookError(f"{config_file}: cannot read the site configuration: {error}") from None
    if not isinstance(config, dict):
        raise HandbookError(f"{config_file}: the site configuration is not a mapping")
    return config


def theme_paths(config_file: Path) -> list[Path]:
    """The files besides the docs that MkDocs reads: the theme's custom_dir and the hooks."""
    config = _read_config(config_file)
    theme = config.get("theme")
    named = [theme.get("custom_dir")] if isinstance(theme, dict) else []
    named += config.get("hooks") or []
    return [config_file.parent / str(name) for name in named if name]


def check_content(content_dir: Path = DEFAULT_CONTENT) -> Book:
    """Load and validate; raise ContentError with every problem."""
    # Imported here, not above: a generate with nothing new to do never needs them.
    from .load import load_content
    from .validate import check

    return check(load_content(content_dir))


@dataclass(frozen=True)
class Generated:
    """The result of the generate stage."""

    #: The checked content; None when nothing had changed and the stage stopped early.
    book: Book | None
    report: WriteReport
    #: The content's review date as a timestamp, for reproducible builds.
    epoch: int
    #: A digest naming exactly what the docs folder holds; None when it cannot be known.
    docs_state: str | None


@dataclass(frozen=True)
class Built:
    """The result of the build stage."""

    generated: Generated
    #: False when no input of the site had changed and site/ was left untouched.
    site_rebuilt: bool


def generate(
    content_dir: Path = DEFAULT_CONTENT,
    docs_dir: Path = DEFAULT_DOCS,
    config_file: Path = DEFAULT_CONFIG,
    site_url: str | None = None,
    pdf: bool = False,
    jobs: int = 1,
) -> Generated:
    """Check the content and write the Markdown pages and assets into `docs_dir`.

    `jobs` processes may draw QR codes; the default of one keeps `mkdocs serve`, whose
    server runs threads, from forking. When no input changed since the last generate into
    `docs_dir` and the folder is as that generate left it, nothing is done (see fingerprint.py).
    """
    stamp_file = cache_dir(docs_dir) / "stamp.json"
    inputs = fingerprint(content_dir, config_file, site_url, pdf)
    if inputs is not None and (stamp := unchanged_stamp(docs_dir, stamp_file, inputs)):
        return Generated(None, WriteReport((), len(stamp.files), ()), stamp.epoch, stamp.digest)
    stamp_file.unlink(missing_ok=True)  # what it says is about to stop being true
    from .render import render_pages

    book = check_content(content_dir)
    settings = replace(
        read_settings(config_file, site_url, pdf),
        qr_cache=cache_dir(docs_dir) / "qr.json",
        jobs=jobs,
    )
    files = render_pages(book, settings)
    try:
        report = write_tree(files, docs_dir)
    except NotOurFolderError as error:
        raise HandbookError(str(error)) from None
    epoch = content_epoch(book)
    state = record_stamp(docs_dir, stamp_file, inputs, epoch) if inputs is not None else None
    return Generated(book, report, epoch, state)


def cache_dir(docs_dir: Path) -> Path:
    """Where the stages keep what lets a later run skip work: beside the docs folder."""
    return docs_dir.with_name(docs_dir.name + ".cache")


def build(
    content_dir: Path = DEFAULT_CONTENT,
    docs_dir: Path = DEFAULT_DOCS,
    site_dir: Path = DEFAULT_SITE,
    config_file: Path = DEFAULT_CONFIG,
    site_url: str | None = None,
    *,
    pdf: bool = False,
    jobs: int | None = None,
) -> Built:
    """Generate, then build the site (and card PDFs); the previous site survives any failure.

    When the pages are as the last build left them, as are every other input of the site
    and the site folder itself, nothing is built and no file is written.
    """
    from .engine import build_site

    after_build = None
    printer = None
    if pdf:
        from .chromium import chromium_path
        from .pdf import print_cards

        printer = chromium_path()  # fail before any work when Chromium is missing
    generated = generate(content_dir, docs_dir, config_file, site_url, pdf, jobs or cpu_count())
    stamp_file = cache_dir(docs_dir) / "site.json"
    inputs = None
    if generated.docs_state is not None:
        paths = theme_paths(config_file)
        inputs = site_fingerprint(
            generated.docs_state, config_file, paths, site_dir, site_url, printer
        )
    if inputs is not None and unchanged_stamp(site_dir, stamp_file, inputs, marker=None):
        return Built(generated, site_rebuilt=False)
    epoch = generated.epoch
    if pdf:

        def after_build(site: Path) -> None:
            print_cards(site, epoch)

    build_site(
        config_file,
        docs_dir,
        site_dir,
        site_url=site_url,
        source_date_epoch=epoch,
        after_build=after_build,
        jobs=jobs,
    )
    if inputs is not None:
        record_stamp(site_dir, stamp_file, inputs, epoch)
    return Built(generated, site_rebuilt=True)


def content_epoch(book: Book) -> int:
    """The content's review date as a timestamp: builds take dates from content, not the clock."""
    updated: datetime.date = book.handbook.updated
    return calendar.timegm(updated.timetuple())
