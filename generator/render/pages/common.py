"""Helpers shared by the page kinds: front matter, links, pictures, groupings."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from generator.i18n.languages import Language
from generator.rules import words
from generator.rules.plan import session_seconds
from generator.safety import escape, urls
from generator.source.book import Book, PlannedRoutine
from generator.source.model import SITUATIONS, Exercise, minutes

Pages = list[tuple[str, str]]


@dataclass(frozen=True)
class Settings:
    """What the page kinds need to know about the site around the pages: facts that shape
    the output, never how a run works (processes, caches)."""

    site_name: str
    #: The site's address, checked by urls.site_url.
    site_url: str
    #: The name for phone headers (checked by siteconfig: plain characters only).
    short_name: str = "Handbook"
    #: Whether `handbook build --pdf` prints every card to PDF, so card pages link the files.
    pdf: bool = False
    #: The pages' language (its code is `lang.code`) and its interface words: required (a
    #: keyword), as there is no default language.
    lang: Language = field(kw_only=True)
    #: English texts shown where the language has no translation yet.
    english: frozenset[str] = frozenset()
    #: Whether the translation awaits a clinician's review: pages say so.
    draft: bool = False

    def shows_english(self, text: str) -> bool:
        """Whether `text` is English shown in place of a missing translation."""
        return text in self.english

    def url(self, path: str) -> str:
        """Absolute URL of a page, from `site_url`: `routines/x/` -> https://.../routines/x/."""
        return urls.join(self.site_url, path)


@dataclass(frozen=True)
class Focus:
    """The exercises and routines whose own pages (page, card, embed) a run renders: every
    one, or those a change in the preview touched, when the pages that list them are left
    as they were (see publish/preview.py)."""

    #: Exercise and routine ids; None for every entry, with every other page as well.
    ids: frozenset[str] | None = None

    @property
    def whole(self) -> bool:
        return self.ids is None

    def __contains__(self, ident: object) -> bool:
        return self.ids is None or ident in self.ids

    def around(self, book: Book) -> Focus:
        """This focus with every routine that shows one of its exercises: a routine's own
        pages carry its exercises' names, steps and pictures."""
        if self.ids is None:
            return self
        showing = {
            plan.routine.id
            for plan in book.routines
            if any(item.exercise.id in self.ids for item in plan.items)
        }
        return Focus(self.ids | showing)


#: A run that renders every page.
EVERY = Focus()


def page(
    env: Environment, template: str, path: str, meta: dict[str, Any], **context: Any
) -> tuple[str, str]:
    """Render one Markdown page with YAML front matter.

    Each front-matter value is written as JSON, which is valid YAML and about fifty times
    quicker to write than PyYAML's emitter, a cost that shows with thousands of pages.
    """
    header = "".join(
        f"{key}: {json.dumps(_front_value(meta[key]), ensure_ascii=False, sort_keys=True)}\n"
        for key in sorted(meta)
    )
    body = env.get_template(template).render(page_path=path, **context)
    return path, f"---\n{header}---\n\n{body}"


def html_page(env: Environment, template: str, key: str, **context: Any) -> tuple[str, str]:
    """Render one complete HTML page (a card or an embed) at `<key>/index.html`."""
    path = f"{key}/index.html"
    return path, env.get_template(template).render(page_path=path, **context)


def _front_value(value: Any) -> Any:
    # Themes print front-matter text into HTML unescaped, so it is escaped here.
    return escape.html_only(value) if isinstance(value, str) else value


def exercise_minutes(exercise: Exercise) -> int:
    return minutes(session_seconds(exercise.dosage))


def shared_frequency(plan: PlannedRoutine, *, lang: Language) -> str:
    """How often the routine is done: its own frequency, which every exercise in it follows
    (validate.py puts it in each item's dosage and rejects an entry that says otherwise)."""
    return words.frequency_words(plan.items[0].dosage, lang=lang)


def routines_using(book: Book) -> dict[str, list[PlannedRoutine]]:
    used: dict[str, list[PlannedRoutine]] = {}
    for plan in book.routines:
        for item in plan.items:
            used.setdefault(item.exercise.id, []).append(plan)
    return used


def situations(book: Book) -> list[tuple[str, list[PlannedRoutine]]]:
    """Routines grouped under reader-facing headings, in a fixed order."""
    groups = []
    for key, title in SITUATIONS.items():
        plans = [p for p in book.routines if p.routine.situation == key]
        if plans:
            groups.append((title, plans))
    return groups


def group(
    exercises: tuple[Exercise, ...],
    keys: Callable[[Exercise], Sequence[str]],
    titles: dict[str, str],
) -> list[tuple[str, list[Exercise]]]:
    """Exercises grouped by a field, groups in the order of `titles`, empty groups left out."""
    groups = []
    for key, title in titles.items():
        members = [e for e in exercises if key in keys(e)]
        if members:
            groups.append((title, members))
    return groups


