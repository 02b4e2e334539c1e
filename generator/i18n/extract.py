"""The interface words to translate, extracted with Babel from the templates and the Python
that words pages, plus the navigation titles of mkdocs.yml; and the catalogues kept up to date.

`handbook messages` writes generator/i18n/locales/handbook.pot and merges it into every
language's handbook.po (new messages empty, gone ones dropped); translators then fill in the
.po files. A test fails when the catalogues are behind the templates.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from generator.i18n.languages import DOMAIN, LOCALES, catalogue_path, languages_with_catalogues

PACKAGE = Path(__file__).parent.parent
KEYWORDS = {
    "_": None,
    "N_": None,
    "Nn_": (1, 2),
    "ngettext": (1, 2),
    "n_": (1, 2),
    "gettext": None,
}
METHODS = [
    ("templates/**.j2", "jinja2"),
    ("**.py", "python"),
]


def extract(config_words: list[str]) -> Catalog:
    """Every message of the generator, and `config_words`, the words of mkdocs.yml shown to
    readers (SiteConfig.reader_words), as a template catalogue."""
    catalog = Catalog(project="foot-handbook", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, _context in extract_from_dir(
        PACKAGE,
        method_map=METHODS,
        options_map={"templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}},
        keywords=KEYWORDS,
    ):
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments)
    for words in config_words:
        catalog.add(words, locations=[("mkdocs.yml", 0)], auto_comments=["from mkdocs.yml"])
    return catalog


def write_catalogues(words: list[str]) -> list[Path]:
    """Write the template and update every language's catalogue; return what changed."""
    template = extract(words)
    changed = []
    pot = LOCALES / f"{DOMAIN}.pot"
    if _write(pot, template):
        changed.append(pot)
    for code in languages_with_catalogues():
        path = catalogue_path(code)
        with path.open("rb") as source:
            catalog = read_po(source, locale=code, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        if _write(path, catalog):
            changed.append(path)
    return changed


def missing_messages(words: list[str]) -> dict[str, list[str]]:
    """Per language, the messages its catalogue lacks or leaves untranslated."""
    wanted = {message.id for message in extract(words) if message.id}
    missing = {}
    for code in languages_with_catalogues():
        with catalogue_path(code).open("rb") as source:
            catalog = read_po(source, locale=code, domain=DOMAIN)
        done = {
            message.id
            for message in catalog
            if message.id and not message.fuzzy and _translated(message.string)
        }
        lacking = sorted(str(m) for m in wanted - done)
        if lacking:
            missing[code] = lacking
    return missing


def _translated(string: object) -> bool:
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


def _write(path: Path, catalog: Catalog) -> bool:
    buffer = io.BytesIO()
    # Messages no template uses any more are dropped, not kept as comments: git keeps them.
    write_po(
        buffer,
        catalog,
        width=100,
        omit_header=True,
        sort_output=True,
        no_location=True,
        ignore_obsolete=True,
    )
    data = buffer.getvalue()
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True
