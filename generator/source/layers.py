"""A clinic's content/ as a layer over the base handbook's, merged into one Content.

A layer's file with a new id adds an exercise or routine; one whose id is the handbook's
replaces it only when it says `replaces: <id>` (and records, as `replaces_version`, the
version of the handbook's entry it was made from, which `handbook stamp` writes); `hide:` in
clinic.yml leaves handbook entries out, and a link to a hidden exercise from the handbook's
easier/harder options becomes plain text. Every problem names the layer: the handbook's
files as `handbook:content/...`, the clinic's by their path in the project.
Stage: check (cross-file validation between the two layers).
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ContentError, ContentProblem
from generator.source.base import Base
from generator.source.clinic import branding, load_settings
from generator.source.load import Content, Loaded, load_content
from generator.source.model import Exercise, Routine, Variant
from generator.source.projectfolder import Project
from generator.source.translationfiles import english_documents
from generator.source.translations import Translation, Translations, load_translations
from generator.source.yamlsource import Source, key_path

#: How the base's files are named in messages.
BASE_LABEL = "handbook:"
KINDS = ("exercises", "routines")


@dataclass
class Layered:
    """The merged English content, its translations, and what the layering left out."""

    content: Content
    translations: Translations
    #: Hidden handbook exercises by id: links to them become plain text in every language.
    hidden: dict[str, Exercise] = field(default_factory=dict)
    #: The languages the clinic publishes; None for all.
    languages: list[str] | None = None
    warnings: list[ContentProblem] = field(default_factory=list)


def version(loaded: Loaded[Any]) -> str:
    """A short digest of a handbook entry as its file holds it: what a replacement records."""
    text = json.dumps(loaded.source.data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _at(source: Source, loc: tuple[str | int, ...], message: str) -> ContentProblem:
    return ContentProblem(source.path, source.line(loc), key_path(loc), message)


def _entries(content: Content, kind: str) -> list[Loaded[Any]]:
    return list(getattr(content, kind))


def load_layered(project: Project, base: Base) -> Layered:
    """Read the base handbook and the clinic's layer and merge them; ContentError when the
    layers disagree (with every problem of both)."""
    settings_loaded = load_settings(project)
    settings = settings_loaded.model
    root = base.content
    handbook = load_content(root, base.root, label=BASE_LABEL)
    layer = load_content(project.content, layer=True)
    problems = list(handbook.problems) + list(layer.problems)
    warnings: list[ContentProblem] = []
    setting = settings_loaded.source

    base_by = {kind: {e.model.id: e for e in _entries(handbook, kind)} for kind in KINDS}
    replaced: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind in KINDS:
        singular = kind[:-1]
        for item in _entries(layer, kind):
            ident = item.model.id
            own, source = layer.layer_keys.get((kind, ident), ({}, item.source))
            replaces = own.get("replaces")
            other_kind = next(k for k in KINDS if k != kind)
            if replaces is None and ident in base_by[kind]:
                problems.append(
                    _at(
                        source,
                        ("id",),
                        f"'{ident}' is a handbook {singular}'s id: give yours another id "
                        f"to add it, or add `replaces: {ident}` to use yours instead of the "
                        "handbook's",
                    )
                )
            elif replaces is None and ident in base_by[other_kind]:
                problems.append(
                    _at(
                        source,
                        ("id",),
                        f"'{ident}' is a handbook {other_kind[:-1]}'s id: give yours another id",
                    )
                )
            elif replaces is not None and replaces != ident:
                problems.append(
                    _at(
                        source,
                        ("replaces",),
                        f"expected this file's own id '{ident}': a replacement keeps the "
                        "handbook's id, so every link to it keeps working",
                    )
                )
            elif replaces is not None and ident not in base_by[kind]:
                problems.append(
                    _at(
                        source,
                        ("replaces",),
                        f"the handbook has no {singular} '{ident}' to replace: remove "
                        "`replaces:` to add it as your own",
                    )
                )
            elif replaces is not None:
                replaced[kind].add(ident)
                now = version(base_by[kind][ident])
                recorded = own.get("replaces_version")
                if recorded != now:
                    said = (
                        "does not record which version of"
                        if recorded is None
                        else "was made from an older version of"
                    )
                    warnings.append(
                        _at(
                            source,
                            ("replaces_version",) if recorded is not None else ("replaces",),
                            f"{said} the handbook's {singular} '{ident}': compare yours with "
                            f"{base_by[kind][ident].source.path}, then run "
                            f"`handbook stamp {source.path}`",
                        )
                    )
        for key in (k for k in layer.layer_keys if k[0] == kind):
            own, source = layer.layer_keys[key]
            for name in own:
                if name == "replaces_version" and "replaces" not in own:
                    problems.append(
                        _at(source, (name,), "only a file that says `replaces:` records this")
                    )

    hidden_ids = set(settings.hide)
    hidden: dict[str, Exercise] = {}
    for index, ident in enumerate(settings.hide):
        loc = ("hide", index)
        kinds = [kind for kind in KINDS if ident in base_by[kind]]
        if not kinds:
            problems.append(
                _at(setting, loc, f"the handbook has no exercise or routine '{ident}' to hide")
            )
        elif any(ident in replaced[kind] for kind in kinds):
            problems.append(
                _at(
                    setting, loc, f"'{ident}' is also replaced in your content: do one or the other"
                )
            )
        elif "exercises" in kinds:
            hidden[ident] = base_by["exercises"][ident].model

    def shown(kind: str) -> list[Loaded[Any]]:
        return [
            item
            for item in _entries(handbook, kind)
            if item.model.id not in hidden_ids and item.model.id not in replaced[kind]
        ]

    merged = copy.copy(handbook)
    merged.exercises = shown("exercises") + list(layer.exercises)
    merged.routines = shown("routines") + list(layer.routines)
    for item in merged.routines:
        routine: Routine = item.model
        for index, entry in enumerate(routine.exercises):
            if entry.exercise in hidden:
                where = settings.hide.index(entry.exercise)
                problems.append(
                    _at(
                        setting,
                        ("hide", where),
                        f"exercise '{entry.exercise}' is in routine '{routine.id}' "
                        f"({item.source.path}, entry {index + 1}): hide that routine too, "
                        "or keep the exercise",
                    )
                )
    merged.claimed_ids = {
        key: sources
        for key, sources in handbook.claimed_ids.items()
        if key[1] not in hidden_ids and key[1] not in replaced[f"{key[0]}s"]
    }
    for key, sources in layer.claimed_ids.items():
        if key[1] in base_by[f"{key[0]}s"]:  # reported above, or a replacement
            merged.claimed_ids[key] = list(sources)
        else:
            merged.claimed_ids.setdefault(key, []).extend(sources)
    merged.unreadable = handbook.unreadable | layer.unreadable
    merged.clinic = Loaded(branding(settings), setting)
    merged.picture_folders = [(layer.root, layer.shown_root), (handbook.root, handbook.shown_root)]
    merged.problems = []
    merged = unlink_hidden(merged, hidden)

    translations = _translations(handbook, merged, layer, settings.languages, problems)
    if problems:
        raise ContentError(problems)
    return Layered(merged, translations, hidden, settings.languages, warnings)


def _translations(
    handbook: Content,
    merged: Content,
    layer: Content,
    languages: list[str] | None,
    problems: list[ContentProblem],
) -> Translations:
    """The handbook's translations of what the clinic shows, and the clinic's own."""
    kept = copy.copy(merged)  # the handbook's entries only: its translations of a replaced
    layer_ids = {(kind, item.model.id) for kind in KINDS for item in _entries(layer, kind)}
    kept.exercises = [e for e in merged.exercises if ("exercises", e.model.id) not in layer_ids]
    kept.routines = [r for r in merged.routines if ("routines", r.model.id) not in layer_ids]
    kept.root = handbook.root  # entry are not the clinic's text, so they are not read
    translations = load_translations(kept)
    own = load_translations(layer)
    problems += translations.problems + own.problems
    by_code = {t.code: t for t in translations.languages}
    for translation in own.languages:
        if translation.code not in by_code:
            problems.append(
                ContentProblem(
                    f"{layer.shown_root}/translations/{translation.code}",
                    0,
                    "",
                    "the handbook has no pages in this language: its languages are "
                    f"{', '.join(sorted(by_code))}",
                )
            )
            continue
        by_code[translation.code].documents.update(translation.documents)
    english = english_documents(merged)
    chosen: list[Translation] = []
    for translation in translations.languages:
        if languages is not None and translation.code not in languages:
            continue
        translation.missing = sorted(key for key in english if key not in translation.documents)
        chosen.append(translation)
    if languages is not None:
        for code in languages:
            if code != "en" and code not in by_code:
                problems.append(
                    ContentProblem(
                        "clinic.yml",
                        0,
                        "languages",
                        f"the handbook has no pages in '{code}': its languages are en, "
                        f"{', '.join(sorted(by_code))}",
                    )
                )
    return Translations(chosen, [], translations.warnings + own.warnings)


def unlink_hidden(content: Content, hidden: dict[str, Exercise]) -> Content:
    """`content` with every easier, harder or other option that links to a hidden exercise
    written out in words (its name and summary) instead: never a link to a missing page."""
    if not hidden:
        return content

    def unlinked(variants: list[Variant]) -> list[Variant]:
        return [
            Variant(name=hidden[v.exercise].name, description=hidden[v.exercise].summary)
            if v.exercise in hidden
            else v
            for v in variants
        ]

    result = copy.copy(content)
    result.exercises = [
        Loaded(
            item.model.model_copy(
                update={
                    side: unlinked(getattr(item.model, side))
                    for side in ("easier", "harder", "variations")
                }
            ),
            item.source,
        )
        for item in content.exercises
    ]
    return result


def hidden_texts(hidden: dict[str, Exercise]) -> frozenset[str]:
    """The English words `unlink_hidden` writes: pages in other languages mark them."""
    return frozenset(text for e in hidden.values() for text in (e.name, e.summary))


# --- handbook stamp --------------------------------------------------------------------------


def stamp(project: Project, base: Base, files: list[str] | None = None) -> list[Path]:
    """Record in each replacing file (or in `files` only) the version of the handbook entry
    it now replaces."""
    handbook = load_content(base.content, base.root, label=BASE_LABEL)
    layer = load_content(project.content, layer=True)
    if layer.problems:
        raise ContentError(layer.problems)
    versions = {
        (kind, item.model.id): version(item) for kind in KINDS for item in _entries(handbook, kind)
    }
    wanted = {str(Path(f)) for f in files} if files else None
    written = []
    for key, (own, source) in sorted(layer.layer_keys.items()):
        if "replaces" not in own or key not in versions:
            continue
        if wanted is not None and str(Path(source.path)) not in wanted:
            continue
        path = project.content / key[0] / f"{key[1]}.yml"
        text = path.read_text(encoding="utf-8")
        line = f"replaces_version: {versions[key]}"
        if re.search(r"(?m)^replaces_version:.*$", text):
            new = re.sub(r"(?m)^replaces_version:.*$", line, text, count=1)
        else:
            new = re.sub(r"(?m)^(replaces:.*)$", rf"\1\n{line}", text, count=1)
        if new != text:
            path.write_text(new, encoding="utf-8")
            written.append(path)
    return written