def addresses_of(book: Book, exercise: Exercise) -> list[dict[str, Any]]:
    """The cause nodes an exercise works on, each with the strongest grade of links into it."""
    if book.causes is None:
        return []
    nodes = {node.id: node for node in book.causes.nodes}
    return [{"address": a, "node": nodes[a.node]} for a in exercise.addresses]


def page_file(key: str) -> str:
    """The Markdown file of a page: `exercises/x` -> `exercises/x/index.md`.

    Every page is an index.md in its own folder, so the folder a page is written in is the
    folder it is served from: a relative URL in raw HTML means the same to MkDocs (which
    leaves it to the browser) and to Zensical (which resolves it from the source file).
    """
    return f"{key}/index.md" if key else "index.md"


@pass_context
def md_link(context: Context, label: str, target: str, anchor: str = "") -> Markup:
    """A Markdown link to a page of the site: a page key or an HTML file (cards, embeds).

    Only generated paths (ids and fixed words) go into Markdown's link syntax; an address
    from content or configuration is written with `web_link` instead.
    """
    file = target if target.endswith((".html", ".ics")) else page_file(target)
    href = relative(context["page_path"], file)
    if anchor:
        href += f"#{anchor}"
    if not re.fullmatch(r"[a-z0-9./#-]+", href):
        raise ValueError(f"not a generated page path: {href!r}")
    finalize = context.environment.finalize or escape.text  # marks English in a translation
    return Markup(f"[{finalize(label)}]({href})")


def json_script(element_id: str, data: object) -> Markup:
    """`data` as `<script type="application/json">` for a page's script to read, escaped as
    Jinja's `tojson` escapes (<, >, & and ' as \\u escapes), so no text can end the element."""
    text = htmlsafe_json_dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(f'<script type="application/json" id="{element_id}">{text}</script>')


def slot(attribute: str) -> Markup:
    """An empty <span> that a script fills in (`slot("data-hb-view-minutes")`), for a place
    inside a translated sentence."""
    if not re.fullmatch(r"data-hb-[a-z-]+", attribute):
        raise ValueError(f"not a slot attribute: {attribute!r}")
    return Markup(f"<span {attribute}></span>")


def web_link(label: str, address: str) -> Markup:
    """A link to another site, as HTML: `address` was made by urls.py from a checked value."""
    return Markup(f'<a href="{escape.html_only(address)}">{escape.text(label)}</a>')


def relative(from_page: str, target: str) -> str:
    """URL of `target` (a path in the docs folder) from the page file `from_page`.

    Pure string work: posixpath.relpath resolves both paths against the working directory
    on every call, which costs more than the rest of a page's links together.
    """
    here = from_page.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


#: Size of a picture file (two positions side by side) and of one position in it.
PICTURE_SIZE, FRAME_SIZE = (820, 300), (400, 300)


def picture(
    from_page: str,
    exercise: Exercise,
    css_class: str,
    *,
    decorative: bool = False,
    lazy: bool = False,
) -> Markup:
    """The exercise's picture, both positions side by side (start, then end): for print,
    cards, routine pages and embeds. Raw HTML, since Markdown mangles escaped alt text.

    A decorative thumbnail beside the exercise's name has empty alt text, so that screen
    readers do not read the same thing twice. A `lazy` picture loads when scrolled to.
    """
    alt = "" if decorative else escape.text(exercise.picture.alt)
    width, height = PICTURE_SIZE
    loading = ' loading="lazy"' if lazy else ""
    return Markup(
        f'<img class="{css_class}" src="{_picture_src(from_page, exercise)}" alt="{alt}" '
        f'width="{width}" height="{height}"{loading}>'
    )


def frame(from_page: str, exercise: Exercise, which: str, css_class: str) -> Markup:
    """One position of the picture (`start` or `end`), through the SVG's own view; decorative."""
    width, height = FRAME_SIZE
    return Markup(
        f'<img class="{css_class}" src="{_picture_src(from_page, exercise)}#{which}" alt="" '
        f'width="{width}" height="{height}">'
    )


def moving_picture(from_page: str, exercise: Exercise, *, lang: Language) -> Markup:
    """The picture moving gently between its two positions, with a pause switch.

    CSS alone moves it and pauses it (a checkbox), so it works without script. Under
    prefers-reduced-motion, and in print, the still picture with both positions shows instead.
    """
    control = f"hb-pause-{exercise.id}"
    alt = escape.text(exercise.picture.alt)
    pause = escape.text(lang.gettext("Pause the movement"))
    return Markup(
        '<figure class="hb-motion">'
        f'<input type="checkbox" class="hb-motion-pause" id="{control}">'
        f'<span class="hb-motion-frames" role="img" aria-label="{alt}">'
        f"{frame(from_page, exercise, 'start', 'hb-frame hb-frame-start')}"
        f"{frame(from_page, exercise, 'end', 'hb-frame hb-frame-end')}</span>"
        f'<label class="hb-motion-label" for="{control}">{pause}</label>'
        f"{picture(from_page, exercise, 'hb-still')}"
        "</figure>"
    )


def _picture_src(from_page: str, exercise: Exercise) -> str:
    return relative(from_page, f"assets/images/{exercise.picture.file}")
