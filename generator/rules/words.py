"""Plain-language phrases built from data, in any language with a catalogue: dosage, frequency,
times, lists.

Every phrase goes through gettext (see i18n/languages.py), with plurals by each language's
own rule. Every function that says something takes the language as a required keyword, `lang`:
there is no default, so a caller that forgets the language fails (TypeError) instead of
printing English on a Spanish or German page.
"""

from __future__ import annotations

from functools import lru_cache

from generator.i18n.languages import N_, Language, Nn_
from generator.rules.memo import Uncompared, fields_key
from generator.source.model import EQUIPMENT, SIDES, Dosage

_FIELD_WORDS = {
    "hold_seconds": N_("the hold"),
    "duration_seconds": N_("the time"),
    "reps": N_("the number of repetitions"),
    "sets": N_("the number of sets"),
    "times_per_day": N_("how often a day"),
    "days_per_week": N_("how many days a week"),
}


#: The phrases the dosage, frequency and time are said with. Python fills them here; the
#: builder and programme pages fill the same ones in the browser (programme-core.js, which
#: a test checks against these functions), so both say a dosage alike in every language.
DOSAGE_PHRASES = {
    "seconds_short": N_("%(num)d s"),
    "hold": N_("hold %(time)s"),
    "each_way": N_("%(times)s each way (%(ways)s)"),
    "comma": N_(", "),
    "and": N_("%(list)s and %(last)s"),
    "every_day": N_("every day"),
    "a_day": N_("%(times)s a day, %(week)s"),
    "twice": N_("twice"),
}
#: The phrases with a plural; %(num)d is the count.
PLURALS = {
    "seconds": Nn_("%(num)d second", "%(num)d seconds"),
    "sets": Nn_("%(num)d set", "%(num)d sets"),
    "days_a_week": Nn_("%(num)d day a week", "%(num)d days a week"),
    "times": Nn_("once", "%(num)d times"),
    "about_minutes": Nn_("about %(num)d minute", "about %(num)d minutes"),
}


def say(lang: Language, phrase: str, **values: object) -> str:
    return lang.gettext(DOSAGE_PHRASES[phrase]) % values


def say_count(lang: Language, phrase: str, count: int) -> str:
    return lang.ngettext(*PLURALS[phrase], count) % {"num": count}


def browser_phrases(lang: Language) -> dict[str, object]:
    """DOSAGE_PHRASES, PLURALS (each language's plural forms, %(num)d to fill) and SIDES in `lang`,
    for programme-core.js."""
    return {
        "phrases": {key: lang.gettext(phrase) for key, phrase in DOSAGE_PHRASES.items()},
        "plurals": {key: plural_forms_of(lang, forms) for key, forms in PLURALS.items()},
        "sides": {key: lang.gettext(words) for key, words in SIDES.items()},
    }


def plural_forms_of(lang: Language, forms: tuple[str, str]) -> dict[str, str]:
    """The plural forms of one ngettext message, by plural category (see Language)."""
    return lang.plural_forms(lambda count: lang.ngettext(*forms, count))


def dosage_words(dosage: Dosage, *, short: bool = False, lang: Language) -> str:
    """How much, in words: 'Hold 5 seconds, 3 times each way (up, down and apart), each foot'."""
    return _dosage_words(fields_key(dosage), Uncompared(dosage), short, lang)


@lru_cache(maxsize=8192)
def _dosage_words(key: str, uncompared: Uncompared[Dosage], short: bool, lang: Language) -> str:
    dosage = uncompared.value
    parts = []
    seconds = dosage.hold_seconds or dosage.duration_seconds
    if seconds is not None:
        if short:
            unit = say(lang, "seconds_short", num=seconds)
        else:
            unit = say_count(lang, "seconds", seconds)
        parts.append(say(lang, "hold", time=unit) if dosage.hold_seconds else unit)
    if dosage.directions:
        ways = join_words(list(dosage.directions), lang=lang)
        parts.append(say(lang, "each_way", times=times(dosage.reps, lang=lang), ways=ways))
    elif dosage.reps > 1 or not parts:
        parts.append(times(dosage.reps, lang=lang))
    if dosage.sets > 1:
        parts.append(say_count(lang, "sets", dosage.sets))
    if dosage.per_side:
        parts.append(lang.gettext(SIDES[dosage.per_side]))
    return capitalised(say(lang, "comma").join(parts))


def frequency_words(dosage: Dosage, *, lang: Language) -> str:
    """How often, in words: 'Twice a day, 5 days a week', 'Once a day, every day'."""
    return _frequency_words(dosage.times_per_day, dosage.days_per_week, lang)


@lru_cache(maxsize=1024)
def _frequency_words(times_per_day: int, days: int, lang: Language) -> str:
    week = say(lang, "every_day") if days == 7 else say_count(lang, "days_a_week", days)
    return capitalised(say(lang, "a_day", times=times(times_per_day, lang=lang), week=week))


def times(count: int, *, lang: Language) -> str:
    """'once', 'twice', '3 times'."""
    return say(lang, "twice") if count == 2 else say_count(lang, "times", count)


def suggested_words(dosage: Dosage, *, lang: Language) -> str | None:
    """A sentence naming the dosage values that are our suggestion, or None."""
    if not dosage.suggested:
        return None
    names = join_words([lang.gettext(_FIELD_WORDS[field]) for field in dosage.suggested], lang=lang)
    message = lang.gettext("%(values)s: a suggested starting point; your clinician may change it.")
    return capitalised(message % {"values": names})


def minutes_words(minutes: int, *, lang: Language) -> str:
    """'about 1 minute', 'about 7 minutes'."""
    return say_count(lang, "about_minutes", minutes)


def equipment_words(equipment: list[str], *, lang: Language, in_sentence: bool = False) -> str:
    """'A towel and a chair', 'Nothing'; 'a towel and a chair' inside a sentence."""
    listed = join_words([lang.gettext(EQUIPMENT[item]) for item in equipment], lang=lang)
    return listed if in_sentence else capitalised(listed)


def join_words(items: list[str], *, lang: Language) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return say(lang, "and", list=say(lang, "comma").join(items[:-1]), last=items[-1])


def capitalised(text: str) -> str:
    """The text with its first letter made upper case and the rest left alone."""
    return text[:1].upper() + text[1:]
