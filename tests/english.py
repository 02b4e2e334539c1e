"""Finding English in the outputs of another language: every text a reader sees or hears
(page text, alt texts and accessible names, calendar files, the catalogue's JSON texts),
each with the language it is marked as.

A text counts as English when it holds a word of MARKERS that is outside any element marked
`lang="en"`. The markers are common English words that are not words of Spanish or German,
so a Spanish or German text that borrows a name ("Pilates", "Cochrane") is not counted. A
word is a run of letters, accents and ß included ("Fußpause" is one German word, not "pause"),
and a hyphenated compound is one word ("Content-Management-Systeme"); a marker that is also a
word of the language checked is not counted in it: German "Start", "Pause", "Minute" and
"After", Spanish "once" (eleven). Proper names (NAMES: a study's, an institute's) are left out,
as WCAG 3.1.2 leaves them out: they are English in every language.

The search index (search/search_index.json) holds each page's text without its markup, so
without its lang="en" marks: there, a text that the edition's pages mark lang="en" is taken
out before counting (it is marked where it is shown), and nothing else is."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

MARKERS = frozenset(
    """
    the and your you with of are this that for not about minute minutes seconds times day days
    week weeks each side sides hold stop if pause made substitute medical advice standing
    sitting lying chair floor towel none exercise exercises routine routines step steps how
    what when where why doctor pain back foot feet toes heel leg legs knee hip movement print
    card cards search skip content page previous next repetition repetitions set sets slowly
    gently keep let go start done one two three four five once twice about more less than
    easier harder should could would which who they them their there here it its into onto
    off out over under up down left right both while after before between
    """.split()  # noqa: SIM905 - a block of words reads better than a list of strings
)
#: Where a text is a code and not words: ids, addresses, enumerations, numbers.
_CODE = re.compile(r"[A-Za-z0-9_.:/#?=&%+-]*")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SKIPPED = ("script", "style", "template", "code", "pre")
_VOID = ("meta", "link", "img", "br", "hr", "input", "source", "wbr", "area", "col", "embed")
#: Attributes a reader sees or hears.
_SPOKEN = ("alt", "aria-label", "title", "placeholder", "aria-description")


_ADDRESS = re.compile(r"(?:https?://|mailto:|/)\S*")
#: Markers that are also words of a language, by its code.
NATIVE = {
    "de": frozenset({"after", "start", "pause", "minute"}),
    "es": frozenset({"once"}),
}


#: Proper names of studies and institutions the content names in every language.
NAMES = ("Framingham Foot Study", "National Institute for Occupational Safety and Health")


def english_words(text: str, language: str = "") -> list[str]:
    """The English marker words of `text`, leaving out those that are words of `language`."""
    words = _WORD.findall(_ADDRESS.sub(" ", _unnamed(text)))
    native = NATIVE.get(language, frozenset())
    return [word for word in words if word.lower() in MARKERS - native]


class _Texts(HTMLParser):
    def __init__(self, page_language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", page_language)]
        self.pieces: list[tuple[str, str]] = []
        self.skipping = 0
        self.ld_json = False
        self.json_pieces: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = str(values.get("lang") or self.stack[-1][1])
        for name in _SPOKEN:
            if values.get(name):
                self.pieces.append((str(values[name]), lang))
        if tag in _VOID:
            return
        self.stack.append((tag, lang))
        if tag in _SKIPPED:
            self.skipping += 1
            self.ld_json = tag == "script" and values.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                if tag in _SKIPPED:
                    self.skipping -= 1
                    self.ld_json = False
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if self.ld_json:
            self.json_pieces.append(data)
        elif not self.skipping and data.strip():
            self.pieces.append((" ".join(data.split()), self.stack[-1][1]))


def json_texts(data: Any) -> Iterator[str]:
    """The string values of JSON data that are words, not codes."""
    if isinstance(data, dict):
        for value in data.values():
            yield from json_texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_texts(value)
    elif isinstance(data, str) and data.lstrip().startswith("<"):
        parser = _Texts("")  # markup in JSON (an oEmbed snippet): its texts
        parser.feed(data)
        yield from (piece for piece, lang in parser.pieces if not lang.startswith("en"))
    elif isinstance(data, str) and not _CODE.fullmatch(data):
        yield data


def ics_texts(text: str) -> Iterator[str]:
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        if name.split(";")[0] in ("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-WR-CALNAME"):
            yield value.replace("\\n", " ").replace("\\,", ",").replace("\\;", ";")


def unmarked_texts(path: Path, language: str) -> Iterator[str]:
    """Every text of one output file that is not marked as English."""
    text = path.read_text("utf-8")
    if path.suffix == ".html":
        parser = _Texts(language)
        parser.feed(text)
        yield from (piece for piece, lang in parser.pieces if not lang.startswith("en"))
        for block in parser.json_pieces:
            yield from json_texts(json.loads(block))
    elif path.suffix == ".json":
        yield from json_texts(json.loads(text))
    elif path.suffix == ".ics":
        yield from ics_texts(text)


def marked_texts(folder: Path) -> list[str]:
    """Every text the pages under `folder` mark lang="en", longest first."""
    marked: set[str] = set()
    for path in folder.rglob("*.html"):
        parser = _Texts("")
        parser.feed(path.read_text("utf-8"))
        marked.update(piece for piece, lang in parser.pieces if lang.startswith("en"))
    return sorted(marked, key=len, reverse=True)


def english_in(folder: Path, language: str) -> dict[str, list[str]]:
    """{file: English texts} for every page, calendar and JSON file under `folder`."""
    found: dict[str, list[str]] = {}
    marked = marked_texts(folder)
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".html", ".json", ".ics") or not path.is_file():
            continue
        texts = list(unmarked_texts(path, language))
        if path.name == "search_index.json":
            texts = [_without(text, marked) for text in texts]
        leaks = [t[:80] for t in texts if english_words(t, language)]
        if leaks:
            found[path.relative_to(folder).as_posix()] = leaks
    return found


def _without(text: str, marked: list[str]) -> str:
    """`text` without the `marked` pieces, the proper names taken out of both first."""
    text = _unnamed(text)
    for piece in marked:
        text = text.replace(_unnamed(piece), " ")
    return text


def _unnamed(text: str) -> str:
    for name in NAMES:
        text = text.replace(name, " ")
    return " ".join(text.split())
