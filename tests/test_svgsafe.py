"""The SVG allow-list: hostile pictures are refused and cleaned; our own pass unchanged.

tests/hostile_svg/ holds one file per hostile trick, named for what it tries. Their scripts
call alert() and pwned(), and their links point at evil.example, so a browser test can tell
whether anything of them survives in the cleaned picture.
"""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Dialog, Page

from generator.errors import ContentError
from generator.i18n import languages as i18n
from generator.pipeline import check_content
from generator.render.pages.common import Settings
from generator.render.site import make_environment, render_pages
from generator.safety.pngsafe import check_png
from generator.safety.svgparse import MAX_DEPTH
from generator.safety.svgsafe import MAX_BYTES, check_svg
from generator.safety.svgstyle import WAY_FORWARD

from .browser import open_side_by_side, record_requests, static_server
from .cases import make_case
from .helpers.examples import examples

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = sorted((ROOT / "tests" / "hostile_svg").glob("*.svg"))
OURS = sorted((ROOT / "content" / "images").glob("*.svg")) + sorted(
    (ROOT / "tests" / "fixtures").glob("*/images/*.svg")
)
SVG_NS = "http://www.w3.org/2000/svg"
SVG = f'xmlns="{SVG_NS}"'


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _svg(body: str, attrs: str = "") -> bytes:
    return f"<svg {SVG}{' ' + attrs if attrs else ''}>{body}</svg>".encode()


def assert_harmless(clean: bytes) -> None:
    """Nothing in `clean` can run or load: the words and attributes that would are absent."""
    text = clean.decode("utf-8").lower()
    for word in ("script", "url(http", "url(//", "javascript:"):
        assert word not in text
    assert not re.search(r"\son[a-z-]*\s*=", text)
    for link in re.findall(r"href\s*=\s*[\"']([^\"']*)", text):
        assert link.startswith("#")


# --- Hostile pictures ---------------------------------------------------------------------------


def test_there_are_hostile_cases_of_every_kind() -> None:
    assert len(HOSTILE) >= 30
    names = " ".join(path.name for path in HOSTILE)
    for kind in ("script", "xhtml", "style-element", "style-attribute", "url", "href",
                 "animate", "set-", "foreignobject", "xml-stylesheet", "utf16", "doctype",
                 "billion-laughs", "nesting"):  # fmt: skip
        assert kind in names


@pytest.mark.parametrize("path", HOSTILE, ids=lambda path: path.name)
def test_hostile_picture_is_refused_and_its_clean_version_is_harmless(path: Path) -> None:
    checked = check_svg(path.read_bytes())
    assert checked.problems
    assert checked.problems == sorted(set(checked.problems))
    if checked.clean is not None:
        assert_harmless(checked.clean)
        again = check_svg(checked.clean)
        assert again.problems == []
        assert again.clean == checked.clean


# --- Our own pictures ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", OURS, ids=_shown)
def test_our_pictures_pass_and_clean_is_a_fixed_point(path: Path) -> None:
    checked = check_svg(path.read_bytes())
    assert checked.problems == []
    assert checked.clean is not None
    again = check_svg(checked.clean)
    assert again.problems == []
    assert again.clean == checked.clean


