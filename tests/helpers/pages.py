"""The pages the browser tests visit: the page kinds by name, and axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


#: Where a page finds axe-core: answered by the test (serve_axe), not by the site.
AXE_URL = "__axe-core.js"


def serve_axe(page: Any, source: str) -> None:
    """Answer AXE_URL on `page` with axe-core, to load with a script tag: Chromium compiles a
    script it fetched faster than one written into the page (about 40 % on 16 pages)."""
    page.route(
        f"**/{AXE_URL}", lambda route: route.fulfill(body=source, content_type="text/javascript")
    )


def axe_violations(
    page: Any, base_url: str | None = None, within: str | None = None
) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 A and AA violations on the page, or on the part of it that the
    selector `within` finds (an error when it finds nothing, rather than a check of nothing).
    axe is loaded from `base_url` (where serve_axe answers), unless no `base_url` is given
    because the caller has put it on the page already."""
    if base_url is not None:
        page.add_script_tag(url=base_url + AXE_URL)
    result = page.evaluate(
        """([tags, within]) => {
             const root = within ? document.querySelector(within) : document;
             if (!root) throw new Error(`nothing on the page matches ${within}`);
             return axe.run(root, {runOnly: {type: 'tag', values: tags}});
           }""",
        [TAGS, within],
    )
    return list(result["violations"])


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
