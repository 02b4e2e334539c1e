"""The open catalogue's documents (/api/v1/exercises.json, /api/v1/routines.json) as typed
models: outputs/api.py fills them and dumps them, and publishes their JSON Schemas made from
the same models, so the data and its schema cannot drift. Within v1 fields are only ever
added (see the README); a change that removes or redefines a field goes to /api/v2/."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Doc(BaseModel):
    """Base of the catalogue's models: every field listed, none unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Licence(Doc):
    """The licence of the text and pictures."""

    name: str = Field(description="The licence's name, e.g. `CC BY-SA 4.0`.")
    url: str = Field(description="The licence's text.")


class Limits(Doc):
    """The smallest and largest value a dosage field may take."""

    minimum: int
    maximum: int


class DosageOut(Doc):
    """How much of an exercise to do (the content's dosage, every field given)."""

    hold_seconds: int | None = Field(description="Seconds to hold each repetition, or null.")
    duration_seconds: int | None = Field(description="Seconds one continuous bout lasts, or null.")
    reps: int = Field(description="Repetitions in one set.")
    sets: int = Field(description="Sets in one session.")
    per_side: Literal["foot", "leg"] | None = Field(description="Each foot or leg, or null.")
    directions: list[str] = Field(description="Ways one repetition is done in turn.")
    times_per_day: int = Field(description="Sessions a day.")
    days_per_week: int = Field(description="Days a week.")
    repetition: str = Field(description="What one repetition means, in plain words.")
    suggested: list[str] = Field(description="Fields whose value is a suggestion, not a source's.")
    words: str = Field(description="The dosage in plain words, as the pages print it.")
    short_words: str = Field(description="The dosage in the short words cards print.")
    frequency_words: str = Field(description="How often, in plain words.")
    session_seconds: int = Field(description="Time one session takes, with getting into position.")
    minutes: int = Field(description="`session_seconds` in whole minutes, rounded up.")


class PictureOut(Doc):
    """The exercise's picture: both positions side by side, and each on its own."""

    url: str = Field(description="Absolute URL of the SVG picture (start and end side by side).")
    start_url: str = Field(description="The start position alone (the SVG's own view).")
    end_url: str = Field(description="The end position alone.")
    width: int
    height: int
    alt: str = Field(description="Alt text that describes the movement.")
    licence: str = Field(description="SPDX id of the picture's licence.")
    origin: str = Field(description="Who made the picture, and when.")


class VariantOut(Doc):
    """An easier, harder or other option: another exercise, or one described in words."""

    exercise: str | None = Field(description="Id of another exercise, or null.")
    name: str | None
    description: str | None


class AddressOut(Doc):
    """A node of the cause-and-effect chain the exercise works on."""

    node: str
    why: str


class ExerciseCard(Doc):
    """Heights, in mm, of this exercise on a routine card, for each layout (see `card`)."""

    item_mm: dict[str, float] = Field(
        description="Height with its own dosage and no note, by layout name."
    )
    lines: dict[str, int] = Field(
        description="Lines of its own text (caution, steps or tip), whatever the dosage and "
        "note, by layout name: the heading's and note's lines are added to these."
    )


class ExerciseOut(Doc):
    """One exercise, with everything its page shows."""

    id: str
    former_ids: list[str] = Field(description="Ids it had before; links with them still work.")
    name: str
    summary: str
    purpose: str
    url: str = Field(description="Its page.")
    card_url: str = Field(description="Its printable card.")
    position: str = Field(description="`standing`, `sitting` or `lying`.")
    position_words: str
    equipment: list[str]
    equipment_words: str
    body_areas: list[str]
    dosage: DosageOut
    steps: list[str]
    cues: list[str] = Field(description="Coaching cues; the first is the key cue.")
    common_mistakes: list[str]
    warnings: list[str] = Field(description="Safety cautions: printed on every card.")
    cautions: list[str] = Field(description="Other cautions: on cards where there is room.")
    stop_if: str
    easier: list[VariantOut]
    harder: list[VariantOut]
    variations: list[VariantOut]
    tags: list[str]
    addresses: list[AddressOut]
    picture: PictureOut
    card: ExerciseCard


