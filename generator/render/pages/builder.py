"""The programme builder (/builder/) and the programme page (/programme/#v1....).

Both are finished HTML pages on the card's own base, with no theme: they carry the card's
stylesheet, since their card is a routine card's markup, and a small script of our own. The
parts of the card are rendered here, once, with the same macros as the routine cards, into
<template> elements; the script clones them and fills in text, so it never writes markup.
Everything the script knows about the exercises comes from the open catalogue (api.py),
fetched from the same site; the programme itself lives in the link's fragment, which the
browser never sends anywhere.
"""

from __future__ import annotations

from typing import get_args

from jinja2 import Environment
from markupsafe import Markup

from generator.i18n.languages import N_
from generator.render.outputs.api import API_FOLDER
from generator.render.pages.cardparts import clinic_logo
from generator.render.pages.common import Pages, Settings, frame, html_page, relative
from generator.render.pages.script_words import words_element
from generator.render.pages.session import session_context, session_plan
from generator.rules import words
from generator.rules.cardfit import PROGRAMME_EXTRA_MM, TICK_DAYS
from generator.safety.notes import note_rule
from generator.source.book import Book
from generator.source.model import (
    EQUIPMENT,
    MAX_CARD_EXERCISES,
    MAX_PROGRAMME_NOTE,
    MAX_TIMES_PER_DAY,
    POSITIONS,
    Slug,
)

#: The title of a programme's card and page.
PROGRAMME_TITLE = N_("Your exercise programme")
SCRIPTS = ("assets/vendor/qrcode.js", "assets/large-print.js")
#: The ES modules builder.js and programme.js import, each named by the page too, so that a
#: page kept offline (offline.js, sw.js: every script's src) keeps all of them.
MODULES = tuple(
    f"assets/{name}.js"
    for name in (
        "words",
        "steps",
        "link",
        "fit",
        "calendar",
        "qr",
        "page",
        "programme-card",
        "routine-file",
    )
)
#: The printed size of a programme card's QR code (card.css: .hb-card-programme .hb-qr), its
#: border in modules, and the smallest module it may have: the README promises 0.32 mm (a
#: version 14 code at 25 mm), above what a phone camera reads from paper. A link too long for
#: that is printed without its note, or not at all (programme-core.js, qrChoice).
QR_MM, QR_BORDER, MIN_MODULE_MM = 25, 2, 0.32
#: The longest id a link may hold (the model's Slug).
MAX_ID = next(rule.max_length for rule in get_args(Slug)[1:] if hasattr(rule, "max_length"))
#: The longest fragment a programme can need: every exercise with its longest id and every
#: dosage field, and the longest note with each character percent-encoded as 4 UTF-8 bytes.
MAX_FRAGMENT = (
    len("v1.37.")
    + MAX_CARD_EXERCISES * (MAX_ID + len(",:h600r999s999"))
    + len(".")
    + MAX_PROGRAMME_NOTE * len("%F0%9F%A6%B6")
)


def script_rules() -> dict[str, object]:
    """What the builder's and programme page's scripts check a link and draw its code by, as
    data in the page (#hb-words): they hold no copy of these rules."""
    return {
        "note": note_rule(MAX_PROGRAMME_NOTE),
        "max_id": MAX_ID,
        "max_fragment": MAX_FRAGMENT,
        "card_extra_mm": PROGRAMME_EXTRA_MM,
        "qr": {"mm": QR_MM, "border": QR_BORDER, "min_module_mm": MIN_MODULE_MM},
    }


def routine_rules(book: Book) -> dict[str, object]:
    """The weeks of each routine, for the calendar file of a programme started from it."""
    weeks = {plan.routine.id: plan.routine.frequency.review_weeks for plan in book.routines}
    return {"routine_weeks": weeks}


def folder_url(from_page: str, folder: str) -> str:
    """URL of a page's folder (`safety/`, or "" for the home page) from the file `from_page`."""
    return relative(from_page, f"{folder}index.html").removesuffix("index.html") or "./"


def _common(book: Book, settings: Settings, key: str, script: str) -> dict[str, object]:
    path = f"{key}/index.html"
    return {
        "settings": settings,
        "book": book,
        "stylesheet": relative(path, "assets/stylesheets/card.css"),
        "stylesheets": [
            relative(path, f"assets/stylesheets/{sheet}.css")
            for sheet in ("programme", "card-large")
        ],
        "script": None,
        "scripts": [relative(path, s) for s in SCRIPTS],
        "modules": [relative(path, s) for s in (*MODULES, script)],
        "accent": None,
        "referrer": False,
        "brand": book.clinic.name if book.clinic else settings.site_name,
        "logo": clinic_logo(book, path),
        "home": folder_url(path, ""),
        "catalogue": relative(path, f"{API_FOLDER}/exercises.json"),
        "routines_catalogue": relative(path, f"{API_FOLDER}/routines.json"),
        "programme_rel": folder_url(path, "programme/"),
        "how_to": folder_url(path, "safety/") + "#how-to-exercise",
        "card_title": settings.lang.gettext(PROGRAMME_TITLE),
        "sessions": MAX_TIMES_PER_DAY,
        "days": TICK_DAYS,
        "blank_picture": Markup(
            '<img class="hb-card-picture" src="" alt="" width="820" height="300">'
        ),
        "max_exercises": MAX_CARD_EXERCISES,
        "max_note": MAX_PROGRAMME_NOTE,
        "script_words": words_element(settings.lang, script_rules() | routine_rules(book)),
    }


def programme_session(book: Book, settings: Settings, path: str) -> dict[str, object]:
    """The guided session of the programme page: a plan with no exercises until programme.js
    adds the link's (labelled with the page's #hb-words)."""
    title = settings.lang.gettext(PROGRAMME_TITLE)
    plan = session_plan(path, "programme", title, [], book.safety, settings.lang)
    return session_context(path, plan)


def builder_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    key = "builder"
    path = f"{key}/index.html"
    builder = html_page(
        env,
        "builder.html.j2",
        key,
        title=settings.lang.gettext("Programme builder"),
        exercises=book.exercises,
        routines=[plan.routine for plan in book.routines],
        thumbs={e.id: frame(path, e, "end", "hb-pick-thumb") for e in book.exercises},
        hrefs={e.id: relative(path, f"exercises/{e.id}/") for e in book.exercises},
        positions={key: settings.lang.gettext(said) for key, said in POSITIONS.items()},
        equipment={
            key: words.capitalised(settings.lang.gettext(said)) for key, said in EQUIPMENT.items()
        },
        **_common(book, settings, key, "assets/builder.js"),
    )
    key = "programme"
    programme = html_page(
        env,
        "programme.html.j2",
        key,
        title=settings.lang.gettext(PROGRAMME_TITLE),
        builder=folder_url(f"{key}/index.html", "builder/"),
        session=programme_session(book, settings, f"{key}/index.html"),
        **_common(book, settings, key, "assets/programme.js"),
    )
    return [builder, programme]
