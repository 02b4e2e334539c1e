"""Plain-language phrases built from data, in any language with a catalogue: dosage, frequency,
times, lists.

Every phrase goes through gettext (see i18n.py), with plurals by each language's own rule;
English is the default.
"""

from __future__ import annotations

from .i18n import N_, Language, language
from .model import EQUIPMENT, SIDES, Dosage

ENGLISH = language("en")

_FIELD_WORDS = {
    "hold_seconds": N_("the hold"),
    "duration_seconds": N_("the time"),
    "reps": N_("the number of repetitions"),
    "sets": N_("the number of sets"),
    "times_per_day": N_("how often a day"),
    "days_per_week": N_("how many days a week"),
}


def dosage_words(dosage: Dosage, *, short: bool = False, lang: Language = ENGLISH) -> str:
    """How much, in words: 'Hold 5 seconds, 3 times each way (up, down and apart), each foot'."""
    _, n_ = lang.gettext, lang.ngettext
    parts = []
    seconds = dosage.hold_seconds or dosage.duration_seconds
    if seconds is not None:
        unit = (
            _("%(num)d s") % {"num": seconds}
            if short
            else n_("%(num)d second", "%(num)d seconds", seconds) % {"num": seconds}
        )
        parts.append(_("hold %(time)s") % {"time": unit} if dosage.hold_seconds else unit)
    if dosage.directions:
        ways = join_words(list(dosage.directions), lang)
        parts.append(
            _("%(times)s each way (%(ways)s)") % {"times": times(dosage.reps, lang), "ways": ways}
        )
    elif dosage.reps > 1 or not parts:
        parts.append(times(dosage.reps, lang))
    if dosage.sets > 1:
        parts.append(n_("%(num)d set", "%(num)d sets", dosage.sets) % {"num": dosage.sets})
    if dosage.per_side:
        parts.append(_(SIDES[dosage.per_side]))
    return capitalised(_(", ").join(parts))


def frequency_words(dosage: Dosage, lang: Language = ENGLISH) -> str:
    """How often, in words: 'Twice a day, 5 days a week', 'Once a day, every day'."""
    _, n_ = lang.gettext, lang.ngettext
    days = dosage.days_per_week
    week = (
        _("every day")
        if days == 7
        else n_("%(num)d day a week", "%(num)d days a week", days) % {"num": days}
    )
    return capitalised(
        _("%(times)s a day, %(week)s") % {"times": times(dosage.times_per_day, lang), "week": week}
    )


def times(count: int, lang: Language = ENGLISH) -> str:
    """'once', 'twice', '3 times'."""
    if count == 2:
        return lang.gettext("twice")
    return times_form(count, lang) % {"num": count}


def times_form(count: int, lang: Language = ENGLISH) -> str:
    """The plural form `times` fills in for `count`: 'once' or '%(num)d times'."""
    return lang.ngettext("once", "%(num)d times", count)


def suggested_words(dosage: Dosage, lang: Language = ENGLISH) -> str | None:
    """A sentence naming the dosage values that are our suggestion, or None."""
    if not dosage.suggested:
        return None
    names = join_words([lang.gettext(_FIELD_WORDS[field]) for field in dosage.suggested], lang)
    message = lang.gettext("%(values)s: a suggested starting point; your clinician may change it.")
    return capitalised(message % {"values": names})


def minutes_words(minutes: int, lang: Language = ENGLISH) -> str:
    """'about 1 minute', 'about 7 minutes'."""
    return lang.ngettext("about %(num)d minute", "about %(num)d minutes", minutes) % {
        "num": minutes
    }


def equipment_words(
    equipment: list[str], lang: Language = ENGLISH, *, in_sentence: bool = False
) -> str:
    """'A towel and a chair', 'Nothing'; 'a towel and a chair' inside a sentence."""
    listed = join_words([lang.gettext(EQUIPMENT[item]) for item in equipment], lang)
    return listed if in_sentence else capitalised(listed)


def join_words(items: list[str], lang: Language = ENGLISH) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return lang.gettext("%(list)s and %(last)s") % {
        "list": lang.gettext(", ").join(items[:-1]),
        "last": items[-1],
    }


def capitalised(text: str) -> str:
    """The text with its first letter made upper case and the rest left alone."""
    return text[:1].upper() + text[1:]
