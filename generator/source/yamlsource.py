"""Reading content files and parsing their YAML into plain data, with the line of every value.

The parser's events are turned into data here rather than by PyYAML's composer and
constructor, for three reasons:

* Only the plain types content needs are resolved, by the table in `resolve_plain`. PyYAML's
  SafeLoader follows YAML 1.1: `010` is 8, `1:30` is 90, `yes` is true, and a tag such as
  `!!int abc` or an impossible date ends in a traceback. Here `010` stays the text '010', and
  any explicit tag is one located problem.
* Nesting is bounded. libyaml's composer recurses in C and crashes the interpreter on a flow
  list some 50,000 levels deep (a 100 KB file); the pure-Python one raises RecursionError at a
  few hundred. Building from events stops at `MAX_DEPTH` with one problem at that line.
* Every key path gets the line it was written on, for the located problems of validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from generator.errors import ContentProblem
from generator.source.contentfile import Folder, UnreadableFile, read_content_file
from generator.source.yamlhints import syntax_problem
from generator.source.yamlscalars import NotADate, forbidden_character, resolve_plain


class PureParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python parser: the same events and marks as libyaml's, only slower."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


def _fastest_parser() -> Any:
    try:
        from yaml import cyaml
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return PureParser
    return getattr(cyaml, "CParser", PureParser)


#: libyaml's parser is many times faster than the pure-Python one and gives the same events
#: and marks; the pure-Python one stands in where PyYAML was built without libyaml.
_Parser = _fastest_parser()

#: A content file larger than this is refused before parsing: no hand-written file comes close.
MAX_FILE_BYTES = 256 * 1024
#: Mappings and lists may nest this deep; content needs four or five levels.
MAX_DEPTH = 32

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Source:
    """One parsed YAML file: its plain data and the line of every key path."""

    path: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, loc: KeyPath) -> int:
        """The line of the deepest part of `loc` that exists in the file."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def read_yaml(
    path: Path, shown: str, root: Path | Folder
) -> tuple[Source | None, list[ContentProblem]]:
    """Parse one file under the content folder `root` into a Source, or say in one line why not."""
    try:
        raw = read_content_file(path, root, MAX_FILE_BYTES)
    except UnreadableFile as error:
        return None, [ContentProblem(shown, 0, "", error.message)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            ContentProblem(shown, line, "", "file is not UTF-8 text: save it with UTF-8 encoding")
        ]
    source, problems = _parsed(text, shown)
    return source, list(problems)


# The preview checks the whole content at every save, while one file changed: each text is
# parsed once. The Source is shared between callers, so none may change it (load.py copies
# the one mapping it takes keys out of).
@lru_cache(maxsize=16384)
def _parsed(text: str, shown: str) -> tuple[Source | None, tuple[ContentProblem, ...]]:
    source, problems = parse_yaml_text(text, shown)
    return source, tuple(problems)


# --- YAML text to data ----------------------------------------------------------------------


def parse_yaml_text(text: str, shown: str) -> tuple[Source | None, list[ContentProblem]]:
    """Parse YAML text into plain data plus a line for every key path."""
    parser: Any = None
    try:
        parser = _Parser(text)
        builder = _Builder(parser, shown, text)
        found, data = builder.document()
    except _TooDeep:
        return None, builder.problems
    except yaml.reader.ReaderError as error:
        return None, [_reader_problem(text, error, shown)]
    except yaml.MarkedYAMLError as error:
        return None, [syntax_problem(error, text, shown)]
    except yaml.YAMLError as error:
        return None, [ContentProblem(shown, 0, "", f"YAML error: {error}")]
    except RecursionError:
        # The builder stops at MAX_DEPTH; this guards the parser beneath it all the same.
        return None, [ContentProblem(shown, 0, "", _too_deep())]
    finally:
        if parser is not None:
            parser.dispose()
    if not found:
        return None, [ContentProblem(shown, 1, "", "file is empty: expected a mapping of fields")]
    if builder.problems:
        return None, builder.problems
    if not isinstance(data, dict):
        return None, [
            ContentProblem(
                shown,
                builder.lines.get((), 1),
                "",
                f"expected a mapping of fields, got {describe(data)}",
            )
        ]
    return Source(shown, data, builder.lines), []


