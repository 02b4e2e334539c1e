"""The site in each language (an edition): its checked book, its words, its address, and the
MkDocs configuration that builds it.

English lives at the site's root, each other language under /<code>/ with the same paths, so
the addresses given to clinics never move. Every edition is built by a plain MkDocs build of
a configuration generated here (INHERIT of mkdocs.yml, its own language, pages, address,
navigation titles and language selector), which Zensical reads as well.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.errors import ContentError, ContentProblem, printable
from generator.i18n.languages import SOURCE_LANGUAGE, Language, catalogue_path, language
from generator.i18n.theme import theme_words
from generator.source.book import Book
from generator.source.siteconfig import ConfigError, SiteConfig
from generator.source.themetext import theme_text_problems
from generator.source.translations import Translation, content_in, load_translations

if TYPE_CHECKING:
    from generator.source.load import Content
    from generator.source.model import Exercise
    from generator.source.projectfolder import Project

ENGLISH_NAME = "English"


@dataclass(frozen=True)
class Edition:
    """The handbook in one language."""

    code: str
    #: The language's name in itself, for the selector.
    name: str
    book: Book
    lang: Language
    #: English texts shown where this language has no translation yet (marked lang="en").
    english: frozenset[str] = frozenset()
    #: The translation behind this edition; None for English.
    translation: Translation | None = None

    @property
    def folder(self) -> str:
        """Where the edition's pages go: the root for English, /<code>/ for the others."""
        return "" if self.code == SOURCE_LANGUAGE else f"{self.code}/"

    @property
    def draft(self) -> bool:
        """Whether a clinician who reads the language has yet to review the translation: its
        language.yml or any of its files says `status: draft`. Every page of the language then
        says so, as pages mix the text of several files (a routine page names its exercises,
        every card repeats the safety file's stop rule); each file's own state is listed on
        the Translations page and by `handbook check`."""
        if self.translation is None:
            return False
        documents = self.translation.documents.values()
        return self.translation.status == "draft" or any(d.status == "draft" for d in documents)


@dataclass(frozen=True)
class Checked:
    """The content checked in every language, and what deserves a warning."""

    editions: list[Edition]
    warnings: list[ContentProblem] = field(default_factory=list)

    @property
    def english(self) -> Book:
        return self.editions[0].book


def check_editions(content_dir: Path) -> Checked:
    """Load, validate and translate; raise ContentError with every problem of every language."""
    from generator.source.load import load_content
    from generator.source.projectfolder import project_of

    project = project_of(content_dir)
    if project is not None:
        return _check_layered(project)
    content = load_content(content_dir)
    translations = load_translations(content)
    editions = _editions(content, translations.languages, list(translations.problems))
    return Checked(editions, translations.warnings)


def _check_layered(project: Project) -> Checked:
    """check_editions for a clinic project: the handbook with the clinic's layer (layers.py)."""
    from generator.source.base import base_handbook
    from generator.source.layers import load_layered

    layered = load_layered(project, base_handbook())
    content, translations = layered.content, layered.translations
    editions = _editions(content, translations.languages, [], hidden=layered.hidden)
    return Checked(editions, translations.warnings + layered.warnings)


def _editions(
    content: Content,
    languages: list[Translation],
    problems: list[ContentProblem],
    *,
    hidden: dict[str, Exercise] | None = None,
) -> list[Edition]:
    """The English book and each translation's, checked; every problem of every language is
    raised together. `hidden` (a clinic's edition): exercises left out of every language."""
    from generator.check.validate import check
    from generator.source.layers import hidden_texts, unlink_hidden

    problems = problems + _catalogue_problems(content, languages)
    try:
        english = check(content)
    except ContentError as error:
        raise ContentError(error.problems + problems) from None
    if problems:
        raise ContentError(problems)
    editions = [Edition(SOURCE_LANGUAGE, ENGLISH_NAME, english, language(SOURCE_LANGUAGE))]
    for translation in languages:
        translated, shown_in_english = content_in(content, translation)
        if hidden:
            translated = unlink_hidden(translated, hidden)
            shown_in_english |= hidden_texts(hidden)
        editions.append(
            Edition(
                translation.code,
                translation.name,
                check(translated),
                language(translation.code),
                shown_in_english,
                translation,
            )
        )
    return editions


