"""What a plain (unquoted) YAML value means in content, and which characters no text may hold."""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Any

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class NotADate(ValueError):
    """A plain scalar written as a date that no calendar has, such as 2026-02-30."""


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar: None, bool, int, float, date or else the text.

    Only these forms are read as anything but text: empty, `~` and `null` as nothing;
    `true`/`false` (also capitalised or in capitals); whole numbers without leading zeros;
    decimals with digits on both sides of the point; and dates written YYYY-MM-DD. Raises
    NotADate for a date that does not exist.
    """
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    date = _DATE.fullmatch(text)
    if date:
        year, month, day = (int(part) for part in date.groups())
        if year == 0:
            raise NotADate(f"not a real date: {text} (there is no year 0)")
        if not 1 <= month <= 12:
            raise NotADate(f"not a real date: {text} (there is no month {month})")
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            name = calendar.month_name[month]
            raise NotADate(f"not a real date: {text} ({name} {year} has {days} days)")
        return datetime.date(year, month, day)
    return text


#: Characters no content text may hold: control characters other than tab and newline, and
#: the bidirectional controls that reorder how text around them is shown.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORBIDDEN_OR_NEWLINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def forbidden_character(text: str, block: bool) -> str | None:
    """Why `text` may not stand in content, or None. A newline is allowed in block scalars."""
    found = (_FORBIDDEN if block else _FORBIDDEN_OR_NEWLINE).search(text)
    if found is None:
        return None
    character = found.group()
    code = f"U+{ord(character):04X}"
    if character == "\n":
        return (
            f"contains a line break ({code}): only text written as a block, after '|' or '>', "
            "may run over several lines"
        )
    if "\u202a" <= character <= "\u2069":
        return f"contains the bidirectional control character {code}: delete it"
    return f"contains the control character {code}: delete it"
