"""Printable cards: one per routine and one per exercise, each fitting one page.

A card is written as a raw HTML block inside its Markdown page (our markup, escaped data)
and rendered by the frameless `card.html` template, which carries only print-ready CSS.
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from ..qr import qr_svg
from ..validate import Book
from .common import Pages, Settings, html_page, page, picture, relative

DAYS = 7


def card_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    pages = []
    brand = book.clinic.name if book.clinic else settings.site_name
    common: dict[str, object] = {"book": book, "settings": settings, "brand": brand, "days": DAYS}
    for plan in book.routines:
        key = f"cards/{plan.routine.id}"
        path = f"{key}/index.html"
        common["logo"] = clinic_logo(book, path)
        online = settings.url(f"routines/{plan.routine.id}/")
        pages.append(
            html_page(
                env,
                "card-routine.html.j2",
                key,
                **card_context(path, plan.routine.name),
                plan=plan,
                qr=qr_code(online, settings),
                online=online,
                back=relative(path, f"routines/{plan.routine.id}/"),
                thumbs={
                    i.exercise.id: picture(path, i.exercise, "hb-card-thumb") for i in plan.items
                },
                pdf_name=plan.routine.id,
                **common,
            )
        )
    for exercise in book.exercises:
        key = f"cards/exercises/{exercise.id}"
        path = f"{key}/index.html"
        common["logo"] = clinic_logo(book, path)
        online = settings.url(f"exercises/{exercise.id}/")
        pages.append(
            html_page(
                env,
                "card-exercise.html.j2",
                key,
                **card_context(path, exercise.name),
                exercise=exercise,
                qr=qr_code(online, settings),
                online=online,
                back=relative(path, f"exercises/{exercise.id}/"),
                image=picture(path, exercise, "hb-card-picture"),
                pdf_name=exercise.id,
                **common,
            )
        )
    pages.append(
        page(
            env,
            "card-index.md.j2",
            "cards/index.md",
            {
                "title": "Printable cards",
                "description": "One-page cards for the fridge, with a week's tick-box log.",
            },
            book=book,
        )
    )
    return pages


def clinic_logo(book: Book, path: str) -> Markup | None:
    """The clinic's logo for a card's header, when one is configured."""
    if book.clinic is None or book.clinic.logo is None:
        return None
    src = relative(path, f"assets/images/{book.clinic.logo}")
    return Markup(f'<img class="hb-card-logo" src="{src}" alt="">')


def card_context(path: str, name: str) -> dict[str, object]:
    """What the bare page base needs for a card."""
    return {
        "title": f"Card: {name}",
        "stylesheet": relative(path, "assets/stylesheets/card.css"),
        "script": None,
        "accent": None,
    }


def qr_code(url: str, settings: Settings) -> Markup:
    """A QR code of `url` as inline SVG, drawn at build time."""
    return Markup(qr_svg(url, settings.qr_cache))
