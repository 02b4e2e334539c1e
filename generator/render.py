"""Stage 3: turn the checked handbook into pages (Markdown with front matter) and assets.

Every `{{ }}` in a template is escaped by default (see escape.py); a template that means to
emit markup builds it in Python and hands it over as Markup.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import escape, words
from .model import SETUP_SECONDS, Exercise, minutes
from .validate import Book, PlannedRoutine

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"

SITUATION_TITLES = {
    "desk": "At a desk",
    "morning": "In the morning",
    "evening": "In the evening",
    "full": "The full set",
    "other": "Other routines",
}
POSITION_TITLES = {"standing": "Standing", "sitting": "Sitting", "lying": "Lying down"}
EQUIPMENT_WORDS = {
    "none": "nothing",
    "wall": "a wall",
    "pencil": "a pencil",
    "towel": "a towel",
    "resistance-band": "a resistance band",
    "chair": "a chair",
    "ball": "a tennis ball",
}


@dataclass(frozen=True)
class Settings:
    """What the render stage needs to know about the site around the pages."""

    site_name: str
    site_url: str


def make_environment(template_dir: Path = TEMPLATES) -> Environment:
    """A Jinja environment that escapes every value and fails on any missing one."""
    env = Environment(
        loader=FileSystemLoader(template_dir),
        undefined=StrictUndefined,
        finalize=escape.text,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["dosage"] = words.dosage_words
    env.filters["minutes"] = words.minutes_words
    env.filters["equipment"] = equipment_words
    env.globals["link"] = md_link
    return env


def render_pages(
    book: Book, settings: Settings, env: Environment | None = None
) -> dict[str, bytes]:
    """Every generated file of the docs folder, by its path inside that folder."""
    env = env or make_environment()
    files: dict[str, bytes] = {}
    for kind in PAGE_KINDS:
        for name, text in kind(book, settings, env):
            files[name] = text.encode("utf-8")
    for name, data in book.images.items():
        files[f"assets/images/{name}"] = data
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file():
            files[f"assets/{asset.relative_to(ASSETS).as_posix()}"] = asset.read_bytes()
    return files


Pages = list[tuple[str, str]]


def page(
    env: Environment, template: str, path: str, meta: dict[str, Any], **context: Any
) -> tuple[str, str]:
    """Render one Markdown page with YAML front matter."""
    front = {
        key: escape.html_only(value) if isinstance(value, str) else value
        for key, value in meta.items()
    }
    header = yaml.safe_dump(front, sort_keys=True, allow_unicode=True, width=1000)
    body = env.get_template(template).render(page_path=path, **context)
    return path, f"---\n{header}---\n\n{body}"


def exercise_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    by_id = {exercise.id: exercise for exercise in book.exercises}
    used_in = routines_using(book)
    pages = []
    for exercise in book.exercises:
        pages.append(
            page(
                env,
                "exercise.md.j2",
                f"exercises/{exercise.id}.md",
                {"title": exercise.name, "description": exercise.summary},
                exercise=exercise,
                by_id=by_id,
                routines=used_in.get(exercise.id, []),
                minutes=exercise_minutes(exercise),
                suggested=words.suggested_words(exercise.dosage),
                addresses=addresses_of(book, exercise),
                picture=picture(f"exercises/{exercise.id}.md", exercise, "hb-picture"),
            )
        )
    pages.append(
        page(
            env,
            "exercise-index.md.j2",
            "exercises/index.md",
            {"title": "Exercises", "description": "All exercises, by position and equipment."},
            exercises=book.exercises,
            thumbs={e.id: picture("exercises/index.md", e, "hb-thumb") for e in book.exercises},
            minutes={e.id: exercise_minutes(e) for e in book.exercises},
            positions=group(book.exercises, lambda e: [e.position], POSITION_TITLES),
            equipment=group(
                book.exercises,
                lambda e: e.equipment,
                {k: v.capitalize() for k, v in EQUIPMENT_WORDS.items()},
            ),
        )
    )
    return pages


def routine_pages(book: Book, settings: Settings, env: Environment) -> Pages:
    pages = []
    for plan in book.routines:
        path = f"routines/{plan.routine.id}.md"
        pages.append(
            page(
                env,
                "routine.md.j2",
                path,
                {"title": plan.routine.name, "description": plan.routine.summary},
                plan=plan,
                pictures={i.exercise.id: picture(path, i.exercise, "hb-thumb") for i in plan.items},
                item_minutes={
                    i.exercise.id: minutes(i.dosage.seconds + SETUP_SECONDS) for i in plan.items
                },
                setup_seconds=SETUP_SECONDS,
            )
        )
    pages.append(
        page(
            env,
            "routine-index.md.j2",
            "routines/index.md",
            {"title": "Routines", "description": "Short routines built from the exercises."},
            situations=situations(book),
        )
    )
    return pages


def home_page(book: Book, settings: Settings, env: Environment) -> Pages:
    return [
        page(
            env,
            "home.md.j2",
            "index.md",
            {"title": "Home", "description": book.handbook.audience},
            book=book,
            settings=settings,
            situations=situations(book),
        )
    ]


def safety_page(book: Book, settings: Settings, env: Environment) -> Pages:
    return [
        page(
            env,
            "safety.md.j2",
            "safety.md",
            {
                "title": "Safety and red flags",
                "description": "When to stop, and when to see a doctor.",
            },
            safety=book.safety,
        )
    ]


PAGE_KINDS: list[Callable[[Book, Settings, Environment], Pages]] = [
    home_page,
    exercise_pages,
    routine_pages,
    safety_page,
]


def exercise_minutes(exercise: Exercise) -> int:
    return minutes(exercise.dosage.seconds + SETUP_SECONDS)


def routines_using(book: Book) -> dict[str, list[PlannedRoutine]]:
    used: dict[str, list[PlannedRoutine]] = {}
    for plan in book.routines:
        for item in plan.items:
            used.setdefault(item.exercise.id, []).append(plan)
    return used


def situations(book: Book) -> list[tuple[str, list[PlannedRoutine]]]:
    """Routines grouped under reader-facing headings, in a fixed order."""
    groups = []
    for key, title in SITUATION_TITLES.items():
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


def equipment_words(equipment: list[str]) -> str:
    return words.join_words([EQUIPMENT_WORDS[item] for item in equipment]).capitalize()


def md_link(label: str, target: str) -> Markup:
    """A Markdown link whose label is escaped; the target is built by the generator."""
    return Markup(f"[{escape.text(label)}]({target})")


def relative(from_page: str, target: str) -> str:
    """URL from a page (directory URLs: `exercises/x.md` is served at `exercises/x/`)."""
    page_dir = posixpath.dirname(from_page)
    stem = posixpath.splitext(posixpath.basename(from_page))[0]
    served_at = page_dir if stem == "index" else posixpath.join(page_dir, stem)
    return posixpath.relpath(target, served_at or ".")


def picture(from_page: str, exercise: Exercise, css_class: str) -> Markup:
    """An <img> of the exercise's picture; raw HTML because Markdown mangles escaped alt text."""
    src = relative(from_page, f"assets/images/{exercise.picture.file}")
    alt = escape.text(exercise.picture.alt)
    return Markup(f'<img class="{css_class}" src="{src}" alt="{alt}" width="480" height="320">')