class Fitting(Doc):
    """One layout of a routine card, richest first."""

    name: str
    layout: Literal["large", "compact"]
    steps: bool = Field(description="Large pictures with the steps (else the key tip).")
    how_to: bool = Field(description="With the box on how to do the exercises.")
    all_cautions: bool = Field(description="Every caution (else the safety ones alone).")


class CardRules(Doc):
    """What a routine card's layout needs: take the first layout in `fits` whose exercises'
    heights, plus `how_to_mm` when it has the box, fit in `sheet_mm` less `fixed_mm`."""

    sheet_mm: float
    fixed_mm: dict[str, float] = Field(
        description="Header, tick grid, stop rule and red flags, by rows of the tick grid."
    )
    how_to_mm: float
    note_mm: float = Field(description="A clinician's note of a programme, at its longest.")
    fits: list[Fitting]
    line_mm: float = Field(description="Height of one line of an exercise's text.")
    item_pad_mm: float
    picture_mm: dict[str, float] = Field(description="Picture height, by layout.")
    chars_per_line: dict[str, int] = Field(description="Characters per line, by layout.")


class TimeRules(Doc):
    """How a session's time is worked out from a dosage (see the README)."""

    release_seconds: int = Field(description="Pause after each hold.")
    tempo_seconds: int = Field(description="One repetition with neither hold nor duration.")
    setup_seconds: int = Field(description="Getting into position, once per exercise.")
    rest_between_sets_seconds: int
    switch_seconds: int = Field(description="Changing sides; the patient says when ready.")


class About(Doc):
    """Facts every catalogue file carries."""

    version: str = Field(description="The catalogue format's version: 1.x only adds fields.")
    content_version: str = Field(description="The handbook content's version.")
    updated: str = Field(description="Date the content was last reviewed (YYYY-MM-DD).")
    licence: Licence
    site: str = Field(description="The handbook's address.")
    schema_url: str = Field(description="This file's JSON Schema.")


class ExercisesFile(About):
    """/api/v1/exercises.json: every exercise of the handbook, and the rules to dose them."""

    positions: dict[str, str] = Field(description="Position ids and their words.")
    sides: dict[str, str] = Field(description="`per_side` values and their words.")
    dosage_limits: dict[str, Limits] = Field(description="Bounds of each numeric dosage field.")
    max_exercises: int = Field(description="Most exercises a routine or programme may hold.")
    max_note: int = Field(description="Longest clinician's note of a programme, in characters.")
    time: TimeRules
    card: CardRules
    exercises: list[ExerciseOut]


class RoutineItemOut(Doc):
    """One exercise of a routine, with the dosage the routine gives it."""

    exercise: str = Field(description="Id of the exercise.")
    dosage: DosageOut
    note: str | None
    item_mm: dict[str, float] = Field(description="Height on the card, by layout name.")


class RoutineOut(Doc):
    """One routine."""

    id: str
    former_ids: list[str]
    name: str
    summary: str
    description: str
    situation: str
    situation_words: str
    url: str
    card_url: str
    calendar_url: str = Field(description="A daily reminder for six weeks (iCalendar).")
    seconds: int
    minutes: int
    frequency_words: str | None = Field(description="How often, when every exercise agrees.")
    sessions: int = Field(description="Rows of the card's tick grid.")
    layout: str = Field(description="Name of the layout its card uses.")
    exercises: list[RoutineItemOut]


class RoutinesFile(About):
    """/api/v1/routines.json: every routine, its exercises and their dosage."""

    routines: list[RoutineOut]


#: Each catalogue file's model, by the file's name.
DOCUMENTS: dict[str, type[About]] = {"exercises": ExercisesFile, "routines": RoutinesFile}
