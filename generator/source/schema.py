"""JSON Schemas for editors and the authoring guide's field tables, both made from model.py."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.types import StringConstraints

from generator.source.model import (
    Causes,
    Clinic,
    Dosage,
    DosageOverride,
    Exercise,
    Handbook,
    Picture,
    References,
    Routine,
    RoutineEntry,
    Safety,
    Variant,
    Verbatim,
)
from generator.source.translations import LanguageFile, Status

SCHEMAS: dict[str, type[BaseModel]] = {
    "exercise": Exercise,
    "routine": Routine,
    "causes": Causes,
    "references": References,
    "safety": Safety,
    "handbook": Handbook,
    "clinic": Clinic,
    "language": LanguageFile,
}

#: Content files that are translated (content/translations/<lang>/...), by schema name.
TRANSLATED: dict[str, type[BaseModel]] = {
    "exercise": Exercise,
    "routine": Routine,
    "causes": Causes,
    "references": References,
    "safety": Safety,
    "handbook": Handbook,
}

#: What a translation file says besides its text (translations.META).
_REVIEW = {
    "status": {
        "description": "`draft` until a clinician who reads the language has checked this file "
        "against the English, then `reviewed`. The language's pages say they are a draft "
        "while language.yml or any of its files is a draft; the Translations page and "
        "`handbook check` show each file's own state.",
        "enum": list(get_args(Status)),
    },
    "translated_from": {
        "description": "A digest of the English text this translation was made from; written "
        "by `handbook translations --stamp`, never by hand.",
        "type": "string",
    },
    "translated_fields": {
        "description": "A digest of each English field, so that the out-of-date warning "
        "names the field that changed; written by `handbook translations --stamp`.",
        "type": "object",
        "additionalProperties": {"type": "string"},
    },
}


def translation_schema(model: type[BaseModel], name: str) -> str:
    """The JSON Schema of a translation of a `name` file: the English file's free-text
    fields, in its shape, and nothing else (ids, numbers and choices are never translated),
    with the review state and stamps."""
    properties = dict(_REVIEW) | _text_properties(model, False)
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.translation.schema.json",
        "title": f"Translation of a {name} file",
        "description": "Only the English file's text, in the same shape: every text of the "
        "English file is translated, no other value is written.",
        "type": "object",
        "properties": properties,
        "required": ["status"],
        "additionalProperties": False,
    }
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _text_properties(model: type[BaseModel], verbatim: bool) -> dict[str, Any]:
    found = {}
    for name, info in model.model_fields.items():
        kept = verbatim or any(isinstance(m, Verbatim) for m in info.metadata)
        inner = _text_schema(info.annotation, list(info.metadata), kept)
        if inner is not None:
            if info.description:
                inner = {**inner, "description": info.description}
            found[info.alias or name] = inner
    return found


def _text_schema(annotation: Any, metadata: list[Any], verbatim: bool) -> dict[str, Any] | None:
    """The schema of the translatable text in a value of `annotation`, or None if it has
    none (as textfields.py finds the text: a string with no pattern, not Verbatim)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *more = get_args(annotation)
        kept = verbatim or any(isinstance(m, Verbatim) for m in more)
        return _text_schema(base, metadata + more, kept)
    if origin in (Union, UnionType):
        options = [
            found
            for option in get_args(annotation)
            if option is not type(None)
            and (found := _text_schema(option, metadata, verbatim)) is not None
        ]
        return options[0] if len(options) == 1 else ({"anyOf": options} if options else None)
    if origin is list:
        item = _text_schema(get_args(annotation)[0], [], verbatim)
        return None if item is None else {"type": "array", "items": item}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        properties = _text_properties(annotation, verbatim)
        if not properties:
            return None
        return {"type": "object", "properties": properties, "additionalProperties": False}
    if annotation is str and not verbatim:
        constraints = [m for m in metadata if isinstance(m, StringConstraints)]
        if constraints and all(c.pattern is None for c in constraints):
            schema: dict[str, Any] = {"type": "string"}
            shortest = max(c.min_length or 0 for c in constraints)
            longest = min(c.max_length or 10**6 for c in constraints)
            if shortest:
                schema["minLength"] = shortest
            if longest < 10**6:
                schema["maxLength"] = longest
            return schema
    return None


