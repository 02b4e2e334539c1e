"""The `<style>` element of a drawing program's SVG, turned into presentation attributes.

Illustrator, Inkscape (for pasted or imported drawings) and most "export as SVG" buttons write
the colours of a logo as a small style sheet: `<style>.cls-1{fill:#8a3b12}</style>` and
`class="cls-1"` on the shapes. The sanitiser (svgsafe.py) never serves a style sheet: CSS can
load from other hosts in more ways than any allow-list of CSS could follow (@import,
@font-face, url() in a dozen properties, escapes). What it can do safely is what the browser
would have done with the simplest rules: work out, for each element, which value each rule
gives it, and write that value as the presentation attribute of the same name. Then the value
is an attribute like any other, checked by the same grammar (svggrammar.PRESENTATION), and
the style sheet is dropped.

A rule is turned into attributes only if all of it is simple:

* its selectors are type (`rect`), class (`.cls-1`) or id (`#mark`) selectors, or those joined
  without spaces (`path.cls-1`), listed with commas; no combinators, attribute selectors or
  pseudo-classes;
* its declarations set presentation properties (svggrammar.PRESENTATION), each to a value its
  grammar takes, without `!important`.

Which rule wins is decided as CSS decides it for these selectors: the higher specificity (ids,
then classes, then the type), and of equal ones the later rule. A rule beats a presentation
attribute the element already has (so it replaces it), and the element's own style="" beats
the rule (style="" is kept, so it still does). Properties only Inkscape reads
(`-inkscape-font-specification` and the like) are dropped, as browsers ignore them.

Anything else (an at-rule such as @import or @font-face, a selector that cannot be mapped, an
unknown property, a value its grammar refuses) is a problem at the line of the rule in the SVG,
with the way forward (WAY_FORWARD); the simple rules of the same sheet are still applied.

The CSS is read with tinycss2 (maintained by the WeasyPrint project, pure Python, no
dependencies but webencodings): it tokenises as the CSS Syntax specification, and so as the
browser does, which a hand-written split on `{`, `;` and `:` would not (comments, strings,
escapes, blocks nested in at-rules). It only parses: every value it hands back is written out
again (tinycss2.serialize) and must match the attribute's grammar in full, so nothing the
grammar refuses can reach the picture through a style sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element

import tinycss2
import tinycss2.ast

from generator.safety.svggrammar import PRESENTATION, SPACE

SVG_NS = "http://www.w3.org/2000/svg"
_SVG = "{" + SVG_NS + "}"

#: What to do with a drawing that cannot be cleaned. Cards print the logo 9 mm tall and up to
#: 40 mm wide (generator/assets/stylesheets/card.css, .hb-card-logo); 600 px across 40 mm is
#: about 380 pixels an inch, sharp on any printer.
WAY_FORWARD = (
    "save it as plain SVG (Inkscape: File > Save As > Plain SVG) or as a PNG at least 600 px"
    " wide (a logo prints 9 mm tall and up to 40 mm wide on cards)"
)

#: Properties with these prefixes are read only by the program that wrote them.
_PROGRAM_ONLY = ("-inkscape-",)

Problem = tuple[int, str]


def program_only(name: str) -> bool:
    """True for a property only a drawing program reads (dropped without a problem)."""
    return name.lower().startswith(_PROGRAM_ONLY)


@dataclass(frozen=True)
class _Selector:
    """A compound selector of at most one type, any classes and any ids."""

    tag: str | None
    classes: tuple[str, ...]
    ids: tuple[str, ...]

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (len(self.ids), len(self.classes), 0 if self.tag is None else 1)

    def matches(self, element: Element) -> bool:
        if not element.tag.startswith(_SVG):
            return False
        if self.tag is not None and element.tag.removeprefix(_SVG) != self.tag:
            return False
        classes = element.get("class", "").split()
        if any(name not in classes for name in self.classes):
            return False
        return all(element.get("id") == name for name in self.ids)


@dataclass(frozen=True)
class Rule:
    """One simple rule: its selectors and its declarations."""

    selectors: tuple[_Selector, ...]
    #: (property, value, order): the order of the declaration among all of the picture's.
    declarations: tuple[tuple[str, str, int], ...]


def _plain(name: str) -> str:
    return name if name.isascii() and name.replace("-", "").isalnum() else _show(name)


def _show(text: str) -> str:
    """CSS for a problem sentence: on one line, cut to 60 characters, quoted by repr."""
    text = " ".join(text.split())
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _is(token: tinycss2.ast.Node, literal: str) -> bool:
    return isinstance(token, tinycss2.ast.LiteralToken) and token.value == literal


def _selectors(prelude: list[tinycss2.ast.Node]) -> tuple[_Selector, ...] | None:
    """The selector list of a rule, or None if any selector in it is not simple."""
    found = []
    groups: list[list[tinycss2.ast.Node]] = [[]]
    for token in prelude:
        if _is(token, ","):
            groups.append([])
        elif not isinstance(token, tinycss2.ast.Comment):
            groups[-1].append(token)
    for group in groups:
        while group and isinstance(group[0], tinycss2.ast.WhitespaceToken):
            group.pop(0)
        while group and isinstance(group[-1], tinycss2.ast.WhitespaceToken):
            group.pop()
        selector = _compound(group)
        if selector is None:
            return None
        found.append(selector)
    return tuple(found)


def _compound(tokens: list[tinycss2.ast.Node]) -> _Selector | None:
    """`tag`, `*`, `.class`, `#id` joined without spaces, or None for anything else."""
    if not tokens:
        return None
    tag = None
    classes: list[str] = []
    ids: list[str] = []
    index = 0
    first = tokens[0]
    if isinstance(first, tinycss2.ast.IdentToken):
        tag = first.value
        index = 1
    elif _is(first, "*"):
        index = 1
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if isinstance(token, tinycss2.ast.HashToken) and token.is_identifier:
            ids.append(token.value)
            index += 1
        elif _is(token, ".") and isinstance(following, tinycss2.ast.IdentToken):
            classes.append(following.value)
            index += 2
        else:
            return None
    return _Selector(tag, tuple(classes), tuple(ids))


def read_sheet(css: str, first_line: int, start: int) -> tuple[list[Rule], list[Problem]]:
    """The simple rules of one style sheet, and a problem for each part that is not simple.

    `first_line` is the SVG line the sheet's text starts on; `start` numbers the sheet's
    declarations after those of the sheets before it.
    """
    rules: list[Rule] = []
    problems: list[Problem] = []
    order = start

    def line(node: tinycss2.ast.Node) -> int:
        return first_line + node.source_line - 1

    for node in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if isinstance(node, tinycss2.ast.AtRule):
            problems.append(
                (
                    line(node),
                    f"SVG <style> may not use @{_plain(node.lower_at_keyword)} (only rules of"
                    " type, .class and #id selectors can be turned into attributes)",
                )
            )
            continue
        if not isinstance(node, tinycss2.ast.QualifiedRule):
            message = node.message if isinstance(node, tinycss2.ast.ParseError) else node.type
            problems.append((line(node), f"SVG <style> is not valid CSS: {message}"))
            continue
        selectors = _selectors(node.prelude)
        if selectors is None:
            problems.append(
                (
                    line(node),
                    f"SVG <style> selector {_show(tinycss2.serialize(node.prelude))} cannot be"
                    " turned into attributes (only type, .class and #id selectors, alone or"
                    " joined as in path.cls-1, separated by commas)",
                )
            )
            continue
        declarations = []
        for item in tinycss2.parse_blocks_contents(
            node.content, skip_comments=True, skip_whitespace=True
        ):
            if not isinstance(item, tinycss2.ast.Declaration):
                message = "rules may hold only property: value declarations"
                if isinstance(item, tinycss2.ast.ParseError):
                    message = f"is not valid CSS: {item.message}"
                problems.append((line(item), f"SVG <style> {message}"))
                continue
            name = item.lower_name
            if program_only(name):
                continue
            value = tinycss2.serialize(item.value).strip(SPACE)
            grammar = PRESENTATION.get(name)
            if grammar is None:
                problems.append(
                    (line(item), f"SVG <style> property {_show(name)} is not a drawing property")
                )
            elif item.important:
                problems.append((line(item), f"SVG <style> may not use !important (on {name})"))
            elif not grammar.test(value):
                problems.append(
                    (
                        line(item),
                        f"SVG <style> property {name} must be {grammar.means}, not {_show(value)}",
                    )
                )
            else:
                declarations.append((name, value, order))
                order += 1
        if declarations:
            rules.append(Rule(selectors, tuple(declarations)))
    return rules, problems


def apply_rules(root: Element, rules: list[Rule]) -> None:
    """Write each element's winning value of every property as a presentation attribute."""
    if not rules:
        return
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        winners: dict[str, tuple[tuple[int, int, int], int, str]] = {}
        for rule in rules:
            matching = [s.specificity for s in rule.selectors if s.matches(element)]
            if not matching:
                continue
            specificity = max(matching)
            for name, value, order in rule.declarations:
                if name not in winners or (specificity, order) > winners[name][:2]:
                    winners[name] = (specificity, order, value)
        for name, (_, _, value) in winners.items():
            element.set(name, value)