def _too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep: content needs only a few levels"


class _Builder:
    """Turns one parser's events into plain data, noting lines and problems on the way."""

    def __init__(self, parser: Any, shown: str, text: str) -> None:
        self.parser = parser
        self.shown = shown
        self.text_lines = text.splitlines()
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[ContentProblem] = []

    def document(self) -> tuple[bool, Any]:
        """(whether the stream holds a document, its data); one document at most."""
        self.parser.get_event()  # stream start
        if self.parser.check_event(StreamEndEvent):
            self.parser.get_event()
            return False, None
        start = self.parser.get_event()  # document start
        data = self.value((), 1)
        self.parser.get_event()  # document end
        if not self.parser.check_event(StreamEndEvent):
            extra = self.parser.get_event()
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                start.start_mark,
                "but found another document",
                extra.start_mark,
            )
        self.parser.get_event()
        return True, data

    def problem(self, event: Event, loc: KeyPath, message: str) -> None:
        self.problems.append(ContentProblem(self.shown, _line(event), key_path(loc), message))

    def value(self, loc: KeyPath, depth: int) -> Any:
        """The data of the next node, at key path `loc` and nesting `depth` (root is 1)."""
        event = self.parser.get_event()
        self.lines.setdefault(loc, _line(event))
        if isinstance(event, AliasEvent):
            self.alias(event, loc)
            return None
        if event.tag is not None:
            self.problem(event, loc, _tag_message(event.tag))
            self.skip_rest(event, loc, depth)
            return None
        if isinstance(event, ScalarEvent):
            return self.scalar(event, loc)
        if depth > MAX_DEPTH:
            self.too_deep(event, loc)
        if isinstance(event, MappingStartEvent):
            return self.mapping(loc, depth)
        items: list[Any] = []
        while not self.parser.check_event(SequenceEndEvent):
            items.append(self.value((*loc, len(items)), depth + 1))
        self.parser.get_event()
        return items

    def mapping(self, loc: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not self.parser.check_event(MappingEndEvent):
            key_event = self.parser.get_event()
            key = self.key(key_event, loc, depth + 1)
            if key is None:
                self.skip_node(loc, depth + 1)
            elif key in result:
                self.problem(key_event, (*loc, key), "key appears twice in this mapping: keep one")
                self.skip_node(loc, depth + 1)
            else:
                self.lines[(*loc, key)] = _line(key_event)
                result[key] = self.value((*loc, key), depth + 1)
        self.parser.get_event()
        return result

    def key(self, event: Event, loc: KeyPath, depth: int) -> str | None:
        """The text of a mapping key, or None (after noting a problem) when it is no text."""
        if isinstance(event, AliasEvent):
            self.alias(event, loc)
            return None
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.problem(event, loc, _tag_message(tag))
            self.skip_rest(event, loc, depth)
            return None
        if not isinstance(event, ScalarEvent):
            self.problem(event, loc, "a key must be plain text, not a list or a mapping")
            self.skip_rest(event, loc, depth)
            return None
        text: str = event.value
        wrong = forbidden_character(text, block=event.style in ("|", ">"))
        if wrong is not None:
            self.problem(event, (*loc, text), f"the key {wrong}")
            return None
        return text

    def scalar(self, event: ScalarEvent, loc: KeyPath) -> Any:
        if event.style in (None, ""):  # plain: libyaml says "", the pure-Python parser None
            slip = self.plain_slip(event)
            if slip is not None:
                line, message = slip
                self.problems.append(ContentProblem(self.shown, line, key_path(loc), message))
                return None
            try:
                value = resolve_plain(event.value)
            except NotADate as error:
                self.problem(event, loc, str(error))
                return None
        else:
            value = event.value
        if isinstance(value, str):
            wrong = forbidden_character(value, block=event.style in ("|", ">"))
            if wrong is not None:
                self.problem(event, loc, f"the text {wrong}")
                return None
        return value

    def plain_slip(self, event: ScalarEvent) -> tuple[int, str] | None:
        """(line, message) for a plain value that YAML reads, but not as the author meant."""
        first = _line(event)
        if event.value == "" and event.start_mark is not None:
            written = self.text_lines[first - 1] if first <= len(self.text_lines) else ""
            column = event.start_mark.column
            if written[column:].lstrip().startswith("#"):
                value = written[column:].strip()
                return first, (
                    f"has no value: YAML reads '{value}' as a comment, because '#' after a "
                    f"space starts one; put the value in quotes: '{value}'"
                )
            return first, "has no value: write the value after the ':', or delete the line"
        last = event.end_mark.line + 1 if event.end_mark is not None else first
        for number in range(first + 1, last + 1):
            if self.text_lines[number - 1].lstrip().startswith("- "):
                return number, (
                    "this line starts with '- ' but is indented more than the item above it, "
                    "so YAML joined the two into one item: indent its '-' like the others"
                )
        return None

    def alias(self, event: Event, loc: KeyPath) -> None:
        # Aliases let a few lines expand into gigabytes; content never needs them.
        # One report per file is enough: the author removes them all at once.
        if not any("anchors and aliases" in p.message for p in self.problems):
            self.problem(
                event,
                loc,
                "YAML anchors and aliases (& and *) are not allowed: write the values out",
            )

    def too_deep(self, event: Event, loc: KeyPath) -> NoReturn:
        """Note the problem and stop reading the file.

        libyaml's scanner (and the pure-Python one) takes time in proportion to the depth for
        every token of a flow collection, so reading on through a 256 KB file of '[' would take
        minutes: the rest of the file is not read.
        """
        self.problem(event, loc, _too_deep())
        raise _TooDeep

    def skip_node(self, loc: KeyPath, depth: int) -> None:
        """Read past the next node, at nesting `depth`, without looking at it."""
        self.skip_rest(self.parser.get_event(), loc, depth)

    def skip_rest(self, event: Event, loc: KeyPath, depth: int) -> None:
        """Read past the rest of the node that `event` started, without recursion."""
        if not isinstance(event, CollectionStartEvent):
            return
        open_collections = 1
        while open_collections:
            if depth + open_collections - 1 > MAX_DEPTH:
                self.too_deep(event, loc)
            event = self.parser.get_event()
            if isinstance(event, CollectionStartEvent):
                open_collections += 1
            elif isinstance(event, CollectionEndEvent):
                open_collections -= 1


class _TooDeep(Exception):
    """Raised once nesting passes MAX_DEPTH; the problem is already noted."""


def _line(event: Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 0


def _tag_message(tag: str) -> str:
    core = "tag:yaml.org,2002:"
    shown = "!!" + tag.removeprefix(core) if tag.startswith(core) else tag
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"YAML tags such as '{shown}' are not allowed: write the plain value"


def _reader_problem(text: str, error: yaml.reader.ReaderError, shown: str) -> ContentProblem:
    # libyaml gives the character's code and its offset in UTF-8 bytes, the pure-Python reader
    # the character and its offset in characters. The reader stops at the first character it
    # refuses, so the character's first place in the text is the one.
    character = error.character
    code = character if isinstance(character, int) else ord(character)
    place = text.find(chr(code))
    line = text[:place].count("\n") + 1 if place >= 0 else 0
    return ContentProblem(
        shown,
        line,
        "",
        f"the file contains the control character U+{code:04X}, which YAML does not allow: "
        "delete it",
    )


def describe(value: Any) -> str:
    """Name a YAML value the way an author would recognise it."""
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"'{'true' if value else 'false'}' (true/false)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def key_path(loc: KeyPath) -> str:
    """Write a location as authors read it: `dosage.hold_seconds`, `steps[2]`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        # A key with spaces or control characters is quoted so it stays one readable line.
        name = part if part and part.isprintable() and " " not in part else repr(part)
        text += f".{name}" if text else name
    return text
