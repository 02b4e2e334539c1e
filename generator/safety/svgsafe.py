"""Allow-list checks for pictures from content files: SVG (re-written) and PNG (looked at).

An SVG picture is served from the handbook's own domain. Opened on its own, it runs any script
it carries with the site's rights, and anything it loads from another host breaks the promise
that readers are not tracked. Rather than looking for the known ways to do either (there are
always more: namespaces, CSS escapes, animation of links, processing instructions, odd
encodings), `check_svg` keeps only what a line drawing needs and throws the rest away:

* the file must be UTF-8 XML with no DTD, no entities and no processing instructions;
* elements come from a short list of SVG drawing elements (no script, style, animation,
  foreignObject, image, a, or anything from another namespace);
* attributes come from a list of geometry and presentation attributes, and each value must
  match a small grammar (numbers, lengths, colours, keywords, `url(#id)`) that cannot say
  "load this" or "run this";
* links (`href`) may only point at an `#id` in the same picture;
* what drawing programs add for themselves, and which never renders (<metadata> with its RDF,
  <sodipodi:namedview>, inkscape: and sodipodi: attributes, -inkscape-* style properties), is
  dropped without a problem;
* a <style> sheet of simple rules is turned into presentation attributes and dropped
  (svgstyle.py); any other CSS is a problem, with the way forward (svgstyle.WAY_FORWARD).

Every problem carries the line of the SVG it was found on (`CheckedSvg.located`).

What is served is `CheckedSvg.clean`: the parsed tree, with everything not allowed left out,
written out again. So the bytes served are exactly the bytes that were checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from generator.safety.svggrammar import (
    ATTRIBUTES,
    ELEMENTS,
    HREF,
    LINKING,
    PRESENTATION,
    PROGRAM_ELEMENTS,
    PROGRAM_NAMESPACES,
    SPACE,
    TEXT,
    XML_NS,
)
from generator.safety.svgstyle import WAY_FORWARD, Rule, apply_rules, program_only, read_sheet

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XHTML_NS = "http://www.w3.org/1999/xhtml"

_SVG = "{" + SVG_NS + "}"
_XLINK_HREF = "{" + XLINK_NS + "}href"

#: Prefixes used to name a namespace in a problem sentence.
_PREFIXES = {
    XLINK_NS: "xlink",
    XML_NS: "xml",
    XHTML_NS: "XHTML",
    "http://www.inkscape.org/namespaces/inkscape": "inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd": "sodipodi",
    "http://www.w3.org/2001/xml-events": "ev",
}

#: A picture bigger than this is refused unread: our drawings are a few kilobytes.
MAX_BYTES = 1024 * 1024
#: Elements nested deeper than this are left out (a drawing needs a handful of levels; a
#: very deep tree only serves to exhaust the parser, the serialiser or the browser).
MAX_DEPTH = 64


@dataclass(frozen=True)
class CheckedSvg:
    """An SVG picture as checked.

    `clean` is the picture re-written from the parsed tree with only allowed parts kept, or
    None when nothing could be kept (not UTF-8, not well-formed XML, a DTD, not an SVG).
    `problems` holds one short sentence per problem, sorted; [] means safe as given.
    `located` holds the same sentences with the SVG line each was found on (0 where no one
    line is to blame), sorted by line: a sentence found on two lines is there twice.
    """

    clean: bytes | None
    problems: list[str]
    located: list[tuple[int, str]] = field(default_factory=list)


#: A problem sentence and the line of the SVG it is about (0: the whole file).
Problem = tuple[int, str]


def _checked(clean: bytes | None, problems: list[Problem]) -> CheckedSvg:
    located = sorted(set(problems))
    return CheckedSvg(clean, sorted({text for _, text in located}), located)


# --- Naming things in problem sentences -------------------------------------------------------


def _quote(value: str) -> str:
    """A value for a problem sentence: cut to 60 characters, repr so no control character
    (or anything else unprintable) reaches the author's terminal."""
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _plain(name: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.:-]{0,59}", name):
        return name
    return _quote(name)


