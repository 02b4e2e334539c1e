"""The evidence's models: the grades, the cause chain (its nodes and links) and the
references that back them (content/causes.yml, content/references.yml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from generator.safety import urls
from generator.source.fields import (
    LOCATOR_PATTERN,
    Expects,
    GradeId,
    Label,
    LongText,
    Name,
    NodeKind,
    ShortText,
    Slug,
    Strict,
    Unit,
    Verbatim,
)


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
