"""The numbers a translation keeps: every number of the English text, each written the
translation's language's way (thousands groups and decimal commas follow the language)."""

from __future__ import annotations

import re
from collections import Counter

#: A number as a translation may write it: digits, with single separators between them.
_WRITTEN_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_ENGLISH_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _readings(written: str, code: str) -> list[str]:
    """The values ("1930", "1.51") a number written in language `code` may stand for: read
    the language's way (Babel's group and decimal symbols; a space may group thousands too,
    and four digits need no group: "1.930", "1930", "1 930"), or with a decimal point and no
    group, as some languages allow. An English group ("1,930" in Spanish, which reads 1,93)
    is never a reading: it would change the number."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    group, decimal = get_group_symbol(code), get_decimal_symbol(code)
    groups = re.escape(group) + "\u00a0\u202f "
    readings = []
    if re.fullmatch(rf"\d{{1,3}}(?:[{groups}]\d{{3}})*(?:{re.escape(decimal)}\d+)?", written):
        readings.append(re.sub(f"[{groups}]", "", written).replace(decimal, "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", written) and written not in readings:
        readings.append(written)
    if re.fullmatch(rf"\d+(?:{re.escape(decimal)}\d+)?", written):
        readings.append(written.replace(decimal, "."))
    return list(dict.fromkeys(readings)) or [written]


def same_numbers(translated: str, english: str, code: str) -> bool:
    """Whether a translation holds the English text's numbers, each written its language's way
    (thousands groups and decimal commas follow the language)."""
    wanted = Counter(m.replace(",", "") for m in _ENGLISH_NUMBER.findall(english))
    ambiguous = []
    for written in _WRITTEN_NUMBER.findall(translated):
        readings = _readings(written, code)
        if len(readings) > 1:
            ambiguous.append(readings)
        elif wanted[readings[0]] > 0:
            wanted[readings[0]] -= 1
        else:
            return False
    for readings in ambiguous:
        value = next((r for r in readings if wanted[r] > 0), None)
        if value is None:
            return False
        wanted[value] -= 1
    return not +wanted
