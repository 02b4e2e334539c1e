"""The cause-and-effect page with its diagram, and the references page."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from generator.i18n.languages import Language
from generator.render.outputs.diagram import draw
from generator.render.pages.common import Pages, Settings, page
from generator.rules import words
from generator.safety import urls
from generator.source.book import Book
from generator.source.model import GRADES, Causes, Reference


def causes_page(book: Book, settings: Settings, env: Environment) -> Pages:
    if book.causes is None:
        return []
    _ = settings.lang.gettext
    causes = book.causes
    refs = {ref.id: ref for ref in book.references}
    labels = {node.id: node.label for node in causes.nodes}
    return [
        page(
            env,
            "causes.md.j2",
            "causes/index.md",
            {
                "title": _("Feet, knees, pelvis and back: what the evidence says"),
                "description": _(
                    "How foot posture and movement may relate to knee, pelvis and lower-back "
                    "alignment, graded by the strength of the evidence."
                ),
            },
            causes=causes,
            grades={grade.id: grade for grade in causes.grades},
            readers={grade: _(label) for grade, label in GRADES.items()},
            labels=labels,
            nodes=node_sections(book, causes),
            cite={ref_id: short_citation(ref, lang=settings.lang) for ref_id, ref in refs.items()},
            diagram=Markup(diagram_svg(causes, settings)),
            untranslated=settings.shows_english(causes.intro),
            safety=book.safety,
        )
    ]


def diagram_svg(causes: Causes, settings: Settings) -> str:
    """The cause-and-effect diagram, with its title and description in the page's language."""
    _ = settings.lang.gettext
    description = _(
        "A diagram of %(nodes)s parts of the story and %(links)s arrows between them; the line "
        "style of each arrow shows the strength of its evidence. The same links are listed in "
        "words on the page."
    ) % {"nodes": len(causes.nodes), "links": len(causes.links)}
    title = _("How the feet may relate to the lower back")
    return draw(causes, title, description, lang=settings.lang.code)


def diagram_file(book: Book, settings: Settings) -> dict[str, bytes]:
    """The diagram as a file of its own, so a phone can open it at full size and zoom."""
    if book.causes is None:
        return {}
    return {"causes/diagram.svg": diagram_svg(book.causes, settings).encode()}


def node_sections(book: Book, causes: Causes) -> list[dict[str, Any]]:
    """Each node with the links that leave and reach it and the exercises (stretches apart)
    that work on it."""
    sections = []
    for node in causes.nodes:
        working = [e for e in book.exercises if any(a.node == node.id for a in e.addresses)]
        sections.append(
            {
                "node": node,
                "outgoing": [link for link in causes.links if link.source == node.id],
                "incoming": [link for link in causes.links if link.target == node.id],
                # Stretches apart: on their own they did no better than no treatment.
                "exercises": [e for e in working if "stretch" not in e.tags],
                "stretches": [e for e in working if "stretch" in e.tags],
            }
        )
    return sections


def references_page(book: Book, settings: Settings, env: Environment) -> Pages:
    if not book.references:
        return []
    return [
        page(
            env,
            "references.md.j2",
            "references/index.md",
            {
                "title": settings.lang.gettext("References"),
                "description": settings.lang.gettext("Every source the handbook cites."),
            },
            references=sorted(book.references, key=lambda ref: (ref.authors, ref.year or 0)),
            addresses={ref.id: paper_address(ref) for ref in book.references},
            untranslated=settings.shows_english(book.references[0].finding),
            grades=book.causes.grades if book.causes else [],
        )
    ]


def paper_address(ref: Reference) -> str | None:
    """Where readers find the paper: its DOI's address, or its PubMed Central page."""
    if ref.doi:
        return urls.doi(ref.doi)
    if ref.locator and re.fullmatch(urls.PMC, ref.locator):
        return urls.pmc(ref.locator)
    return None


def short_citation(ref: Reference, *, lang: Language) -> str:
    """'Khamis and Yizhar 2007' ('Khamis y Yizhar 2007'), 'Menz et al. 2013', or the locator
    when no year is known."""
    names = [name.strip() for name in ref.authors.split(",") if name.strip()]
    surnames = [_surname(name) for name in names]
    if len(surnames) == 1:
        who = surnames[0]
    elif len(surnames) == 2:
        who = words.join_words(surnames, lang=lang)
    else:
        who = f"{surnames[0]} et al."
    return f"{who} {ref.year}" if ref.year is not None else f"{who}, {ref.locator}"


def _surname(author: str) -> str:
    """'Menz HB' -> 'Menz'; a group author such as 'Framingham Foot Study' stays whole."""
    head, _, initials = author.rpartition(" ")
    return head if head and initials.isupper() and len(initials) <= 3 else author
