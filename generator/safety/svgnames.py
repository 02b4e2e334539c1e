"""How the SVG sanitiser (svgsafe.py) names things in its problem sentences: elements and
attributes by their namespace's usual prefix, values cut short and quoted so that nothing
unprintable reaches the author's terminal."""

from __future__ import annotations

import re

from generator.safety.svggrammar import XML_NS

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XHTML_NS = "http://www.w3.org/1999/xhtml"

#: Prefixes used to name a namespace in a problem sentence.
PREFIXES = {
    XLINK_NS: "xlink",
    XML_NS: "xml",
    XHTML_NS: "XHTML",
    "http://www.inkscape.org/namespaces/inkscape": "inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd": "sodipodi",
    "http://www.w3.org/2001/xml-events": "ev",
}

#: A problem sentence and the line of the SVG it is about (0: the whole file).
Problem = tuple[int, str]


def quote(value: str) -> str:
    """A value for a problem sentence: cut to 60 characters, repr so no control character
    (or anything else unprintable) reaches the author's terminal."""
    return repr(value if len(value) <= 60 else value[:57] + "...")


def plain(name: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.:-]{0,59}", name):
        return name
    return quote(name)


def split_name(name: str) -> tuple[str | None, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return None, name


def element_name(tag: str) -> str:
    """`<rect>` for an SVG element, `XHTML <script>` and the like for others."""
    namespace, local = split_name(tag)
    shown = f"<{plain(local)}>"
    if namespace == SVG_NS:
        return shown
    if namespace is None:
        return f"{shown} outside the SVG namespace"
    if namespace in PREFIXES:
        return f"{PREFIXES[namespace]} {shown}"
    return f"{shown} from namespace {quote(namespace)}"


def attribute_name(name: str) -> str:
    namespace, local = split_name(name)
    if namespace is None:
        return f"{plain(local)}="
    if namespace in PREFIXES:
        return f"{PREFIXES[namespace]}:{plain(local)}="
    return f"{plain(local)}= from namespace {quote(namespace)}"
