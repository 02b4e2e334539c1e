"""Parsing an SVG picture for the sanitiser (svgsafe.py): UTF-8 text only, XML with no DTD,
entities or processing instructions, elements no deeper than MAX_DEPTH, and the line each
element and its text start on, for the problem sentences."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from generator.safety.svgnames import Problem, plain, quote

#: Elements nested deeper than this are left out (a drawing needs a handful of levels; a
#: very deep tree only serves to exhaust the parser, the serialiser or the browser).
MAX_DEPTH = 64


class Builder:
    """An ElementTree builder that notes processing instructions, caps the depth, and notes
    the line each element starts on and the line its text starts on.

    Comments are not asked for, so the parser drops them.
    """

    def __init__(self) -> None:
        self._tree = ElementTree.TreeBuilder()
        self._depth = 0
        self._open: list[ElementTree.Element] = []
        #: The expat parser, for line numbers (set once the parser is made).
        self.expat: Any = None
        self.instructions: list[Problem] = []
        self.lines: dict[ElementTree.Element, int] = {}
        self.text_lines: dict[ElementTree.Element, int] = {}
        self.too_deep = False

    def _line(self) -> int:
        return int(self.expat.CurrentLineNumber) if self.expat is not None else 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            self.too_deep = True
        else:
            element = self._tree.start(tag, attrs)
            self.lines[element] = self._line()
            self._open.append(element)

    def end(self, tag: str) -> None:
        if self._depth <= MAX_DEPTH:
            self._tree.end(tag)
            self._open.pop()
        self._depth -= 1

    def data(self, text: str) -> None:
        if self._depth <= MAX_DEPTH:
            self._tree.data(text)
            if self._open:
                self.text_lines.setdefault(self._open[-1], self._line())

    def pi(self, target: str, text: str | None = None) -> None:
        self.instructions.append((self._line(), target))

    def close(self) -> ElementTree.Element:
        return self._tree.close()


def svg_text(data: bytes) -> tuple[str | None, list[str]]:
    """The picture as text, or None and why not: only UTF-8 is taken."""
    for bom, name in (
        (b"\x00\x00\xfe\xff", "UTF-32"),
        (b"\xff\xfe\x00\x00", "UTF-32"),
        (b"\xfe\xff", "UTF-16"),
        (b"\xff\xfe", "UTF-16"),
    ):
        if data.startswith(bom):
            return None, [f"SVG must be UTF-8 text, but it starts with a {name} byte-order mark"]
    if b"\x00" in data:
        return None, ["SVG must be UTF-8 text, but it contains NUL bytes (is it UTF-16?)"]
    declaration = re.match(rb"(?:\xef\xbb\xbf)?<\?xml\b[^>]*>", data)
    if declaration:
        named = re.search(rb"\bencoding\s*=\s*([\"'])(.*?)\1", declaration.group())
        if named and named.group(2).lower() != b"utf-8":
            encoding = named.group(2).decode("latin-1")
            return None, [f"SVG must be UTF-8 text, but its XML declaration says {quote(encoding)}"]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [f"SVG must be UTF-8 text, but byte {error.start} is not valid UTF-8"]
    return text, []


def parse(text: str) -> tuple[ElementTree.Element | None, Builder, list[Problem]]:
    builder = Builder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.expat = parser.parser
    # Text handed over as expat reads it, so each piece comes with its own line number.
    parser.parser.buffer_text = False
    try:
        # Fed as text, so the parser reads it as UTF-8 whatever the file claims.
        parser.feed(text)
        root: ElementTree.Element = parser.close()
    except DTDForbidden:
        return (
            None,
            builder,
            [(0, "SVG may not contain a DOCTYPE (no DTDs or entity declarations)")],
        )
    except EntitiesForbidden:
        return None, builder, [(0, "SVG may not declare entities")]
    except DefusedXmlException:
        return None, builder, [(0, "SVG may not refer to other files from its DOCTYPE or entities")]
    except ElementTree.ParseError as error:
        return None, builder, [(0, f"SVG is not well-formed XML: {error}")]
    problems = [
        (line, f"SVG may not contain the processing instruction <?{plain(target)} ...?>")
        for line, target in builder.instructions
    ]
    if builder.too_deep:
        problems.append(
            (
                0,
                f"SVG may not nest elements more than {MAX_DEPTH} deep"
                " (the deeper ones are left out)",
            )
        )
    return root, builder, problems
