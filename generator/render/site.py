"""Stage 3: turn the checked handbook into pages (Markdown with front matter) and assets.

Every `{{ }}` in a template is escaped by default (see escape.py); a template that means to
emit markup gets it from Python as Markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined

from generator import timings
from generator.i18n.languages import Language
from generator.render.outputs.qr import DrawnHere, StartQr
from generator.render.pages import ENTRY_FILE_KINDS, ENTRY_PAGE_KINDS, FILE_KINDS, PAGE_KINDS
from generator.render.pages.cards import card_pages, card_urls
from generator.render.pages.common import EVERY, Focus, Pages, Settings, md_link, slot, web_link
from generator.rules import words
from generator.safety import escape
from generator.source.book import Book
from generator.source.model import POSITIONS

TEMPLATES = Path(__file__).parent.parent / "templates"
ASSETS = Path(__file__).parent.parent / "assets"
#: Files served from the site root, such as /embed.js, whose URL clinics paste into pages.
STATIC = Path(__file__).parent.parent / "static"

__all__ = ["Settings", "make_environment", "render_pages"]


def make_environment(
    lang: Language,
    english: frozenset[str] = frozenset(),
    template_dir: Path = TEMPLATES,
    compiled: BytecodeCache | None = None,
) -> Environment:
    """A Jinja environment for one language that escapes every value and fails on any missing
    one. Interface words come from `lang`'s catalogue through `_` and `ngettext`; content text
    in `english` is shown where a translation is missing, marked lang="en" for screen readers.
    `compiled` keeps the templates compiled for the next language and the next run (Jinja
    checks each against its source).
    """
    text = partial(escape.marked, english=english)
    env = Environment(
        loader=FileSystemLoader(template_dir),
        undefined=StrictUndefined,
        finalize=text,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # an environment lives for one generate: no need to stat each time
        bytecode_cache=compiled,
    )
    env.globals["_"] = partial(escape.interface, lang.gettext, text)
    env.globals["ngettext"] = partial(escape.interface_plural, lang.ngettext, text)
    env.globals["link"] = md_link
    env.globals["web_link"] = web_link
    env.globals["slot"] = slot
    env.filters["dosage"] = partial(words.dosage_words, lang=lang)
    env.filters["minutes"] = partial(words.minutes_words, lang=lang)
    env.filters["equipment"] = partial(words.equipment_words, lang=lang)
    env.filters["frequency"] = partial(words.frequency_words, lang=lang)
    env.filters["position"] = lambda position: lang.gettext(POSITIONS[position])
    env.filters["capitalised"] = words.capitalised
    env.filters["css_colour"] = escape.css_colour  # CSS is not HTML: see escape.py
    return env


def draft_notice(settings: Settings, env: Environment) -> str:
    """The line a page of an unreviewed translation opens with, or ''."""
    if not settings.draft:
        return ""
    message = settings.lang.gettext("This translation has not yet been checked by a clinician.")
    return f'<p class="hb-notice" role="note">{message}</p>\n\n'


def with_notice(page: str, notice: str) -> str:
    """A Markdown page with `notice` after its front matter (HTML pages carry it themselves)."""
    if not notice or not page.startswith("---\n"):
        return page
    end = page.index("\n---\n", 4) + len("\n---\n")
    return page[:end] + "\n" + notice + page[end:].lstrip("\n")


def render_pages(
    book: Book,
    settings: Settings,
    env: Environment | None = None,
    *,
    start_qr: StartQr = DrawnHere,
    only: Focus = EVERY,
) -> dict[str, bytes]:
    """Every generated file of the docs folder, by its path inside that folder; with `only`
    a part of it: the own pages of the entries it names (and nothing else).

    `start_qr` draws the cards' QR codes: by default here, one after another; the publish
    stage passes one that keeps them between runs and draws the missing ones in processes.
    """
    env = env or make_environment(settings.lang, settings.english)
    only = only.around(book)
    files: dict[str, bytes] = {}
    # The QR codes are drawn in the background while the other pages are rendered.
    with start_qr(card_urls(book, settings, only=only)) as drawing:
        notice = draft_notice(settings, env)
        for name, make in page_kinds(only):
            with timings.stage(f"render {name}"):
                for path, text in make(book, settings, env):
                    files[path] = with_notice(text, notice).encode("utf-8")
        with timings.stage("QR codes (waiting for the drawing)"):
            codes = drawing.result()
        with timings.stage("render card_pages"):
            for path, text in card_pages(book, settings, env, codes, only=only):
                files[path] = text.encode("utf-8")
    for name, make_files in file_kinds(only):
        with timings.stage(f"render {name}"):
            files.update(make_files(book, settings))
    if only.whole:
        files |= fixed_files(book)
    return files


def page_kinds(only: Focus) -> list[tuple[str, Callable[[Book, Settings, Environment], Pages]]]:
    """The page kinds a run renders, by name: every one, or those of the entries in focus."""
    if only.whole:
        return [(kind.__name__, kind) for kind in PAGE_KINDS]
    return [(kind.__name__, partial(kind, only=only)) for kind in ENTRY_PAGE_KINDS]


def file_kinds(only: Focus) -> list[tuple[str, Callable[[Book, Settings], dict[str, bytes]]]]:
    """The kinds of other files a run writes, by name, as `page_kinds`."""
    if only.whole:
        return [(kind.__name__, kind) for kind in FILE_KINDS]
    return [(kind.__name__, partial(kind, only=only)) for kind in ENTRY_FILE_KINDS]


def fixed_files(book: Book) -> dict[str, bytes]:
    """The pictures, the site's scripts and styles, and the files served from its root."""
    files = {f"assets/images/{name}": data for name, data in book.images.items()}
    for asset in sorted(ASSETS.rglob("*")):
        # A README there (assets/vendor/README.md) is for the handbook's developers: copied,
        # MkDocs would make it an English page in every language.
        if asset.is_file() and asset.name != "README.md":
            files[f"assets/{asset.relative_to(ASSETS).as_posix()}"] = asset.read_bytes()
    for static in sorted(STATIC.rglob("*")):
        if static.is_file():
            files[static.relative_to(STATIC).as_posix()] = static.read_bytes()
    return files
