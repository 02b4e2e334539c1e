"""German is a whole draft like Spanish, and the clinician's review of both holds (issue 28).

Each check is a function of a repository root, so it can be run against an older tree: every
one of them fails on the files before issue 28 (German had 6 of 19 files; the catalogues said
"dolor agudo", "mantenimiento").
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = Path("content/translations")
CATALOGUE = "generator/i18n/locales/{lang}/LC_MESSAGES/handbook.po"

#: Words the clinician's review took out, per language: what each one became is in the note.
RETIRED = {
    "es": [
        "dolor agudo",  # reads as acute pain: "dolor punzante o intenso"
        "mantenimiento",  # a hold is "mantener"
        "grupo de control",  # "grupo control sin tratamiento"
    ],
    "de": [
        "Zehenspitzengang",  # "Gehen auf Zehenspitzen"
        "barfuß",  # "bloßen Fußes"
        "Routine",  # a routine is an "Übungsfolge"
    ],
}


def translated_files(root: Path, lang: str) -> set[str]:
    folder = root / TRANSLATIONS / lang
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.yml")}


def german_missing(root: Path) -> list[str]:
    """Files the Spanish edition translates and the German does not."""
    return sorted(translated_files(root, "es") - translated_files(root, "de"))


def key_paths(data: Any, prefix: tuple[Any, ...] = ()) -> set[tuple[Any, ...]]:
    """Every key path of a YAML document, list positions included."""
    paths = set()
    if isinstance(data, dict):
        for key, value in data.items():
            paths.add((*prefix, key))
            paths |= key_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            paths |= key_paths(value, (*prefix, index))
    return paths


def german_keys_missing(root: Path) -> dict[str, list[str]]:
    """For each file the Spanish translates, the keys it has and the German lacks (all of them
    when there is no German file)."""
    found = {}
    for name in sorted(translated_files(root, "es")):
        spanish = key_paths(yaml.safe_load((root / TRANSLATIONS / "es" / name).read_text("utf-8")))
        german_file = root / TRANSLATIONS / "de" / name
        german = (
            key_paths(yaml.safe_load(german_file.read_text("utf-8")))
            if german_file.exists()
            else set()
        )
        if spanish - german:
            found[name] = sorted(".".join(map(str, path)) for path in spanish - german)
    return found


def texts(root: Path, lang: str) -> list[tuple[str, str]]:
    """(where, text) of a language's content translations and its catalogue's msgstr."""
    found = [
        (path.relative_to(root).as_posix(), path.read_text("utf-8"))
        for path in sorted((root / TRANSLATIONS / lang).rglob("*.yml"))
    ]
    catalogue = root / CATALOGUE.format(lang=lang)
    with catalogue.open("rb") as handle:
        for message in read_po(handle):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            where = f"{catalogue.relative_to(root)}: {message.id!r}"
            found += [(where, str(s)) for s in strings if s]
    return found


def retired_words(root: Path) -> list[str]:
    return [
        f"{where}: {word!r}"
        for lang, words in RETIRED.items()
        for where, text in texts(root, lang)
        for word in words
        if word in text
    ]


def test_every_file_spanish_translates_german_translates_too() -> None:
    assert translated_files(ROOT, "es"), "no Spanish translations found"
    assert german_missing(ROOT) == []


def test_no_german_file_lacks_a_key_of_the_spanish_one() -> None:
    assert german_keys_missing(ROOT) == {}


def test_the_words_the_clinician_retired_are_gone() -> None:
    assert retired_words(ROOT) == []


def test_the_clinicians_words_are_there() -> None:
    spanish = "\n".join(text for _, text in texts(ROOT, "es")).lower()
    german = "\n".join(text for _, text in texts(ROOT, "de")).lower()
    for phrase in (
        "dolor punzante o intenso",
        "Pelvis inclinada hacia adelante",
        "grupo control sin tratamiento",
        "para tener o mantener una erección",
        "Ejercicios de pies",
    ):
        assert phrase.lower() in spanish, phrase
    for phrase in (
        "Gehen auf Zehenspitzen",
        "Übungsfolge",
        "Ihrer Physiotherapeutin oder Ihres Physiotherapeuten",
        "bloßen Fußes",
        "weniger oder gar kein Gefühl im Genitalbereich",
    ):
        assert phrase.lower() in german, phrase


# --- numbers are written the language's way (handbook check compares their values) ---

ENGLISH = "In a community study of 1,930 adults"


@pytest.fixture(scope="module")
def content_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def check_with(
    content: Path, lang: str, written: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """`handbook check` with the causes file's first 1,930 written as `written` in `lang`:
    its exit code and what it printed."""
    path = content / "translations" / lang / "causes.yml"
    original = path.read_text("utf-8")
    assert ENGLISH in (ROOT / "content/causes.yml").read_text("utf-8")
    number = next(n for n in ("1.930", "1,930") if n in original)
    path.write_text(original.replace(number, written, 1), "utf-8")
    capsys.readouterr()
    try:
        code = main(["check", "--content", str(content)])
    finally:
        path.write_text(original, "utf-8")
    printed = capsys.readouterr()
    return code, printed.out + printed.err


@pytest.mark.parametrize("lang", ["es", "de"])
@pytest.mark.parametrize("written", ["1.930", "1930", "1 930", "1\u00a0930"])
def test_a_number_written_the_languages_way_is_the_english_number(
    content_copy: Path, lang: str, written: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check_with(content_copy, lang, written, capsys)
    assert "other numbers than the English" not in out
    assert code == 0, out


@pytest.mark.parametrize("lang", ["es", "de"])
@pytest.mark.parametrize("written", ["1,930", "1.93", "193", "1.931"])
def test_a_number_that_reads_otherwise_in_the_language_is_refused(
    content_copy: Path, lang: str, written: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """'1,930' is 1.93 in Spanish and German: the English way of writing it is refused."""
    code, out = check_with(content_copy, lang, written, capsys)
    assert code != 0
    assert f"content/translations/{lang}/causes.yml:" in out
    assert "has other numbers than the English" in out
    assert "Traceback" not in out


def test_decimal_commas_and_points_in_references(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Spanish references write 'p < 0,0001' and '1,51'; a decimal point ('4.0', the
    licence's version) is read as written too."""
    spanish = (ROOT / TRANSLATIONS / "es/references.yml").read_text("utf-8")
    assert "0,0001" in spanish and "1,51" in spanish and "1.930" in spanish
    assert "0.0001" not in spanish and "1,930" not in spanish
    code, out = check_with(content_copy, "es", "1.930", capsys)
    assert code == 0, out
