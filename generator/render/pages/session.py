"""The guided session of routine and exercise pages: its plan as JSON, and the Start button.

The page carries everything the guided view shows (names, cues, stop advice, red flags and
every step with its seconds), so session.js holds no content, and the view follows the same
steps whose seconds the page's stated time adds up (plan.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from markupsafe import Markup

from generator.i18n.languages import N_, Language, Nn_
from generator.render.pages.common import FRAME_SIZE, json_script, relative
from generator.rules import words
from generator.rules.cardfit import TICK_DAYS
from generator.rules.plan import session_steps, steps_seconds
from generator.source.model import Dosage, Exercise, Safety, Variant

#: The id of the JSON script element, which session.js reads.
PLAN_ID = "hb-session-plan"
#: The guided view's interface words, which session.js fills in ({n}, {of}, {t}, {kind}).
#: They travel in the plan, so the script holds no words and each language's page carries
#: its own.
WORDS = {
    "exercise": N_("Exercise {n} of {of}"),
    "left": N_("{t} left"),
    "seconds": N_("seconds"),
    "tip": N_("Key tip:"),
    "pause": N_("Pause"),
    "resume": N_("Resume"),
    "paused": N_("Paused"),
    "pausedKind": N_("{kind}: paused"),
    "back": N_("Back"),
    "skip": N_("Skip"),
    "stop": N_("Stop"),
    "done": N_("Done"),
    "ready": N_("Ready"),
    "whenToStop": N_("When to stop"),
    "hurts": N_("Stop: sharp or spreading pain"),
    "nextTitle": N_("What to do next"),
    "nextEasier": N_("Next time, do the easier version: {name}."),
    "nextFewer": N_("Next time, do fewer repetitions, and move only as far as is comfortable."),
    "nextMorning": N_(
        "If the pain is worse the next morning, leave this exercise out for a few days. If it "
        "keeps coming back, ask your doctor or physiotherapist."
    ),
    "sound": N_("Beep at the end of a hold"),
    "speech": N_("Speak each step"),
    "keys": N_(
        "Keys: Space pauses or resumes, Left arrow goes back, Right arrow skips, Escape stops."
    ),
    "finished": N_("Done. Tick it off?"),
    "tick": N_("Tick it off"),
    "ticked": N_("Ticked off for today."),
    "close": N_("Close"),
    "stopped": N_("Stopped"),
    "logTitle": N_("Your log: the last seven days"),
    "logRow": N_("Session"),
    "empty": N_("Nothing ticked off in the last seven days."),
    "note": N_("Your log stays on this device. Nothing is sent anywhere."),
    "download": N_("Download my log (CSV)"),
    "file": N_("foot-exercise-log.csv"),
    "remove": N_("Delete my log"),
    "removed": N_("Your log is deleted: nothing is kept on this device."),
}
#: The guided view's ES modules: its entry, then the modules it imports, all named by the page
#: (data-hb-session-js) so that a page kept offline keeps every one (offline.js, sw.js).
MODULES = ("session", "session-dialog", "session-device", "session-log")
#: The rules the guided view works by (session.js holds none): the size of a picture's
#: position, the steps whose end beeps and its tone, the picture each kind of step shows, and
#: the days its log shows (the card's tick-box week).
RULES: dict[str, Any] = {
    "frame": {"width": FRAME_SIZE[0], "height": FRAME_SIZE[1]},
    "beep_after": ["setup", "hold", "timed", "rest"],
    "tone": {"hertz": 880, "seconds": 0.5},
    "picture_shown": {"hold": "end", "timed": "move", "reps": "move"},
    "log_days": TICK_DAYS,
}
#: The log's "done n times", for each plural category of the language.
DONE_TIMES = Nn_("done once", "done {n} times")
#: What each kind of step is called on the clock (plan.StepKind).
KIND_WORDS = {
    "setup": N_("Get into position"),
    "hold": N_("Hold"),
    "release": N_("Let go"),
    "timed": N_("Keep going"),
    "reps": N_("At your own pace"),
    "rest": N_("Rest"),
    "switch": N_("Change sides"),
}


def session_plan(
    from_page: str,
    key: str,
    name: str,
    items: Iterable[tuple[Exercise, Dosage]],
    safety: Safety,
    lang: Language,
    by_id: dict[str, Exercise] | None = None,
) -> dict[str, Any]:
    """The plan of one page's session: `key` names the page (`routines/desk`) in the log;
    `by_id` (every exercise) names the easier versions."""
    by_id = by_id or {}
    exercises = []
    for exercise, dosage in items:
        picture = relative(from_page, f"assets/images/{exercise.picture.file}")
        steps = session_steps(exercise.name, dosage, lang=lang)
        exercises.append(
            {
                "id": exercise.id,
                "name": exercise.name,
                "cue": exercise.key_cue,
                "stop_if": exercise.stop_if,
                "easier": easier_name(exercise.easier, by_id),
                "alt": exercise.picture.alt,
                "start": f"{picture}#start",
                "end": f"{picture}#end",
                "seconds": steps_seconds(steps),
                "steps": [dict(vars(step)) for step in steps],  # flat: no asdict needed
            }
        )
    return {
        "id": key,
        "name": name,
        "seconds": sum(e["seconds"] for e in exercises),
        "stop_rule": safety.stop_rule,
        "weakness": safety.weakness,
        "urgent_action": safety.urgent_action,
        "urgent_intro": safety.urgent_intro,
        "urgent": list(safety.urgent),
        "exercises": exercises,
        "rules": RULES,
        "words": interface_words(lang),
    }


def easier_name(easier: list[Variant], by_id: dict[str, Exercise]) -> str | None:
    """The name of the first easier version, for the advice after a stop; None when none."""
    if not easier:
        return None
    first = easier[0]
    if first.name is not None:
        return first.name
    other = by_id.get(first.exercise or "")
    return other.name if other else None


@cache  # the same for every page of a language; never changed once made
def interface_words(lang: Language) -> dict[str, Any]:
    """WORDS and KIND_WORDS in `lang`, and "done n times" for each of its plural categories
    (the browser picks one with Intl.PluralRules)."""
    said: dict[str, Any] = {key: lang.gettext(message) for key, message in WORDS.items()}
    said["kinds"] = {kind: lang.gettext(message) for kind, message in KIND_WORDS.items()}
    said["times"] = words.plural_forms_of(lang, DONE_TIMES)
    return said


def plan_script(plan: dict[str, Any]) -> Markup:
    """The plan as `<script type="application/json">`: no content text can end the script."""
    return json_script(PLAN_ID, plan)


def session_context(from_page: str, plan: dict[str, Any]) -> dict[str, Any]:
    """What session-start.md.j2 needs: the plan script, and the URLs of the loader, the
    guided view and its style, relative to the page `from_page`."""
    return {
        "plan": plan_script(plan),
        "loader": relative(from_page, "assets/session-start.js"),
        "script": " ".join(relative(from_page, f"assets/{name}.js") for name in MODULES),
        "stylesheet": relative(from_page, "assets/stylesheets/session.css"),
    }
