"""The site's configuration: mkdocs.yml read once, by MkDocs' own loader.

MkDocs resolves `!ENV`, `!relative` and `INHERIT` and fills in its defaults; the generator
takes the facts it needs from that result, so it sees exactly the site MkDocs builds. Zensical
reads the same file: nothing here needs a setting that only one of the two understands.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import json
import logging
import os
import re
import types
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import HandbookError, printable
from generator.safety import urls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

#: Settings that say where a run reads and writes, not what the site holds.
_RUN_KEYS = {"config_file_path", "docs_dir", "site_dir", "dev_addr", "watch"}


class ConfigError(HandbookError):
    """mkdocs.yml cannot be read, or holds a value the handbook cannot use."""


class EnvironmentVariableError(HandbookError):
    """An environment variable the handbook reads holds a value it cannot use."""


# --- Texts the theme prints ----------------------------------------------------------------

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
        return f"expected text, got {type(value).__name__} {_shown(str(value))}"
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
            ("theme.language", f"expected a language code such as es, got {_shown(str(language))}")
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
                found.append((key, f"expected a language code such as es, got {_shown(extra)}"))
        elif shape == "extra.alternate.link":
            if not re.fullmatch(_ALTERNATE_LINK, extra):
                found.append((key, f"expected a link such as ../es/, got {_shown(extra)}"))
        else:
            found.append((key, text_problem(extra, LONGEST.get(shape, _EXTRA_LONGEST))))
    return found


def _url_problem(value: str) -> str | None:
    try:
        urls.site_url(value)
    except urls.UrlError as error:
        return str(error)
    return None


# --- The environment ------------------------------------------------------------------------


@cache
def epoch_range() -> tuple[int, int]:
    """SOURCE_DATE_EPOCH's range: that of the handbook's `updated` date, from which a build
    sets it when it is not set (MkDocs dates the sitemap from it, gzip writes it in 32 bits,
    zip files cannot go before 1980). Imported when needed: the model is slow to import."""
    from generator.source.model import FIRST_UPDATED, LAST_UPDATED

    first = calendar.timegm(FIRST_UPDATED.timetuple())
    return first, calendar.timegm(LAST_UPDATED.timetuple()) + 86399


def _source_date_epoch(value: str) -> bool:
    first, last = epoch_range()
    return re.fullmatch(r"[0-9]{1,12}", value) is not None and first <= int(value) <= last


def _epoch_expected() -> str:
    first, last = epoch_range()
    day = datetime.datetime.fromtimestamp
    return (
        f"a whole number of seconds since 1970-01-01 UTC, from {first} "
        f"({day(first, datetime.UTC):%Y-%m-%d}) to {last} ({day(last, datetime.UTC):%Y-%m-%d}), "
        "or leave it unset"
    )


def _program(value: str) -> bool:
    return "\0" not in value and os.path.isfile(value)  # as chromium.py reads it


def _folder_name(value: str) -> bool:
    return bool(value.strip()) and "\0" not in value


@dataclass(frozen=True)
class Variable:
    """An environment variable the handbook reads, checked like a command-line option."""

    name: str
    #: What a valid value is, for the message.
    expects: Callable[[], str]
    valid: Callable[[str], bool]
    #: Whether it changes what is built (so it is part of the configuration's digest).
    shapes_output: bool = False


#: Every environment variable the generator reads, besides those mkdocs.yml names with !ENV
#: (MkDocs resolves them into the configuration, where they are checked as settings) and the
#: one `handbook serve` sets for its own hook (mkdocs_hooks._PROBLEMS_VARIABLE).
ENVIRONMENT = (
    Variable("SOURCE_DATE_EPOCH", _epoch_expected, _source_date_epoch, shapes_output=True),
    Variable("CHROMIUM", lambda: "the path of the Chromium program, or leave it unset", _program),
    Variable(
        "HANDBOOK_CONTENT", lambda: "the content folder (`handbook serve` sets it)", _folder_name
    ),
)
#: Environment variables that change the output (see `digest`).
OUTPUT_ENVIRONMENT = tuple(v.name for v in ENVIRONMENT if v.shapes_output)


def check_environment(environ: Mapping[str, str] | None = None) -> None:
    """Raise EnvironmentVariableError, one line per variable, for each set to a bad value."""
    environ = os.environ if environ is None else environ
    problems = [
        f"environment variable {v.name}: expected {v.expects()}, got {_shown(environ[v.name])}"
        for v in ENVIRONMENT
        if v.name in environ and not v.valid(environ[v.name])
    ]
    if problems:
        raise EnvironmentVariableError("\n".join(problems))


def _shown(value: str) -> str:
    return printable(repr(value if len(value) <= 60 else value[:57] + "..."))


@dataclass(frozen=True)
class SiteConfig:
    """Facts about the site, as MkDocs resolved them, and what the build needs besides pages."""

    file: Path
    name: str
    description: str
    #: The site's address, checked by urls.site_url; always ends in '/'.
    url: str
    #: A name short enough for a phone's header (mkdocs.yml `extra.short_name`).
    short_name: str
    language: str
    #: Theme overrides and hook files that mkdocs.yml names: they shape the pages too.
    theme_files: tuple[Path, ...]
    #: The theme's custom_dir and the hooks, each on its own.
    custom_dir: Path | None
    hooks: tuple[Path, ...]
    #: Markdown extensions the pages are rendered with (escape.py must cover their syntax).
    markdown_extensions: tuple[str, ...]
    #: The navigation: (title, page) pairs, titles as written (translated per language).
    nav: tuple[tuple[str, str], ...]
    #: The theme's palette options when there are several (each with a toggle name, which is
    #: translated per language); empty when there is one scheme.
    palette: tuple[dict[str, Any], ...]
    #: A digest of the resolved configuration and of the environment that shapes output.
    digest: str
    #: MkDocs' configuration object, for the one build it is loaded for.
    mkdocs: MkDocsConfig


def load(config_file: Path, docs_dir: Path, site_url: str | None = None) -> SiteConfig:
    """Read `config_file` with MkDocs, `--site-url` taking precedence; one clear error if bad."""
    if site_url is not None:
        site_url = _checked_url(site_url, "--site-url")
    if not config_file.is_file():
        raise ConfigError(f"{config_file}: the site configuration file was not found")
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError, MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice, not about this site
    overrides = {"docs_dir": str(docs_dir.resolve())}
    if site_url is not None:
        overrides["site_url"] = site_url
    with collected_logs("mkdocs") as messages:
        try:
            config = load_config(str(config_file), **overrides)
        except (MkDocsException, ConfigurationError, OSError) as error:
            details = "; ".join(messages) or str(error)
            raise ConfigError(f"{config_file}: {details}") from None
    return from_mkdocs(config, config_file)


def from_mkdocs(config: MkDocsConfig, shown: Path | None = None) -> SiteConfig:
    """The handbook's view of a configuration MkDocs has loaded (also used by the serve hook).

    `shown` is the configuration file as the user named it, for messages."""
    file = shown or Path(config.config_file_path or "mkdocs.yml")
    if not config.site_url:
        raise ConfigError(
            f"{file}: site_url is not set: give the address the site is served at, in "
            "mkdocs.yml or with --site-url (cards' QR codes and embed snippets need it)"
        )
    url = _checked_url(config.site_url, f"{file}: site_url")
    check_environment()
    problems = theme_text_problems(config)
    short_name = config.extra.get("short_name") or config.site_name
    if "extra.short_name" not in config.extra and not problems:
        shorter = text_problem(short_name, LONGEST["extra.short_name"])
        if shorter is not None:
            problems.append(f"extra.short_name: not set, and site_name will not do: {shorter}")
    if problems:
        raise ConfigError("\n".join(printable(f"{file}: {problem}") for problem in problems))
    if config.repo_url:
        _checked_url(config.repo_url, f"{file}: repo_url")
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    hooks = [Path(path) if os.path.isabs(path) else file.parent / path for path in config.hooks]
    return SiteConfig(
        file=file,
        name=str(config.site_name),
        description=str(config.site_description or ""),
        url=url,
        short_name=str(short_name),
        language=str(config.theme["language"]),
        theme_files=tuple([custom_dir] if custom_dir else []) + tuple(hooks),
        custom_dir=custom_dir,
        hooks=tuple(hooks),
        markdown_extensions=tuple(str(name) for name in config.markdown_extensions),
        nav=tuple(_nav_entries(config.nav or [])),
        palette=_palette_options(config.theme.get("palette")),
        digest=_digest(config),
        mkdocs=config,
    )


def _palette_options(palette: Any) -> tuple[dict[str, Any], ...]:
    if not isinstance(palette, list):
        return ()
    return tuple(dict(option) for option in palette if isinstance(option, dict))


def _nav_entries(nav: list[Any]) -> Iterator[tuple[str, str]]:
    """The titled entries of a flat navigation (the handbook's is one level deep)."""
    for entry in nav:
        if isinstance(entry, dict):
            for title, target in entry.items():
                if isinstance(target, str):
                    yield str(title), target


def _checked_url(value: str, where: str) -> str:
    try:
        return urls.site_url(value)
    except urls.UrlError as error:
        raise ConfigError(f"{where}: {error}") from None


def _digest(config: Mapping[str, Any]) -> str:
    resolved = {key: _plain(value) for key, value in config.items() if key not in _RUN_KEYS}
    environment = {name: os.environ.get(name) for name in OUTPUT_ENVIRONMENT}
    text = json.dumps([resolved, environment], sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _plain(value: Any) -> Any:
    """A resolved setting as plain JSON data, naming objects by their type, never by address."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(str(_plain(item)) for item in value)
    if isinstance(value, types.ModuleType):  # a hook: its file is fingerprinted by content
        return f"module {value.__name__}"
    if isinstance(value, os.PathLike):
        try:
            return os.fspath(value)
        except Exception:  # a !relative placeholder only resolves while a page renders
            return type(value).__qualname__
    plugin_config = getattr(value, "config", None)
    if isinstance(plugin_config, Mapping):
        return {"plugin": type(value).__qualname__, "config": _plain(plugin_config)}
    name = f"{type(value).__module__}.{type(value).__qualname__}"
    text = str(value)
    return name if " at 0x" in text else f"{name}:{text}"  # never an object's address


@contextmanager
def collected_logs(logger: str) -> Iterator[list[str]]:
    """The warnings and errors a library logs while the block runs, to report in one line."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    handler = Collect(logging.WARNING)
    log = logging.getLogger(logger)
    log.addHandler(handler)
    try:
        yield messages
    finally:
        log.removeHandler(handler)
