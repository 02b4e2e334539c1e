"""The site's configuration: mkdocs.yml read once, by MkDocs' own loader.

MkDocs resolves `!ENV`, `!relative` and `INHERIT` and fills in its defaults; the generator
takes the facts it needs from that result, so it sees exactly the site MkDocs builds. Zensical
reads the same file: nothing here needs a setting that only one of the two understands.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import types
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import HandbookError, printable
from generator.safety import urls
from generator.source.environment import OUTPUT_ENVIRONMENT, check_environment
from generator.source.themetext import LONGEST, text_problem, theme_text_problems

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

#: Settings that say where a run reads and writes, not what the site holds.
_RUN_KEYS = {"config_file_path", "docs_dir", "site_dir", "dev_addr", "watch"}


class ConfigError(HandbookError):
    """mkdocs.yml cannot be read, or holds a value the handbook cannot use."""


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
    #: The footer's copyright line (translated per language), or ''.
    copyright: str
    #: A digest of the resolved configuration and of the environment that shapes output.
    digest: str
    #: MkDocs' configuration object, for the one build it is loaded for.
    mkdocs: MkDocsConfig

    def reader_words(self) -> list[str]:
        """The words of mkdocs.yml that readers see (site name, description, navigation
        titles, palette toggles), translated like the templates' words."""
        toggles = [option.get("toggle") for option in self.palette]
        names = [
            str(toggle["name"])
            for toggle in toggles
            if isinstance(toggle, dict) and "name" in toggle
        ]
        said = [self.name, self.short_name, self.description, self.copyright]
        return [*(words for words in said if words), *(t for t, _ in self.nav), *names]


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
        copyright=str(config.copyright or ""),
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
