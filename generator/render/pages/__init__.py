"""The page kinds: each turns the checked handbook into (path, Markdown) pairs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from jinja2 import Environment

from generator.render.outputs.api import api_files
from generator.render.outputs.calendar import calendar_files
from generator.render.pages.builder import builder_pages
from generator.render.pages.common import Focus, Pages, Settings
from generator.render.pages.embeds import embed_pages, oembed_files
from generator.render.pages.evidence import causes_page, diagram_file, references_page
from generator.render.pages.exercises import exercise_pages
from generator.render.pages.home import embed_guide_page, home_page, safety_page
from generator.render.pages.offline import offline_pages
from generator.render.pages.progress import progress_page
from generator.render.pages.redirects import former_oembed_files, redirect_pages
from generator.render.pages.routines import routine_pages
from generator.render.pages.stylesheet import site_stylesheet
from generator.source.book import Book

PageKind = Callable[[Book, Settings, Environment], Pages]

#: Every kind of page but the cards, which wait for their QR codes (see render.py).
PAGE_KINDS: list[PageKind] = [
    home_page,
    exercise_pages,
    routine_pages,
    safety_page,
    causes_page,
    references_page,
    embed_pages,
    embed_guide_page,
    redirect_pages,
    builder_pages,
    progress_page,
    offline_pages,
]

FileKind = Callable[[Book, Settings], dict[str, bytes]]


class EntryPageKind(Protocol):
    """A page kind with a page of its own for each exercise or routine (see Focus)."""

    __name__: str

    def __call__(
        self, book: Book, settings: Settings, env: Environment, *, only: Focus
    ) -> Pages: ...


class EntryFileKind(Protocol):
    """A file kind with a file of its own for each exercise or routine (see Focus)."""

    __name__: str

    def __call__(self, book: Book, settings: Settings, *, only: Focus) -> dict[str, bytes]: ...


#: The kinds that render only the entries a Focus names (the cards aside, as above); a
#: focused run renders no other kind.
ENTRY_PAGE_KINDS: list[EntryPageKind] = [exercise_pages, routine_pages, embed_pages]
ENTRY_FILE_KINDS: list[EntryFileKind] = [oembed_files, calendar_files]

#: Generated files that are not Markdown pages.
FILE_KINDS: list[FileKind] = [
    oembed_files,
    former_oembed_files,
    site_stylesheet,
    diagram_file,
    api_files,
    calendar_files,
]
