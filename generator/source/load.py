"""Stage 1: read content files into typed models, remembering the line of every value.

Reading and parsing the YAML, with the line of every key path, is yamlsource.py's part;
wording each validation error for authors is messages.py's. This module finds the content
files, validates each against its model and gathers what loaded.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import ContentProblem
from generator.source.contentfile import Folder
from generator.source.model import Causes, Clinic, Exercise, Handbook, References, Routine, Safety
from generator.source.wording import misspelt, problem
from generator.source.yamlsource import Source, read_yaml

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
    # --- Layers (a clinic project over the handbook: see layers.py) ---
    #: Written before every file name in messages (`handbook:` for a clinic project's base).
    label: str = ""
    #: Whether this is a clinic's layer, whose files may hold LAYER_KEYS.
    layer: bool = False
    #: Folders a picture named by the content is looked for in, first match wins, each with
    #: its name in messages; empty means the content folder's own images/.
    picture_folders: list[tuple[Path, str]] = field(default_factory=list)
    #: A clinic layer's own keys of each exercise or routine file, taken out before the file
    #: is validated (the model has no such fields): (kind, id) -> (key -> value), and the file.
    layer_keys: dict[tuple[str, str], tuple[dict[str, Any], Source]] = field(default_factory=dict)
    _folder: Folder | None = field(default=None, repr=False, compare=False)

    @property
    def folder(self) -> Folder:
        """The content folder and its real place, resolved once for every file read from it,
        and again should `root` be set to another folder (layers.py copies a Content and
        points the copy at the handbook's folder)."""
        if self._folder is None or self._folder.path != self.root:
            self._folder = Folder.of(self.root)
        return self._folder


#: Keys a file of a clinic layer may hold besides the model's: which handbook entry it
#: replaces, and the version of that entry it was made from (see layers.py).
LAYER_KEYS = ("replaces", "replaces_version")

CHECKED_FILES: dict[str, type[BaseModel]] = {
    "causes.yml": Causes,
    "references.yml": References,
    "safety.yml": Safety,
    "handbook.yml": Handbook,
    "clinic.yml": Clinic,
}


def load_content(
    root: Path, display_root: Path | None = None, *, label: str = "", layer: bool = False
) -> Content:
    """Read every content file under `root`, collecting problems instead of stopping.

    `label` goes before every file name in messages (the base of a clinic project is
    `handbook:`). A `layer` (a clinic's content/) holds exercises, routines, pictures and
    translations only, and its files may say what they replace (LAYER_KEYS)."""
    names = _Names(display_root if display_root is not None else Path.cwd())
    content = Content(root=root, shown_root=label + names(root), label=label)
    if layer:
        content.layer = True
        return _load_layer(content, root, names)
    if not root.is_dir():
        content.problems.append(
            ContentProblem(str(root), 0, "", "content folder not found: expected a directory")
        )
        return content
    for path in sorted((root / "exercises").glob("*.yml")):
        _load_one(content, path, names, Exercise, content.exercises, "exercise")
    for path in sorted((root / "routines").glob("*.yml")):
        _load_one(content, path, names, Routine, content.routines, "routine")
    for name, model in CHECKED_FILES.items():
        path = root / name
        if path.exists() or path.is_symlink():
            found: list[Loaded[Any]] = []
            _load_one(content, path, names, model, found, None)
            if found:
                setattr(content, name.removesuffix(".yml"), found[0])
        elif name != "clinic.yml":
            content.problems.append(
                ContentProblem(label + names(path), 0, "", "required file is missing")
            )
    content.problems += [
        ContentProblem(label + names(root / name), 0, "", message)
        for name, message in unread_files(root)
    ]
    return content


#: What each place in the content folder holds: a pattern of the paths inside it that the
#: handbook reads (or reports on: a translation file of the wrong name is translations.py's
#: to name), and the words for what belongs there.
_DOCUMENTS = "|".join(re.escape(name) for name in CHECKED_FILES)
LAYOUT = (
    (
        r"exercises/.+",
        r"exercises/[^/]+\.yml",
        "exercises/ holds only <id>.yml files, one per exercise",
    ),
    (
        r"routines/.+",
        r"routines/[^/]+\.yml",
        "routines/ holds only <id>.yml files, one per routine",
    ),
    (
        r"images/.+",
        r"images/[^/]+\.(?:svg|png)",
        "images/ holds only pictures: .svg drawings (or a .png for the clinic's logo)",
    ),
    (
        r"translations/[^/]+/.+",
        r"translations/[^/]+/.+\.yml",
        "a language's folder holds only language.yml and translations of content files, "
        "such as safety.yml and exercises/<id>.yml",
    ),
    (r"translations/.+", r"$^", "translations/ holds only a folder per language, such as es/"),
    (
        r".+",
        rf"(?:{_DOCUMENTS})",
        "the content folder holds exercises/, routines/, images/, translations/ and "
        f"{', '.join(CHECKED_FILES)}",
    ),
)


def _load_layer(content: Content, root: Path, names: _Names) -> Content:
    for path in sorted((root / "exercises").glob("*.yml")):
        _load_one(content, path, names, Exercise, content.exercises, "exercise")
    for path in sorted((root / "routines").glob("*.yml")):
        _load_one(content, path, names, Routine, content.routines, "routine")
    for name in CHECKED_FILES:
        if (root / name).exists() or (root / name).is_symlink():
            where = "at the project's root, beside content/" if name == "clinic.yml" else None
            content.problems.append(
                ContentProblem(
                    f"{content.shown_root}/{name}",
                    0,
                    "",
                    f"clinic.yml belongs {where}: move it there"
                    if where
                    else "a clinic's content/ holds exercises/, routines/, images/ and "
                    f"translations/ only: {name} is the handbook's own, so remove this file",
                )
            )
    content.problems += [
        ContentProblem(f"{content.shown_root}/{name}", 0, "", message)
        for name, message in unread_files(root)
        if name not in CHECKED_FILES
    ]
    return content


def unread_files(root: Path) -> list[tuple[str, str]]:
    """(path inside `root`, why) of every file there that the handbook would not read.

    A file no reader looks at is a mistake the author cannot see: an exercise saved as
    .YML would be one exercise fewer, a translation so named would show English. Hidden
    files and folders (.gitkeep, an editor's .swp, .git) are passed over in silence.
    """
    found = []
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        here = Path(folder).relative_to(root)
        for name in sorted(files):
            if name.startswith("."):
                continue
            relative = (here / name).as_posix()
            suffix = Path(name).suffix
            for place, read, holds in LAYOUT:
                if not re.fullmatch(place, relative):
                    continue
                if re.fullmatch(read, relative):
                    break
                if suffix.lower() in (".yml", ".yaml") and suffix != ".yml":
                    found.append((relative, f"content files end in .yml, not {suffix}: rename it"))
                else:
                    found.append(
                        (
                            relative,
                            f"the handbook does not read this file: {holds}; "
                            "move it out of the content folder",
                        )
                    )
                break
    return found


def _load_one(
    content: Content,
    path: Path,
    names: _Names,
    model: type[M],
    into: list[Loaded[M]],
    kind: str | None,
) -> None:
    shown = content.label + names(path)
    source, problems = read_yaml(path, shown, content.folder)
    content.problems.extend(problems)
    if source is None:
        if kind is not None:
            content.unreadable.add((kind, path.stem))
        return
    if kind is not None and isinstance(source.data, dict):
        claimed = source.data.get("id")
        if isinstance(claimed, str):
            content.claimed_ids.setdefault((kind, claimed), []).append(source)
    if content.layer and kind is not None and isinstance(source.data, dict):
        source = Source(source.path, dict(source.data), source.lines)  # read_yaml's is shared
        own = {key: source.data.pop(key) for key in LAYER_KEYS if key in source.data}
        if own and isinstance(source.data.get("id"), str):
            content.layer_keys[(f"{kind}s", source.data["id"])] = (own, source)
    loaded, schema_problems = validate_model(source, model)
    content.problems.extend(schema_problems)
    if loaded is not None:
        into.append(loaded)


class _Names:
    """How problems name files: relative to `base`, each folder resolved once per load (a
    thousand exercises share one folder)."""

    def __init__(self, base: Path) -> None:
        self.base = base.resolve()
        #: Each folder met, as its files' names begin ("" for the base itself), or None for
        #: a folder outside the base, whose files keep the path they were found by.
        self.folders: dict[Path, str | None] = {}

    def __call__(self, path: Path) -> str:
        # The file's own name, not that of the file a link points to: only its folder is resolved.
        if path.parent not in self.folders:
            self.folders[path.parent] = self._start(path.parent)
        start = self.folders[path.parent]
        return str(path) if start is None else start + path.name

    def _start(self, folder: Path) -> str | None:
        try:
            inside = folder.resolve().relative_to(self.base)
        except ValueError:
            return None
        return "" if inside == Path() else f"{inside}{os.sep}"


def validate_model(source: Source, model: type[M]) -> tuple[Loaded[M] | None, list[ContentProblem]]:
    """Validate a Source against a model; translate every error into a located problem."""
    try:
        return Loaded(model.model_validate(source.data), source), []
    except ValidationError as error:
        errors = error.errors()
        told = misspelt(model, errors)
        return None, [
            problem(source, model, err)
            for err in errors
            if not (err["type"] == "missing" and tuple(err["loc"]) in told)
        ]
