"""How the checks word a problem: at a file's key, an unknown id with the likeliest one."""

from __future__ import annotations

import difflib

from generator.errors import ContentProblem
from generator.source.yamlsource import Source, key_path


def file_stem(source: Source) -> str:
    return source.path.rsplit("/", 1)[-1].removesuffix(".yml")


def at(source: Source, loc: tuple[str | int, ...], message: str) -> ContentProblem:
    return ContentProblem(source.path, source.line(loc), key_path(loc), message)


def unknown(
    source: Source,
    loc: tuple[str | int, ...],
    kind: str,
    value: str,
    known: set[str],
    where: str | None = None,
) -> ContentProblem:
    message = f"unknown {kind} id '{value}'"
    if where:
        message += f" (not in {where})"
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    if close:
        message += f"; did you mean '{close[0]}'?"
    elif 0 < len(known) <= 8:
        message += f"; expected one of {', '.join(sorted(known))}"
    return at(source, loc, message)
