"""Stage 4: write the generated files into the docs folder, touching only what changed.

Unchanged files keep their modification time, so `mkdocs serve` and any other engine's
watcher rebuild only what really changed; files whose source is gone are removed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.publish.folders import MARKER, is_ours, mark, usable_folder


@dataclass(frozen=True)
class WriteReport:
    """What a write did, for the CLI's summary line and for tests."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def write_tree(files: dict[str, bytes], folder: Path, *, part: bool = False) -> WriteReport:
    """Make `folder` hold exactly `files`, rewriting only files whose bytes differ; with
    `part`, write `files` and leave every other file there as it is."""
    usable_folder(folder, "the generated pages' folder")
    folder.mkdir(parents=True, exist_ok=True)
    if not is_ours(folder):
        mark(folder)
    root = str(folder)
    written, unchanged = [], 0
    made: set[str] = set()
    for name in sorted(files):
        target = os.path.join(root, name)
        if _holds(target, files[name]):
            unchanged += 1
            continue
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        # Write beside, then rename: a watcher (mkdocs serve) never reads half a file.
        tmp = target + ".tmp"
        with open(tmp, "wb") as out:
            out.write(files[name])
        os.replace(tmp, target)
        written.append(name)
    removed = [] if part else _remove_stale(root, set(files))
    return WriteReport(tuple(written), unchanged, tuple(removed))


def _holds(target: str, data: bytes) -> bool:
    try:
        with open(target, "rb") as existing:
            return existing.read() == data
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


def _remove_stale(root: str, keep: set[str]) -> list[str]:
    removed = []
    for relative, entry in files_under(root):
        if relative not in keep and relative != MARKER:
            os.unlink(entry.path)
            removed.append(relative)
            _remove_empty_parents(root, os.path.dirname(entry.path))
    return sorted(removed)


def _remove_empty_parents(root: str, folder: str) -> None:
    while folder != root and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)


def files_under(root: str, prefix: str = "") -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every file below `root`: (its path relative to `root`, joined with '/'; its entry).

    Names are joined by hand rather than with os.path.relpath, which resolves both paths
    against the working directory for every file: at ten thousand files that is half the
    time of a generate that finds nothing to do.
    """
    with os.scandir(root) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from files_under(entry.path, f"{prefix}{entry.name}/")
        else:
            yield f"{prefix}{entry.name}", entry


@dataclass(frozen=True)
class Stamp:
    """What the last stage that wrote a folder read (its inputs' fingerprint) and left there."""

    fingerprint: str
    epoch: int
    #: Every file in the folder, with its size and modification time in nanoseconds.
    files: dict[str, tuple[int, int]]
    #: A digest of the stamp itself: it names exactly this state of the folder.
    digest: str


def record_stamp(folder: Path, stamp_file: Path, fingerprint: str, epoch: int) -> str:
    """Note what `folder` holds now, after a stage whose inputs had `fingerprint`; its digest."""
    stamp = {"fingerprint": fingerprint, "epoch": epoch, "files": _listing(str(folder))}
    text = json.dumps(stamp, sort_keys=True)
    write_whole(stamp_file, text)
    return _digest(text)


def write_whole(path: Path, text: str) -> None:
    """Write `text` beside `path`, then rename: readers find the old file or the new, not half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(text, "utf-8")
    partial.replace(path)


def unchanged_stamp(
    folder: Path, stamp_file: Path, fingerprint: str, marker: str | None = MARKER
) -> Stamp | None:
    """The stamp, if the inputs are the same and `folder` still holds just what it lists.

    `marker` is a file the folder must hold as well (the generator's mark on its docs folder).
    """
    try:
        text = stamp_file.read_text("utf-8")
        raw = json.loads(text)
        stamp = Stamp(
            raw["fingerprint"],
            int(raw["epoch"]),
            {name: (size, mtime) for name, (size, mtime) in raw["files"].items()},
            _digest(text),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if stamp.fingerprint != fingerprint or (marker and not (folder / marker).is_file()):
        return None
    if not folder.is_dir():
        return None
    return stamp if _listing(str(folder)) == stamp.files else None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _listing(root: str) -> dict[str, tuple[int, int]]:
    listing = {}
    for relative, entry in files_under(root):
        if relative != MARKER:
            status = entry.stat(follow_symlinks=False)
            listing[relative] = (status.st_size, status.st_mtime_ns)
    return listing
