"""Stage 1: read content files into typed models, remembering the line of every value.

Reading and parsing the YAML, with the line of every key path, is yamlsource.py's part;
wording each validation error for authors is messages.py's. This module finds the content
files, validates each against its model and gathers what loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ContentProblem
from .messages import problem
from .model import Causes, Clinic, Exercise, Handbook, References, Routine, Safety
from .yamlsource import Source, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A model together with the file it came from."""

    model: M
    source: Source


@dataclass
class Content:
    """Everything in the content folder that loaded, and every problem met on the way."""

    root: Path
    #: The content folder as problems name it (relative to the working directory).
    shown_root: str = "content"
    exercises: list[Loaded[Exercise]] = field(default_factory=list)
    routines: list[Loaded[Routine]] = field(default_factory=list)
    causes: Loaded[Causes] | None = None
    references: Loaded[References] | None = None
    safety: Loaded[Safety] | None = None
    handbook: Loaded[Handbook] | None = None
    clinic: Loaded[Clinic] | None = None
    #: id -> files that claim it, including files that failed validation.
    claimed_ids: dict[tuple[str, str], list[Source]] = field(default_factory=dict)
    #: (kind, file stem) of files that could not be parsed: their problem is reported once,
    #: and links to their presumed id are not reported again as unknown.
    unreadable: set[tuple[str, str]] = field(default_factory=set)
    problems: list[ContentProblem] = field(default_factory=list)


CHECKED_FILES: dict[str, type[BaseModel]] = {
    "causes.yml": Causes,
    "references.yml": References,
    "safety.yml": Safety,
    "handbook.yml": Handbook,
    "clinic.yml": Clinic,
}


def load_content(root: Path, display_root: Path | None = None) -> Content:
    """Read every content file under `root`, collecting problems instead of stopping."""
    base = display_root if display_root is not None else Path.cwd()
    content = Content(root=root, shown_root=_display(root, base))
    if not root.is_dir():
        content.problems.append(
            ContentProblem(str(root), 0, "", "content folder not found: expected a directory")
        )
        return content
    for path in sorted((root / "exercises").glob("*.yml")):
        _load_one(content, path, base, Exercise, content.exercises, "exercise")
    for path in sorted((root / "routines").glob("*.yml")):
        _load_one(content, path, base, Routine, content.routines, "routine")
    for name, model in CHECKED_FILES.items():
        path = root / name
        if path.exists() or path.is_symlink():
            found: list[Loaded[Any]] = []
            _load_one(content, path, base, model, found, None)
            if found:
                setattr(content, name.removesuffix(".yml"), found[0])
        elif name != "clinic.yml":
            content.problems.append(
                ContentProblem(_display(path, base), 0, "", "required file is missing")
            )
    for stray in sorted(root.rglob("*.yaml")):
        content.problems.append(
            ContentProblem(
                _display(stray, base), 0, "", "content files end in .yml, not .yaml: rename it"
            )
        )
    return content


def _load_one(
    content: Content,
    path: Path,
    base: Path,
    model: type[M],
    into: list[Loaded[M]],
    kind: str | None,
) -> None:
    shown = _display(path, base)
    source, problems = read_yaml(path, shown, content.root)
    content.problems.extend(problems)
    if source is None:
        if kind is not None:
            content.unreadable.add((kind, path.stem))
        return
    if kind is not None and isinstance(source.data, dict):
        claimed = source.data.get("id")
        if isinstance(claimed, str):
            content.claimed_ids.setdefault((kind, claimed), []).append(source)
    loaded, schema_problems = validate_model(source, model)
    content.problems.extend(schema_problems)
    if loaded is not None:
        into.append(loaded)


def _display(path: Path, base: Path) -> str:
    # The file's own name, not that of the file a link points to: only its folder is resolved.
    try:
        return str((path.parent.resolve() / path.name).relative_to(base.resolve()))
    except ValueError:
        return str(path)


def validate_model(source: Source, model: type[M]) -> tuple[Loaded[M] | None, list[ContentProblem]]:
    """Validate a Source against a model; translate every error into a located problem."""
    try:
        return Loaded(model.model_validate(source.data), source), []
    except ValidationError as error:
        return None, [problem(source, model, err) for err in error.errors()]
