"""The field types the content models are built from: units and markers for the schema,
slugs and texts with their lengths (those printed on cards marked OnCard), the fixed
vocabularies (positions, equipment, situations, sides, grades, weekdays) and the Strict base.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
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
#: SOURCE_DATE_EPOCH (see source/environment.py), which gzip writes in 32 bits.
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
