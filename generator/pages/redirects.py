"""Pages at exercises' and routines' former addresses, which lead to the current ones.

Clinics link to, print and embed these addresses; when an id changes, the old id is kept in
`former_ids`, and each old address gets a small static page that moves the reader on (a
refresh with a canonical link: both engines and every host serve it).
"""

from __future__ import annotations

from jinja2 import Environment

from ..book import Book
from .common import Pages, Settings, html_page, relative
from .embeds import HEIGHTS, oembed, oembed_path

#: Address patterns of each kind's pages, each holding the id once.
ADDRESSES = {
    "exercises": ("exercises/{}", "cards/exercises/{}", "embed/exercises/{}"),
    "routines": ("routines/{}", "cards/{}", "embed/routines/{}"),
}


def _renamed(book: Book) -> list[tuple[str, str, str, str]]:
    """(kind, old id, current id, name) of every former id."""
    found = [("exercises", old, e.id, e.name) for e in book.exercises for old in e.former_ids]
    found += [
        ("routines", old, p.routine.id, p.routine.name)
        for p in book.routines
        for old in p.routine.former_ids
    ]
    return found


def redirect_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    pages = []
    for kind, old, ident, name in _renamed(book):
        for pattern in ADDRESSES[kind]:
            key, target = pattern.format(old), pattern.format(ident)
            pages.append(
                html_page(
                    env,
                    "redirect.html.j2",
                    key,
                    name=name,
                    target=relative(f"{key}/index.html", f"{target}/"),
                    canonical=settings.url(f"{target}/"),
                    settings=settings,
                )
            )
    return pages


def former_oembed_files(book: Book, settings: Settings) -> dict[str, bytes]:
    """The oEmbed response of each exercise and routine at its former addresses too."""
    return {
        oembed_path(kind, old): oembed(settings, kind, ident, name, HEIGHTS[kind])
        for kind, old, ident, name in _renamed(book)
    }