def test_a_drawing_tool_picture_with_every_allowed_part_passes() -> None:
    picture = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Drawn by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     version="1.1" viewBox="0 0 200 100" width="100%" height="auto" role="img"
     aria-label="A foot" preserveAspectRatio="xMidYMid meet" xml:lang="en-GB">
  <title>A foot</title>
  <desc>Line drawing of a foot, with an arrow.</desc>
  <view id="start" viewBox="0 0 100 100"/>
  <view id="end" viewBox="100 0 100 100"/>
  <defs>
    <marker id="arrow" markerWidth="10" markerHeight="10" refX="5" refY="center"
            orient="auto-start-reverse" markerUnits="strokeWidth">
      <path d="M0,0 L10,5 L0,10 z" fill="currentColor"/>
    </marker>
    <linearGradient id="g1" x1="0" y1="0" x2="1" y2="1" gradientUnits="objectBoundingBox">
      <stop offset="0%" stop-color="#fafafa" stop-opacity="1"/>
      <stop offset="100%" style="stop-color: rgb(200, 200, 200); stop-opacity: .5"/>
    </linearGradient>
    <linearGradient id="g2" xlink:href="#g1" gradientTransform="rotate(45 .5 .5)"
                    spreadMethod="pad"/>
    <radialGradient id="g3" cx="50%" cy="50%" r="50%" fx="40%" fy="40%" href="#g1"/>
    <clipPath id="clip" clipPathUnits="userSpaceOnUse"><rect width="200" height="100"/></clipPath>
    <symbol id="toe" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></symbol>
  </defs>
  <g id="layer_1" class="foot outline" clip-path="url(#clip)" transform="translate(10, 0)
     scale(1.5) matrix(1 0 0 1 0 0)" color="darkslategray" opacity="0.9" display="inline">
    <path d="M10 80 Q40 20 90 70 T150 70" fill="url(#g2)" fill-rule="evenodd"
          stroke="#333" stroke-width="2.5px" stroke-linecap="round" stroke-linejoin="round"
          stroke-dasharray="4, 2" stroke-dashoffset="1" stroke-miterlimit="4"
          marker-end="url(#arrow)" vector-effect="non-scaling-stroke" pathLength="100"/>
    <ellipse cx="30" cy="30" rx="10" ry="auto" fill="none" stroke="black"/>
    <line x1="0" y1="0" x2="10" y2="1e1" stroke="red" stroke-opacity="50%"/>
    <polyline points="0,0 10,10 20,0" fill="none" stroke="#abcd"/>
    <polygon points="0 0 10 10 20 0" fill="url(#g3)" clip-rule="nonzero"/>
    <rect x="1" y="1" width="5" height="5" rx="1" style="fill:#fff;stroke:none;"/>
    <use href="#toe" x="100" y="10" width="10" height="10"/>
    <use xlink:href="#toe" x="120" y="10" width="10" height="10" visibility="hidden"/>
    <text x="10 12 14" y="95" dy="-1" font-family="'Open Sans', Arial, sans-serif"
          font-size="12px" font-weight="bold" font-style="italic" text-anchor="middle"
          dominant-baseline="middle" letter-spacing="0.5" xml:space="preserve"
          paint-order="stroke fill" shape-rendering="geometricPrecision">Heel <tspan
          font-weight="normal" fill="#c00">up</tspan> slowly</text>
  </g>
  <svg x="150" y="0" width="50" height="50" viewBox="0 0 10 10" overflow="hidden"
       aria-hidden="true" focusable="false"><circle cx="5" cy="5" r="5"/></svg>