def _catalogue_problems(content: Content, languages: list[Translation]) -> list[ContentProblem]:
    problems = []
    for translation in languages:
        if not catalogue_path(translation.code).is_file():
            problems.append(
                ContentProblem(
                    f"{content.shown_root}/translations/{translation.code}",
                    0,
                    "",
                    "there is no catalogue of interface words for this language: add "
                    f"generator/i18n/locales/{translation.code}/LC_MESSAGES/handbook.po "
                    "(run `handbook messages`)",
                ),
            )
    return problems


def status(editions: list[Edition]) -> list[dict[str, object]]:
    """For the translations page: per language, what is translated (and whether it may be
    out of date, and whether a clinician has reviewed it) and what is missing, each named by
    its English title."""
    english = editions[0].book
    titles = {("exercises", e.id): e.name for e in english.exercises}
    titles |= {("routines", p.routine.id): p.routine.name for p in english.routines}
    titles |= {
        ("causes", "causes"): "Why feet?",
        ("references", "references"): "References",
        ("safety", "safety"): "Safety",
        ("handbook", "handbook"): "Home",
    }
    languages = []
    for edition in editions[1:]:
        assert edition.translation is not None
        translated = [
            (titles[key], document.stale, document.status == "reviewed")
            for key, document in sorted(edition.translation.documents.items())
        ]
        languages.append(
            {
                "code": edition.code,
                "name": edition.name,
                "draft": edition.draft,
                "translated": translated,
                "missing": [titles[key] for key in edition.translation.missing],
            }
        )
    return languages


def translated_toggle(option: dict[str, Any], lang: Language) -> dict[str, Any]:
    toggle = option.get("toggle")
    if not isinstance(toggle, dict) or "name" not in toggle:
        return option
    return {**option, "toggle": {**toggle, "name": lang.gettext(str(toggle["name"]))}}


def config_name(edition: Edition) -> str:
    return f"mkdocs.{edition.code}.yml"


def generated_config(
    site: SiteConfig, edition: Edition, editions: list[Edition], root: Path
) -> str:
    """The MkDocs configuration of one edition, written into the docs folder `root`.

    Paths are relative to the file itself: MkDocs resolves them from the configuration that
    names them, so the theme's overrides and the hooks are named again from here.
    """
    here = root.resolve()

    def relative(path: Path) -> str:
        return os.path.relpath(path.resolve(), here)

    theme: dict[str, object] = {"language": edition.code}
    if site.palette:  # a list replaces the inherited one whole: every option, names translated
        theme["palette"] = [translated_toggle(option, edition.lang) for option in site.palette]
    if site.custom_dir:
        theme["custom_dir"] = relative(site.custom_dir)
    up = "../" if edition.folder else "./"
    config = {
        "INHERIT": relative(site.file),
        "docs_dir": edition.code,
        "site_url": site.url + edition.folder,
        "site_name": edition.lang.gettext(site.name),
        "site_description": edition.lang.gettext(site.description),
        **({"copyright": edition.lang.gettext(site.copyright)} if site.copyright else {}),
        "theme": theme,
        "hooks": [relative(path) for path in site.hooks],
        "extra": {
            "short_name": edition.lang.gettext(site.short_name),
            "words": theme_words(edition.lang),
            "alternate": [
                {
                    "name": other.name,
                    "link": up + other.folder,
                    "lang": other.code,
                    "url": site.url + other.folder,  # the handbook's own key: for hreflang
                }
                for other in editions
            ],
        },
        "nav": [{edition.lang.gettext(title): target} for title, target in site.nav]
        + [{edition.lang.gettext("Translations"): "translations/index.md"}],
    }
    problems = theme_text_problems(config)
    if problems:  # a translated setting: the catalogue's words reach the theme unescaped
        where = os.path.relpath(catalogue_path(edition.code))
        raise ConfigError(
            "\n".join(printable(f"{where}: the translation of {problem}") for problem in problems)
        )
    head = (
        f"# Generated by `handbook generate` for the {edition.code} pages: edit mkdocs.yml and "
        "content/, not this file.\n"
    )
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=True)
