"""The stages in order: check (load + validate), generate (render + write), build (engine)."""

from __future__ import annotations

import calendar
import datetime
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from generator import timings
from generator.publish import folders
from generator.publish.fingerprint import fingerprint, site_fingerprint
from generator.publish.forking import cpu_count, sigterm_interrupts
from generator.publish.write import WriteReport, record_stamp, unchanged_stamp, write_tree
from generator.source import siteconfig
from generator.source.siteconfig import SiteConfig

if TYPE_CHECKING:
    from generator.render.pages.common import Focus
    from generator.source.book import Book

DEFAULT_CONTENT = Path("content")
DEFAULT_CONFIG = Path("mkdocs.yml")
DEFAULT_DOCS = Path("build/docs")
DEFAULT_SITE = Path("site")


def check_content(content_dir: Path = DEFAULT_CONTENT) -> Book:
    """Load and validate; raise ContentError with every problem."""
    # Imported here, not above: a generate with nothing new to do never needs them.
    from generator.check.validate import check
    from generator.source.load import load_content

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


def load_site(config_file: Path, docs_dir: Path, site_url: str | None = None) -> SiteConfig:
    """The site's configuration, read once by MkDocs, after checking the docs folder is usable."""
    folders.usable_folder(docs_dir, "the generated pages' folder (--docs)")
    english = english_pages(docs_dir)
    try:
        docs_dir.mkdir(parents=True, exist_ok=True)
        if not folders.is_ours(docs_dir):
            folders.mark(docs_dir)  # checked above: missing or empty, so ours from now on
        english.mkdir(exist_ok=True)  # MkDocs checks that docs_dir exists
    except OSError as error:
        raise folders.os_problem(error, f"make the folder {english}") from None
    return siteconfig.load(config_file, english, site_url)


def english_pages(docs_dir: Path) -> Path:
    """The English pages inside the docs folder, which holds a folder per language (and the
    MkDocs configuration of each); mkdocs.yml names this one as its docs_dir."""
    return docs_dir / "en"


def generate(
    content_dir: Path = DEFAULT_CONTENT,
    docs_dir: Path = DEFAULT_DOCS,
    config_file: Path = DEFAULT_CONFIG,
    site_url: str | None = None,
    pdf: bool = False,
    jobs: int = 1,
) -> Generated:
    """Read the configuration, then generate (see `generate_for`) under the docs folder's lock."""
    with checked_site(content_dir, docs_dir, config_file, site_url) as site:
        return generate_for(site, content_dir, docs_dir, pdf=pdf, jobs=jobs)


@contextmanager
def checked_site(
    content_dir: Path, docs_dir: Path, config_file: Path, site_url: str | None = None
) -> Iterator[SiteConfig]:
    """The site's configuration, once the folders are checked apart, with the docs folder
    locked for the block."""
    folders.separate({"--docs": docs_dir, "--content": content_dir})
    with folders.locked(docs_dir):
        yield load_site(config_file, docs_dir, site_url)


def prepare_preview(content_dir: Path, docs_dir: Path, config_file: Path) -> None:
    """What `handbook serve` does before MkDocs starts: generate the pages if there are none
    yet (so that a mistake stops it at once), else only check the folders and configuration.

    Pages already there are made again by the first build's hook, for the preview's address;
    making them here as well, for the site's, made every page twice and printed every mistake
    twice (at a thousand exercises, seven to ten seconds of each start).
    """
    if not (english_pages(docs_dir) / "index.md").is_file():
        generate(content_dir, docs_dir, config_file)
        return
    with checked_site(content_dir, docs_dir, config_file):
        pass


