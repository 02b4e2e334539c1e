"""The pages the browser tests visit: the page kinds by name, and axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_page_kinds(book: Any) -> dict[str, str]:
    """The page kinds axe-core checks (and the palette test measures), by name."""
    exercise = book.exercises[0].id
    routine = book.routines[0].routine.id
    return {
        "home": "",
        "exercise": f"exercises/{exercise}/",
        "exercises-index": "exercises/",
        "routine": f"routines/{routine}/",
        "routines-index": "routines/",
        "causes": "causes/",
        "references": "references/",
        "safety": "safety/",
        "card": f"cards/{routine}/",
        "exercise-card": f"cards/exercises/{exercise}/",
        "embed-exercise": f"embed/exercises/{exercise}/",
        "embed-routine": f"embed/routines/{routine}/",
        "clinics": "embed-guide/",
        "es-exercise": f"es/exercises/{exercise}/",
        "es-card": f"es/cards/{routine}/",
        "de-exercise": "de/exercises/ball-roll/",
    }


def csp_page_kinds(book: Any) -> dict[str, str]:
    """Every kind of page the site serves, by name: what the CSP must cover."""
    exercise = book.exercises[0].id
    routine = book.routines[0].routine.id
    return {
        "home": "",
        "exercise": f"exercises/{exercise}/",
        "routine": f"routines/{routine}/",
        "exercise index": "exercises/",
        "routine index": "routines/",
        "causes": "causes/",
        "safety": "safety/",
        "references": "references/",
        "for clinics": "embed-guide/",
        "cards index": "cards/",
        "card": f"cards/{routine}/",
        "exercise card": f"cards/exercises/{exercise}/",
        "exercise embed": f"embed/exercises/{exercise}/",
        "routine embed": f"embed/routines/{routine}/",
        "builder": "builder/",
        "translations": "translations/",
        "404": "no-such-page/",
    }
