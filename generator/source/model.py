"""The content schema, declared once.

Every field carries a one-line description: the JSON Schema for editors and the authoring
guide's field table are both generated from these models (see schema.py), so they cannot drift.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    model_validator,
)

from generator.i18n.languages import N_
from generator.safety import urls
from generator.safety.notes import checked_note


@dataclass(frozen=True)
class Unit:
    """What a whole-number field counts, for messages: 'a whole number of seconds from 1 to
    600' is made from this and the field's bounds."""

    name: str


@dataclass(frozen=True)
class Verbatim:
    """Marks text that is kept as written in every language: an editor's note, a paper's
    authors, title and journal."""


@dataclass(frozen=True)
class Expects:
    """How messages name the form a text field expects, beside the pattern that checks it."""

    words: str


SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=60),
    Expects("an id of lowercase letters, digits and single hyphens, such as 'toe-walking'"),
]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=240, strip_whitespace=True)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=1500, strip_whitespace=True)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=28, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=60, strip_whitespace=True)]


@dataclass(frozen=True)
class OnCard:
    """Marks text printed on the one-page cards: its length limit is what keeps every card,
    even the longest the model allows, on one sheet of A4 or US Letter (tested in print)."""


def _card_text(longest: int) -> Any:
    return Annotated[
        str, StringConstraints(min_length=1, max_length=longest, strip_whitespace=True), OnCard()
    ]


if TYPE_CHECKING:
    CardName: TypeAlias = str
    CardLine: TypeAlias = str
    CardShort: TypeAlias = str
    CardNote: TypeAlias = str
    CardHeading: TypeAlias = str
    CardFlag: TypeAlias = str
    CardSentence: TypeAlias = str
    CardStep: TypeAlias = str
    CardWarning: TypeAlias = str
    Direction: TypeAlias = str
else:
    CardName = _card_text(40)  # a title, on one line of a card
    CardShort = _card_text(60)  # one line beside a picture
    # a note beside a picture, in the grammar of notes (notes.py)
    CardNote = Annotated[CardShort, AfterValidator(lambda text: checked_note(text, 60))]
    CardHeading = _card_text(70)  # one line across a card
    CardLine = _card_text(100)  # a tip: two lines at most
    CardFlag = _card_text(90)  # a red flag: two lines of a card's two-column box
    CardSentence = _card_text(120)  # a caution or a stop rule
    CardStep = _card_text(140)  # one numbered step
    CardWarning = _card_text(150)  # the one-sided weakness warning, across a card
    Direction = _card_text(12)  # a way a repetition goes: up, down, apart

Seconds = Annotated[int, Field(ge=1, le=600), Unit("seconds")]
#: A PubMed Central id (linked), or a citation in plain characters (shown as text).
LOCATOR_PATTERN = rf"{urls.PMC}|^[A-Za-z0-9 .,;:()/-]{{3,120}}$"

# Each choice list is declared once, with the words readers see for each choice; the types
# that pydantic checks are made from these, so a new choice cannot lack its words.
# The words are English message ids, translated where they are shown (N_ only marks them).
POSITIONS = {"standing": N_("Standing"), "sitting": N_("Sitting"), "lying": N_("Lying down")}
EQUIPMENT = {
    "none": N_("nothing"),
    "wall": N_("a wall"),
    "pencil": N_("a pencil"),
    "towel": N_("a towel"),
    "resistance-band": N_("a resistance band"),
    "chair": N_("a chair"),
    "ball": N_("a tennis ball"),
}
SITUATIONS = {
    "morning": N_("In the morning"),
    "desk": N_("At a desk"),
    "evening": N_("In the evening"),
    "full": N_("The full set"),
    "other": N_("Other routines"),
}
SIDES = {"foot": N_("each foot"), "leg": N_("each leg")}
#: The evidence scale (shared/evidence.md), strongest first, with the plain label readers see
#: for each grade: a grade says what kind of evidence there is, and "experimental" alone reads
#: as "unproven" to a lay reader. Trials that disagree stay "experimental": no fifth grade.
GRADES = {
    "experimental": N_("Tested in a trial or lab"),
    "association": N_("Seen together"),
    "expert-opinion": N_("Argued, not measured"),
    "not-supported": N_("Not supported"),
}
#: The weekdays a routine done n days a week falls on in its calendar file (iCalendar BYDAY):
#: weekdays first, the weekend last, days spread out when there are few.
WEEKDAYS = {
    1: ("MO",),
    2: ("MO", "TH"),
    3: ("MO", "WE", "FR"),
    4: ("MO", "TU", "TH", "FR"),
    5: ("MO", "TU", "WE", "TH", "FR"),
    6: ("MO", "TU", "WE", "TH", "FR", "SA"),
    7: ("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
}

if TYPE_CHECKING:  # mypy sees plain text; pydantic checks the literal choices below
    Position: TypeAlias = str
    Equipment: TypeAlias = str
    Side: TypeAlias = str
    Situation: TypeAlias = str
    GradeId: TypeAlias = str
else:
    Position = Literal[tuple(POSITIONS)]
    Equipment = Literal[tuple(EQUIPMENT)]
    Side = Literal[tuple(SIDES)]
    Situation = Literal[tuple(SITUATIONS)]
    GradeId = Literal[tuple(GRADES)]
DosageField = Literal[
    "hold_seconds", "duration_seconds", "reps", "sets", "times_per_day", "days_per_week"
]
NodeKind = Literal["foot", "leg", "pelvis", "spine", "pain", "factor", "related", "treatment"]
Licence = Literal["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"]

#: A routine card lists at most this many exercises and still fits one printed page, with
#: pictures of at least 25 mm a position and text of at least 10 pt (shown by printing the
#: longest routine the model allows); short programmes are also the easier ones to keep to.
MAX_CARD_EXERCISES = 5
#: The longest note a clinician may add to a programme made with the builder: it is printed
#: across the card under the exercises, and carried in the programme's link and QR code.
MAX_PROGRAMME_NOTE = 200
#: A programme's note, as its link carries it: the one grammar of notes (notes.py), which the
#: builder and the programme page read as data; `CardNote` is the same grammar in content.
ProgrammeNote = Annotated[str, AfterValidator(lambda text: checked_note(text, MAX_PROGRAMME_NOTE))]
#: Sessions a day at most: home programmes are done once or twice a day, and the cards' log
#: has a tick box for each session of each day.
MAX_TIMES_PER_DAY = 3
#: The range of the handbook's `updated` date. Reproducible builds turn it into
#: SOURCE_DATE_EPOCH and the timestamps of zip files, which cannot go before 1980.
FIRST_UPDATED = datetime.date(1980, 1, 1)
LAST_UPDATED = datetime.date(2099, 12, 31)


def _updated_in_range(value: datetime.date) -> datetime.date:
    if not FIRST_UPDATED <= value <= LAST_UPDATED:
        raise ValueError(
            f"expected a date from {FIRST_UPDATED.isoformat()} to {LAST_UPDATED.isoformat()}, "
            f"got {value.isoformat()}"
        )
    return value


UpdatedDate = Annotated[datetime.date, AfterValidator(_updated_in_range)]


class Strict(BaseModel):
    """Base for every content model: frozen, strict types, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")


