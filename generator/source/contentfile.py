"""Reading one file from the content folder, safely: a regular file inside the folder, within
a size limit, never a pipe, a device or a link that leads out of the folder."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Folder:
    """A content folder and where it really is, links resolved: found once for all the files
    of one load (at a thousand exercises, resolving it again for each file was a tenth of a
    preview's rebuild)."""

    path: Path
    real: str

    @classmethod
    def of(cls, path: Path) -> Folder:
        return cls(path, os.path.realpath(path))


class UnreadableFile(Exception):
    """A content file that is not read, with the reason in words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _not_regular(mode: int) -> UnreadableFile:
    kind = next((name for test, name in _KINDS if test(mode)), "an unusual kind of file")
    return UnreadableFile(f"not a regular file ({kind}): content files must be plain text files")


def _too_large(size: int, limit: int) -> UnreadableFile:
    return UnreadableFile(
        f"file is {size // 1024} KB; content files may be at most {limit // 1024} KB: "
        "split it or remove what does not belong"
    )


def read_content_file(path: Path, root: Path | Folder, limit: int) -> bytes:
    """The bytes of a regular file inside `root`, at most `limit` of them.

    Raises UnreadableFile for anything else: a folder, pipe, socket or device (a pipe would
    block the read), a link that leads out of the content folder (to /dev/zero, say), or a
    file over the limit, which is refused without reading more than `limit + 1` bytes.
    """
    real = os.path.realpath(path)
    real_root = root.real if isinstance(root, Folder) else os.path.realpath(root)
    if real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep):
        if os.path.islink(path):
            raise UnreadableFile("is a link to a file outside the content folder: copy the file in")
        raise UnreadableFile("is reached through a link to a folder outside the content folder")
    try:
        mode = os.stat(real).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(mode)
        # Non-blocking and not following a link: should the file be swapped for a pipe or a
        # link between the check above and this open, the open neither hangs nor leaves root.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(real, flags | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror}") from error
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(info.st_mode)
        if info.st_size > limit:
            raise _too_large(info.st_size, limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 65536))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise UnreadableFile(f"cannot read the file: {error.strerror}") from error
    finally:
        os.close(descriptor)
    raw = b"".join(chunks)
    if len(raw) > limit:
        # The file grew after fstat: its size is unknown, only that it is too large.
        raise UnreadableFile(
            f"file is over {limit // 1024} KB, the most a content file may be: "
            "split it or remove what does not belong"
        )
    return raw
