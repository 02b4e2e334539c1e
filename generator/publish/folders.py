"""The folders the handbook writes: which it may replace, and who may write them at a time.

The handbook never deletes or replaces a file or folder it did not make. Each folder it makes
(generated pages, a built site, a build's staging folder) holds a small marker file; a folder
without one is somebody's own and is refused with a clear message. Builds take a lock beside
each folder they write, so that two builds at once run one after the other.
"""

from __future__ import annotations

import errno
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import HandbookError

if TYPE_CHECKING:
    from jinja2 import BytecodeCache

#: Marks a folder as made by the handbook (generated pages, built site, staging).
MARKER = ".generated-by-handbook"


class FolderError(HandbookError):
    """A folder the command was asked to write cannot be used."""


def usable_folder(folder: Path, what: str) -> None:
    """Refuse `folder` unless it is missing, empty or marked as the handbook's."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise FolderError(f"{folder}: {what} must be a folder, and this is a file or a link")
    if folder.is_dir() and any(folder.iterdir()) and not is_ours(folder):
        raise FolderError(
            f"{folder}: {what} is not empty and was not made by the handbook, so it is left "
            "alone: choose an empty folder, a new name, or a folder the handbook made"
        )
    for parent in folder.absolute().parents:
        if parent.exists() and not parent.is_dir():
            raise FolderError(f"{folder}: {parent} is a file, so {what} cannot be made under it")


def separate(named: dict[str, Path]) -> None:
    """Refuse folders that are the same as, or inside, one another (site inside the pages...)."""
    resolved = {what: path.resolve() for what, path in named.items()}
    items = sorted(resolved.items())
    for index, (what, path) in enumerate(items):
        for other, other_path in items[index + 1 :]:
            if path == other_path or path in other_path.parents or other_path in path.parents:
                raise FolderError(
                    f"{named[what]} ({what}) and {named[other]} ({other}) overlap: "
                    "give each its own folder"
                )


def not_around(folder: Path, what: str, inner: Path) -> None:
    """Refuse `folder` if it is `inner` or holds it (a site folder that would hold the project)."""
    outer, held = folder.resolve(), inner.resolve()
    if outer == held or outer in held.parents:
        raise FolderError(
            f"{folder}: {what} would hold {inner}, the project itself: choose another folder"
        )


def is_ours(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def mark(folder: Path) -> None:
    (folder / MARKER).touch()


def remove_ours(folder: Path) -> None:
    """Delete a folder the handbook made; leave anything else exactly as it is."""
    if folder.is_dir() and not folder.is_symlink() and is_ours(folder):
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the lock of `folder` (a file beside it); wait, and say so, if another build has it."""
    lock_file = folder.parent / f".{folder.name}.lock"
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; builds there must not overlap
        yield
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build that writes {folder} to finish", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def os_problem(error: OSError, doing: str) -> FolderError:
    """An operating-system failure as one line that says what could not be done, and why."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
        errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.EEXIST: "something of that name is already there",
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    where = f" ({error.filename})" if error.filename else ""
    return FolderError(f"could not {doing}: {reason}{where}")


def compiled_templates(folder: Path) -> BytecodeCache | None:
    """Jinja's cache of compiled templates in `folder`, or None when it cannot be made there
    (each template is then compiled as it is first used)."""
    from jinja2 import FileSystemBytecodeCache

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def cache_dir(docs_dir: Path) -> Path:
    """Where the stages keep what lets a later run skip work: beside the docs folder."""
    return docs_dir.with_name(docs_dir.name + ".cache")