class Dosage(Strict):
    """How much of an exercise to do. One repetition is defined in words."""

    hold_seconds: Seconds | None = Field(None, description="Seconds to hold each repetition.")
    duration_seconds: Seconds | None = Field(
        None, description="Seconds one continuous bout lasts (instead of a hold)."
    )
    reps: Annotated[int, Field(ge=1, le=50), Unit("repetitions")] = Field(
        1, description="Repetitions in one set."
    )
    sets: Annotated[int, Field(ge=1, le=10), Unit("sets")] = Field(
        1, description="Sets in one session."
    )
    per_side: Side | None = Field(
        None, description="Do the dosage for each foot or each leg in turn: `foot` or `leg`."
    )
    directions: Annotated[list[Direction], Field(max_length=3)] = Field(
        default_factory=list,
        description="Ways one repetition is done in turn (`up`, `down`, `apart`): the reps are "
        "done in each.",
    )
    times_per_day: Annotated[int, Field(ge=1, le=MAX_TIMES_PER_DAY), Unit("sessions a day")] = (
        Field(description="Sessions a day.")
    )
    days_per_week: Annotated[int, Field(ge=1, le=7), Unit("days a week")] = Field(
        description="Days a week."
    )
    repetition: CardSentence = Field(description="What one repetition means, in plain words.")
    suggested: list[DosageField] = Field(
        default_factory=list,
        description="Dosage fields whose value is our suggestion because the source gave none.",
    )

    @model_validator(mode="after")
    def _hold_or_duration(self) -> Dosage:
        if self.hold_seconds is not None and self.duration_seconds is not None:
            raise ValueError(
                "give either hold_seconds or duration_seconds, not both: a repetition is "
                "either held still or done for a length of time"
            )
        return self

    def merged(self, override: BaseModel) -> Dosage:
        """This dosage with a routine's override applied; overridden values are no longer ours."""
        changes = override.model_dump(exclude_none=True)
        if "hold_seconds" in changes:
            changes.setdefault("duration_seconds", None)
        if "duration_seconds" in changes:
            changes.setdefault("hold_seconds", None)
        data = self.model_dump() | changes
        data["suggested"] = [f for f in self.suggested if f not in changes]
        return Dosage.model_validate(data)


def _all_optional(model: type[BaseModel], name: str, doc: str, leave_out: set[str]) -> Any:
    """A copy of `model` whose fields are all optional (None), for partial changes to it."""
    fields: dict[str, Any] = {
        field: (Optional[info.annotation], Field(None, description=info.description))  # noqa: UP045
        for field, info in model.model_fields.items()
        if field not in leave_out
    }
    return create_model(name, __base__=Strict, __doc__=doc, **fields)