</svg>
"""
    checked = check_svg(picture)
    assert checked.problems == []
    assert checked.clean is not None
    assert_harmless(checked.clean)
    text = checked.clean.decode()
    assert '<view id="start" viewBox="0 0 100 100" />' in text
    assert 'x="120" xlink:href="#toe"' in text
    assert ">Heel <tspan" in text and ">up</tspan> slowly</text>" in text
    assert 'style="stop-color:rgb(200, 200, 200);stop-opacity:.5"' in text
    assert "Drawn by hand" not in text  # comments are dropped, silently
    assert check_svg(checked.clean) == checked


# --- Problem sentences and the clean picture --------------------------------------------------


def test_problem_sentences_say_what_and_where() -> None:
    checked = check_svg(
        _svg(
            '<script>x()</script><rect onload="x()" fill="url(https://x)"'
            ' style="fill:url(https://x)"/><use href="https://x/y.svg#a"/>'
        )
    )
    assert checked.problems == [
        "SVG attribute fill= on <rect> must be a colour, none or url(#id), not 'url(https://x)'",
        "SVG attribute onload= is not allowed on <rect>",
        "SVG links may only point inside the picture (#id), not 'https://x/y.svg#a' (on <use>)",
        "SVG may not contain <script> (only drawing elements are allowed)",
        "SVG style may only set drawing properties to plain values: 'fill:url(https://x)'",
    ]
    assert checked.clean == f"<svg {SVG}><rect /><use /></svg>\n".encode()


def test_values_in_sentences_are_cut_and_cannot_reach_the_terminal_raw() -> None:
    checked = check_svg(_svg(f'<rect fill="\u202e{"x" * 100}"/>'))
    [problem] = checked.problems
    assert "\u202e" not in problem
    assert "\\u202e" in problem
    assert "\\u202e" + "x" * 56 + "..." in problem
    assert "x" * 57 not in problem


def test_namespaces_are_named() -> None:
    checked = check_svg(
        _svg(
            '<h:script xmlns:h="http://www.w3.org/1999/xhtml"/><x:y xmlns:x="urn:x"/>'
            '<rect xmlns:e="urn:e" e:label="a"/>'
        )
    )
    assert checked.problems == [
        "SVG attribute label= from namespace 'urn:e' is not allowed on <rect>",
        "SVG may not contain <y> from namespace 'urn:x' (only drawing elements are allowed)",
        "SVG may not contain XHTML <script> (only drawing elements are allowed)",
    ]


def test_the_same_picture_gives_the_same_bytes_whatever_the_attribute_order() -> None:
    one = check_svg(_svg('<rect width="1" height="2" fill="red"/>', 'viewBox="0 0 1 1"'))
    two = check_svg(_svg('<rect fill="red" height="2" width="1"/>', 'viewBox="0 0 1 1"'))
    assert one.clean == two.clean
    assert one.clean is not None and one.clean.endswith(b"</svg>\n")


def test_a_style_with_any_bad_declaration_is_left_out_whole() -> None:
    checked = check_svg(_svg('<rect style="fill: red; STROKE: blue; cursor: pointer"/>'))
    assert checked.problems == [
        "SVG style may only set drawing properties to plain values: 'cursor: pointer'"
    ]
    assert checked.clean == f"<svg {SVG}><rect /></svg>\n".encode()
    fine = check_svg(_svg('<rect style=" fill: red; STROKE: blue ;"/>'))
    assert fine.problems == []
    assert fine.clean == f'<svg {SVG}><rect style="fill:red;stroke:blue" /></svg>\n'.encode()


@pytest.mark.parametrize(
    "value",
    [
        "red",
        "RED",
        "#fff",
        "#ffffff",
        "#ffffff80",
        "none",
        "currentColor",
        "url(#g1)",
        "rgb(1, 2, 3)",
        "rgba(1,2,3,0.5)",
        "inherit",
    ],
)
def test_paint_values_allowed(value: str) -> None:
    assert check_svg(_svg(f'<rect fill="{value}"/>')).problems == []
    assert check_svg(_svg(f'<rect style="fill:{value}"/>')).problems == []


REFUSED_PAINTS = [
    "url(https://x/y#a)",
    "url(//x/y#a)",
    "url('#a')",
    "url( #a )",
    "url(#a) red",
    "URL(#a)",
    "u\\72l(#a)",
    "red\\;",
    "image-set('x.png' 1x)",
    "expression(alert(1))",
    "javascript:alert(1)",
    "@import 'x'",
    "var(--x)",
    "#ggg",
    "red /* */",
    "env(x)",
    "attr(href)",
    "",
    "\u3000none",
    "none\u00a0",
    "#\u0663\u0663\u0663",
]


@pytest.mark.parametrize("value", REFUSED_PAINTS)
def test_paint_values_refused(value: str) -> None:
    for body in (f'<rect fill="{value}"/>', f'<rect style="fill:{value}"/>'):
        checked = check_svg(_svg(body))
        assert checked.problems, body
        assert checked.clean == f"<svg {SVG}><rect /></svg>\n".encode()


@pytest.mark.parametrize("href", ["#a", "#layer_1", "#a.b-c"], ids=lambda h: h)
def test_local_links_on_use_are_kept(href: str) -> None:
    checked = check_svg(_svg(f'<use href="{href}"/>'))
    assert checked.problems == []
    assert f'href="{href}"'.encode() in (checked.clean or b"")


@pytest.mark.parametrize(
    "href", ["", "#", "a.svg#a", "#a b", "https://x/#a", "data:,#a", " #a", "#a)"]
)
def test_other_links_on_use_are_refused(href: str) -> None:
    checked = check_svg(_svg(f'<use href="{href}"/>'))
    assert checked.problems
    assert checked.clean == f"<svg {SVG}><use /></svg>\n".encode()


def test_href_is_only_kept_on_elements_that_use_it() -> None:
    checked = check_svg(_svg('<rect href="#a"/>'))
    assert checked.problems == ["SVG attribute href= is not allowed on <rect>"]


def test_text_is_kept_where_it_is_content_and_dropped_between_tags() -> None:
    checked = check_svg(
        _svg(
            '\n  <g>\n    stray\n    <text>a <h:b xmlns:h="http://www.w3.org/1999/xhtml">b</h:b>'
            " c<tspan>d</tspan> e</text>\n  </g>\n"
        )
    )
    assert (
        checked.clean == f"<svg {SVG}><g><text>a  c<tspan>d</tspan> e</text></g></svg>\n".encode()
    )


def test_text_is_escaped_when_written_out() -> None:
    checked = check_svg(_svg("<title>&lt;script&gt;x&amp;y</title>"))
    assert checked.problems == []
    assert b"<title>&lt;script&gt;x&amp;y</title>" in (checked.clean or b"")


def test_deep_nesting_is_cut_at_the_limit() -> None:
    depth = MAX_DEPTH + 10
    checked = check_svg(_svg("<g>" * (depth - 1) + "</g>" * (depth - 1)))
    assert checked.problems == [
        f"SVG may not nest elements more than {MAX_DEPTH} deep (the deeper ones are left out)"
    ]
    assert checked.clean is not None
    assert checked.clean.count(b"<g") == MAX_DEPTH - 1
    assert check_svg(checked.clean).problems == []


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "SVG is not well-formed XML: no element found: line 1, column 0"),
        (b"<svg", "SVG is not well-formed XML: unclosed token: line 1, column 0"),
        (
            b'<!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg"/>',
            "SVG may not contain a DOCTYPE (no DTDs or entity declarations)",
        ),
        (
            "<svg xmlns='http://www.w3.org/2000/svg'/>".encode("utf-16"),
            "SVG must be UTF-8 text, but it starts with a UTF-16 byte-order mark",
        ),
        (
            "<svg xmlns='http://www.w3.org/2000/svg'/>".encode("utf-16-be"),
            "SVG must be UTF-8 text, but it contains NUL bytes (is it UTF-16?)",
        ),
        (
            b"<?xml version='1.0' encoding='windows-1252'?><svg/>",
            "SVG must be UTF-8 text, but its XML declaration says 'windows-1252'",
        ),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><title>\xe9</title></svg>",
            "SVG must be UTF-8 text, but byte 47 is not valid UTF-8",
        ),
        (
            b"<svg/>",
            "SVG must have <svg> in the SVG namespace (http://www.w3.org/2000/svg)"
            " as its root, not <svg> outside the SVG namespace",
        ),
        (b" " * (MAX_BYTES + 1), "SVG is larger than 1024 KiB"),
    ],
)
def test_what_cannot_be_parsed_has_no_clean_version(data: bytes, problem: str) -> None:
    assert check_svg(data) == check_svg(data)
    checked = check_svg(data)
    assert checked.problems == [problem]
    assert checked.clean is None


def test_a_utf8_byte_order_mark_and_declaration_are_fine() -> None:
    data = b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>' + _svg("<title>\u00e9</title>")
    checked = check_svg(data)
    assert checked.problems == []
    assert checked.clean == f"<svg {SVG}><title>\u00e9</title></svg>\n".encode()


# --- Pictures from drawing programs -------------------------------------------------------------

LOGOS = ROOT / "tests" / "fixtures" / "logos"


def _by_id(clean: bytes) -> dict[str, dict[str, str]]:
    root = ElementTree.fromstring(clean)
    return {element.get("id", ""): dict(element.attrib) for element in root.iter()}


def test_an_inkscape_logo_is_cleaned_to_attributes() -> None:
    checked = check_svg((LOGOS / "inkscape-logo.svg").read_bytes())
    assert checked.problems == []
    assert checked.clean is not None
    assert_harmless(checked.clean)
    text = checked.clean.decode()
    for gone in ("inkscape", "sodipodi", "metadata", "rdf", "dc:", "cc:", "style>", "cls-1{"):
        assert gone not in text
    elements = _by_id(checked.clean)
    assert set(elements) == {"svg1", "title1", "defs1", "layer1", "disc", "wave", "text1",
                             "tspan1"}  # fmt: skip
    assert elements["svg1"] == {"width": "60mm", "height": "20mm", "viewBox": "0 0 60 20",
                                "version": "1.1", "id": "svg1"}  # fmt: skip
    assert elements["layer1"] == {"id": "layer1"}
    assert elements["disc"] == {"class": "cls-1", "id": "disc", "cx": "10", "cy": "10",
                                "r": "9", "fill": "#8a3b12"}  # fmt: skip
    # .cls-2 beats the fill="#000000" attribute; #wave beats .cls-2's stroke; path.cls-2 adds.
    assert elements["wave"] == {
        "class": "cls-2", "id": "wave", "d": "M 4,12 C 7,7 13,7 16,12", "fill": "none",
        "stroke": "#ffffff", "stroke-width": "1.6", "stroke-linecap": "round",
        "stroke-linejoin": "round",
    }  # fmt: skip
    # style="" is kept (it beats the sheet), less Inkscape's own -inkscape-* property.
    assert elements["text1"] == {
        "class": "cls-3", "id": "text1", "x": "21", "y": "12.2",
        "{http://www.w3.org/XML/1998/namespace}space": "preserve", "fill": "#222",
        "font-family": '"DejaVu Sans", sans-serif', "font-size": "6px", "font-weight": "700",
        "style": "font-size:6px;line-height:1.25;stroke-width:0.26",
    }  # fmt: skip
    assert elements["tspan1"] == {"id": "tspan1", "x": "21", "y": "12.2"}
    again = check_svg(checked.clean)
    assert again.problems == []
    assert again.clean == checked.clean


def _styled(sheet: str, body: str) -> bytes:
    return _svg(f"<style>{sheet}</style>{body}")


@pytest.mark.parametrize(
    ("sheet", "body", "fill"),
    [
        # Higher specificity wins whatever the order: id, then class, then type.
        ("#x{fill:green} .a{fill:blue} rect{fill:red}", '<rect id="x" class="a"/>', "green"),
        (".a{fill:blue} rect{fill:red}", '<rect id="x" class="a"/>', "blue"),
        ("rect.a{fill:blue} .a{fill:red}", '<rect class="a b"/>', "blue"),
        (".a.b{fill:blue} .a{fill:red}", '<rect class="b a"/>', "blue"),
        # Of equal ones the later wins, across sheets too.
        (".a{fill:blue} .b{fill:red}", '<rect class="a b"/>', "red"),
        (".b{fill:red}</style><style>.a{fill:blue}", '<rect class="a b"/>', "blue"),
        # A list takes the most specific selector that matches.
        ("#x, rect{fill:green} .a{fill:red}", '<rect id="x" class="a"/>', "green"),
        ("*{fill:red} rect{fill:blue}", "<rect/>", "blue"),
        # A rule beats the presentation attribute; no rule leaves it.
        (".a{fill:blue}", '<rect class="a" fill="red"/>', "blue"),
        (".b{fill:blue}", '<rect class="a" fill="red"/>', "red"),
        ("circle{fill:blue}", "<rect/>", None),
    ],
)
def test_style_rules_win_as_css_decides(sheet: str, body: str, fill: str | None) -> None:
    checked = check_svg(_styled(sheet, body))
    assert checked.problems == []
    assert checked.clean is not None
    [rect] = ElementTree.fromstring(checked.clean)
    assert rect.get("fill") == fill


def test_a_style_attribute_still_beats_the_sheet() -> None:
    checked = check_svg(_styled("rect{fill:blue;stroke:red}", '<rect style="fill:green"/>'))
    assert checked.problems == []
    assert b'<rect fill="blue" stroke="red" style="fill:green" />' in (checked.clean or b"")


def test_a_sheet_that_cannot_be_turned_into_attributes_is_refused_at_its_lines() -> None:
    checked = check_svg((LOGOS / "exported-logo-with-css.svg").read_bytes())
    assert checked.located == [
        (4, "SVG <style> could not be turned into attributes: save it as plain SVG (Inkscape:"
            " File > Save As > Plain SVG) or as a PNG at least 600 px wide (a logo prints 9 mm"
            " tall and up to 40 mm wide on cards)"),
        (5, "SVG <style> may not use @import (only rules of type, .class and #id selectors can"
            " be turned into attributes)"),
        (10, "SVG <style> selector 'g > .cls-2' cannot be turned into attributes (only type,"
             " .class and #id selectors, alone or joined as in path.cls-1, separated by"
             " commas)"),
        (15, "SVG <style> property 'cursor' is not a drawing property"),
        (16, "SVG <style> property fill must be a colour, none or url(#id), not"
             " 'url(https://evil.example/paint.svg#p)'"),
    ]  # fmt: skip
    assert checked.problems == sorted(text for _, text in checked.located)
    assert checked.clean is not None
    assert_harmless(checked.clean)
    assert b"evil.example" not in checked.clean and b"<style" not in checked.clean
    # The simple rule is still applied, the others not at all.
    shapes = [dict(e.attrib) for e in ElementTree.fromstring(checked.clean).iter()]
    assert {"class": "cls-1", "cx": "10", "cy": "10", "r": "9", "fill": "#8a3b12"} in shapes
    assert {"class": "cls-2", "d": "M 4,12 C 7,7 13,7 16,12"} in shapes
    assert {"class": "cls-3", "x": "21", "y": "6", "width": "30", "height": "8"} in shapes


@pytest.mark.parametrize(
    ("sheet", "problem"),
    [
        ("@font-face{font-family:x;src:url(x.woff)}", "SVG <style> may not use @font-face"),
        ("@media print{rect{fill:red}}", "SVG <style> may not use @media"),
        ("g rect{fill:red}", "SVG <style> selector 'g rect' cannot be turned"),
        ("rect:hover{fill:red}", "SVG <style> selector 'rect:hover' cannot be turned"),
        ("[class=a]{fill:red}", "SVG <style> selector '[class=a]' cannot be turned"),
        ("rect{fill:red !important}", "SVG <style> may not use !important (on fill)"),
        ("rect{--x:red}", "SVG <style> property '--x' is not a drawing property"),
        ("rect{fill:var(--x)}", "SVG <style> property fill must be"),
        ("rect{fill:u\\72l(https://evil.example/x#a)}", "SVG <style> property fill must be"),
        ("rect{fill:url( '#a' )}", "SVG <style> property fill must be"),
        ("rect{stroke-width:expression(alert(1))}", "SVG <style> property stroke-width must"),
        ("}", "SVG <style> is not valid CSS"),
        ("rect{rect{fill:red}}", "SVG <style> rules may hold only property: value"),
    ],
)
def test_css_beyond_simple_rules_is_refused(sheet: str, problem: str) -> None:
    checked = check_svg(_styled(sheet, '<rect class="a"/>'))
    assert any(text.startswith(problem) for text in checked.problems), checked.problems
    assert f"SVG <style> could not be turned into attributes: {WAY_FORWARD}" in checked.problems
    assert checked.clean is not None
    assert_harmless(checked.clean)
    assert b"fill=" not in checked.clean and b"stroke-width=" not in checked.clean


@pytest.mark.parametrize("value", REFUSED_PAINTS)
def test_a_style_rule_never_brings_a_value_the_attribute_grammar_refuses(value: str) -> None:
    sheet = value.replace("&", "&amp;").replace("<", "&lt;")
    checked = check_svg(_styled(f"rect{{fill:{sheet}}} .a{{stroke:{sheet}}}", '<rect class="a"/>'))
    assert checked.clean is not None
    assert_harmless(checked.clean)
    for name, written in ElementTree.fromstring(checked.clean)[0].attrib.items():
        # Whatever a rule wrote, the attribute grammar takes it as it stands.
        assert check_svg(_svg(f'<rect {name}="{written}"/>')).problems == []
    again = check_svg(checked.clean)
    assert again.problems == []
    assert again.clean == checked.clean


def test_a_refused_logo_names_its_file_and_lines(tmp_path: Path) -> None:
    content = make_case("branded", tmp_path / "content")
    shutil.copy(LOGOS / "exported-logo-with-css.svg", content / "images" / "clinic-logo.svg")
    with pytest.raises(ContentError) as raised:
        check_content(content)
    lines = str(raised.value).splitlines()
    logo = [line for line in lines if "clinic-logo.svg" in line]
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in logo] == [
        "4", "5", "10", "15", "16"
    ]  # fmt: skip
    assert logo[1].endswith(
        "/images/clinic-logo.svg:5: SVG <style> may not use @import (only rules of type, .class"
        " and #id selectors can be turned into attributes)"
    )
    assert logo[0].endswith(f"/images/clinic-logo.svg:4: SVG <style> could not be turned into"
                            f" attributes: {WAY_FORWARD}")  # fmt: skip


@pytest.mark.browser
def test_an_inkscape_logo_shows_on_a_built_card(tmp_path: Path, browser: Browser) -> None:
    content = make_case("branded", tmp_path / "content")
    shutil.copy(LOGOS / "inkscape-logo.svg", content / "images" / "clinic-logo.svg")
    english = i18n.language("en")
    settings = Settings(site_name="Test handbook", site_url="https://handbook.test/", lang=english)
    files = render_pages(check_content(content), settings, make_environment(english))
    card = files["cards/exercises/toe-walking/index.html"].decode()
    assert 'class="hb-card-logo" src="../../../assets/images/clinic-logo.svg"' in card
    assert (
        files["assets/images/clinic-logo.svg"]
        == check_svg((LOGOS / "inkscape-logo.svg").read_bytes()).clean
    )
    site = tmp_path / "site"
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    with static_server(site) as base, visiting(browser, [base + "cards/exercises/toe-walking/"]
                                               ) as visits:  # fmt: skip
        page = visits[base + "cards/exercises/toe-walking/"].page
        page.wait_for_function(
            "(() => { const i = document.querySelector('.hb-card-logo');"
            " return i && i.complete && i.naturalWidth > 0; })()"
        )
        # The disc is painted in the accent from .cls-1 (without the sheet it would be black).
        accent = page.evaluate(
            """() => {
                const img = document.querySelector('.hb-card-logo');
                const canvas = document.createElement('canvas');
                canvas.width = 240; canvas.height = 80;
                const context = canvas.getContext('2d');
                context.drawImage(img, 0, 0, 240, 80);
                const data = context.getImageData(0, 0, 240, 80).data;
                let count = 0;
                for (let i = 0; i < data.length; i += 4) {
                    if (data[i] === 138 && data[i + 1] === 59 && data[i + 2] === 18) count++;
                }
                return count;
            }"""
        )
        height = page.evaluate(
            "document.querySelector('.hb-card-logo').getBoundingClientRect().height"
        )
    assert accent > 1000
    assert height > 0


# --- Generated pictures -------------------------------------------------------------------------

#: Parts to build pictures from: allowed and refused names, and values good and hostile.
_ALLOWED_TAGS = ["g", "rect", "text", "tspan", "use", "view", "defs", "linearGradient"]
_REFUSED_TAGS = ["script", "style", "a", "image", "foreignObject", "animate", "set", "h:script",
                 "h:img", "h:iframe", "x:g", "SCRIPT", "feImage", "pattern"]  # fmt: skip
_ALLOWED_NAMES = ["id", "fill", "stroke", "style", "href", "xlink:href", "transform", "d",
                  "xml:space", "class", "viewBox", "width", "marker-end", "clip-path"]  # fmt: skip
_REFUSED_NAMES = ["x:href", "onload", "ONLOAD", "onclick", "mask", "filter", "cursor",
                  "xml:base", "attributeName", "values", "to", "src"]  # fmt: skip
_VALUES = ["#a", "a", "red", "none", "url(#a)", "url(https://evil.example/x#a)",
           "url(//evil.example/x)", "url( 'https://evil.example/x' )", "u\\72l(x)",
           "javascript:alert(1)", "data:text/html,x", "https://evil.example/", "href",
           "fill:url(https://evil.example/x)", "fill:red;stroke:blue", "expression(x)",
           "image-set('x' 1x)", "@import 'x'", "0 0 10 10", "translate(1 2)", "M0 0L1 1",
           "&amp;#106;avascript:x", "\u202e", "\t", "\n", "'", "&quot;", "&lt;script&gt;",
           "1e2", ""]  # fmt: skip
#: Style sheets: the text of a generated <style>.
_CSS = [".a{fill:red}", "rect{fill:url(https://evil.example/x#a)}", "@import 'x';",
        "g{stroke:u\\72l(//evil.example/x)}", "#a,text{fill:url(#a);cursor:pointer}",
        "*{fill:&quot;red&quot;}", ".a{fill:red !important}", "a:hover{fill:red}"]  # fmt: skip
_NAMESPACES = (
    'xmlns:h="http://www.w3.org/1999/xhtml" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' xmlns:x="urn:x"'
)
_TAGS = st.sampled_from(_ALLOWED_TAGS) | st.sampled_from(_REFUSED_TAGS)
_ATTRIBUTE_NAMES = st.sampled_from(_ALLOWED_NAMES) | st.sampled_from(_REFUSED_NAMES)


def _xml_value(value: str) -> str:
    return value.replace('"', "&quot;").replace("<", "&lt;")


@st.composite
def _elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(_TAGS)
    names = draw(st.lists(_ATTRIBUTE_NAMES, max_size=4, unique=True))
    attrs = "".join(f' {name}="{_xml_value(draw(st.sampled_from(_VALUES)))}"' for name in names)
    children = draw(st.lists(_elements(depth + 1), max_size=3)) if depth < 4 else []
    texts = ["", "x", " ", "alert(1)", "<!-- c -->", "<?pi x?>"]
    text = draw(st.sampled_from(_CSS if tag == "style" else texts))
    return f"<{tag}{attrs}>{text}{''.join(children)}</{tag}>"


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_elements(), max_size=4))
def test_generated_pictures_clean_to_a_harmless_fixed_point(children: list[str]) -> None:
    data = f"<svg {SVG} {_NAMESPACES}>{''.join(children)}</svg>".encode()
    checked = check_svg(data)
    assert checked.clean is not None
    assert_harmless(checked.clean)
    again = check_svg(checked.clean)
    assert again.problems == []
    assert again.clean == checked.clean


@settings(max_examples=examples(300), deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda text: text.encode()))
def test_any_bytes_give_an_answer_not_an_exception(data: bytes) -> None:
    checked = check_svg(data)
    assert checked.clean is not None or checked.problems
    assert isinstance(check_png(data), list)


# --- PNG ---------------------------------------------------------------------------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(width: int = 1, height: int = 1, depth: int = 8, colour: int = 6) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\x00" * 4 * max(width, 1))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def test_a_sane_png_passes() -> None:
    assert check_png(_png()) == []
    assert check_png(_png(4096, 1, 16, 2)) == []


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"GIF89a", "PNG does not start with the PNG signature (is it really a PNG?)"),
        (_svg(""), "PNG does not start with the PNG signature (is it really a PNG?)"),
        (_png(0, 1), "PNG is 0x1 pixels: each side must be 1 to 4096"),
        (_png(1, 4097), "PNG is 1x4097 pixels: each side must be 1 to 4096"),
        (_png(colour=3, depth=16), "PNG has colour type 3 with bit depth 16, which is not valid"),
        (_png()[:-2], "PNG ends inside a chunk (is the file cut short?)"),
        (_png()[:-12], "PNG ends before its IEND chunk (is the file cut short?)"),
        (_png() + b"<script>", "PNG has bytes after its IEND chunk"),
        (_png()[:29] + b"\x00" + _png()[30:], "PNG chunk 'IHDR' has a wrong checksum"),
        (
            b"\x89PNG\r\n\x1a\n" + _chunk(b"IDAT", b"") + _chunk(b"IEND", b""),
            "PNG must start with an IHDR header chunk of 13 bytes",
        ),
    ],
)
def test_a_broken_png_is_refused(data: bytes, problem: str) -> None:
    assert check_png(data) == [problem]


# --- In a real browser ----------------------------------------------------------------------------


@dataclass
class Visit:
    """A page opened on its own: what ran in it (dialogs, pwned() calls) and every URL it
    asked for (requests off loopback are recorded, then refused)."""

    page: Page
    ran: list[str]
    requests: list[str]


@contextmanager
def visiting(browser: Browser, urls: list[str]) -> Iterator[dict[str, Visit]]:
    """Open every URL directly, each in a page of its own (one browser context for all, so
    that opening sixty pictures takes seconds, not a minute), and wait until each has
    loaded; the pages stay open until the block ends."""
    context = browser.new_context(viewport={"width": 600, "height": 400})
    by_page: dict[Any, Visit] = {}
    context.expose_binding(
        "pwned", lambda source, *args: by_page[source["page"]].ran.append(f"pwned{args!r}")
    )

    def watch(page: Page) -> None:
        visit = Visit(page, [], record_requests(page))
        page.on("dialog", lambda dialog, ran=visit.ran: _dismiss(dialog, ran))
        by_page[page] = visit

    try:
        opened = open_side_by_side(context, urls, watch, until="load")
        visits = {url: by_page[page] for url, (page, _) in zip(urls, opened, strict=True)}
        yield visits
    finally:
        context.close()


def _dismiss(dialog: Dialog, ran: list[str]) -> None:
    ran.append(f"dialog {dialog.message!r}")
    dialog.dismiss()


@pytest.fixture(scope="module")
def hostile_visits(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Visit]]:
    """The clean version of every hostile picture that has one, opened directly from a
    loopback server: file name -> visit."""
    folder = tmp_path_factory.mktemp("cleaned-hostile")
    for path in HOSTILE:
        clean = check_svg(path.read_bytes()).clean
        if clean is not None:
            (folder / path.name).write_bytes(clean)
    names = sorted(path.name for path in folder.iterdir())
    with (
        static_server(folder) as base_url,
        visiting(browser, [base_url + name for name in names]) as visits,
    ):
        yield {url.removeprefix(base_url): visit for url, visit in visits.items()}


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [path for path in HOSTILE if check_svg(path.read_bytes()).clean is not None],
    ids=lambda path: path.name,
)
def test_clean_hostile_picture_opened_directly_runs_and_loads_nothing(
    hostile_visits: dict[str, Visit], path: Path
) -> None:
    visit = hostile_visits[path.name]
    assert visit.ran == []
    assert len(visit.requests) == 1
    assert visit.requests[0].endswith("/" + path.name)
    assert visit.page.url == visit.requests[0]
    # It was shown as an SVG document, not as text or a download.
    assert visit.page.evaluate("document.documentElement.namespaceURI") == SVG_NS


@pytest.mark.browser
def test_our_clean_pictures_look_exactly_like_the_originals(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("ours")
    names = []
    # With the Inkscape logo: its style sheet, as attributes, paints the same.
    pictures = [*OURS, ROOT / "tests" / "fixtures" / "logos" / "inkscape-logo.svg"]
    for number, path in enumerate(pictures):
        data = path.read_bytes()
        (folder / f"{number}-original.svg").write_bytes(data)
        (folder / f"{number}-clean.svg").write_bytes(check_svg(data).clean or b"")
        names += [f"{number}-original.svg", f"{number}-clean.svg"]
    with (
        static_server(folder) as base_url,
        visiting(browser, [base_url + name for name in names]) as visits,
    ):
        for number, path in enumerate(pictures):
            original = visits[f"{base_url}{number}-original.svg"]
            clean = visits[f"{base_url}{number}-clean.svg"]
            assert original.ran == clean.ran == []
            assert clean.page.screenshot() == original.page.screenshot(), _shown(path)


VIEWS = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="100" height="100">
  <title>Two halves</title>
  <view id="start" viewBox="0 0 100 100"/>
  <view id="end" viewBox="100 0 100 100"/>
  <rect width="100" height="100" fill="#ff0000"/>
  <rect x="100" width="100" height="100" fill="#0000ff"/>
</svg>
"""

SHOW_VIEWS = """<!doctype html>
<img id="start" src="views.svg#start" width="100" height="100">
<img id="end" src="views.svg#end" width="100" height="100">
<script>
  window.centre = (id) => {
    const img = document.getElementById(id);
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 100;
    const context = canvas.getContext("2d");
    context.drawImage(img, 0, 0);
    return Array.from(context.getImageData(50, 50, 1, 1).data);
  };
</script>
"""


@pytest.mark.browser
def test_clean_pictures_keep_their_views_for_a_page_to_show(
    browser: Browser, tmp_path: Path
) -> None:
    checked = check_svg(VIEWS.encode())
    assert checked.problems == []
    (tmp_path / "views.svg").write_bytes(checked.clean or b"")
    (tmp_path / "index.html").write_text(SHOW_VIEWS, "utf-8")
    with static_server(tmp_path) as base_url, visiting(browser, [base_url]) as visits:
        page = visits[base_url].page
        page.wait_for_function(
            "[...document.images].every((img) => img.complete && img.naturalWidth > 0)"
        )
        assert page.evaluate("centre('start')") == [255, 0, 0, 255]
        assert page.evaluate("centre('end')") == [0, 0, 255, 255]
