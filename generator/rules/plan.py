"""The session plan: every step of doing an exercise, in order, with its seconds.

This is the one place time is worked out. The times printed on pages and cards, the check
of a routine's `max_minutes` and the guided session on the site all come from these steps,
so the clock a patient follows and the total a page states cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from generator.i18n.languages import N_, SOURCE_LANGUAGE, Language, language
from generator.rules.memo import Uncompared, fields_key
from generator.rules.words import times
from generator.source.model import Dosage

#: Seconds allowed for letting go of a hold before the next repetition.
RELEASE_SECONDS = 2
#: Seconds one repetition takes when the dosage gives neither a hold nor a duration.
TEMPO_SECONDS = 3
#: Seconds for getting into position for each exercise of a routine.
SETUP_SECONDS = 15
#: Rest between sets, when there is more than one.
REST_BETWEEN_SETS_SECONDS = 30
#: Seconds counted for changing to the other foot or leg. None are: the patient says when
#: they are ready, and the times the handbook states do not include it.
SWITCH_SECONDS = 0

StepKind = Literal["setup", "hold", "release", "timed", "reps", "rest", "switch"]
SIDE_ORDER = ("right", "left")


@dataclass(frozen=True)
class Step:
    """One step of a session: what to do, for how long, and where in the dosage it is.

    A "reps" step ends when the patient taps Done; its seconds are the time the handbook
    counts for it (TEMPO_SECONDS a repetition). A "switch" step of 0 seconds waits for the
    patient too. Every other step ends when its seconds have run out.
    """

    kind: StepKind
    seconds: int
    #: "right" or "left" when the dosage is done per side, else None.
    side: str | None
    #: The set this step belongs to (1-based), of `sets`.
    set: int
    sets: int
    #: The repetition (1-based) within the set and direction, of `reps`; 0 outside a repetition.
    rep: int
    reps: int
    direction: str | None
    #: What to show and say: "Toe stretching, right foot, up, 2 of 3, hold 5 s".
    label: str


#: How the guided view names each side, by what `per_side` counts (the keys of model.SIDES).
SIDE_WORDS = {
    "foot": {"right": N_("right foot"), "left": N_("left foot")},
    "leg": {"right": N_("right leg"), "left": N_("left leg")},
}
#: The parts of a step's label. The programme page builds its steps in the browser
#: (programme-core.js, from a link's dosage) with these same phrases, in the page's language.
STEP_PHRASES = {
    "setup": N_("get into position, %(num)d s"),
    "switch": N_("now the %(side)s"),
    "rest": N_("rest %(num)d s before set %(set)d"),
    "set": N_("set %(num)d of %(of)d"),
    "rep": N_("%(num)d of %(of)d"),
    "hold": N_("hold %(num)d s"),
    "release": N_("let go, %(num)d s"),
    "timed": N_("%(num)d s"),
}


def session_steps(name: str, dosage: Dosage, *, lang: Language) -> list[Step]:
    """Every step of one session of the exercise `name` at `dosage`, set-up first, labelled
    in `lang` (required: there is no default language)."""
    return list(_cached_steps(name, fields_key(dosage), Uncompared(dosage), lang))


# Laid out once for a page, every routine holding the exercise, the API and structured data.
@lru_cache(maxsize=8192)
def _cached_steps(
    name: str, key: str, dosage: Uncompared[Dosage], lang: Language
) -> tuple[Step, ...]:
    return tuple(_steps(name, dosage.value, lang=lang))


def _steps(name: str, dosage: Dosage, *, lang: Language) -> Iterator[Step]:
    _ = lang.gettext
    sets, reps = dosage.sets, dosage.reps

    def say(phrase: str, **values: object) -> str:
        return _(STEP_PHRASES[phrase]) % values

    def step(
        kind: StepKind,
        seconds: int,
        words: list[str],
        side: str | None = None,
        set_number: int = 1,
        rep: int = 0,
        direction: str | None = None,
    ) -> Step:
        label = _(", ").join([name, *words])
        return Step(kind, seconds, side, set_number, sets, rep, reps, direction, label)

    yield step("setup", SETUP_SECONDS, [say("setup", num=SETUP_SECONDS)])
    sides: tuple[str | None, ...] = SIDE_ORDER if dosage.per_side else (None,)
    for side in sides:
        named = _(SIDE_WORDS[dosage.per_side][side]) if side and dosage.per_side else ""
        where = [named] if side else []
        if side and side != sides[0]:
            yield step("switch", SWITCH_SECONDS, [say("switch", side=named)], side)
        for set_number in range(1, sets + 1):
            if set_number > 1:
                rest = say("rest", num=REST_BETWEEN_SETS_SECONDS, set=set_number)
                yield step("rest", REST_BETWEEN_SETS_SECONDS, [*where, rest], side, set_number)
            of_sets = say("set", num=set_number, of=sets)
            in_set = where + ([of_sets] if sets > 1 else [])
            directions: list[str | None] = [*dosage.directions] or [None]
            for direction in directions:
                here = in_set + ([direction] if direction else [])
                if dosage.hold_seconds is None and dosage.duration_seconds is None:
                    yield step(
                        "reps",
                        TEMPO_SECONDS * reps,
                        [*here, times(reps, lang=lang)],
                        side,
                        set_number,
                        0,
                        direction,
                    )
                    continue
                for rep in range(1, reps + 1):
                    of_reps = say("rep", num=rep, of=reps)
                    count = [*here, of_reps] if reps > 1 else here
                    if dosage.hold_seconds is not None:
                        hold = say("hold", num=dosage.hold_seconds)
                        yield step(
                            "hold",
                            dosage.hold_seconds,
                            [*count, hold],
                            side,
                            set_number,
                            rep,
                            direction,
                        )
                        let_go = say("release", num=RELEASE_SECONDS)
                        yield step(
                            "release",
                            RELEASE_SECONDS,
                            [*count, let_go],
                            side,
                            set_number,
                            rep,
                            direction,
                        )
                    elif dosage.duration_seconds is not None:
                        bout = say("timed", num=dosage.duration_seconds)
                        yield step(
                            "timed",
                            dosage.duration_seconds,
                            [*count, bout],
                            side,
                            set_number,
                            rep,
                            direction,
                        )


def label_phrases(lang: Language) -> dict[str, Any]:
    """STEP_PHRASES and SIDE_WORDS in `lang`, for programme-core.js (which takes "n times" and the
    separator from words.browser_phrases, as _steps takes them from words.py)."""
    said: dict[str, Any] = {key: lang.gettext(phrase) for key, phrase in STEP_PHRASES.items()}
    said["sides"] = {
        counted: {side: lang.gettext(words) for side, words in names.items()}
        for counted, names in SIDE_WORDS.items()
    }
    return said


def steps_seconds(steps: Iterable[Step]) -> int:
    return sum(step.seconds for step in steps)


def session_seconds(dosage: Dosage) -> int:
    """Time one session of this dosage takes, getting into position included."""
    # Only the seconds are read: the labels are never shown, so any language will do.
    return steps_seconds(session_steps("", dosage, lang=language(SOURCE_LANGUAGE)))


def total_seconds(dosages: Iterable[Dosage]) -> int:
    """Time a routine takes: the sum of its exercises' sessions."""
    return sum(session_seconds(dosage) for dosage in dosages)
