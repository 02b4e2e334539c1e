"""Escaping of content text for the Markdown and HTML the generator writes.

No library escapes for Python-Markdown *and* its extensions at once: a backslash escape only
works for characters an extension registered, so a stray one would show. Numeric character
references work everywhere (Markdown passes them through, browsers decode them), so every
character that Markdown, pymdown-extensions or HTML could act on becomes one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from markupsafe import Markup

#: The characters each Markdown extension of mkdocs.yml acts on. A test fails when mkdocs.yml
#: names an extension that is not here, so a new syntax cannot slip through unescaped.
SYNTAX = {
    "markdown": "\\`*_[]()#+-.!<>&|{}=",  # Python-Markdown itself (and HTML)
    "fenced_code": "`~",
    "admonition": "!",
    "attr_list": "{}",
    "tables": "|",
    "toc": "[]#",
    "pymdownx.details": "?",
    "pymdownx.highlight": "`~",
    "pymdownx.superfences": "`~",
}
_ACTIVE = "".join(sorted(set("".join(SYNTAX.values()) + "^$")))
_TABLE = {ord(c): f"&#{ord(c)};" for c in _ACTIVE if c not in "&<>()+-.'\""}
_TABLE.update(
    {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"}
)
_HTML_TABLE = {key: value for key, value in _TABLE.items() if chr(key) in "&<>\"'"}
_LIST_MARKER = re.compile(r"^(\d+)([.)])")
_SPACES = re.compile(r"\s+")
#: Unicode's categories Cc (controls) and Cs (surrogates), as one character class.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def text(value: object) -> Markup:
    """Plain content text, safe in Markdown body, HTML text and quoted HTML attributes."""
    if isinstance(value, Markup):
        return value
    if type(value) is str:
        return _text_of(value)
    return _text_of(str(value))


# A page says the same few thousand texts over and over (names, words, dosages): each is
# escaped once. Only exact str reaches here, so a Markup never shares an entry with a str.
@lru_cache(maxsize=65536)
def _text_of(value: str) -> Markup:
    # Runs of white space become one space; a space at either end is kept, so that a
    # separator such as ", " between two values keeps its space.
    one_line = _visible(_SPACES.sub(" ", value))
    escaped = one_line.translate(_TABLE)
    body = escaped.lstrip(" ")
    indent = escaped[: len(escaped) - len(body)]
    if body[:1] in ("-", "+"):
        body = f"&#{ord(body[0])};{body[1:]}"
    body = _LIST_MARKER.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", body)
    escaped = indent + body
    return Markup(escaped)


def html_only(value: object) -> str:
    """Text for places that are HTML but never Markdown (front matter titles, JSON-in-HTML)."""
    one_line = _visible(" ".join(str(value).split()))
    return one_line.translate(_HTML_TABLE)


def _visible(text: str) -> str:
    # Content refuses control characters; should one arrive anyway, it is not written raw.
    return _INVISIBLE.sub("\ufffd", text)


def marked(value: object, english: frozenset[str] = frozenset()) -> Markup:
    """`text`, and wrapped in lang="en" when it is English shown in place of a translation."""
    escaped = text(value)
    if english and isinstance(value, str) and not isinstance(value, Markup) and value in english:
        return Markup(f'<span lang="en">{escaped}</span>')
    return escaped


def interface(
    gettext: Callable[[str], str],
    text: Callable[[object], Markup],
    message: str,
    **values: object,
) -> Markup:
    """An interface message in the page's language, with `values` escaped into it.

    The message comes from our templates and catalogues and may hold Markdown on purpose
    (code, bold); only the values, which may come from content, are escaped.
    """
    translated = gettext(message)
    return Markup(translated % {k: text(v) for k, v in values.items()} if values else translated)


def interface_plural(
    ngettext: Callable[[str, str, int], str],
    text: Callable[[object], Markup],
    singular: str,
    plural: str,
    num: int,
    **values: object,
) -> Markup:
    """A message with a plural: `num` picks the form by the language's rule."""
    translated = ngettext(singular, plural, num)
    return Markup(translated % {"num": num, **{k: text(v) for k, v in values.items()}})


# --- CSS --------------------------------------------------------------------------------------
# Text in a <style> element or a stylesheet is not HTML: a character reference there is not
# decoded ('#8a3b12' written as '&#35;8a3b12' is no colour at all). A value is either matched
# whole against the grammar of the one CSS value it may be and written as it is, or written
# as a CSS string with every other character escaped the way CSS escapes it.

#: A colour as content and embeds give it: '#' and six hex digits, nothing else.
CSS_COLOUR = r"#[0-9a-fA-F]{6}"


def css_colour(value: object) -> Markup:
    """A colour for CSS, written raw: refused (ValueError) unless it is #rrggbb exactly."""
    if not isinstance(value, str) or not re.fullmatch(CSS_COLOUR, value):
        raise ValueError(f"not a colour written #rrggbb: {value!r}")
    return Markup(value)


def css_string(value: object) -> str:
    """`value` as a quoted CSS string: letters, digits and spaces as they are, every other
    character as a CSS escape (`\\22 ` for a quote), so that nothing can end the string, the
    rule or the <style> element it stands in."""
    escaped = "".join(
        char if char == " " or (char.isalnum() and char.isprintable()) else f"\\{ord(char):x} "
        for char in str(value)
    )
    return f'"{escaped}"'