def generate_for(
    site: SiteConfig,
    content_dir: Path,
    docs_dir: Path,
    *,
    pdf: bool = False,
    jobs: int = 1,
    only: Focus | None = None,
) -> Generated:
    """Check the content and write the pages and assets of `site` into `docs_dir`.

    `jobs` processes may draw QR codes; the default of one keeps `mkdocs serve`, whose
    server runs threads, from forking. When no input changed since the last generate into
    `docs_dir` and the folder is as that generate left it, nothing is done (see fingerprint.py).
    With `only` (the preview's quick path), the whole content is checked but only the pages
    of the entries it names are written; the folder is then no longer as any stamp says.
    """
    stamp_file = folders.cache_dir(docs_dir) / "stamp.json"
    inputs = fingerprint(content_dir, site, pdf) if only is None else None
    if inputs is not None and (stamp := unchanged_stamp(docs_dir, stamp_file, inputs)):
        return Generated(None, WriteReport((), len(stamp.files), ()), stamp.epoch, stamp.digest)
    stamp_file.unlink(missing_ok=True)  # what it says is about to stop being true
    from generator.check.editions import check_editions, config_name, generated_config, status
    from generator.publish.qrcache import start_qr_svgs
    from generator.render.pages.common import EVERY, Settings
    from generator.render.pages.home import status_page
    from generator.render.site import make_environment, render_pages

    with timings.stage("load and validate (every language)"):
        checked = check_editions(content_dir)
    for warning in checked.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    files: dict[str, bytes] = {}
    cache = folders.cache_dir(docs_dir)
    templates = folders.compiled_templates(cache / "templates")
    for edition in checked.editions:
        settings = Settings(
            site_name=edition.lang.gettext(site.name),
            site_url=site.url + edition.folder,
            short_name=edition.lang.gettext(site.short_name),
            pdf=pdf,
            lang=edition.lang,
            english=edition.english,
            draft=edition.draft,
        )
        env = make_environment(edition.lang, edition.english, compiled=templates)
        pages = render_pages(
            edition.book,
            settings,
            env,
            start_qr=partial(start_qr_svgs, cache=cache / "qr.json", jobs=jobs),
            only=only or EVERY,
        )
        files |= {f"{edition.code}/{name}": data for name, data in pages.items()}
        if only is not None:
            continue
        if len(checked.editions) > 1:
            page = status_page(status(checked.editions), settings, env)
            files[f"{edition.code}/translations/index.md"] = page.encode()
        if len(checked.editions) > 1:
            config = generated_config(site, edition, checked.editions, docs_dir)
            files[config_name(edition)] = config.encode()
    from generator.render.pages.redirects import (
        server_redirects,  # one file for every language, at the root
    )

    if only is None:
        rules = server_redirects(site.url, [(e.folder, e.book) for e in checked.editions])
        files |= {f"{checked.editions[0].code}/{name}": data for name, data in rules.items()}
    book = checked.english
    try:
        with timings.stage("write the pages"):
            report = write_tree(files, docs_dir, part=only is not None)
    except OSError as error:
        raise folders.os_problem(error, f"write the pages into {docs_dir}") from None
    epoch = content_epoch(book)
    state = None
    if inputs is not None:
        state = record_stamp(docs_dir, stamp_file, inputs, epoch, report.listing)
    return Generated(book, report, epoch, state)


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
    from generator.publish.engine import build_site

    folders.usable_folder(site_dir, "the site folder (--output)")
    folders.separate({"--output": site_dir, "--docs": docs_dir, "--content": content_dir})
    folders.not_around(site_dir, "the site folder (--output)", config_file.absolute().parent)
    printer = None
    if pdf:
        from generator.publish.chromium import chromium_path

        printer = chromium_path()  # fail before any work when Chromium is missing
    with ExitStack() as locks:
        locks.enter_context(sigterm_interrupts())  # so that no worker nor staging folder is left
        locks.enter_context(folders.locked(docs_dir))
        locks.enter_context(folders.locked(site_dir))
        site = load_site(config_file, docs_dir, site_url)
        jobs = jobs or cpu_count()
        generated = generate_for(site, content_dir, docs_dir, pdf=pdf, jobs=jobs)
        stamp_file = folders.cache_dir(docs_dir) / "site.json"
        inputs = None
        if generated.docs_state is not None:
            inputs = site_fingerprint(generated.docs_state, site, site_dir, printer)
        if inputs is not None and unchanged_stamp(site_dir, stamp_file, inputs, marker=None):
            return Built(generated, site_rebuilt=False)
        build_site(
            site,
            site_dir,
            languages=language_configs(docs_dir),
            source_date_epoch=generated.epoch,
            after_build=_card_printer(generated.epoch) if pdf else _pdf_keeper(site_dir),
            jobs=jobs,
        )
        if inputs is not None:
            record_stamp(site_dir, stamp_file, inputs, generated.epoch)
        return Built(generated, site_rebuilt=True)


def language_configs(docs_dir: Path) -> list[tuple[Path, str]] | None:
    """The generated configuration of each language and its folder in the site ("" for
    English, at the root), when the handbook has more than one language."""
    configs = sorted(docs_dir.glob("mkdocs.*.yml"))
    if not configs:
        return None
    found = [(path, path.name.split(".")[1]) for path in configs]
    return sorted(
        ((path, "" if code == "en" else code) for path, code in found),
        key=lambda item: item[1],
    )


def _pdf_keeper(previous: Path) -> Callable[[Path], None]:
    """A plain build keeps the PDFs of the cards unchanged since a --pdf build (see pdf.py)."""
    from generator.publish.pdf import keep_printed, kept_message

    def after_build(site: Path) -> None:
        message = kept_message(*keep_printed(previous.absolute(), site))
        if message:
            print(message, file=sys.stderr)

    return after_build


def _card_printer(epoch: int) -> Callable[[Path], None]:
    from generator.publish.pdf import print_cards

    def after_build(site: Path) -> None:
        print_cards(site, epoch)

    return after_build


def content_epoch(book: Book) -> int:
    """The content's review date as a timestamp: builds take dates from content, not the clock."""
    updated: datetime.date = book.handbook.updated
    return calendar.timegm(updated.timetuple())
