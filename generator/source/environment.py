"""The environment variables the generator reads, each checked like a command-line option."""

from __future__ import annotations

import calendar
import datetime
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from generator.errors import HandbookError
from generator.source.themetext import quoted


class EnvironmentVariableError(HandbookError):
    """An environment variable the handbook reads holds a value it cannot use."""


@cache
def epoch_range() -> tuple[int, int]:
    """SOURCE_DATE_EPOCH's range: that of the handbook's `updated` date, from which a build
    sets it when it is not set (MkDocs dates the sitemap from it, gzip writes it in 32 bits,
    zip files cannot go before 1980). Imported when needed: the model is slow to import."""
    from generator.source.model import FIRST_UPDATED, LAST_UPDATED

    first = calendar.timegm(FIRST_UPDATED.timetuple())
    return first, calendar.timegm(LAST_UPDATED.timetuple()) + 86399


def _source_date_epoch(value: str) -> bool:
    first, last = epoch_range()
    return re.fullmatch(r"[0-9]{1,12}", value) is not None and first <= int(value) <= last


def _epoch_expected() -> str:
    first, last = epoch_range()
    day = datetime.datetime.fromtimestamp
    return (
        f"a whole number of seconds since 1970-01-01 UTC, from {first} "
        f"({day(first, datetime.UTC):%Y-%m-%d}) to {last} ({day(last, datetime.UTC):%Y-%m-%d}), "
        "or leave it unset"
    )


def _program(value: str) -> bool:
    return "\0" not in value and os.path.isfile(value)  # as chromium.py reads it


def _folder_name(value: str) -> bool:
    return bool(value.strip()) and "\0" not in value


@dataclass(frozen=True)
class Variable:
    """An environment variable the handbook reads, checked like a command-line option."""

    name: str
    #: What a valid value is, for the message.
    expects: Callable[[], str]
    valid: Callable[[str], bool]
    #: Whether it changes what is built (so it is part of the configuration's digest).
    shapes_output: bool = False


#: Every environment variable the generator reads, besides those mkdocs.yml names with !ENV
#: (MkDocs resolves them into the configuration, where they are checked as settings) and the
#: one `handbook serve` sets for its own hook (mkdocs_hooks._PROBLEMS_VARIABLE).
ENVIRONMENT = (
    Variable("SOURCE_DATE_EPOCH", _epoch_expected, _source_date_epoch, shapes_output=True),
    Variable("CHROMIUM", lambda: "the path of the Chromium program, or leave it unset", _program),
    Variable(
        "HANDBOOK_CONTENT", lambda: "the content folder (`handbook serve` sets it)", _folder_name
    ),
    Variable(
        "HANDBOOK_TIMINGS",
        lambda: "a file to add the build's stage timings to (`make bench` sets it)",
        _folder_name,
    ),
)
#: Environment variables that change the output (see `digest`).
OUTPUT_ENVIRONMENT = tuple(v.name for v in ENVIRONMENT if v.shapes_output)


def check_environment(environ: Mapping[str, str] | None = None) -> None:
    """Raise EnvironmentVariableError, one line per variable, for each set to a bad value."""
    environ = os.environ if environ is None else environ
    problems = [
        f"environment variable {v.name}: expected {v.expects()}, got {quoted(environ[v.name])}"
        for v in ENVIRONMENT
        if v.name in environ and not v.valid(environ[v.name])
    ]
    if problems:
        raise EnvironmentVariableError("\n".join(problems))
