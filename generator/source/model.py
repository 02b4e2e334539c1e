"""The content schema, declared once: the models of each content file (their field types
and vocabularies are in fields.py, and re-exported here).

Every field carries a one-line description: the JSON Schema for editors and the authoring
guide's field table are both generated from these models (see schema.py), so they cannot drift.
"""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    model_validator,
)

from generator.safety import urls
from generator.source.dosage import Dosage, DosageOverride
from generator.source.evidence import (
    CauseLink,
    CauseNode,
    Causes,
    Grade,
    Reference,
    References,
)
from generator.source.fields import (
    EQUIPMENT,
    FIRST_UPDATED,
    GRADES,
    LAST_UPDATED,
    MAX_CARD_EXERCISES,
    MAX_PROGRAMME_NOTE,
    MAX_TIMES_PER_DAY,
    POSITIONS,
    SIDES,
    SITUATIONS,
    SLUG_PATTERN,
    WEEKDAYS,
    CardFlag,
    CardHeading,
    CardLine,
    CardName,
    CardNote,
    CardSentence,
    CardStep,
    CardWarning,
    Equipment,
    Expects,
    Licence,
    LongText,
    Name,
    OnCard,
    Position,
    ProgrammeNote,
    ShortText,
    Situation,
    Slug,
    Strict,
    Unit,
    UpdatedDate,
    Verbatim,
)

__all__ = [
    "EQUIPMENT",
    "FIRST_UPDATED",
    "GRADES",
    "LAST_UPDATED",
    "MAX_CARD_EXERCISES",
    "MAX_PROGRAMME_NOTE",
    "MAX_TIMES_PER_DAY",
    "POSITIONS",
    "SIDES",
    "SITUATIONS",
    "SLUG_PATTERN",
    "WEEKDAYS",
    "Address",
    "CardName",
    "CauseLink",
    "CauseNode",
    "Causes",
    "Clinic",
    "Dosage",
    "DosageOverride",
    "Exercise",
    "Expects",
    "Frequency",
    "Grade",
    "Guidance",
    "Handbook",
    "OnCard",
    "Picture",
    "ProgrammeNote",
    "Reference",
    "References",
    "Routine",
    "RoutineEntry",
    "Safety",
    "Slug",
    "Strict",
    "Unit",
    "Variant",
    "Verbatim",
    "minutes",
]


class Variant(Strict):
    """An easier or harder option: a link to another exercise, or a variant described in words."""

    exercise: Slug | None = Field(None, description="Id of another exercise in the handbook.")
    name: Name | None = Field(None, description="Name of a variant described here.")
    description: ShortText | None = Field(None, description="How to do the described variant.")

    @model_validator(mode="after")
    def _one_form(self) -> Variant:
        linked = self.exercise is not None
        described = self.name is not None or self.description is not None
        if linked == described or (described and (self.name is None or self.description is None)):
            raise ValueError("expected either `exercise: <id>` or both `name:` and `description:`")
        return self


class Address(Strict):
    """A node of the cause-and-effect chain that an exercise works on."""

    node: Slug = Field(description="Id of a node in content/causes.yml.")
    why: ShortText = Field(description="One hedged sentence: why the exercise may help here.")


class Picture(Strict):
    """An illustration of the exercise, with its licence and origin."""

    file: Annotated[
        str,
        StringConstraints(pattern=r"^[a-z0-9-]+\.svg$"),
        Expects("an SVG file name such as 'toe-walking.svg'"),
    ] = Field(description="SVG file name in content/images/.")
    alt: Annotated[str, StringConstraints(min_length=20, max_length=400)] = Field(
        description="Alt text that describes the movement, not the drawing."
    )
    licence: Licence = Field(description="SPDX licence id of the picture.")
    origin: ShortText = Field(description="Who made the picture, and when.")


class Entry(Strict):
    """What an exercise and a routine both are: a page of their own, named by an id."""

    id: Slug = Field(description="Stable slug used in URLs; equals the file name.")
    former_ids: list[Slug] = Field(
        default_factory=list,
        description="Ids it had before; their addresses lead to its pages.",
    )
    name: CardName = Field(description="Short title in sentence case.")
    summary: ShortText = Field(
        description="One sentence: what you do, or for a routine what it is."
    )


