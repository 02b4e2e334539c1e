"""Plain hints for the YAML slips authors make most, each on the line where the slip is.

The parser reports where it gave up, in its own words, which is often the line after the slip
("mapping values are not allowed here" for a key moved one level left). These read the text
around that place and say what most likely happened and how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from generator.errors import ContentProblem


def syntax_problem(error: yaml.MarkedYAMLError, text: str, shown: str) -> ContentProblem:
    """One located problem for a YAML syntax error, on the line where the slip most likely is,
    with a plain hint for the common slips: the parser's own line and words describe where it
    gave up, which is often the line after the slip."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 0
    problem = error.problem or "cannot be parsed"
    lines = text.splitlines()
    for hint in _SYNTAX_HINTS:
        found = hint(error, problem, line, lines)
        if found is not None:
            line, message = found
            return ContentProblem(shown, line, "", f"YAML syntax error: {message}")
    return ContentProblem(shown, line, "", f"YAML syntax error: {problem}")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_line(lines: list[str], number: int) -> bool:
    """Whether line `number` (from 1) holds something other than blanks or a comment."""
    return 1 <= number <= len(lines) and lines[number - 1].strip()[:1] not in ("", "#")


def _previous_content_line(lines: list[str], number: int) -> int:
    """The number of the nearest line above `number` that holds something, or 0."""
    number -= 1
    while number >= 1 and not _content_line(lines, number):
        number -= 1
    return number


_SyntaxHint = Callable[[yaml.MarkedYAMLError, str, int, list[str]], tuple[int, str] | None]


def _tab_hint(
    error: yaml.MarkedYAMLError, problem: str, line: int, lines: list[str]
) -> tuple[int, str] | None:
    mark = error.problem_mark
    at_mark = ""
    if mark is not None and 1 <= line <= len(lines):
        at_mark = lines[line - 1][mark.column : mark.column + 1]
    if "tab" in problem or "'\\t'" in problem or at_mark == "\t":
        return line, "this line has a tab character: YAML needs spaces, not tabs, to indent"
    return None


def _unclosed_hint(
    error: yaml.MarkedYAMLError, problem: str, line: int, lines: list[str]
) -> tuple[int, str] | None:
    closing = next((c for c in ("]", "}") if f"expected ',' or '{c}'" in problem), None)
    if closing is None or error.context_mark is None:
        return None
    opening = "[" if closing == "]" else "{"
    return error.context_mark.line + 1, (
        f"the '{opening}' on this line is not closed: end the list with '{closing}' on the "
        "same line"
    )


def _dedented_key_hint(
    error: yaml.MarkedYAMLError, problem: str, line: int, lines: list[str]
) -> tuple[int, str] | None:
    """A key moved one level left ends its block; the next line, still indented, is then
    read as more of its value and fails on its ':'."""
    if "mapping values are not allowed" not in problem or not _content_line(lines, line):
        return None
    above = _previous_content_line(lines, line)
    before = _previous_content_line(lines, above)
    if not above or not before:
        return None
    indents = (_indent(lines[before - 1]), _indent(lines[above - 1]), _indent(lines[line - 1]))
    if indents[1] < indents[0] and indents[1] < indents[2] and indents[0] <= indents[2]:
        return above, (
            "this key is indented less than the lines above and below it, which ends its "
            "block early: line it up with them"
        )
    return None


def _stray_indent_hint(
    error: yaml.MarkedYAMLError, problem: str, line: int, lines: list[str]
) -> tuple[int, str] | None:
    # libyaml's words, then the pure-Python parser's, for the same slip.
    if "did not find expected key" not in problem and "<block mapping start>" not in problem:
        return None
    return line, (
        "this line is indented by a different number of spaces than the lines around it: "
        "line it up with the line above, or with the key it belongs to"
    )


def _colon_hint(
    error: yaml.MarkedYAMLError, problem: str, line: int, lines: list[str]
) -> tuple[int, str] | None:
    if "mapping values are not allowed" in problem:
        return (
            line,
            "this text holds ': ', which YAML reads as the start of a key: put the text in quotes",
        )
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return line, f"{problem}: check the indentation and that every key ends with ':'"
    return None


_SYNTAX_HINTS: tuple[_SyntaxHint, ...] = (
    _tab_hint,
    _unclosed_hint,
    _dedented_key_hint,
    _stray_indent_hint,
    _colon_hint,
)
