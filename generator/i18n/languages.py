"""Interface words in each language: gettext catalogues (generator/i18n/locales/<lang>/LC_MESSAGES/
handbook.po), read with Babel, with plural forms done by each language's own rule.

The catalogues hold the words of our templates and of words.py ("How much", "Stop if",
"Day 1", "3 times"); content is translated in content/translations (see translations.py).
English is the source language: its words are the message ids themselves.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "handbook"
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural for extraction, for ngettext where it is shown."""
    return singular, plural


@dataclass(frozen=True)
class Language:
    """A language of the site and its interface words."""

    code: str
    translations: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def plural_forms(self, say: Callable[[int], str]) -> dict[str, str]:
        """What `say` gives for the first count of each of this language's plural categories
        (CLDR: one, few, many, other...), for the browser to pick with Intl.PluralRules."""
        return {category: say(count) for category, count in first_counts(self.code).items()}


@cache
def first_counts(code: str) -> dict[str, int]:
    """The first count (of 1 to 199) in each of the language's plural categories, in order."""
    category = Locale.parse(code).plural_form
    counts: dict[str, int] = {}
    for count in range(1, 200):
        counts.setdefault(category(count), count)
    return counts


def catalogue_path(code: str) -> Path:
    return LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def language(code: str) -> Language:
    """The language `code` with its catalogue (English, the source, needs none)."""
    if code == SOURCE_LANGUAGE:
        return Language(code, NullTranslations())
    with catalogue_path(code).open("rb") as source:
        catalog = read_po(source, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Language(code, Translations(compiled, domain=DOMAIN))


def languages_with_catalogues() -> list[str]:
    """Every language that has a catalogue, besides English."""
    return sorted(path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
