"""The texts MkDocs' and Material's templates print from mkdocs.yml (site name, navigation
titles, `extra` values...): the grammar of a plain text, and every such text's problems.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from generator.errors import printable
from generator.safety import urls


def quoted(value: str) -> str:
    """A value as a message quotes it: printable, and cut at 60 characters."""
    return printable(repr(value if len(value) <= 60 else value[:57] + "..."))


#: Punctuation allowed in a text that MkDocs' and Material's templates print: they print
#: configuration values unescaped, into elements, attributes and (the short name) a CSS string,
#: so such a text holds only what is plain in all of them. Letters, marks and digits of any
#: script and the ordinary space are allowed besides; '&' only before a space, where it cannot
#: begin a character reference. No < > " ` { } = or backslash, no control or bidirectional
#: character.
PUNCTUATION = ".,:;!?'()[]/|+-·•©®™°%#@*¿¡«»\u2018\u2019\u201c\u201d\u201e\u2013\u2014&"
_LETTER = ("L", "M", "N")
#: The longest text each key of the configuration may hold, where the theme prints it.
LONGEST = {
    "site_name": 80,
    "site_description": 300,
    "site_author": 80,
    "copyright": 200,
    "repo_name": 60,
    "extra.short_name": 20,
    "theme.palette.toggle.name": 60,
    "extra.alternate.name": 40,
    "nav": 60,
    "toc.title": 60,
}
_EXTRA_LONGEST = 300
_LANGUAGE_CODE = r"[a-z]{2,3}(-[A-Za-z]{2,4})?"
_ALTERNATE_LINK = r"\.{1,2}/(?:[a-z]{2,3}(?:-[a-z]{2,4})?/)?"


def text_problem(value: object, longest: int) -> str | None:
    """Why `value` cannot be printed by the theme as it is, or None when it is plain text."""
    if not isinstance(value, str):
        return f"expected text, got {type(value).__name__} {quoted(str(value))}"
    if not value.strip():
        return "expected text, got an empty value"
    if len(value) > longest:
        return f"expected at most {longest} characters, got {len(value)}"
    for index, char in enumerate(value):
        plain = char == " " or unicodedata.category(char)[0] in _LETTER or char in PUNCTUATION
        if char == "&" and value[index + 1 : index + 2] != " ":
            plain = False
        if not plain:
            shown = f"'{char}' " if char.isprintable() else ""
            return (
                f"the character {shown}(U+{ord(char):04X}) is not allowed: the theme prints "
                "this text as it is, so it holds letters, digits, spaces and ordinary "
                f"punctuation ({PUNCTUATION[:-1]} and & before a space) only"
            )
    return None


def theme_text_problems(config: Mapping[str, Any]) -> list[str]:
    """`key: problem` for every text of a MkDocs configuration (loaded, or as generated for
    a language) that the theme prints and that is not plain text of its length."""
    found: list[tuple[str, str | None]] = []
    for key in ("site_name", "site_description", "site_author", "copyright", "repo_name"):
        value = config.get(key)
        if value is not None or key == "site_name":
            found.append((key, text_problem(value, LONGEST[key])))
    theme = config.get("theme") or {}
    language = theme.get("language") if isinstance(theme, Mapping) else None
    if language is not None and not re.fullmatch(_LANGUAGE_CODE, str(language)):
        found.append(
            ("theme.language", f"expected a language code such as es, got {quoted(str(language))}")
        )
    palette = theme.get("palette") if isinstance(theme, Mapping) else None
    for index, option in enumerate(palette if isinstance(palette, list) else []):
        toggle = option.get("toggle") if isinstance(option, Mapping) else None
        if isinstance(toggle, Mapping) and "name" in toggle:
            problem = text_problem(toggle["name"], LONGEST["theme.palette.toggle.name"])
            found.append((f"theme.palette[{index}].toggle.name", problem))
    for key, title in _nav_titles(config.get("nav") or []):
        found.append((key, text_problem(title, LONGEST["nav"])))
    toc = (config.get("mdx_configs") or {}).get("toc") or {}
    if isinstance(toc, Mapping) and toc.get("title") is not None:
        found.append(
            ("markdown_extensions.toc.title", text_problem(toc["title"], LONGEST["toc.title"]))
        )
    found += _extra_problems(config.get("extra") or {})
    return [f"{key}: {problem}" for key, problem in found if problem is not None]


def _nav_titles(nav: Any, key: str = "nav") -> Iterator[tuple[str, Any]]:
    for index, entry in enumerate(nav if isinstance(nav, list) else []):
        if isinstance(entry, Mapping):
            for title, target in entry.items():
                yield f"{key}[{index}]", title
                yield from _nav_titles(target, f"{key}[{index}]")


def _extra_problems(extra: Any, key: str = "extra") -> list[tuple[str, str | None]]:
    """Every text under `extra`: the theme prints what it knows of, and a value it does not
    know of today may be printed by the next release."""
    found: list[tuple[str, str | None]] = []
    if isinstance(extra, Mapping):
        for name, value in extra.items():
            found += _extra_problems(value, f"{key}.{name}")
    elif isinstance(extra, list):
        for index, value in enumerate(extra):
            found += _extra_problems(value, f"{key}[{index}]")
    elif isinstance(extra, str):
        shape = re.sub(r"\[\d+\]", "", key)
        if shape in ("extra.alternate.url",):
            found.append((key, _url_problem(extra)))
        elif shape == "extra.alternate.lang":
            if not re.fullmatch(_LANGUAGE_CODE, extra):
                found.append((key, f"expected a language code such as es, got {quoted(extra)}"))
        elif shape == "extra.alternate.link":
            if not re.fullmatch(_ALTERNATE_LINK, extra):
                found.append((key, f"expected a link such as ../es/, got {quoted(extra)}"))
        else:
            found.append((key, text_problem(extra, LONGEST.get(shape, _EXTRA_LONGEST))))
    return found


def _url_problem(value: str) -> str | None:
    try:
        urls.site_url(value)
    except urls.UrlError as error:
        return str(error)
    return None