#: Models whose fields the authoring guide lists, with the heading they appear under.
GUIDE_TABLES: list[tuple[str, type[BaseModel]]] = [
    ("Exercise (`content/exercises/<id>.yml`)", Exercise),
    ("Dosage (`dosage:` of an exercise)", Dosage),
    ("Easier or harder option (items of `easier:` and `harder:`)", Variant),
    ("Picture (`picture:` of an exercise)", Picture),
    ("Routine (`content/routines/<id>.yml`)", Routine),
    ("Routine entry (items of `exercises:` in a routine)", RoutineEntry),
    ("Dosage override (`dosage:` of a routine entry)", DosageOverride),
    ("Clinic branding (`content/clinic.yml`, optional)", Clinic),
]

BEGIN = "<!-- field-tables:begin (generated by `handbook schema`; do not edit) -->"
END = "<!-- field-tables:end -->"


def json_schema(model: type[BaseModel], name: str) -> str:
    """The JSON Schema of a content file, as stable, sorted text."""
    schema: dict[str, Any] = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name}.schema.json"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_files() -> dict[str, str]:
    """File name -> text, for every content schema and every translation file's."""
    files = {f"{name}.schema.json": json_schema(model, name) for name, model in SCHEMAS.items()}
    for name, model in TRANSLATED.items():
        files[f"{name}.translation.schema.json"] = translation_schema(model, name)
    return files


def field_tables() -> str:
    """Markdown tables of every field an author may write, with type and description."""
    parts = [BEGIN]
    for title, model in GUIDE_TABLES:
        parts += [
            "",
            f"#### {title}",
            "",
            "| field | required | type | what it means |",
            "|---|---|---|---|",
        ]
        for name, info in model.model_fields.items():
            key = info.alias or name
            required = "yes" if info.is_required() else "no"
            kind = type_words(info.annotation) + bounds_words(info.metadata)
            parts.append(f"| `{key}` | {required} | {kind} | {info.description or ''} |")
    parts += ["", END]
    return "\n".join(parts)


def type_words(annotation: Any) -> str:
    """A short, reader-facing name for a field's type."""
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        return type_words(args[0])
    if origin in (Union, UnionType):
        return " or ".join(type_words(arg) for arg in args if arg is not type(None))
    if origin is list:
        return "list of " + type_words(args[0])
    if origin is Literal:
        return "one of " + ", ".join(f"`{value}`" for value in args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"mapping ({annotation.__name__})"
    return _TYPE_NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))


def bounds_words(metadata: list[Any]) -> str:
    """The bounds the model declares for a field, as the README's tables print them: the one
    place the guide takes numbers like "at most 5 exercises" from."""
    found = {
        name: getattr(item, name) for item in metadata for name in _BOUNDS if hasattr(item, name)
    }
    low = found.get("min_length", found.get("ge"))
    high = found.get("max_length", found.get("le"))
    if low is not None and high is not None:
        return f", {low} to {high}"
    if high is not None:
        return f", at most {high}"
    return f", at least {low}" if low is not None else ""


_BOUNDS = ("min_length", "max_length", "ge", "le")
_TYPE_NAMES: dict[Any, str] = {str: "text", int: "whole number", datetime.date: "date (YYYY-MM-DD)"}


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema file; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = folder / name
        path.write_text(text, "utf-8")
        written.append(path)
    return written


def update_readme(readme: Path) -> bool:
    """Replace the generated field tables in the README; True when it changed."""
    text = readme.read_text("utf-8")
    if BEGIN not in text or END not in text:
        raise ValueError(f"{readme} has no field-table markers")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    updated = text[:start] + field_tables() + text[end:]
    if updated != text:
        readme.write_text(updated, "utf-8")
    return updated != text
