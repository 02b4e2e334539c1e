"""The pages the browser tests visit: the page kinds by name, and axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


#: Where a page finds axe-core: the tests' loopback server (tests/browser.py static_server)
#: answers it, with a header that lets Chromium keep the script and its compiled code between
#: pages; the site itself has no such file.
AXE_URL = "__axe-core.js"


def axe_script() -> bytes:
    require_axe()
    return AXE.read_bytes()


def require_axe() -> None:
    """A clear error in the test when axe-core is not installed, rather than the page's
    'axe is not defined' after the server thread failed to read it."""
    if not AXE.is_file():
        raise FileNotFoundError(f"axe-core is missing ({AXE}): run `npm ci` (make test does)")


def axe_violations(page: Any, base_url: str, within: str | None = None) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 A and AA violations on the page, or on the part of it that the
    selector `within` finds (an error when it finds nothing, rather than a check of nothing).
    axe is loaded from the static server at `base_url` once per page. Only violations are
    reported in full (resultTypes): the passes' details were a sixth of the run."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        require_axe()
        page.add_script_tag(url=base_url + AXE_URL)
    result = page.evaluate(
        """([tags, within]) => {
             const root = within ? document.querySelector(within) : document;
             if (!root) throw new Error(`nothing on the page matches ${within}`);
             return axe.run(root, {runOnly: {type: 'tag', values: tags},
                                   resultTypes: ['violations']});
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
