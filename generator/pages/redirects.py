"""Pages at exercises' former addresses, which lead to the current ones.

Clinics link to, print and embed the addresses of exercises; when an exercise's id changes,
its old id is kept in `former_ids`, and each old address gets a small static page that moves
the reader on (a refresh with a canonical link: both engines and every host serve it).
"""

from __future__ import annotations

from jinja2 import Environment

from ..book import Book
from .common import Pages, Settings, html_page, relative
from .embeds import EXERCISE_HEIGHT, oembed, oembed_path

#: Address patterns of an exercise's pages, each holding the id once.
EXERCISE_ADDRESSES = ("exercises/{}", "cards/exercises/{}", "embed/exercises/{}")


def redirect_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    pages = []
    for exercise in book.exercises:
        for old in exercise.former_ids:
            for pattern in EXERCISE_ADDRESSES:
                key, target = pattern.format(old), pattern.format(exercise.id)
                pages.append(
                    html_page(
                        env,
                        "redirect.html.j2",
                        key,
                        name=exercise.name,
                        target=relative(f"{key}/index.html", f"{target}/"),
                        canonical=settings.url(f"{target}/"),
                        settings=settings,
                    )
                )
    return pages


def former_oembed_files(book: Book, settings: Settings) -> dict[str, bytes]:
    """The oEmbed response of each exercise at its former addresses too."""
    return {
        oembed_path("exercises", old): oembed(
            settings, "exercises", exercise.id, exercise.name, EXERCISE_HEIGHT
        )
        for exercise in book.exercises
        for old in exercise.former_ids
    }
