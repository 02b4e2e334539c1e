"""Stage 1: read content files into typed models, remembering the line of every value.

Reading and parsing the YAML, with the line of every key path, is yamlsource.py's part; this
module validates the data against the models and words each validation error.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .errors import ContentProblem
from .model import Causes, Clinic, Exercise, Handbook, References, Routine, Safety
from .yamlsource import Loc, Source, describe, key_path, read_yaml

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


# Words used to describe what a value should have been, keyed by the field's own name.
EXPECTED = {
    "hold_seconds": "a whole number of seconds from 1 to 600",
    "duration_seconds": "a whole number of seconds from 1 to 600",
    "reps": "a whole number of repetitions from 1 to 50",
    "sets": "a whole number of sets from 1 to 10",
    "times_per_day": "a whole number of sessions a day from 1 to 10",
    "max_minutes": "a whole number of minutes from 1 to 120",
    "year": "a year such as 2013",
    "id": "a slug of lowercase letters, digits and single hyphens, such as 'toe-walking'",
    "exercise": "an exercise id: lowercase letters, digits and hyphens",
    "node": "a node id: lowercase letters, digits and hyphens",
    "source": "a node id: lowercase letters, digits and hyphens",
    "target": "a node id: lowercase letters, digits and hyphens",
    "grade": "a grade id: lowercase letters, digits and hyphens",
    "file": "an SVG file name such as 'toe-walking.svg'",
    "doi": "a DOI such as 10.1186/1471-2474-15-140, without https://doi.org/",
    "updated": "a date written YYYY-MM-DD",
    "version": "a version such as 1.0",
    "accent": "a colour written #rrggbb",
    "website": "an https:// address",
    "logo": "a file name ending .svg or .png",
    "phone": "a phone number of digits, spaces, +, - and brackets",
    "label": "a short label of at most 28 characters",
}

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
        return None, [_problem(source, model, err) for err in error.errors()]


def _problem(source: Source, model: type[BaseModel], err: Any) -> ContentProblem:
    loc: Loc = tuple(err["loc"])
    kind: str = err["type"]
    value = err.get("input")
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    expected = EXPECTED.get(name)
    ctx = err.get("ctx") or {}
    if kind == "missing":
        message = "required field is missing"
        description = _field_description(model, loc)
        if description:
            message += f" ({description.rstrip('.')})"
    elif kind == "extra_forbidden":
        message = "unknown field"
        options = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), options, n=1, cutoff=0.6)
        message += (
            f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(options)}"
        )
    elif kind == "literal_error":
        choices = _literal_choices(model, loc)
        message = f"expected one of {', '.join(choices)}; got {describe(value)}"
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        if close:
            message += f"; did you mean '{close[0]}'?"
    elif kind in _EXPECTED_BY_KIND:
        wanted = _EXPECTED_BY_KIND[kind] if kind in _SHAPES else expected or _EXPECTED_BY_KIND[kind]
        message = f"expected {wanted}, got {describe(value)}"
    elif kind in _COUNTED:
        bound, limit = _COUNTED[kind]
        measure = (
            _items(ctx.get(limit)) if kind.startswith("too_") else f"{ctx.get(limit)} characters"
        )
        message = f"expected {bound} {measure}, got {len(value)}"
    elif kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
    else:
        message = f"{err['msg']}, got {describe(value)}"
    return ContentProblem(source.path, source.line(loc), key_path(loc), message)


# Pydantic error kinds whose message is "expected <what the field wants>, got <value>", with
# the words used when the field has no entry of its own in EXPECTED.
_EXPECTED_BY_KIND = {
    "greater_than_equal": "a number in range",
    "less_than_equal": "a number in range",
    "greater_than": "a number in range",
    "less_than": "a number in range",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "string_pattern_mismatch": "text of the right form",
    "string_type": "text",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date",
    "date_parsing": "a date",
    "date_from_datetime_parsing": "a date",
}
# Kinds about too many or too few characters or items: (bound word, context key).
_COUNTED = {
    "string_too_long": ("at most", "max_length"),
    "string_too_short": ("at least", "min_length"),
    "too_long": ("at most", "max_length"),
    "too_short": ("at least", "min_length"),
}
# Structural kinds say what shape was expected whatever the field's own words are.
_SHAPES = {"string_type", "list_type", "model_type", "dict_type", "model_attributes_type"}


def _items(count: Any) -> str:
    return f"{count} item{'' if count == 1 else 's'}"


def _walk(model: type[BaseModel], loc: Loc) -> Iterator[tuple[type[BaseModel], str]]:
    """Follow a key path through nested models, yielding each (model, field name)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return
        info = _field_bykey_path(current, part)
        if info is None:
            return
        yield current, info
        current = _inner_model(current.model_fields[info].annotation)


def _field_bykey_path(model: type[BaseModel], key: str) -> str | None:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return name
    return None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    target: Any = model
    for owner, name in _walk(model, loc):
        target = _inner_model(owner.model_fields[name].annotation)
    if not (isinstance(target, type) and issubclass(target, BaseModel)):
        return []
    return [info.alias or name for name, info in target.model_fields.items()]


def _field_description(model: type[BaseModel], loc: Loc) -> str | None:
    walked = list(_walk(model, loc))
    if not walked or len(walked) != len([part for part in loc if isinstance(part, str)]):
        return None
    owner, name = walked[-1]
    return owner.model_fields[name].description


def _literal_choices(model: type[BaseModel], loc: Loc) -> list[str]:
    walked = list(_walk(model, loc))
    if not walked:
        return []
    owner, name = walked[-1]
    return sorted(_literals(owner.model_fields[name].annotation), key=str)


def _literals(annotation: Any) -> list[str]:
    if str(get_origin(annotation)) == "typing.Literal":
        return [str(arg) for arg in get_args(annotation)]
    found: list[str] = []
    for arg in get_args(annotation):
        found += _literals(arg)
    return found
