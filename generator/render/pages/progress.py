"""The progress page (/progress/ in every language): the log kept on this device, drawn by
assets/progress.js as sessions per week over the last six weeks against the days a week
planned, and how the back felt when the reader answered after a session.

The page carries what the script needs and holds no log: the days a week of every routine
and exercise (a log written before format v2 has none of its own) and the interface words,
in the page's language, as JSON (#hb-progress).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from generator.i18n.languages import N_
from generator.render.pages.common import Pages, Settings, json_script, page, relative
from generator.source.book import Book

#: The id of the JSON script element that progress.js reads.
DATA_ID = "hb-progress"
PAGE = "progress/index.md"
#: Weeks the page shows, the newest last.
WEEKS = 6
#: The script's words ({name}-style placeholders are gettext's %(name)s, filled in there).
WORDS = {
    "empty": N_(
        "Nothing is ticked off in the last six weeks on this device. After a guided session, "
        "press “Tick it off” to keep a log here."
    ),
    "days_title": N_("%(name)s: days done each week"),
    "days_alt": N_(
        "%(name)s, days done each week over the last six weeks, oldest first: %(list)s. "
        "Planned: %(days)s days a week."
    ),
    "days_alt_unknown": N_(
        "%(name)s, days done each week over the last six weeks, oldest first: %(list)s."
    ),
    "back_title": N_("How your back felt after a session"),
    "back_alt": N_(
        "How your back felt after a session, from 0 (no pain) to 10 (the worst pain you can "
        "imagine), the average of each week over the last six weeks, oldest first: %(list)s."
    ),
    "back_none": N_(
        "No answers yet: after a session you tick off, you can say how your back feels, "
        "from 0 to 10."
    ),
    "week": N_("Week"),
    "days_done": N_("Days done"),
    "sessions": N_("Sessions"),
    "planned": N_("Days a week planned"),
    "planned_short": N_("planned"),
    "back": N_("Back, 0 to 10 (average)"),
    "answers": N_("Answers"),
    "no_answer": N_("no answer"),
    "unknown": N_("not known"),
    "range": N_("%(start)s to %(end)s"),
}


def progress_page(book: Book, settings: Settings, env: Environment) -> Pages:
    data = {
        "weeks": WEEKS,
        "plans": plans(book),
        "words": {key: settings.lang.gettext(message) for key, message in WORDS.items()},
    }
    return [
        page(
            env,
            "progress.md.j2",
            PAGE,
            {
                "title": settings.lang.gettext("Your progress"),
                "description": settings.lang.gettext(
                    "The sessions you ticked off on this device, week by week."
                ),
                "search": {"exclude": True},
            },
            data=json_script(DATA_ID, data),
            log_script=relative(PAGE, "assets/log.js"),
            script=relative(PAGE, "assets/progress.js"),
            stylesheet=relative(PAGE, "assets/stylesheets/companion.css"),
        )
    ]


def plans(book: Book) -> dict[str, dict[str, Any]]:
    """Each page's log id (session.py's key) with its name and days a week."""
    found: dict[str, dict[str, Any]] = {}
    for plan in book.routines:
        frequency = plan.routine.frequency
        found[f"routines/{plan.routine.id}"] = {
            "name": plan.routine.name,
            "days": frequency.days_per_week,
        }
    for exercise in book.exercises:
        found[f"exercises/{exercise.id}"] = {
            "name": exercise.name,
            "days": exercise.dosage.days_per_week,
        }
    return found
