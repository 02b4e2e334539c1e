"""Translation files: where they live, the English documents they translate, and the stamps
they carry of the English they were made from (`translated_from:`, `translated_fields:`),
written by `handbook translations --stamp` (stamp) and read when translations are loaded."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.errors import ContentError, ContentProblem
from generator.source.contentfile import UnreadableFile, read_content_file
from generator.source.load import Content, Loaded
from generator.source.textfields import get_at, text_fields
from generator.source.yamlsource import MAX_FILE_BYTES, key_path

FOLDER = "translations"
#: Keys of a translation file besides the text it translates.
META = ("status", "translated_from", "translated_fields")


def english_documents(content: Content) -> dict[tuple[str, str], Loaded[Any]]:
    """Every English document that can be translated, by (kind, id)."""
    documents: dict[tuple[str, str], Loaded[Any]] = {}
    documents |= {("exercises", item.model.id): item for item in content.exercises}
    documents |= {("routines", item.model.id): item for item in content.routines}
    for name in ("causes", "references", "safety", "handbook"):
        loaded = getattr(content, name)
        if loaded is not None:
            documents[(name, name)] = loaded
    return documents


def document_file(kind: str, ident: str) -> str:
    """The path of a document inside a language folder: `exercises/<id>.yml`, `safety.yml`."""
    return f"{kind}/{ident}.yml" if kind in ("exercises", "routines") else f"{kind}.yml"


def source_digest(model: type[BaseModel], data: Any) -> str:
    """A short digest of the English text a translation is made from."""
    texts = [(list(f.path), get_at(data, f.path)) for f in translatable(model, data)]
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:12]


def field_digests(model: type[BaseModel], data: Any) -> dict[str, str]:
    """A short digest of each English field a translation is made from, by its key path
    (`name`, `steps[2]`, `picture`): what lets a warning say which field changed."""
    groups: dict[str, list[Any]] = {}
    for text in translatable(model, data):
        head = (
            text.path[:2] if len(text.path) > 1 and isinstance(text.path[1], int) else text.path[:1]
        )
        groups.setdefault(key_path(head), []).append([list(text.path), get_at(data, text.path)])
    return {
        name: hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:8]
        for name, texts in groups.items()
    }


def changed_fields(recorded: dict[str, str], now: dict[str, str]) -> list[str]:
    """The fields whose English differs from the one recorded, in the English file's order
    (those no longer in it last)."""
    found = [name for name, digest in now.items() if recorded.get(name) != digest]
    return found + [name for name in recorded if name not in now]


def translatable(model: type[BaseModel], data: Any) -> list[Any]:
    return [f for f in text_fields(model, data) if not f.verbatim]


def document_key(relative: str) -> tuple[str, str] | None:
    parts = relative.removesuffix(".yml").split("/")
    if len(parts) == 2 and parts[0] in ("exercises", "routines"):
        return parts[0], parts[1]
    if len(parts) == 1 and parts[0] in ("causes", "references", "safety", "handbook"):
        return parts[0], parts[0]
    return None


def stamp(content: Content, code: str, files: list[str] | None = None) -> list[Path]:
    """Record in each translation of `code` (or in `files` of it only, each named inside the
    language folder or by its path) the English it now matches: `translated_from:`, a digest
    of the whole text, and `translated_fields:`, one per field.

    A writer into content obeys the rules its readers do: each file is read as `check` reads
    it (a regular file inside the content folder, never through a link out of it), and
    nothing is written unless every file can be. The caller checks the content first.
    """
    documents = english_documents(content)
    folder = content.root / FOLDER / code
    shown_folder = f"{content.shown_root}/{FOLDER}/{code}"
    if not folder.is_dir() or folder.is_symlink():
        found = sorted(p.name for p in (content.root / FOLDER).glob("*") if p.is_dir())
        raise ContentError(
            [
                ContentProblem(
                    shown_folder,
                    0,
                    "",
                    "there is no translation in this language to stamp; the languages are "
                    f"{', '.join(found) or 'none yet'}",
                )
            ]
        )
    problems = []
    chosen = None
    if files is not None:
        chosen = set()
        for name in files:
            key = _named_document(name, folder)
            if key is None or key not in documents or not _exists(folder / document_file(*key)):
                problems.append(
                    ContentProblem(
                        name,
                        0,
                        "",
                        f"not a translation file of {shown_folder}: name one such as "
                        "exercises/<id>.yml or safety.yml",
                    )
                )
            else:
                chosen.add(key)
    updates = []
    for key, loaded in sorted(documents.items()):
        path = folder / document_file(*key)
        if (chosen is not None and key not in chosen) or not _exists(path):
            continue
        try:
            text = read_content_file(path, content.folder, MAX_FILE_BYTES).decode("utf-8")
        except (UnreadableFile, UnicodeDecodeError) as error:
            reason = str(error) if isinstance(error, UnreadableFile) else "is not UTF-8 text"
            problems.append(ContentProblem(f"{shown_folder}/{document_file(*key)}", 0, "", reason))
            continue
        updated = stamped(text, type(loaded.model), loaded.source.data)
        if updated != text:
            updates.append((path, updated))
    if problems:
        raise ContentError(problems)
    for path, updated in updates:
        # The file itself, inside the content folder (read_content_file saw to that).
        Path(os.path.realpath(path)).write_text(updated, "utf-8")
    return [path for path, _ in updates]


_FROM = re.compile(r"(?m)^translated_from:.*$")
#: The block `stamped` writes: the key, then its indented lines.
_FIELDS = re.compile(r"(?m)^translated_fields:.*\n?(?:[ \t]+.*(?:\n|$))*")


def stamped(text: str, model: type[BaseModel], english: Any) -> str:
    """A translation file's text with the stamps of the English `english` written in: the
    digest after `status:`, the per-field digests at the end (out of the translator's way)."""
    line = f"translated_from: {source_digest(model, english)}"
    if _FROM.search(text):
        text = _FROM.sub(line, text, count=1)
    else:
        text = re.sub(r"(?m)^(status:.*)$", lambda m: f"{m.group(1)}\n{line}", text, count=1)
    block = "translated_fields:  # written by `handbook translations --stamp`\n" + "".join(
        f"  {json.dumps(name)}: {json.dumps(digest)}\n"
        for name, digest in field_digests(model, english).items()
    )
    text = _FIELDS.sub("", text, count=1)
    return text.rstrip("\n") + "\n" + block


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _named_document(name: str, folder: Path) -> tuple[str, str] | None:
    """The (kind, id) of a file named inside the language folder (`exercises/x.yml`) or by
    its path (`content/translations/es/exercises/x.yml`)."""
    relative = name
    given = Path(name)
    if given.is_file():
        try:
            relative = given.resolve().relative_to(folder.resolve()).as_posix()
        except ValueError:
            return None
    return document_key(relative)
