"""Content translations: content/translations/<lang>/ holds, per content file, only its text.

A translation file mirrors its English file (same keys, same list lengths) but keeps only the
free-text fields (see textfields.py); ids, numbers, choices and dosage are never translated,
only their words. It says how far it has come (`status: draft` until a clinician who reads
the language has reviewed it, then `status: reviewed`) and which English it was made from
(`translated_from:`, a digest of the English text, and `translated_fields:`, one digest per
English field, both written by `handbook translations --stamp`). When the English changes,
`check` warns, naming the fields that changed, and the pages mark that text as possibly out
of date. A file stamped before `translated_fields:` existed still reads: its warning cannot
name the field.

The checked translation is the English document with its text replaced, validated by the
same model, so every limit (a card's line lengths, a list's size) holds in every language.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, Field

from generator.errors import ContentProblem
from generator.source.load import Content, Loaded, validate_model
from generator.source.model import CardName, Strict
from generator.source.textfields import get_at, set_at
from generator.source.themetext import LONGEST, text_problem
from generator.source.translationfiles import (
    FOLDER,
    META,
    changed_fields,
    document_file,
    document_key,
    english_documents,
    field_digests,
    source_digest,
    translatable,
)
from generator.source.translationnumbers import same_numbers
from generator.source.yamlsource import KeyPath, Source, key_path, read_yaml

Status = Literal["draft", "reviewed"]


def _plain_name(value: str) -> str:
    """A language's name is printed by the theme's language selector, unescaped."""
    problem = text_problem(value, LONGEST["extra.alternate.name"])
    if problem is not None:
        raise ValueError(problem)
    return value


class LanguageFile(Strict):
    """content/translations/<lang>/language.yml: the language and how far its translation is."""

    name: Annotated[CardName, AfterValidator(_plain_name)] = Field(
        description="The language's name in itself, for the selector."
    )
    status: Status = Field(
        description="`draft` until a clinician who reads the language has reviewed it."
    )


@dataclass(frozen=True)
class Document:
    """One content file in one language: the checked model and what readers should know."""

    model: BaseModel
    status: Status
    #: The English changed since this translation was made (see `source_digest`).
    stale: bool
    #: The English fields that changed, when the stamp recorded each (see `field_digests`).
    changed: tuple[str, ...] = ()


@dataclass
class Translation:
    """Every translated document of one language, by (kind, id)."""

    code: str
    name: str
    status: Status
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    #: (kind, id) of English documents with no translation: shown in English, marked.
    missing: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Translations:
    """The outcome of reading every language's translations."""

    languages: list[Translation] = field(default_factory=list)
    problems: list[ContentProblem] = field(default_factory=list)
    warnings: list[ContentProblem] = field(default_factory=list)


def load_translations(content: Content) -> Translations:
    """Read and check every language under content/translations."""
    result = Translations()
    folder = content.root / FOLDER
    if not folder.is_dir():
        return result
    english = english_documents(content)
    for language_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        translation = _load_language(content, language_dir, english, result)
        if translation is not None:
            result.languages.append(translation)
    return result


def _load_language(
    content: Content,
    language_dir: Path,
    english: dict[tuple[str, str], Loaded[Any]],
    result: Translations,
) -> Translation | None:
    code = language_dir.name
    shown = f"{content.shown_root}/{FOLDER}/{code}"
    if not re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", code):
        result.problems.append(
            ContentProblem(shown, 0, "", "a language folder is named by its code, such as 'es'")
        )
        return None
    source, problems = read_yaml(
        language_dir / "language.yml", f"{shown}/language.yml", content.folder
    )
    result.problems += problems
    if source is None:
        return None
    loaded, problems = validate_model(source, LanguageFile)
    result.problems += problems
    if loaded is None:
        return None
    translation = Translation(code, loaded.model.name, loaded.model.status)
    for path in sorted(language_dir.rglob("*.yml")):
        relative = path.relative_to(language_dir).as_posix()
        if relative == "language.yml":
            continue
        key = document_key(relative)
        if key is not None and key not in english and _english_file_exists(content, key):
            continue  # the English file is there but has problems: they are reported there
        if key is None or key not in english:
            result.problems.append(
                ContentProblem(
                    f"{shown}/{relative}",
                    0,
                    "",
                    "no English content file of that name to translate",
                )
            )
            continue
        document = _load_document(content, path, f"{shown}/{relative}", english[key], result)
        if document is not None:
            translation.documents[key] = document
    translation.missing = sorted(key for key in english if key not in translation.documents)
    return translation


def _english_file_exists(content: Content, key: tuple[str, str]) -> bool:
    path = content.root / document_file(*key)
    return path.exists() or path.is_symlink()


