"""How much of an exercise to do (Dosage), and a routine's change to it (DosageOverride)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Optional

from pydantic import (
    BaseModel,
    Field,
    create_model,
    model_validator,
)

from generator.source.fields import (
    MAX_TIMES_PER_DAY,
    CardSentence,
    Direction,
    DosageField,
    Seconds,
    Side,
    Strict,
    Unit,
)


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
