"""Printable cards: one per routine and one per exercise, each fitting one sheet.

Cards are finished HTML from our own templates (card-base.html.j2 and its two variants) with
print-ready CSS, written beside the pages; every engine copies them as they are.
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from generator.render.outputs.qr import titled
from generator.render.pages.cardparts import clinic_logo
from generator.render.pages.common import (
    EVERY,
    Focus,
    Pages,
    Settings,
    html_page,
    page,
    picture,
    relative,
    shared_frequency,
)
from generator.rules.cardfit import (
    TICK_DAYS,
    Fit,
    exercise_fit,
    routine_fit,
    sessions,
)
from generator.rules.largeprint import LargeItem, large_item, large_sheets
from generator.source.book import Book


def card_urls(book: Book, settings: Settings, *, only: Focus = EVERY) -> list[str]:
    """The online pages the cards' QR codes lead to."""
    online_pages = [f"routines/{p.routine.id}/" for p in book.routines if p.routine.id in only]
    online_pages += [f"exercises/{e.id}/" for e in book.exercises if e.id in only]
    return [settings.url(page) for page in online_pages]


def card_pages(
    book: Book,
    settings: Settings,
    env: Environment,
    codes: dict[str, str],
    *,
    only: Focus = EVERY,
) -> Pages:
    """Every card, and the cards index; `codes` holds the QR code of each of `card_urls`."""
    pages = []
    for plan in book.routines:
        if plan.routine.id not in only:
            continue
        path = card_path(plan.routine.id)
        pages.append(
            card_page(
                book,
                settings,
                env,
                "routine",
                plan.routine.id,
                f"routines/{plan.routine.id}/",
                plan.routine.name,
                codes,
                fit=routine_fit(plan, book.safety, lang=settings.lang),
                sessions=sessions(plan),
                plan=plan,
                pictures={
                    item.exercise.id: picture(path, item.exercise, "hb-card-picture")
                    for item in plan.items
                },
                frequency=shared_frequency(plan, lang=settings.lang),
            )
        )
        items = [
            large_item(number, item.exercise, item.dosage, item.note, lang=settings.lang)
            for number, item in enumerate(plan.items, 1)
        ]
        pages.append(
            large_card_page(
                book,
                settings,
                env,
                "routine",
                plan.routine.id,
                plan.routine.name,
                codes,
                items=items,
                sessions=sessions(plan),
                plan=plan,
            )
        )
    for exercise in book.exercises:
        if exercise.id not in only:
            continue
        name = f"exercises/{exercise.id}"
        pages.append(
            card_page(
                book,
                settings,
                env,
                "exercise",
                name,
                f"exercises/{exercise.id}/",
                exercise.name,
                codes,
                fit=exercise_fit(exercise, book.safety, lang=settings.lang),
                sessions=exercise.dosage.times_per_day,
                exercise=exercise,
                image=picture(card_path(name), exercise, "hb-card-picture"),
            )
        )
        pages.append(
            large_card_page(
                book,
                settings,
                env,
                "exercise",
                name,
                exercise.name,
                codes,
                items=[large_item(1, exercise, exercise.dosage, None, lang=settings.lang)],
                sessions=exercise.dosage.times_per_day,
                exercise=exercise,
            )
        )
    if not only.whole:
        return pages
    pages.append(
        page(
            env,
            "card-index.md.j2",
            "cards/index.md",
            {
                "title": settings.lang.gettext("Printable cards"),
                "description": settings.lang.gettext(
                    "One-page cards for the fridge, with a week's tick-box log."
                ),
            },
            book=book,
        )
    )
    return pages


def large_card_page(
    book: Book,
    settings: Settings,
    env: Environment,
    kind: str,
    name: str,
    title: str,
    codes: dict[str, str],
    *,
    items: list[LargeItem],
    sessions: int,
    **specific: object,
) -> tuple[str, str]:
    """The large-print card of a routine (`name` its id) or exercise (`exercises/<id>`)."""
    online_page = f"routines/{name}/" if kind == "routine" else f"{name}/"
    path = f"cards/{name}/large/index.html"
    return card_page(
        book,
        settings,
        env,
        kind,
        name,
        online_page,
        title,
        codes,
        large=True,
        fit=Fit("large", steps=True, how_to=False),
        sessions=sessions,
        sheets=large_sheets(
            items, book.safety, sessions, settings.url(online_page), lang=settings.lang
        ),
        pictures={
            item.exercise.id: picture(path, item.exercise, "hb-card-picture") for item in items
        },
        **specific,
    )


def card_path(name: str) -> str:
    return f"cards/{name}/index.html"


def card_page(
    book: Book,
    settings: Settings,
    env: Environment,
    kind: str,
    name: str,
    online_page: str,
    title: str,
    codes: dict[str, str],
    *,
    large: bool = False,
    **specific: object,
) -> tuple[str, str]:
    """One card at /cards/<name>/, with what every card carries besides `specific`; its
    large-print variant (card-large.html.j2) at /cards/<name>/large/."""
    key = f"cards/{name}/large" if large else f"cards/{name}"
    path = f"{key}/index.html"
    online = settings.url(online_page)
    _ = settings.lang.gettext
    return html_page(
        env,
        "card-large.html.j2" if large else f"card-{kind}.html.j2",
        key,
        title=(_("Large-print card: %(name)s") if large else _("Card: %(name)s")) % {"name": title},
        stylesheet=relative(path, "assets/stylesheets/card.css"),
        stylesheets=[relative(path, "assets/stylesheets/card-large.css")] if large else [],
        other_print=relative(path, f"cards/{name}/" if large else f"cards/{name}/large/"),
        script=relative(path, "assets/card.js"),
        accent=None,
        card_title=title,
        kind=kind,
        book=book,
        settings=settings,
        brand=book.clinic.name if book.clinic else settings.site_name,
        days=TICK_DAYS,
        logo=clinic_logo(book, path),
        qr=Markup(titled(codes[online], online, lang=settings.lang)),
        online=online,
        back=relative(path, online_page),
        pdf_name=name.rsplit("/", 1)[-1],
        **specific,
    )
