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

from dataclasses import dataclass, field
from xml.etree import ElementTree

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
from generator.safety.svgnames import (
    SVG_NS,
    XLINK_NS,
    Problem,
    attribute_name,
    element_name,
    quote,
    split_name,
)
from generator.safety.svgparse import Builder, parse, svg_text
from generator.safety.svgstyle import WAY_FORWARD, Rule, apply_rules, program_only, read_sheet

_SVG = "{" + SVG_NS + "}"
_XLINK_HREF = "{" + XLINK_NS + "}href"

#: A picture bigger than this is refused unread: our drawings are a few kilobytes.
MAX_BYTES = 1024 * 1024


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


def _checked(clean: bytes | None, problems: list[Problem]) -> CheckedSvg:
    located = sorted(set(problems))
    return CheckedSvg(clean, sorted({text for _, text in located}), located)


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
                    + quote(declaration.strip(SPACE)),
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
        if split_name(name)[0] in PROGRAM_NAMESPACES or name.startswith("data-"):
            continue  # a drawing program's own notes (data-name=...): they never render
        if name in ("href", _XLINK_HREF):
            if local not in LINKING:
                problems.append(
                    (line, f"SVG attribute {attribute_name(name)} is not allowed on {where}")
                )
            elif not HREF.test(value):
                problems.append(
                    (
                        line,
                        "SVG links may only point inside the picture (#id), not"
                        f" {quote(value)} (on {where})",
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
            problems.append(
                (line, f"SVG attribute {attribute_name(name)} is not allowed on {where}")
            )
        elif not grammar.test(value):
            problems.append(
                (
                    line,
                    f"SVG attribute {attribute_name(name)} on {where} must be {grammar.means},"
                    f" not {quote(value)}",
                )
            )
        else:
            kept[name] = value
    element.attrib.clear()
    element.attrib.update(kept)


def _silent(tag: str) -> bool:
    """Elements dropped without a problem: a drawing program's own (metadata, its views and
    RDF), and <style>, whose sheet `_style_sheets` has already dealt with."""
    namespace, local = split_name(tag)
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
                        f"SVG may not contain {element_name(tag)}"
                        " (only drawing elements are allowed)",
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


def _style_sheets(root: ElementTree.Element, builder: Builder, problems: list[Problem]) -> None:
    """Turn the rules of every <style> into presentation attributes (svgstyle.py); a sheet
    with any part that cannot be turned is a problem at its line, with the way forward."""
    rules: list[Rule] = []
    for style in root.iter(_SVG + "style"):
        line = builder.lines.get(style, 0)
        found: list[Problem] = []
        kind = style.get("type", "text/css").strip(SPACE).lower()
        if kind != "text/css":
            found.append((line, f"SVG <style> must be CSS (type text/css), not {quote(kind)}"))
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
    text, reasons = svg_text(data)
    if text is None:
        return _checked(None, [(0, reason) for reason in reasons])
    root, builder, problems = parse(text)
    if root is None:
        return _checked(None, problems)
    if root.tag != _SVG + "svg":
        problems.append(
            (
                builder.lines.get(root, 0),
                f"SVG must have <svg> in the SVG namespace ({SVG_NS}) as its root, "
                f"not {element_name(root.tag)}",
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
                name = "xml:" + split_name(name)[1]
            named[name] = value
        element.attrib.clear()
        element.attrib.update(sorted(named.items()))
    declared = {"xmlns": SVG_NS}
    if uses_xlink:
        declared["xmlns:xlink"] = XLINK_NS
    root.attrib = {**declared, **root.attrib}
    root.tail = None
    return (ElementTree.tostring(root, encoding="unicode") + "\n").encode("utf-8")