def _split(name: str) -> tuple[str | None, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return None, name


def _element(tag: str) -> str:
    """`<rect>` for an SVG element, `XHTML <script>` and the like for others."""
    namespace, local = _split(tag)
    shown = f"<{_plain(local)}>"
    if namespace == SVG_NS:
        return shown
    if namespace is None:
        return f"{shown} outside the SVG namespace"
    if namespace in _PREFIXES:
        return f"{_PREFIXES[namespace]} {shown}"
    return f"{shown} from namespace {_quote(namespace)}"


def _attribute(name: str) -> str:
    namespace, local = _split(name)
    if namespace is None:
        return f"{_plain(local)}="
    if namespace in _PREFIXES:
        return f"{_PREFIXES[namespace]}:{_plain(local)}="
    return f"{_plain(local)}= from namespace {_quote(namespace)}"


# --- Parsing ------------------------------------------------------------------------------------


class _Builder:
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


def _text(data: bytes) -> tuple[str | None, list[str]]:
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
            return None, [
                f"SVG must be UTF-8 text, but its XML declaration says {_quote(encoding)}"
            ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [f"SVG must be UTF-8 text, but byte {error.start} is not valid UTF-8"]
    return text, []


def _parse(text: str) -> tuple[ElementTree.Element | None, _Builder, list[Problem]]:
    builder = _Builder()
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
        (line, f"SVG may not contain the processing instruction <?{_plain(target)} ...?>")
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


# --- Checking the tree ------------------------------------------------------------------------


def _style(value: str, line: int, problems: list[Problem]) -> str | None:
    """The style attribute re-written as `property:value;...`, or None if any part of it is
    not a drawing property set to a plain value (then the whole attribute is left out).
    Properties only a drawing program reads (-inkscape-...) are dropped."""
    kept: list[str] = []
    bad = False
    for declaration in value.split(";"):
        if not declaration.strip(SPACE):
            continue
        name, colon, setting = declaration.partition(":")
        name = name.strip(SPACE).lower()
        if colon and program_only(name):
            continue
        grammar = PRESENTATION.get(name)
        if not colon or grammar is None or not grammar.test(setting):
            problems.append(
                (
                    line,
                    "SVG style may only set drawing properties to plain values: "
                    + _quote(declaration.strip(SPACE)),
                )
            )
            bad = True
        else:
            kept.append(f"{name}:{setting.strip(SPACE)}")
    return None if bad or not kept else ";".join(kept)


def _attributes(
    element: ElementTree.Element, local: str, line: int, problems: list[Problem]
) -> None:
    where = f"<{local}>"
    kept: dict[str, str] = {}
    for name, value in element.attrib.items():
        if _split(name)[0] in PROGRAM_NAMESPACES or name.startswith("data-"):
            continue  # a drawing program's own notes (data-name=...): they never render
        if name in ("href", _XLINK_HREF):
            if local not in LINKING:
                problems.append(
                    (line, f"SVG attribute {_attribute(name)} is not allowed on {where}")
                )
            elif not HREF.test(value):
                problems.append(
                    (
                        line,
                        "SVG links may only point inside the picture (#id), not"
                        f" {_quote(value)} (on {where})",
                    )
                )
            else:
                kept[name] = value
            continue
        if name == "style":
            style = _style(value, line, problems)
            if style is not None:
                kept[name] = style
            continue
        grammar = ATTRIBUTES.get(name)
        if grammar is None:
            problems.append((line, f"SVG attribute {_attribute(name)} is not allowed on {where}"))
        elif not grammar.test(value):
            problems.append(
                (
                    line,
                    f"SVG attribute {_attribute(name)} on {where} must be {grammar.means},"
                    f" not {_quote(value)}",
                )
            )
        else:
            kept[name] = value
    element.attrib.clear()
    element.attrib.update(kept)


def _silent(tag: str) -> bool:
    """Elements dropped without a problem: a drawing program's own (metadata, its views and
    RDF), and <style>, whose sheet `_style_sheets` has already dealt with."""
    namespace, local = _split(tag)
    if namespace == SVG_NS:
        return local in PROGRAM_ELEMENTS or local == "style"
    return namespace in PROGRAM_NAMESPACES


def _clean(
    element: ElementTree.Element,
    lines: dict[ElementTree.Element, int],
    problems: list[Problem],
) -> None:
    """Keep only allowed attributes on `element`, and only allowed children below it."""
    local = element.tag.removeprefix(_SVG)
    _attributes(element, local, lines.get(element, 0), problems)
    if local not in TEXT:
        element.text = None
    for child in list(element):
        tag = child.tag if isinstance(child.tag, str) else "?"
        if tag.startswith(_SVG) and tag.removeprefix(_SVG) in ELEMENTS:
            _clean(child, lines, problems)
            if local not in TEXT:
                child.tail = None
        else:
            if not _silent(tag):
                problems.append(
                    (
                        lines.get(child, 0),
                        f"SVG may not contain {_element(tag)} (only drawing elements are allowed)",
                    )
                )
            # Its tail is text of the parent, kept if the parent is text.
            tail = child.tail
            index = list(element).index(child)
            element.remove(child)
            if tail and local in TEXT:
                if index == 0:
                    element.text = (element.text or "") + tail
                else:
                    previous = element[index - 1]
                    previous.tail = (previous.tail or "") + tail


def _style_sheets(root: ElementTree.Element, builder: _Builder, problems: list[Problem]) -> None:
    """Turn the rules of every <style> into presentation attributes (svgstyle.py); a sheet
    with any part that cannot be turned is a problem at its line, with the way forward."""
    rules: list[Rule] = []
    for style in root.iter(_SVG + "style"):
        line = builder.lines.get(style, 0)
        found: list[Problem] = []
        kind = style.get("type", "text/css").strip(SPACE).lower()
        if kind != "text/css":
            found.append((line, f"SVG <style> must be CSS (type text/css), not {_quote(kind)}"))
        elif style.get("media") is not None:
            found.append((line, "SVG <style media=...> cannot be turned into attributes"))
        elif len(style):
            found.append((line, "SVG <style> may hold only CSS text, not elements"))
        else:
            sheet, found = read_sheet(
                style.text or "",
                builder.text_lines.get(style, line),
                sum(len(rule.declarations) for rule in rules),
            )
            rules += sheet
        if found:
            problems += found
            problems.append(
                (line, f"SVG <style> could not be turned into attributes: {WAY_FORWARD}")
            )
    apply_rules(root, rules)


def check_svg(data: bytes) -> CheckedSvg:
    """Check an SVG picture against the allow-lists, and write out the part that is allowed."""
    if len(data) > MAX_BYTES:
        return _checked(None, [(0, f"SVG is larger than {MAX_BYTES // 1024} KiB")])
    text, reasons = _text(data)
    if text is None:
        return _checked(None, [(0, reason) for reason in reasons])
    root, builder, problems = _parse(text)
    if root is None:
        return _checked(None, problems)
    if root.tag != _SVG + "svg":
        problems.append(
            (
                builder.lines.get(root, 0),
                f"SVG must have <svg> in the SVG namespace ({SVG_NS}) as its root, "
                f"not {_element(root.tag)}",
            )
        )
        return _checked(None, problems)
    _style_sheets(root, builder, problems)
    _clean(root, builder.lines, problems)
    return _checked(_write(root), problems)


def _write(root: ElementTree.Element) -> bytes:
    """The cleaned tree as UTF-8 bytes, the SVG namespace as the default one.

    Python 3.11's ElementTree refuses `default_namespace` when attributes have no namespace
    (as SVG's do), so the names are written out plainly: every element is in the SVG
    namespace, and the only other prefixes left are xlink: and xml:. Attributes are sorted,
    so the same picture always gives the same bytes.
    """
    uses_xlink = False
    for element in root.iter():
        element.tag = element.tag.removeprefix(_SVG)
        named: dict[str, str] = {}
        for name, value in element.attrib.items():
            if name == _XLINK_HREF:
                uses_xlink = True
                name = "xlink:href"
            elif name.startswith("{" + XML_NS + "}"):
                name = "xml:" + _split(name)[1]
            named[name] = value
        element.attrib.clear()
        element.attrib.update(sorted(named.items()))
    declared = {"xmlns": SVG_NS}
    if uses_xlink:
        declared["xmlns:xlink"] = XLINK_NS
    root.attrib = {**declared, **root.attrib}
    root.tail = None
    return (ElementTree.tostring(root, encoding="unicode") + "\n").encode("utf-8")