class Exercise(Entry):
    """One exercise: what to do, how much, and how to stay safe."""

    purpose: LongText = Field(description="What it trains and why, with no cure claims.")
    position: Position = Field(description="Body position: standing, sitting or lying.")
    equipment: Annotated[list[Equipment], Field(min_length=1)] = Field(
        description="What you need, from a fixed list (`none` when nothing)."
    )
    body_areas: Annotated[list[Name], Field(min_length=1)] = Field(
        description="Parts of the body the exercise works."
    )
    dosage: Dosage = Field(description="How much: hold, duration, reps, sets, sides, times a day.")
    steps: Annotated[list[CardStep], Field(min_length=2, max_length=5)] = Field(
        description="Ordered, short, imperative steps."
    )
    cues: Annotated[list[CardLine], Field(min_length=1, max_length=5)] = Field(
        description="Coaching cues; the first is the key cue printed on cards."
    )
    common_mistakes: Annotated[list[ShortText], Field(max_length=5)] = Field(
        default_factory=list, description="Mistakes people often make."
    )
    warnings: Annotated[list[CardSentence], Field(max_length=2)] = Field(
        default_factory=list,
        description="Safety cautions: who should skip or change this exercise (a condition, an "
        "injury, leg pain). Printed on every card, routine cards too; the rest of the care "
        "advice goes in `cautions`.",
    )
    cautions: Annotated[list[CardSentence], Field(min_length=1, max_length=4)] = Field(
        description="Who should take care, and how: on the page, the embed and the exercise "
        "card, and on routine cards where there is room."
    )
    stop_if: CardSentence = Field(description="When to stop: one sentence.")
    easier: list[Variant] = Field(default_factory=list, description="Easier options.")
    harder: list[Variant] = Field(default_factory=list, description="Harder options.")
    variations: list[Variant] = Field(
        default_factory=list, description="Other ways to do it, neither easier nor harder."
    )
    tags: list[Slug] = Field(default_factory=list, description="Free tags for browsing.")
    notes: Annotated[LongText | None, Verbatim()] = Field(
        None,
        description="Note for editors (never shown to readers): how an unclear source was read.",
    )
    addresses: list[Address] = Field(
        default_factory=list, description="Cause-chain nodes this exercise works on."
    )
    picture: Picture = Field(description="The illustration, with alt text and licence.")

    @model_validator(mode="after")
    def _no_repeated_equipment(self) -> Exercise:
        if len(set(self.equipment)) != len(self.equipment):
            raise ValueError("equipment lists an item twice")
        if "none" in self.equipment and len(self.equipment) > 1:
            raise ValueError("equipment: `none` cannot stand beside other equipment")
        return self

    @property
    def key_cue(self) -> str:
        """The cue printed on cards."""
        return self.cues[0]

    @property
    def all_cautions(self) -> list[str]:
        """Every caution, the safety ones first: the page, embed and exercise card show these."""
        return [*self.warnings, *self.cautions]


class RoutineEntry(Strict):
    """One exercise in a routine, with an optional dosage for this routine."""

    exercise: Slug = Field(description="Id of the exercise.")
    dosage: DosageOverride | None = Field(None, description="Changes to the exercise's dosage.")
    note: CardNote | None = Field(None, description="A one-line note for this routine.")


class Frequency(Strict):
    """How often a routine is done, said once for all its exercises, and when to review it."""

    times_per_day: Annotated[int, Field(ge=1, le=MAX_TIMES_PER_DAY), Unit("sessions a day")] = (
        Field(description="Sessions a day.")
    )
    days_per_week: Annotated[int, Field(ge=1, le=7), Unit("days a week")] = Field(
        description="Days a week (the calendar file picks the days: weekdays first)."
    )
    review_weeks: Annotated[int, Field(ge=1, le=26), Unit("weeks")] = Field(
        description="Weeks of regular practice before a review with the doctor or "
        "physiotherapist (about six is usual)."
    )


class Routine(Entry):
    """An ordered set of exercises done together."""

    situation: Situation = Field(description="When it fits: morning, desk, full, evening, other.")
    description: LongText = Field(description="Who it is for and when to do it.")
    max_minutes: Annotated[int, Field(ge=1, le=120), Unit("minutes")] | None = Field(
        None, description="Upper bound for the computed total time; checked at build."
    )
    frequency: Frequency = Field(
        description="How often the whole routine is done; an exercise's own dosage in the "
        "routine may not say otherwise."
    )
    exercises: Annotated[
        list[RoutineEntry], Field(min_length=1, max_length=MAX_CARD_EXERCISES), OnCard()
    ] = Field(description="The exercises, in order; as many as fit one printed card.")


