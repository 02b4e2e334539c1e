"""The allow-lists and value grammars of the SVG sanitiser (svgsafe.py): which elements and
attributes a picture may keep, and the small grammar each attribute value must match in full."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_SPACE = "{" + XML_NS + "}space"
XML_LANG = "{" + XML_NS + "}lang"

# --- Value grammars -----------------------------------------------------------------------
#
# Every attribute value must match one of these in full. None of them can contain a
# backslash, a quote (except font names), a colon, a slash or a parenthesis other than in
# `url(#id)`, `rgb(...)` and transform functions of numbers: so no escapes, no comments, no
# other host, no scheme, no `image-set()`, `expression()` or `@import`.

#: White space as CSS and XML count it (str.strip() would also take other Unicode spaces).
SPACE = " \t\n\r\f"
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
    return _Grammar(means, lambda value: value.strip(SPACE) in allowed)


def _is_colour(value: str) -> bool:
    value = value.strip(SPACE)
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
PRESENTATION: dict[str, _Grammar] = {
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
    # Inkscape writes it on every text; it changes nothing for one-line SVG text.
    "line-height": _either("normal, a number or a length", _words("", "normal"), _LENGTH),
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
ATTRIBUTES: dict[str, _Grammar] = {
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
    XML_LANG: _LANG,
    XML_SPACE: _words("default or preserve", "default", "preserve"),
    **PRESENTATION,
}

HREF = _pattern("#id", "#" + _ID)
#: Elements that may link, only ever to an #id in the same picture: <use> draws it again,
#: and a gradient may take its stops from another (drawing tools write gradients that way).
LINKING = frozenset({"use", "linearGradient", "radialGradient"})

#: Drawing elements allowed in the SVG namespace. `view` lets a page show picture.svg#start.
ELEMENTS = _names(
    """svg g defs title desc path circle ellipse line polyline polygon rect marker use symbol
    clipPath linearGradient radialGradient stop view text tspan"""
)
#: Elements whose text (and whose children's tails) is content; elsewhere text is only
#: whitespace between tags, and is dropped.
TEXT = frozenset({"title", "desc", "text", "tspan"})

#: Namespaces of what drawing programs keep for themselves (Inkscape's and Sodipodi's view and
#: layer notes, the RDF, Creative Commons and Dublin Core of <metadata>): elements and
#: attributes in them never render, so they are dropped without a problem.
PROGRAM_NAMESPACES = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
        "http://purl.org/dc/elements/1.1/",
    }
)
#: SVG elements that never render and are dropped without a problem.
PROGRAM_ELEMENTS = frozenset({"metadata"})
