"""The handbook's small exception tree. The CLI turns any HandbookError into exit code 1."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One mistake in one content file, located as precisely as the file allows."""

    file: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
        return printable(text)


def printable(text: str) -> str:
    """`text` as one line that cannot drive a terminal.

    Every character that is not printable (control characters, line breaks, bidirectional
    controls, lone surrogates from undecodable file names...) is written as repr writes it,
    such as \\x1b, \\n or \\u202e.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class HandbookError(Exception):
    """Base of every error the CLI reports without a traceback."""


class ContentError(HandbookError):
    """The content has one or more problems; all of them are carried."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the content"
        super().__init__("\n".join([*map(str, self.problems), summary]))


class BuildError(HandbookError):
    """The site engine failed; the previous site was kept."""


class ToolMissingError(HandbookError):
    """An external program the command needs is not installed."""