if TYPE_CHECKING:
    DosageOverride = Strict
else:
    DosageOverride = _all_optional(
        Dosage,
        "DosageOverride",
        "A routine's change to an exercise's dosage: every field is optional.",
        leave_out={"suggested"},
    )


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


class Exercise(Strict):
    """One exercise: what to do, how much, and how to stay safe."""

    id: Slug = Field(description="Stable slug used in URLs; equals the file name.")
    former_ids: list[Slug] = Field(
        default_factory=list,
        description="Ids this exercise had before; their addresses lead to its pages.",
    )
    name: CardName = Field(description="Short title in sentence case.")
    summary: ShortText = Field(description="One sentence: what you do.")
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


class Routine(Strict):
    """An ordered set of exercises done together."""

    id: Slug = Field(description="Stable slug used in URLs; equals the file name.")
    former_ids: list[Slug] = Field(
        default_factory=list,
        description="Ids this routine had before; their addresses lead to its pages.",
    )
    name: CardName = Field(description="Short title in sentence case.")
    summary: ShortText = Field(description="One sentence: what the routine is.")
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


class Grade(Strict):
    """One step of the fixed evidence scale."""

    id: GradeId = Field(
        description="One of the four grades of the fixed scale; links use it. The label readers "
        "see for each is declared with the scale (model.GRADES)."
    )
    label: Name = Field(description="The grade's technical name, shown beside readers' label.")
    meaning: ShortText = Field(description="What the grade means, in one sentence.")


class CauseNode(Strict):
    """A box in the cause-and-effect diagram."""

    id: Slug = Field(description="Node id used by links and exercises.")
    label: Label = Field(description="Short label drawn in the diagram (28 characters at most).")
    kind: NodeKind = Field(description="Where in the body or story the node belongs.")
    description: ShortText = Field(description="One plain sentence.")


class CauseLink(Strict):
    """An arrow in the diagram: one node may lead to another, with a graded mechanism."""

    model_config = ConfigDict(populate_by_name=True)

    source: Slug = Field(alias="from", description="Id of the node the arrow starts at.")
    target: Slug = Field(alias="to", description="Id of the node the arrow points to.")
    mechanism: LongText = Field(description="The mechanism in plain words.")
    grade: Slug = Field(description="An id from the grades list.")
    references: list[Slug] = Field(
        default_factory=list, description="Ids from content/references.yml."
    )
    limits: ShortText | None = Field(None, description="What the evidence does not show.")


class Causes(Strict):
    """The cause-and-effect chain: grades, nodes, links and what is not shown."""

    grades: Annotated[list[Grade], Field(min_length=2)] = Field(
        description="The fixed evidence scale, strongest first."
    )
    intro: LongText = Field(description="A short narrative for a lay reader.")
    nodes: Annotated[list[CauseNode], Field(min_length=2)] = Field(description="The boxes.")
    links: Annotated[list[CauseLink], Field(min_length=1)] = Field(description="The arrows.")
    not_shown: list[ShortText] = Field(description="What the evidence does not show.")


class Reference(Strict):
    """A published source, as recorded in shared/evidence.md."""

    id: Slug = Field(description="Reference id, e.g. `khamis-2007`.")
    authors: Annotated[ShortText, Verbatim()] = Field(description="Authors as cited.")
    year: Annotated[int, Field(ge=1900, le=2100), Unit("the year")] | None = Field(
        None, description="Year of publication; leave out when only a locator was checked."
    )
    title: Annotated[ShortText, Verbatim()] = Field(description="Title of the paper.")
    journal: Annotated[ShortText, Verbatim()] = Field(
        description="Journal, or where the record is found."
    )
    volume: Annotated[ShortText | None, Verbatim()] = Field(
        None, description="Volume, issue and pages."
    )
    doi: (
        Annotated[
            str,
            StringConstraints(pattern=urls.DOI),
            Expects("a DOI such as 10.1186/1471-2474-15-140, without https://doi.org/"),
        ]
        | None
    ) = Field(None, description="DOI, without the resolver address.")
    locator: (
        Annotated[
            str,
            StringConstraints(pattern=LOCATOR_PATTERN),
            Expects(
                "a PubMed Central id such as PMC4039193, or a citation such as 'J Name 2020;5:10'"
            ),
        ]
        | None
    ) = Field(None, description="Identifier, when the DOI is not given.")
    design: ShortText = Field(description="Study design in one phrase.")
    finding: LongText = Field(description="What it found, with its numbers.")
    limits: LongText | None = Field(None, description="Its limits as evidence.")

    @model_validator(mode="after")
    def _doi_or_locator(self) -> Reference:
        if self.doi is None and self.locator is None:
            raise ValueError("give a doi or a locator, so readers can find the paper")
        if self.year is None and self.locator is None:
            raise ValueError("give the year, or a locator when only the identifier was checked")
        return self


class References(Strict):
    """Every reference the handbook cites."""

    references: Annotated[list[Reference], Field(min_length=1)] = Field(
        description="The references."
    )


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