class Guidance(Strict):
    """One piece of advice on how to do the exercises."""

    title: Name = Field(description="A few words: what the advice is about.")
    text: ShortText = Field(description="The advice, in one or two plain sentences.")


class Safety(Strict):
    """Red flags, the stop rule and advice on exercising: each said once, shown everywhere."""

    urgent_action: CardLine = Field(
        description="Title of the urgent box: these signs are rare but need help straight away "
        "(call emergency services...)."
    )
    urgent_intro: CardHeading = Field(description="Lead-in to the urgent symptoms.")
    urgent: Annotated[list[CardFlag], Field(min_length=1, max_length=4)] = Field(
        description="Symptoms that need urgent medical attention, short enough for a card."
    )
    urgent_cause: ShortText = Field(
        description="Names the emergency the urgent signs may mean (cauda equina syndrome), once, "
        "on the safety page: for clinicians and for searching."
    )
    prompt_intro: ShortText = Field(description="Lead-in to the prompt-appointment symptoms.")
    prompt: Annotated[list[ShortText], Field(min_length=1)] = Field(
        description="Symptoms that need a prompt appointment."
    )
    routine_intro: ShortText = Field(description="Lead-in to reasons for a routine appointment.")
    routine: Annotated[list[ShortText], Field(min_length=1)] = Field(
        description="Reasons to see a doctor or physiotherapist in the usual way."
    )
    how_to: Annotated[list[Guidance], Field(min_length=1, max_length=8)] = Field(
        description="How to do the exercises: discomfort, building up, bad days, how often."
    )
    general: Annotated[list[ShortText], Field(min_length=1)] = Field(
        description="General advice for exercising safely."
    )
    stop_rule: CardLine = Field(description="When to stop any exercise: one sentence, everywhere.")
    weakness: CardWarning = Field(
        description="The warning a foot exercise is most likely to reveal (one foot or leg "
        "getting weaker: see a doctor the same day): shown beside the stop rule everywhere."
    )
    contraindications_intro: ShortText = Field(
        description="Lead-in to the conditions that change or rule out some exercises."
    )
    contraindications: Annotated[list[Guidance], Field(min_length=1, max_length=10)] = Field(
        description="Conditions that change or rule out some exercises, and what to do instead."
    )
    source: ShortText = Field(description="Where the red flags come from.")


class Handbook(Strict):
    """Facts about the handbook itself: version, date and the home page's words."""

    version: Annotated[
        str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$"), Expects("a version such as 1.0")
    ] = Field(description="Content version, e.g. `1.0`.")
    updated: UpdatedDate = Field(description="Date the content was last reviewed (YYYY-MM-DD).")
    audience: LongText = Field(description="Who the handbook is for.")
    welcome: LongText = Field(description="The home page's opening paragraph.")
    licence: ShortText = Field(description="Licence of the content, in words.")


class Clinic(Strict):
    """A clinic's branding for cards and embeds."""

    name: CardName = Field(description="Clinic name shown on cards and embeds.")
    phone: (
        Annotated[
            str,
            StringConstraints(pattern=r"^[0-9 +()\-]{5,25}$"),
            Expects("a phone number of digits, spaces, +, - and brackets"),
        ]
        | None
    ) = Field(None, description="Phone number.")
    website: Annotated[str, AfterValidator(urls.website)] | None = Field(
        None, description="Clinic website (https)."
    )
    logo: (
        Annotated[
            str,
            StringConstraints(pattern=r"^[a-z0-9-]+\.(svg|png)$"),
            Expects("a file name ending .svg or .png"),
        ]
        | None
    ) = Field(None, description="Logo file name in content/images/.")
    accent: (
        Annotated[
            str,
            StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"),
            Expects("a colour written #rrggbb"),
        ]
        | None
    ) = Field(None, description="Accent colour as #rrggbb.")


def minutes(seconds: int) -> int:
    """Whole minutes, rounded up, never zero."""
    return max(1, math.ceil(seconds / 60))
