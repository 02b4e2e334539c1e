"""Printable cards: one per routine and one per exercise, each fitting one page.

A card is written as a raw HTML block inside its Markdown page (our markup, escaped data)
and rendered by the frameless `card.html` template, which carries only print-ready CSS.
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from ..book import Book
from .common import Pages, Settings, html_page, page, picture, relative

DAYS = 7


def card_urls(book: Book, settings: Settings) -> list[str]:
    """The online pages the cards' QR codes lead to."""
    online_pages = [f"routines/{plan.routine.id}/" for plan in book.routines]
    online_pages += [f"exercises/{exercise.id}/" for exercise in book.exercises]
    return [settings.url(page) for page in online_pages]


def card_pages(book: Book, settings: Settings, env: Environment, codes: dict[str, str]) -> Pages:
    """Every card, and the cards index; `codes` holds the QR code of each of `card_urls`."""
    pages = []
    for plan in book.routines:
        path = card_path(plan.routine.id)
        thumbs = {i.exercise.id: picture(path, i.exercise, "hb-card-thumb") for i in plan.items}
        pages.append(
            card_page(
                book,
                settings,
                env,
                "card-routine.html.j2",
                plan.routine.id,
                f"routines/{plan.routine.id}/",
                plan.routine.name,
                codes,
                plan=plan,
                thumbs=thumbs,
            )
        )
    for exercise in book.exercises:
        name = f"exercises/{exercise.id}"
        image = picture(card_path(name), exercise, "hb-card-picture")
        pages.append(
            card_page(
                book,
                settings,
                env,
                "card-exercise.html.j2",
                name,
                f"exercises/{exercise.id}/",
                exercise.name,
                codes,
                exercise=exercise,
                image=image,
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


def card_path(name: str) -> str:
    return f"cards/{name}/index.html"


def card_page(
    book: Book,
    settings: Settings,
    env: Environment,
    template: str,
    name: str,
    online_page: str,
    title: str,
    codes: dict[str, str],
    **specific: object,
) -> tuple[str, str]:
    """One card at /cards/<name>/, with what every card carries besides `specific`."""
    path = card_path(name)
    online = settings.url(online_page)
    return html_page(
        env,
        template,
        f"cards/{name}",
        **card_context(path, title),
        **specific,
        book=book,
        settings=settings,
        brand=book.clinic.name if book.clinic else settings.site_name,
        days=DAYS,
        logo=clinic_logo(book, path),
        qr=Markup(codes[online]),
        online=online,
        back=relative(path, online_page),
        pdf_name=name.rsplit("/", 1)[-1],
    )


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
