"""The guided session of routine and exercise pages: its plan as JSON, and the Start button.

The page carries everything the guided view shows (names, cues, stop advice, red flags and
every step with its seconds), so session.js holds no content, and the view follows the same
steps whose seconds the page's stated time adds up (plan.py).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from ..model import Dosage, Exercise, Safety
from ..plan import session_steps, steps_seconds
from .common import relative

#: The id of the JSON script element, which session.js reads.
PLAN_ID = "hb-session-plan"
#: What a JSON text must not carry raw inside <script>: `</script>`, `<!--` and entities.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def session_plan(
    from_page: str,
    key: str,
    name: str,
    items: Iterable[tuple[Exercise, Dosage]],
    safety: Safety,
) -> dict[str, Any]:
    """The plan of one page's session: `key` names the page (`routines/desk`) in the log."""
    exercises = []
    for exercise, dosage in items:
        picture = relative(from_page, f"assets/images/{exercise.picture.file}")
        steps = session_steps(exercise, dosage)
        exercises.append(
            {
                "id": exercise.id,
                "name": exercise.name,
                "cue": exercise.key_cue,
                "stop_if": exercise.stop_if,
                "alt": exercise.picture.alt,
                "start": f"{picture}#start",
                "end": f"{picture}#end",
                "seconds": steps_seconds(steps),
                "steps": [dataclasses.asdict(step) for step in steps],
            }
        )
    return {
        "id": key,
        "name": name,
        "seconds": sum(e["seconds"] for e in exercises),
        "stop_rule": safety.stop_rule,
        "urgent_action": safety.urgent_action,
        "urgent_intro": safety.urgent_intro,
        "urgent": list(safety.urgent),
        "exercises": exercises,
    }


def plan_script(plan: dict[str, Any]) -> Markup:
    """The plan as `<script type="application/json">`: no content text can end the script."""
    text = json.dumps(plan, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.translate(_SCRIPT_SAFE)
    return Markup(f'<script type="application/json" id="{PLAN_ID}">{text}</script>')


def session_context(from_page: str, plan: dict[str, Any]) -> dict[str, Any]:
    """What session-start.md.j2 needs: the plan script, and the URLs of the loader, the
    guided view and its style, relative to the page `from_page`."""
    return {
        "plan": plan_script(plan),
        "loader": relative(from_page, "assets/session-start.js"),
        "script": relative(from_page, "assets/session.js"),
        "stylesheet": relative(from_page, "assets/stylesheets/session.css"),
    }
