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

#: Each file in a folder (the generator's mark aside) by its path: (size, mtime in ns).
Listing = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class WriteReport:
    """What a write did, for the CLI's summary line and for tests."""

    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]
    #: What the folder holds after the write, when the write made it hold exactly its files.
    listing: Listing | None = None


def write_tree(files: dict[str, bytes], folder: Path, *, part: bool = False) -> WriteReport:
    """Make `folder` hold exactly `files`, rewriting only files whose bytes differ; with
    `part`, write `files` and leave every other file there as it is.

    A whole write lists the folder once, before writing: a file that is not there is written without
    being read, one whose size differs without being compared, and the listing after the
    write (for the stamp) is that one updated, not a second walk. At a thousand exercises
    each walk and each failed open is a measurable share of a generate.
    """
    usable_folder(folder, "the generated pages' folder")
    folder.mkdir(parents=True, exist_ok=True)
    if not is_ours(folder):
        mark(folder)
    root = str(folder)
    if part:
        return _write_part(files, root)
    present = folder_listing(root)
    made = {root} | {os.path.dirname(os.path.join(root, name)) for name in present}
    written, unchanged = [], 0
    after = dict(present)
    for name in sorted(files):
        data = files[name]
        target = os.path.join(root, name)
        size = present.get(name, (-1, 0))[0]
        if size == len(data) and _holds(target, data):
            unchanged += 1
            continue
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        after[name] = _replace(target, data)
        written.append(name)
    removed = sorted(present.keys() - files.keys())
    for name in removed:
        target = os.path.join(root, name)
        os.unlink(target)
        del after[name]
        _remove_empty_parents(root, os.path.dirname(target))
    return WriteReport(tuple(written), unchanged, tuple(removed), after)


def _write_part(files: dict[str, bytes], root: str) -> WriteReport:
    """Write the `files` that differ, and list nothing: the preview's quick path writes the
    pages of one entry into a folder of thousands."""
    written, unchanged = [], 0
    for name in sorted(files):
        target = os.path.join(root, name)
        if _holds(target, files[name]):
            unchanged += 1
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        _replace(target, files[name])
        written.append(name)
    return WriteReport(tuple(written), unchanged, ())


def _replace(target: str, data: bytes) -> tuple[int, int]:
    """Write `data` beside `target`, then rename, so that a watcher (mkdocs serve) never
    reads half a file; the new file's size and modification time."""
    tmp = target + ".tmp"
    with open(tmp, "wb") as out:
        out.write(data)
        out.flush()
        status = os.fstat(out.fileno())
    os.replace(tmp, target)
    return status.st_size, status.st_mtime_ns


def _holds(target: str, data: bytes) -> bool:
    try:
        with open(target, "rb") as existing:
            return existing.read() == data
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


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
    files: Listing
    #: A digest of the stamp itself: it names exactly this state of the folder.
    digest: str


def record_stamp(
    folder: Path, stamp_file: Path, fingerprint: str, epoch: int, listing: Listing | None = None
) -> str:
    """Note what `folder` holds now (`listing`, when the caller knows), after a stage whose
    inputs had `fingerprint`; its digest."""
    files = folder_listing(str(folder)) if listing is None else listing
    stamp = {"fingerprint": fingerprint, "epoch": epoch, "files": files}
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
    return stamp if folder_listing(str(folder)) == stamp.files else None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def folder_listing(root: str) -> Listing:
    listing = {}
    for relative, entry in files_under(root):
        if relative != MARKER:
            status = entry.stat(follow_symlinks=False)
            listing[relative] = (status.st_size, status.st_mtime_ns)
    return listing
