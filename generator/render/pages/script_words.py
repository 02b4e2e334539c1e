"""The interface words of the builder's and the programme page's scripts, in the page's
language: they travel in the page (#hb-words), so the scripts hold no words of their own.

Messages use gettext's %(name)s placeholders, which programme-core.js fills in; the
dosage phrases are words.py's own (words.browser_phrases), and the guided session's step
labels plan.py's (plan.label_phrases).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.i18n.languages import N_, Language, Nn_
from generator.render.outputs.calendar import calendar_rules
from generator.render.pages.common import FRAME_SIZE, PICTURE_SIZE, json_script
from generator.rules import plan, words
from generator.rules.plan import label_phrases
from generator.source.model import SLUG_PATTERN

#: The dosage fields a programme's link carries, each by its letter, in the link's order, and
#: their values when the link leaves them out.
LINK_FIELDS = {"h": "hold_seconds", "d": "duration_seconds", "r": "reps", "s": "sets"}
LINK_DEFAULTS: dict[str, int | None] = {
    "hold_seconds": None,
    "duration_seconds": None,
    "reps": 1,
    "sets": 1,
}
LINK_VERSION = "v1."
#: The routine file the builder writes (content, so in English): its fixed parts, and the
#: fields of its frequency and of each exercise's dosage, in order (model.Frequency's and
#: model.Dosage's).
ROUTINE_FILE = {
    "schema": "../../schema/routine.schema.json",
    "id": "my-programme",
    "name": "My exercise programme",
    "summary_one": "%(num)d exercise chosen with the programme builder.",
    "summary_other": "%(num)d exercises chosen with the programme builder.",
    "situation": "other",
    "description": "Made for one patient with the programme builder.",
    "frequency_fields": ["times_per_day", "days_per_week", "review_weeks"],
    "dosage_fields": ["hold_seconds", "duration_seconds", "reps", "sets"],
}


def link_grammar() -> dict[str, object]:
    """The programme link's grammar (README, "Programme links") as data for link.js: its
    version, the field letters and the patterns, the id's being the model's Slug."""
    slug = SLUG_PATTERN.removeprefix("^").removesuffix("$").replace("(-", "(?:-")
    letters = "".join(LINK_FIELDS)
    number = "[1-9][0-9]{0,2}"
    return {
        "version": LINK_VERSION,
        "any_version": r"^v[0-9]+\.",
        "often": "^[0-9][0-9]$",
        "fields": LINK_FIELDS,
        "defaults": LINK_DEFAULTS,
        "exclusive": ["h", "d"],
        "item": f"^(?<id>{slug})(?::(?<dose>(?:[{letters}]{number})+))?$",
        "dose": f"([{letters}])([0-9]+)",
        "note": r"^[A-Za-z0-9\-_.!~*'()%+]+$",
    }


def shared_rules() -> dict[str, object]:
    """The constants every script of the builder and programme page works by, declared in
    Python: the link's grammar, the session's time rules and side order, the calendar's,
    the routine file's fields and the pictures' sizes."""
    return {
        "link": link_grammar(),
        "time": {
            "release_seconds": plan.RELEASE_SECONDS,
            "tempo_seconds": plan.TEMPO_SECONDS,
            "setup_seconds": plan.SETUP_SECONDS,
            "rest_between_sets_seconds": plan.REST_BETWEEN_SETS_SECONDS,
            "switch_seconds": plan.SWITCH_SECONDS,
            "side_order": list(plan.SIDE_ORDER),
        },
        "week_days": 7,
        "calendar": calendar_rules(),
        "routine_file": ROUTINE_FILE,
        "picture": {"width": PICTURE_SIZE[0], "height": PICTURE_SIZE[1]},
        "frame": {"width": FRAME_SIZE[0], "height": FRAME_SIZE[1]},
    }


#: The id of the JSON script element that programme-core.js reads.
WORDS_ID = "hb-words"

MESSAGES = {
    # programme-core.js: reading a link
    "field_hold_seconds": N_("the hold in seconds"),
    "field_duration_seconds": N_("the time in seconds"),
    "field_reps": N_("the repetitions"),
    "field_sets": N_("the sets"),
    "field_times_per_day": N_("times a day"),
    "field_days_per_week": N_("days a week"),
    "field_of": N_("%(field)s of %(exercise)s"),
    "out_of_range": N_(
        "The link gives %(what)s as %(value)s; the handbook allows %(minimum)s to %(maximum)s."
    ),
    "no_programme": N_("The link holds no programme: it ends at /programme/."),
    "newer": N_("This link was made by a newer version of the builder than this site has."),
    "not_v1": N_("This link does not hold a programme: it should continue with #v1."),
    "cut_short": N_("The link is cut short: it has no exercises."),
    "often_digits": N_("The link's times a day and days a week (%(often)s) are not two digits."),
    "too_many": N_("The link lists %(count)s exercises; a programme holds at most %(max)s."),
    "unreadable_item": N_("The link has an exercise written in a way it cannot read: %(item)s."),
    "listed_twice": N_("The link lists %(name)s twice."),
    "dose_twice": N_("The link gives one dosage twice for %(name)s."),
    "hold_and_duration": N_("The link gives both a hold and a duration for %(name)s."),
    "too_long": N_(
        "The link has %(count)s characters, more than any programme needs (at most %(max)s)."
    ),
    "note_characters": N_("The note in the link holds characters a link cannot carry."),
    "note_damaged": N_("The note in the link is damaged (it is not valid UTF-8 text)."),
    # the grammar of notes (notes.py: note_problem's keys)
    "note_long": N_("The note in the link has %(count)s characters; at most %(max)s are allowed."),
    "note_excluded": N_(
        "The note in the link holds %(code)s, a control character, bidirectional control or "
        "noncharacter that a note may not hold."
    ),
    "note_empty": N_("The note in the link is empty."),
    "note_marks": N_(
        "The note in the link stacks more than %(max)s accents or other marks on one letter."
    ),
    "qr_without_note": N_("(The QR code leaves this note out.)"),
    "qr_none": N_("The link is too long for a QR code: open the programme from its link."),
    "qr_title": N_("QR code for this programme's link"),
    "programme_title": N_("Exercise programme"),
    # programme.js
    "none_left": N_(
        "None of the exercises in this link is in the handbook any more. "
        "Ask your clinician for a new programme."
    ),
    "full_steps": N_("Full steps and cautions for %(name)s"),
    "gone": N_("%(number)s. No longer in the handbook"),
    "catalogue_origin": N_("the catalogue must come from this site"),
    "catalogue_status": N_("the catalogue could not be loaded (%(status)s)"),
    "calendar_done": N_("Calendar file downloaded: open it to add a daily reminder."),
    "not_loaded": N_("The exercises could not be loaded (%(error)s). Try again later."),
    # builder.js
    "limit_reached": N_(
        "You have chosen %(max)s exercises, the most one card holds. Remove one to add another."
    ),
    "chosen_count": N_("%(count)s of at most %(max)s exercises chosen."),
    "label_hold_seconds": N_("Hold seconds"),
    "label_duration_seconds": N_("Seconds"),
    "label_reps": N_("Repetitions"),
    "label_sets": N_("Sets"),
    "label_for": N_(" for %(name)s"),
    "move_up": N_("Move %(name)s up"),
    "move_down": N_("Move %(name)s down"),
    "up": N_("Up"),
    "down": N_("Down"),
    "remove": N_("Remove"),
    "details": N_("Details"),
    "details_of": N_(" of %(name)s"),
    "started_nothing": N_("Started from nothing: tick exercises in the list."),
    "copied": N_("Link copied. Paste it into a message to your patient."),
    "copy_blocked": N_(
        "Copying is blocked here: the link is selected below, copy it with Ctrl+C or Cmd+C."
    ),
    "calendar_done_weeks": N_(
        "Calendar file downloaded: open it to add a daily reminder for six weeks."
    ),
    "routine_done": N_(
        "Routine file downloaded: put it in content/routines/ to add it to your own copy of "
        "the handbook."
    ),
    "removed": N_("%(name)s removed."),
    "note_count": N_("%(count)s of %(max)s characters."),
    "unknown_routine": N_(
        "The handbook has no routine %(name)s: start from another one, or tick exercises in "
        "the list."
    ),
    "address_unreadable": N_("The programme in this address could not be read: %(error)s"),
    "loading": N_("Loading the exercises..."),
    "cannot_start": N_(
        "The builder could not start (%(error)s). The list of exercises below still works."
    ),
}
#: Messages with a count; %(num)d is the count.
MESSAGE_PLURALS = {
    "exercises": Nn_("%(num)s exercise", "%(num)s exercises"),
    "started_from": Nn_(
        "Started from %(routine)s: %(num)d exercise.",
        "Started from %(routine)s: %(num)d exercises.",
    ),
    "left_out": Nn_(
        "%(num)d exercise in this link is not in the handbook: it was left out.",
        "%(num)d exercises in this link are not in the handbook: they were left out.",
    ),
}


def words_data(lang: Language, rules: dict[str, Any] | None = None) -> dict[str, Any]:
    """The words, and the `rules` the scripts check links by (pages/builder.py)."""
    said: dict[str, Any] = dict(words.browser_phrases(lang))
    said["rules"] = shared_rules() | (rules or {})
    said["steps"] = label_phrases(lang)
    said["messages"] = {key: lang.gettext(message) for key, message in MESSAGES.items()}
    said["message_plurals"] = {
        key: words.plural_forms_of(lang, forms) for key, forms in MESSAGE_PLURALS.items()
    }
    return said


def words_element(lang: Language, rules: dict[str, Any] | None = None) -> Markup:
    return json_script(WORDS_ID, words_data(lang, rules))