def _load_document(
    content: Content,
    path: Path,
    shown: str,
    english: Loaded[Any],
    result: Translations,
) -> Document | None:
    source, problems = read_yaml(path, shown, content.folder)
    result.problems += problems
    if source is None:
        return None
    model = type(english.model)
    data = english.source.data
    fields = {f.path for f in translatable(model, data)}
    found = list(_leaves(source.data))
    problems = _shape_problems(source, data, fields, found)
    status = source.data.get("status")
    if status not in get_args(Status):
        expected = " or ".join(f"`status: {choice}`" for choice in get_args(Status))
        problems.append(_at(source, ("status",), f"expected {expected}"))
    recorded = source.data.get("translated_fields", {})
    if not isinstance(recorded, dict) or not all(isinstance(v, str) for v in recorded.values()):
        problems.append(
            _at(
                source,
                ("translated_fields",),
                "expected the digests `handbook translations --stamp` writes: run it again",
            )
        )
    if problems:
        result.problems += problems
        return None
    translated = copy.deepcopy(data)
    for key_path_, value in found:
        set_at(translated, key_path_, value)
    checked, schema_problems = validate_model(Source(shown, translated, source.lines), model)
    result.problems += [replace_file(p, shown) for p in schema_problems]
    if checked is None:
        return None
    digest = source_digest(model, data)
    stale = str(source.data.get("translated_from")) != digest
    changed: list[str] = []
    if stale:
        recorded = source.data.get("translated_fields")
        code, relative = _stamp_target(shown)
        again = f"then run `handbook translations --stamp {code} {relative}`"
        if isinstance(recorded, dict):
            changed = changed_fields(recorded, field_digests(model, data))
        if changed:
            names = ", ".join(changed[:-1]) + " and " + changed[-1] if changed[1:] else changed[0]
            message = (
                f"made from another version of the English text: its {names} changed since; "
                f"check the translation against the English, {again}"
            )
        elif "translated_from" not in source.data:
            message = (
                "says nothing of the English it was made from: check it against the English, "
                f"{again}"
            )
        else:
            message = (
                f"made from another version of the English text (now {digest}): check it "
                f"against the English, {again} (which also records each field's English, so "
                "that the next warning names the field that changed)"
            )
        where = "translated_from" if "translated_from" in source.data else "status"
        result.warnings.append(_at(source, (where,), message))
    return Document(checked.model, status, stale, tuple(changed))


def _stamp_target(shown: str) -> tuple[str, str]:
    """(language, file in it) of a translation file's shown path."""
    relative = shown.partition(f"/{FOLDER}/")[2]
    code, _, relative = relative.partition("/")
    return code, relative


def _leaves(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Every value of a translation file that is not a mapping or a list, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if path == () and key in META:
                continue
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    elif data is not None:
        yield path, data


def _shape_problems(
    source: Source, english: Any, fields: set[KeyPath], found: list[tuple[KeyPath, Any]]
) -> list[ContentProblem]:
    """A translation has the English file's texts, all of them, and no other values; its
    numbers are the English numbers."""
    problems = []
    given = set()
    for path, value in found:
        if path not in fields:
            problems.append(
                _at(source, path, "not a text of the English file: only its words are translated")
            )
        elif not isinstance(value, str):
            problems.append(_at(source, path, "expected text, the translation of the English"))
        else:
            given.add(path)
            if not same_numbers(value, get_at(english, path), _stamp_target(source.path)[0]):
                problems.append(
                    _at(
                        source,
                        path,
                        "has other numbers than the English: numbers are never translated, "
                        "only the words around them",
                    )
                )
    problems += [
        _at(source, path, "the translation of this text is missing")
        for path in sorted(fields - given, key=str)
    ]
    return problems


def replace_file(problem: ContentProblem, shown: str) -> ContentProblem:
    return ContentProblem(shown, problem.line, problem.key, problem.message)


def _at(source: Source, loc: KeyPath, message: str) -> ContentProblem:
    return ContentProblem(source.path, source.line(loc), key_path(loc), message)


def content_in(content: Content, translation: Translation) -> tuple[Content, frozenset[str]]:
    """The content as it reads in `translation`'s language, and the English texts it still
    shows where a translation is missing (the pages mark those lang="en")."""
    documents = english_documents(content)
    english: set[str] = set()
    for key in translation.missing:
        loaded = documents[key]
        for text in translatable(type(loaded.model), loaded.source.data):
            english.add(get_at(loaded.source.data, text.path))

    def pick(loaded: Loaded[Any], key: tuple[str, str]) -> Loaded[Any]:
        document = translation.documents.get(key)
        return loaded if document is None else Loaded(document.model, loaded.source)

    translated = copy.copy(content)
    translated.exercises = [pick(i, ("exercises", i.model.id)) for i in content.exercises]
    translated.routines = [pick(i, ("routines", i.model.id)) for i in content.routines]
    for name in ("causes", "references", "safety", "handbook"):
        loaded = getattr(content, name)
        if loaded is not None:
            setattr(translated, name, pick(loaded, (name, name)))
    return translated, frozenset(english)
