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
* links (`href`) may only point at an `#id` in the same picture.

What is served is `CheckedSvg.clean`: the parsed tree, with everything not allowed left out,
written out again. So the bytes served are exactly the bytes that were checked.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XHTML_NS = "http://www.w3.org/1999/xhtml"

_SVG = "{" + SVG_NS + "}"
_XLINK_HREF = "{" + XLINK_NS + "}href"
_XML_SPACE = "{" + XML_NS + "}space"
_XML_LANG = "{" + XML_NS + "}lang"

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
    """

    clean: bytes | None
    problems: list[str]


# --- Value grammars -----------------------------------------------------------------------
#
# Every attribute value must match one of these in full. None of them can contain a
# backslash, a quote (except font names), a colon, a slash or a parenthesis other than in
# `url(#id)`, `rgb(...)` and transform functions of numbers: so no escapes, no comments, no
# other host, no scheme, no `image-set()`, `expression()` or `@import`.

#: White space as CSS and XML count it (str.strip() would also take other Unicode spaces).
_SPACE = " \t\n\r\f"
_NUM = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_LEN = _NUM + r"(?:px|pt|pc|mm|cm|in|em|ex|rem|%)?"
_SEP = r"(?:\s*,\s*|\s+)"
_ID = r"[A-Za-z_][A-Za-z0-9_.-]{0,99}"
_LOCAL_URL = r"url\(#" + _ID + r"\)"
_HEX = r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
_PCT_OR_NUM = _NUM + r"%?"
_RGB = (
    r"rgba?\(\s*" + _PCT_OR_NUM + r"(?:" + _SEP + _PCT_OR_NUM + r"){2}"
    r"(?:\s*[,/]\s*" + _PCT_OR_NUM + r")?\s*\)"
)
_TRANSFORM_ONE = (
    r"(?:matrix|translate|scale|rotate|skewX|skewY)\s*\(\s*"
    + _NUM
    + r"(?:"
    + _SEP
    + _NUM
    + r")*\s*\)"
)


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: CSS named colours (CSS Color 4), plus the keywords a paint may be.
_COLOUR_NAMES = _names(
    """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
    seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
    steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
    yellowgreen currentcolor transparent"""
)


@dataclass(frozen=True)
class _Grammar:
    """What a value may be: `test` says yes or no, `means` says it in words."""

    means: str
    test: Callable[[str], bool]


def _pattern(means: str, regex: str) -> _Grammar:
    # ASCII: \s and \d mean what they mean in CSS and XML, not every Unicode space and digit.
    compiled = re.compile(regex, re.ASCII)
    return _Grammar(means, lambda value: compiled.fullmatch(value) is not None)


def _words(means: str, *words: str) -> _Grammar:
    allowed = frozenset(words)
    return _Grammar(means, lambda value: value.strip(_SPACE) in allowed)


def _is_colour(value: str) -> bool:
    value = value.strip(_SPACE)
    return (
        value.lower() in _COLOUR_NAMES
        or re.fullmatch(_HEX, value, re.ASCII) is not None
        or re.fullmatch(_RGB, value, re.ASCII) is not None
    )


def _either(means: str, *grammars: _Grammar) -> _Grammar:
    return _Grammar(means, lambda value: any(g.test(value) for g in grammars))


_INHERIT = _words("inherit", "inherit")
_COLOUR = _Grammar("a colour (#rgb, #rrggbb or a colour name)", _is_colour)
_NUMBER = _pattern("a number", r"\s*" + _NUM + r"\s*")
_LENGTH = _pattern("a length", r"\s*" + _LEN + r"\s*")
_LENGTHS = _pattern("lengths", r"\s*" + _LEN + r"(?:" + _SEP + _LEN + r")*\s*")
_NUMBERS = _pattern("numbers", r"\s*(?:" + _NUM + r"(?:" + _SEP + _NUM + r")*)?\s*")
_FRACTION = _pattern("a number or percentage", r"\s*" + _PCT_OR_NUM + r"\s*")
_REF = _pattern("none or url(#id)", r"\s*(?:none|" + _LOCAL_URL + r")\s*")
_PAINT = _either(
    "a colour, none or url(#id)",
    _COLOUR,
    _pattern("", r"\s*(?:none|" + _LOCAL_URL + r")\s*"),
    _INHERIT,
)
_TRANSFORM = _pattern(
    "transform functions of numbers",
    r"\s*(?:" + _TRANSFORM_ONE + r"(?:[\s,]*" + _TRANSFORM_ONE + r")*)?\s*",
)
_PATH = _pattern("path data (commands and numbers)", r"[MmZzLlHhVvCcSsQqTtAa0-9eE.,+\-\s]*")
_FONT_NAME = r"(?:[A-Za-z0-9_-]+(?: +[A-Za-z0-9_-]+)*|'[A-Za-z0-9 _-]+'|\"[A-Za-z0-9 _-]+\")"
_FONT_FAMILY = _pattern("font names", r"\s*" + _FONT_NAME + r"(?:\s*,\s*" + _FONT_NAME + r")*\s*")
_ID_VALUE = _pattern("an id (letters, digits, _ . -)", _ID)
_CLASS = _pattern(
    "class names (letters, digits, _ -)",
    r"\s*-?[A-Za-z_][A-Za-z0-9_-]*(?:\s+-?[A-Za-z_][A-Za-z0-9_-]*)*\s*",
)
_LANG = _pattern("a language tag", r"(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?")
# Text read out by screen readers: anything printable, of a sensible length.
_LABEL = _Grammar(
    "printable text of up to 200 characters",
    lambda value: len(value) <= 200 and value.isprintable(),
)
_DASHES = _either("none or lengths", _words("", "none"), _LENGTHS)


def _keywords(*words: str) -> _Grammar:
    return _words("one of " + ", ".join(words), *words, "inherit")


#: Presentation properties: allowed as attributes and inside a style attribute.
_PRESENTATION: dict[str, _Grammar] = {
    "fill": _PAINT,
    "stroke": _PAINT,
    "fill-opacity": _FRACTION,
    "stroke-opacity": _FRACTION,
    "opacity": _FRACTION,
    "stop-opacity": _FRACTION,
    "fill-rule": _keywords("nonzero", "evenodd"),
    "clip-rule": _keywords("nonzero", "evenodd"),
    "stroke-width": _LENGTH,
    "stroke-linecap": _keywords("butt", "round", "square"),
    "stroke-linejoin": _keywords("miter", "miter-clip", "round", "bevel", "arcs"),
    "stroke-dasharray": _DASHES,
    "stroke-dashoffset": _LENGTH,
    "stroke-miterlimit": _NUMBER,
    "marker-start": _REF,
    "marker-mid": _REF,
    "marker-end": _REF,
    "clip-path": _REF,
    "stop-color": _either("a colour", _COLOUR, _INHERIT),
    # `color` is what currentColor stands for: a logo may set it once on a group.
    "color": _either("a colour", _COLOUR, _INHERIT),
    "font-family": _FONT_FAMILY,
    "font-size": _either(
        "a length or a size keyword",
        _LENGTH,
        _keywords("xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large"),
        _words("", "smaller", "larger"),
    ),
    "font-weight": _keywords(
        "normal", "bold", "bolder", "lighter", *(f"{n}00" for n in range(1, 10))
    ),
    "font-style": _keywords("normal", "italic", "oblique"),
    "text-anchor": _keywords("start", "middle", "end"),
    "dominant-baseline": _keywords(
        "auto",
        "alphabetic",
        "ideographic",
        "middle",
        "central",
        "mathematical",
        "hanging",
        "text-top",
        "text-bottom",
        "text-before-edge",
        "text-after-edge",
    ),
    "letter-spacing": _either("normal or a length", _words("", "normal"), _LENGTH),
    "vector-effect": _keywords("none", "non-scaling-stroke"),
    "visibility": _keywords("visible", "hidden", "collapse"),
    "display": _keywords("inline", "block", "none"),
    # Drawing tools write these three; they only choose how shapes are painted.
    "paint-order": _pattern(
        "normal or fill, stroke, markers in some order",
        r"\s*(?:normal|inherit|(?:fill|stroke|markers)(?:\s+(?:fill|stroke|markers)){0,2})\s*",
    ),
    "shape-rendering": _keywords("auto", "optimizeSpeed", "crispEdges", "geometricPrecision"),
    "overflow": _keywords("visible", "hidden", "auto", "scroll"),
}

_UNITS = _words("userSpaceOnUse or objectBoundingBox", "userSpaceOnUse", "objectBoundingBox")
_X_SIDES = ("left", "center", "right")
_Y_SIDES = ("top", "center", "bottom")

#: Every attribute allowed on an allowed element, with its grammar. Geometry first, then the
#: presentation properties. Event handlers (on...) are not here and never will be.
_ATTRIBUTES: dict[str, _Grammar] = {
    "id": _ID_VALUE,
    "class": _CLASS,
    "viewBox": _pattern("four numbers", r"\s*" + _NUM + (_SEP + _NUM) * 3 + r"\s*"),
    "width": _either("a length or auto", _LENGTH, _words("", "auto")),
    "height": _either("a length or auto", _LENGTH, _words("", "auto")),
    # x and y (and dx, dy on text) may be lists: each glyph of a <text> can be placed.
    "x": _LENGTHS,
    "y": _LENGTHS,
    "dx": _LENGTHS,
    "dy": _LENGTHS,
    "x1": _LENGTH,
    "y1": _LENGTH,
    "x2": _LENGTH,
    "y2": _LENGTH,
    "cx": _LENGTH,
    "cy": _LENGTH,
    "r": _LENGTH,
    # fx, fy, fr: the focal point of a radial gradient.
    "fx": _LENGTH,
    "fy": _LENGTH,
    "fr": _LENGTH,
    "rx": _either("a length or auto", _LENGTH, _words("", "auto")),
    "ry": _either("a length or auto", _LENGTH, _words("", "auto")),
    "d": _PATH,
    "points": _NUMBERS,
    "transform": _TRANSFORM,
    "gradientTransform": _TRANSFORM,
    "markerWidth": _LENGTH,
    "markerHeight": _LENGTH,
    "markerUnits": _words("strokeWidth or userSpaceOnUse", "strokeWidth", "userSpaceOnUse"),
    "refX": _either("a length or left, center, right", _LENGTH, _words("", *_X_SIDES)),
    "refY": _either("a length or top, center, bottom", _LENGTH, _words("", *_Y_SIDES)),
    "orient": _pattern(
        "auto, auto-start-reverse or an angle",
        r"\s*(?:auto|auto-start-reverse|" + _NUM + r"(?:deg|rad|grad|turn)?)\s*",
    ),
    "preserveAspectRatio": _pattern(
        "none or xMidYMid (and so on), then meet or slice",
        r"\s*(?:none|x(?:Min|Mid|Max)Y(?:Min|Mid|Max))(?:\s+(?:meet|slice))?\s*",
    ),
    "clipPathUnits": _UNITS,
    "gradientUnits": _UNITS,
    # How a gradient continues past its ends.
    "spreadMethod": _words("pad, reflect or repeat", "pad", "reflect", "repeat"),
    "offset": _FRACTION,
    "pathLength": _NUMBER,
    "role": _pattern("ARIA role names", r"\s*[a-z]+(?:-[a-z]+)*(?:\s+[a-z]+(?:-[a-z]+)*)*\s*"),
    "aria-label": _LABEL,
    "aria-hidden": _words("true or false", "true", "false"),
    "focusable": _words("true, false or auto", "true", "false", "auto"),
    "version": _NUMBER,
    "lang": _LANG,
    _XML_LANG: _LANG,
    _XML_SPACE: _words("default or preserve", "default", "preserve"),
    **_PRESENTATION,
}

_HREF = _pattern("#id", "#" + _ID)
#: Elements that may link, only ever to an #id in the same picture: <use> draws it again,
#: and a gradient may take its stops from another (drawing tools write gradients that way).
_LINKING = frozenset({"use", "linearGradient", "radialGradient"})

#: Drawing elements allowed in the SVG namespace. `view` lets a page show picture.svg#start.
_ELEMENTS = _names(
    """svg g defs title desc path circle ellipse line polyline polygon rect marker use symbol
    clipPath linearGradient radialGradient stop view text tspan"""
)
#: Elements whose text (and whose children's tails) is content; elsewhere text is only
#: whitespace between tags, and is dropped.
_TEXT = frozenset({"title", "desc", "text", "tspan"})


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
    """An ElementTree builder that notes processing instructions and caps the depth.

    Comments are not asked for, so the parser drops them.
    """

    def __init__(self) -> None:
        self._tree = ElementTree.TreeBuilder()
        self._depth = 0
        self.instructions: list[str] = []
        self.too_deep = False

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            self.too_deep = True
        else:
            self._tree.start(tag, attrs)

    def end(self, tag: str) -> None:
        if self._depth <= MAX_DEPTH:
            self._tree.end(tag)
        self._depth -= 1

    def data(self, text: str) -> None:
        if self._depth <= MAX_DEPTH:
            self._tree.data(text)

    def pi(self, target: str, text: str | None = None) -> None:
        self.instructions.append(target)

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


def _parse(text: str) -> tuple[ElementTree.Element | None, list[str]]:
    builder = _Builder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        # Fed as text, so the parser reads it as UTF-8 whatever the file claims.
        parser.feed(text)
        root: ElementTree.Element = parser.close()
    except DTDForbidden:
        return None, ["SVG may not contain a DOCTYPE (no DTDs or entity declarations)"]
    except EntitiesForbidden:
        return None, ["SVG may not declare entities"]
    except DefusedXmlException:
        return None, ["SVG may not refer to other files from its DOCTYPE or entities"]
    except ElementTree.ParseError as error:
        return None, [f"SVG is not well-formed XML: {error}"]
    problems = [
        f"SVG may not contain the processing instruction <?{_plain(target)} ...?>"
        for target in builder.instructions
    ]
    if builder.too_deep:
        problems.append(
            f"SVG may not nest elements more than {MAX_DEPTH} deep (the deeper ones are left out)"
        )
    return root, problems


# --- Checking the tree ------------------------------------------------------------------------


def _style(value: str, problems: list[str]) -> str | None:
    """The style attribute re-written as `property:value;...`, or None if any part of it is
    not a drawing property set to a plain value (then the whole attribute is left out)."""
    kept: list[str] = []
    bad = False
    for declaration in value.split(";"):
        if not declaration.strip(_SPACE):
            continue
        name, colon, setting = declaration.partition(":")
        name = name.strip(_SPACE).lower()
        grammar = _PRESENTATION.get(name)
        if not colon or grammar is None or not grammar.test(setting):
            problems.append(
                "SVG style may only set drawing properties to plain values: "
                + _quote(declaration.strip(_SPACE))
            )
            bad = True
        else:
            kept.append(f"{name}:{setting.strip(_SPACE)}")
    return None if bad or not kept else ";".join(kept)


def _attributes(element: ElementTree.Element, local: str, problems: list[str]) -> None:
    where = f"<{local}>"
    kept: dict[str, str] = {}
    for name, value in element.attrib.items():
        if name in ("href", _XLINK_HREF):
            if local not in _LINKING:
                problems.append(f"SVG attribute {_attribute(name)} is not allowed on {where}")
            elif not _HREF.test(value):
                problems.append(
                    f"SVG links may only point inside the picture (#id), not {_quote(value)}"
                    f" (on {where})"
                )
            else:
                kept[name] = value
            continue
        if name == "style":
            style = _style(value, problems)
            if style is not None:
                kept[name] = style
            continue
        grammar = _ATTRIBUTES.get(name)
        if grammar is None:
            problems.append(f"SVG attribute {_attribute(name)} is not allowed on {where}")
        elif not grammar.test(value):
            problems.append(
                f"SVG attribute {_attribute(name)} on {where} must be {grammar.means},"
                f" not {_quote(value)}"
            )
        else:
            kept[name] = value
    element.attrib.clear()
    element.attrib.update(kept)


def _clean(element: ElementTree.Element, problems: list[str]) -> None:
    """Keep only allowed attributes on `element`, and only allowed children below it."""
    local = element.tag.removeprefix(_SVG)
    _attributes(element, local, problems)
    if local not in _TEXT:
        element.text = None
    for child in list(element):
        tag = child.tag if isinstance(child.tag, str) else "?"
        if tag.startswith(_SVG) and tag.removeprefix(_SVG) in _ELEMENTS:
            _clean(child, problems)
            if local not in _TEXT:
                child.tail = None
        else:
            problems.append(
                f"SVG may not contain {_element(tag)} (only drawing elements are allowed)"
            )
            # Its tail is text of the parent, kept if the parent is text.
            tail = child.tail
            index = list(element).index(child)
            element.remove(child)
            if tail and local in _TEXT:
                if index == 0:
                    element.text = (element.text or "") + tail
                else:
                    previous = element[index - 1]
                    previous.tail = (previous.tail or "") + tail


def check_svg(data: bytes) -> CheckedSvg:
    """Check an SVG picture against the allow-lists, and write out the part that is allowed."""
    if len(data) > MAX_BYTES:
        return CheckedSvg(None, [f"SVG is larger than {MAX_BYTES // 1024} KiB"])
    text, problems = _text(data)
    if text is None:
        return CheckedSvg(None, problems)
    root, problems = _parse(text)
    if root is None:
        return CheckedSvg(None, problems)
    if root.tag != _SVG + "svg":
        problems.append(
            f"SVG must have <svg> in the SVG namespace ({SVG_NS}) as its root, "
            f"not {_element(root.tag)}"
        )
        return CheckedSvg(None, sorted(set(problems)))
    _clean(root, problems)
    return CheckedSvg(_write(root), sorted(set(problems)))


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


# --- PNG ----------------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Largest width or height taken: our pictures are a few hundred pixels across.
MAX_PNG_SIDE = 4096
#: Bit depths allowed for each PNG colour type.
_PNG_DEPTHS = {0: {1, 2, 4, 8, 16}, 2: {8, 16}, 3: {1, 2, 4, 8}, 4: {8, 16}, 6: {8, 16}}


def check_png(data: bytes) -> list[str]:
    """Why a PNG picture is not a sane PNG, or [] when it is.

    Looks at the signature, the header chunk (size, colour type, bit depth) and that the
    chunks that follow are whole, with right checksums, up to the end chunk.
    """
    if not data.startswith(PNG_SIGNATURE):
        return ["PNG does not start with the PNG signature (is it really a PNG?)"]
    offset = len(PNG_SIGNATURE)
    first = True
    while True:
        if offset + 8 > len(data):
            return ["PNG ends before its IEND chunk (is the file cut short?)"]
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        crc = data[offset + 8 + length : offset + 12 + length]
        if len(body) < length or len(crc) < 4:
            return ["PNG ends inside a chunk (is the file cut short?)"]
        if struct.unpack(">I", crc)[0] != zlib.crc32(kind + body):
            return [f"PNG chunk {_quote(kind.decode('latin-1'))} has a wrong checksum"]
        if first:
            if kind != b"IHDR" or length != 13:
                return ["PNG must start with an IHDR header chunk of 13 bytes"]
            problems = _png_header(body)
            if problems:
                return problems
            first = False
        offset += 12 + length
        if kind == b"IEND":
            break
    if offset != len(data):
        return ["PNG has bytes after its IEND chunk"]
    return []


def _png_header(body: bytes) -> list[str]:
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", body
    )
    problems = []
    if not (1 <= width <= MAX_PNG_SIDE and 1 <= height <= MAX_PNG_SIDE):
        problems.append(f"PNG is {width}x{height} pixels: each side must be 1 to {MAX_PNG_SIDE}")
    if depth not in _PNG_DEPTHS.get(colour, set()):
        problems.append(f"PNG has colour type {colour} with bit depth {depth}, which is not valid")
    if compression != 0 or filtering != 0 or interlace not in (0, 1):
        problems.append("PNG header names an unknown compression, filter or interlace method")
    return problems
