"""The one grammar of notes: a routine entry's note in the content and a programme's note in
its link (the builder's, printed on its card), declared here once.

The model (model.CardNote, model.ProgrammeNote) checks notes with it, so `handbook check`
applies it; the builder and the programme page read the same rule as data (`note_rule`, in
the page's #hb-words, see pages/script_words.py) and hold no copy of their own. A test feeds
one list of cases to both sides and compares their verdicts.

A note is one line of text: spaces at either end are not part of it; what is left holds 1 to
`longest` characters (Unicode code points, as Python counts them), none of them `EXCLUDED`,
and no character carries more than `MAX_MARKS` combining marks.
"""

from __future__ import annotations

import unicodedata
from typing import Any

#: Characters no note may hold, as ranges of code points: control characters and line breaks
#: (C0, DEL, C1, U+2028 and U+2029), the bidirectional embeddings, overrides and isolates that
#: reorder the text around them, surrogates (halves of a character), the byte order mark and
#: the noncharacters (U+FDD0 to U+FDEF and the last two code points of every plane), which
#: YAML refuses in a content file.
EXCLUDED: tuple[tuple[int, int], ...] = (
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0x2028, 0x2029),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0xD800, 0xDFFF),
    (0xFDD0, 0xFDEF),
    (0xFEFF, 0xFEFF),
    *((plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF) for plane in range(17)),
)
#: The spaces trimmed from both ends of a note before it is checked and counted.
SPACES = " \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
#: Combining marks one character may carry: accents stack (Vietnamese uses two), and a wall of
#: them ("Zalgo" text) spills over the lines around the note on the card.
MAX_MARKS = 4


def excluded(character: str) -> bool:
    code = ord(character)
    return any(low <= code <= high for low, high in EXCLUDED)


def note_problem(text: str, longest: int) -> tuple[str, dict[str, Any]] | None:
    """Why `text` is not a note of at most `longest` characters, as a message key of the
    scripts' words (pages/script_words.py) and its values; None when it is one."""
    for character in text:
        if excluded(character):
            return "note_excluded", {"code": f"U+{ord(character):04X}"}
    note = text.strip(SPACES)
    if not note:
        return "note_empty", {}
    if len(note) > longest:
        return "note_long", {"count": len(note), "max": longest}
    run = 0
    for character in note:
        run = run + 1 if unicodedata.category(character).startswith("M") else 0
        if run > MAX_MARKS:
            return "note_marks", {"max": MAX_MARKS}
    return None


#: The problems in the words of a content check (the scripts say them in the page's language).
_PROBLEMS = {
    "note_excluded": "contains {code}, a control character, bidirectional control or "
    "noncharacter that a note may not hold: delete it",
    "note_empty": "is empty: write the note or leave the field out",
    "note_long": "has {count} characters; a note holds at most {max}",
    "note_marks": "stacks more than {max} accents or other combining marks on one character",
}


def checked_note(text: str, longest: int) -> str:
    """`text` trimmed of its end spaces, or ValueError saying why it is not a note."""
    problem = note_problem(text, longest)
    if problem is not None:
        key, values = problem
        raise ValueError(_PROBLEMS[key].format(**values))
    return text.strip(SPACES)


def note_rule(longest: int) -> dict[str, Any]:
    """The grammar as data for the scripts (programme-core.js reads it from #hb-words)."""
    return {
        "max": longest,
        "excluded": [list(pair) for pair in EXCLUDED],
        "spaces": SPACES,
        "max_marks": MAX_MARKS,
    }
