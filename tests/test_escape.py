"""Content text stays text through every Markdown extension that mkdocs.yml turns on."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.safety import escape
from generator.source import siteconfig

from .conftest import ROOT
from .helpers.examples import examples


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> siteconfig.SiteConfig:
    docs = tmp_path_factory.mktemp("docs")
    return siteconfig.load(ROOT / "mkdocs.yml", docs)


def test_every_configured_extension_has_its_syntax_covered(site: siteconfig.SiteConfig) -> None:
    missing = [name for name in site.markdown_extensions if name not in escape.SYNTAX]
    assert missing == [], f"add these extensions' syntax to escape.SYNTAX: {missing}"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


# Where content text lands in a generated page: a paragraph, a list item, a table cell, a
# heading and an admonition's body.
CONTEXTS = {
    "paragraph": ("{}\n", ["p"]),
    "list item": ("- {}\n", ["ul", "li"]),
    "numbered item": ("1. {}\n", ["ol", "li"]),
    "table cell": (
        "| a | b |\n|---|---|\n| x | {} |\n",
        ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"],
    ),
    "heading": ("## {}\n", ["h2", "a"]),  # the toc extension adds a permalink
    "admonition": ('!!! note "n"\n    {}\n', ["div", "p", "p"]),
}
SYNTAX_HEAVY = st.text(
    alphabet=st.sampled_from(list("".join(escape.SYNTAX.values()) + "?:^$ \t\nab1'\"/%@")),
    min_size=1,
    max_size=40,
).filter(str.strip)  # content text is never blank


def render(site: siteconfig.SiteConfig, source: str) -> _Text:
    config = site.mkdocs
    converter = markdown.Markdown(
        extensions=list(config.markdown_extensions), extension_configs=config.mdx_configs
    )
    parsed = _Text()
    parsed.feed(converter.convert(source))
    return parsed


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@settings(max_examples=examples(150), deadline=None)
@given(value=SYNTAX_HEAVY)
def test_escaped_text_renders_as_the_same_text(
    site: siteconfig.SiteConfig, context: str, value: str
) -> None:
    template, tags = CONTEXTS[context]
    parsed = render(site, template.format(escape.text(value)))
    shown = " ".join(parsed.text.split())
    expected = " ".join(value.split())
    if context == "table cell":
        shown = shown.removeprefix("a b x ").strip()
    if context == "heading":
        shown = shown.removesuffix("¶").strip()
    if context == "admonition":
        shown = shown.removeprefix("n ").strip()
    assert shown == expected
    assert parsed.tags == tags


@pytest.mark.parametrize(
    "value",
    [
        '??? danger "x"',
        "??? note",
        "???+ note",
        "!!! note",
        "{: .x }",
        "```js",
        "~~~",
        "[TOC]",
        "| a |",
        "1. a",
        "# a",
    ],
)
def test_known_syntax_at_the_start_of_a_paragraph_stays_text(
    site: siteconfig.SiteConfig, value: str
) -> None:
    # Block syntax acts on the lines below it too: give it an indented body to act on.
    parsed = render(site, f"{escape.text(value)}\n    body\n\nafter\n")
    assert parsed.tags == ["p", "p"] and value in parsed.text


def test_control_characters_never_reach_a_page() -> None:
    assert escape.text("a\x00b\x1bc") == "a\ufffdb\ufffdc"
    assert html.unescape(escape.html_only("x\x07y")) == "x\ufffdy"


def test_the_escape_table_is_the_one_documented(tmp_path: Path) -> None:
    # Guard against a character dropping out of the table unnoticed.
    for char in "`*_[]{}!|~#?=":
        assert char not in escape.text(f"a{char}b").replace("&#", "")
