"""Stage 4: write the generated files into the docs folder, touching only what changed.

Unchanged files keep their modification time, so `mkdocs serve` and any other engine's
watcher rebuild only what really changed; files whose source is gone are removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Marks a folder as owned by the generator, so it never empties a folder it did not make.
MARKER = ".generated-by-handbook"


@dataclass(frozen=True)
class WriteReport:
    """What a write did, for the CLI's summary line and for tests."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


class NotOurFolderError(Exception):
    """The target folder holds files but was not made by the generator."""


def write_tree(files: dict[str, bytes], folder: Path) -> WriteReport:
    """Make `folder` hold exactly `files`, rewriting only files whose bytes differ."""
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise NotOurFolderError(
            f"{folder} is not empty and was not made by the handbook generator: "
            "choose an empty or generated folder"
        )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).touch()
    written, unchanged = [], 0
    for name, data in sorted(files.items()):
        target = folder / name
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        written.append(name)
    removed = _remove_stale(folder, set(files))
    return WriteReport(tuple(written), unchanged, tuple(removed))


def _remove_stale(folder: Path, keep: set[str]) -> list[str]:
    removed = []
    for path in sorted(folder.rglob("*"), reverse=True):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and name not in keep and name != MARKER:
            path.unlink()
            removed.append(name)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return sorted(removed)
