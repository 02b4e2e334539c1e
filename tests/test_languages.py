"""The handbook in Spanish and German (both complete drafts), and the visible fallback to
English where a language lacks a file (a copy of the content with German files removed)."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.check.editions import check_editions
from generator.cli import main
from generator.i18n.extract import missing_messages
from generator.i18n.languages import language
from generator.rules.words import dosage_words, frequency_words, minutes_words
from generator.source.model import Dosage
from generator.source.textfields import get_at
from generator.source.translationfiles import english_documents, translatable

from .conftest import ROOT


def pages(site: Path) -> list[str]:
    """Every English page of the site, as a path inside it."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] not in ("es", "de")
    )


def test_every_english_page_exists_in_every_language(built_site: Any) -> None:
    site, _, _ = built_site
    english = pages(site)
    assert len(english) > 40
    for code in ("es", "de"):
        missing = [page for page in english if not (site / code / page).is_file()]
        assert missing == [], code


def test_each_page_says_its_language(built_site: Any) -> None:
    site, _, _ = built_site
    for code, folder in (("en", site), ("es", site / "es"), ("de", site / "de")):
        for page in ("index.html", "exercises/toe-walking/index.html", "cards/desk/index.html"):
            html = (folder / page).read_text("utf-8")
            assert re.search(rf'<html lang="{code}"', html), (code, page)


class _Texts(HTMLParser):
    """Visible text, each piece with the language of the element it is in."""

    def __init__(self, page_language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("html", page_language)]
        self.pieces: list[tuple[str, str]] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link", "img", "br", "hr", "input", "source", "path", "rect", "line"):
            return
        values = dict(attrs)
        self.stack.append((tag, str(values.get("lang") or self.stack[-1][1])))
        if tag in ("script", "style", "svg", "template"):
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                if tag in ("script", "style", "svg", "template"):
                    self.skipping -= 1
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.pieces.append((" ".join(data.split()), self.stack[-1][1]))


def texts(page: Path, page_language: str) -> list[tuple[str, str]]:
    parser = _Texts(page_language)
    parser.feed(page.read_text("utf-8"))
    return parser.pieces


@pytest.fixture(scope="module")
def english_texts() -> list[str]:
    """Sentences of the English content that a translation must not show (not names)."""
    from generator.source.load import load_content

    content = load_content(ROOT / "content")
    found = []
    for loaded in english_documents(content).values():
        data = loaded.source.data
        for field in translatable(type(loaded.model), data):
            text = get_at(data, field.path)
            if len(text.split()) >= 5:
                found.append(" ".join(text.split()))
    return found


def test_no_english_sentence_on_a_spanish_page(built_site: Any, english_texts: list[str]) -> None:
    site, _, _ = built_site
    leaks = []
    for page in sorted((site / "es").rglob("*.html")):
        if {"api", "translations"} & set(page.parts):
            # The translations page names each file by its English title, marked lang="en".
            continue
        shown = " ".join(text for text, _ in texts(page, "es"))
        leaks += [f"{page.relative_to(site)}: {s[:50]}" for s in english_texts if s in shown]
    assert leaks == []


#: German files the fallback tests remove from a copy of the content.
UNTRANSLATED = ("ball-roll", "towel-stretch")


@pytest.fixture(scope="module")
def partial_german_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from a copy of the content whose German lacks two exercises: their
    German pages show the English, marked."""
    root = tmp_path_factory.mktemp("partial-german")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    for name in UNTRANSLATED:
        (content / f"translations/de/exercises/{name}.yml").unlink()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        pipeline.build(content, root / "docs", root / "site")
    return root / "site"


def test_english_shown_on_german_pages_is_marked(
    partial_german_site: Path, english_texts: list[str]
) -> None:
    site = partial_german_site
    unmarked = []
    for name in UNTRANSLATED:
        for page in (
            site / f"de/exercises/{name}/index.html",
            site / f"de/cards/exercises/{name}/index.html",
        ):
            pieces = texts(page, "de")
            assert any(lang == "en" for _, lang in pieces), page
            for text, lang in pieces:
                if lang != "en" and any(
                    text in sentence for sentence in english_texts if len(text) > 25
                ):
                    unmarked.append(f"{page.relative_to(site)}: {text[:50]}")
            html = page.read_text("utf-8")
            assert "hb-untranslated" in html or "cards" in page.parts
    assert unmarked == []


def test_pages_of_a_draft_translation_say_so(built_site: Any) -> None:
    site, _, _ = built_site
    for page in (
        "es/index.html",
        "es/exercises/toe-walking/index.html",
        "es/cards/desk/index.html",
    ):
        assert "hb-notice" in (site / page).read_text("utf-8"), page
    assert "hb-notice" not in (site / "index.html").read_text("utf-8")


def test_the_translations_page_lists_what_is_done_missing_and_out_of_date(
    built_site: Any, partial_german_site: Path
) -> None:
    site, _, _ = built_site
    text = " ".join(t for t, _ in texts(site / "translations/index.html", "en"))
    assert "Deutsch" in text and "Español" in text
    german = text.split("Deutsch ( de )", 1)[1].split("Español ( es )", 1)[0]
    assert "Missing: 0" in german  # every German file is translated
    partial = " ".join(t for t, _ in texts(partial_german_site / "translations/index.html", "en"))
    german = partial.split("Deutsch ( de )", 1)[1].split("Español ( es )", 1)[0]
    missing = german.split("Missing: 2", 1)[1]  # listed after the count
    assert "Ball roll under the foot" in missing and "Towel leg raise stretch" in missing


def test_the_interface_catalogues_are_complete_and_current() -> None:
    site = pipeline.load_site(ROOT / "mkdocs.yml", ROOT / "build" / "docs")
    assert missing_messages(site.reader_words()) == {}, "run `handbook messages`, translate"


@pytest.mark.parametrize(
    ("code", "fields", "amount", "often"),
    [
        (
            "es",
            {"hold_seconds": 5, "reps": 1},
            "Mantenga 5 segundos",
            "Una vez al día, 5 días a la semana",
        ),
        (
            "es",
            {"hold_seconds": 1, "reps": 3},
            "Mantenga 1 segundo, 3 veces",
            "Una vez al día, 5 días a la semana",
        ),
        (
            "de",
            {"duration_seconds": 20, "reps": 2},
            "20 Sekunden, zweimal",
            "Einmal am Tag, an 5 Tagen pro Woche",
        ),
    ],
)
def test_dosage_words_in_each_language_with_plurals(
    code: str, fields: dict[str, int], amount: str, often: str
) -> None:
    dosage = Dosage.model_validate(
        {"repetition": "x", "times_per_day": 1, "days_per_week": 5, **fields}
    )
    lang = language(code)
    assert dosage_words(dosage, lang=lang) == amount
    assert frequency_words(dosage, lang=lang) == often
    assert minutes_words(1, lang=lang) != minutes_words(2, lang=lang)


def translated_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda text: re.sub(r"(?m)^(steps:\n)- .*\n", r"\1", text, count=1),
            "steps[4]: the translation of this text is missing",
        ),
        (lambda text: text + "colour: rojo\n", "colour: not a text of the English file"),
        (
            lambda text: text.replace("20 segundos", "30 segundos", 1),
            "has other numbers than the English",
        ),
        (
            lambda text: text.replace("dosage:\n", "dosage:\n  hold_seconds: 10\n", 1),
            "dosage.hold_seconds: not a text of the English file",
        ),
    ],
    ids=["missing-step", "unknown-key", "translated-number", "dosage-number"],
)
def test_a_broken_translation_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any, message: str
) -> None:
    content = translated_content(tmp_path)
    path = content / "translations/es/exercises/toe-walking.yml"
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    assert main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    problems = err.splitlines()[:-1]  # the last line counts them
    assert problems and all("translations/es/exercises/toe-walking.yml:" in p for p in problems)
    assert message in err, err


def test_a_translation_made_from_older_english_is_a_warning_and_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = translated_content(tmp_path)
    english = content / "exercises/toe-walking.yml"
    english.write_text(
        english.read_text("utf-8").replace("Take small, slow steps.", "Take small, careful steps."),
        "utf-8",
    )
    assert main(["check", "--content", str(content)]) == 0
    err = capsys.readouterr().err
    assert (
        "translations/es/exercises/toe-walking.yml:4: translated_from: made from another version"
        in err
    )
    checked = check_editions(content)
    spanish = next(e for e in checked.editions if e.code == "es")
    assert spanish.translation is not None
    assert spanish.translation.documents[("exercises", "toe-walking")].stale


def test_the_guided_session_speaks_the_language_of_its_page(built_site: Any) -> None:
    site, _, _ = built_site

    def plan(path: str) -> dict[str, Any]:
        html = (site / path / "index.html").read_text("utf-8")
        found = re.search(
            r'<script type="application/json" id="hb-session-plan">(.*?)</script>', html
        )
        assert found, path
        return dict(json.loads(found.group(1)))

    english, spanish = plan("routines/desk"), plan("es/routines/desk")
    same = [key for key, word in english["words"].items() if spanish["words"][key] == word]
    assert same == []
    assert spanish["words"]["times"] == {"one": "hecho una vez", "other": "hecho {n} veces"}
    labels = [s["label"] for e in spanish["exercises"] for s in e["steps"]]
    english_parts = ("get into position", "hold ", "let go", " foot", " of ", "now the")
    assert [label for label in labels if any(part in label for part in english_parts)] == []
    assert [s["seconds"] for e in spanish["exercises"] for s in e["steps"]] == [
        s["seconds"] for e in english["exercises"] for s in e["steps"]
    ]


def english_interface_fragments() -> list[str]:
    """Pieces of three or more words of every interface message, between its placeholders."""
    from babel.messages.pofile import read_po

    from generator.i18n.languages import LOCALES

    with (LOCALES / "handbook.pot").open("rb") as source:
        catalogue = read_po(source)
    found = set()
    for message in catalogue:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for piece in re.split(r"%\(\w+\)[ds]|\{\w+\}", text):
                if len(piece.split()) >= 3:
                    found.add(" ".join(piece.split()))
    return sorted(found)


@pytest.mark.browser
def test_the_spanish_builder_and_programme_pages_speak_spanish(built_site: Any) -> None:
    from .browser import shared_browser
    from .helpers.builder import five_exercise_link

    _site, base_url, _book = built_site
    page = shared_browser().new_page(viewport={"width": 1280, "height": 900})
    link = five_exercise_link(page, base_url)
    page.goto(base_url + "es/builder/")
    page.locator("[data-hb-routine]").first.click()
    shown = {"builder": page.locator("body").inner_text()}
    page.goto(link.replace("/programme/", "/es/programme/"))
    page.get_by_role("button", name="Empezar", exact=True).wait_for()
    shown["programme"] = page.locator("body").inner_text()
    # Too short for the check below, and filled in by the script: the card's count.
    assert "5 ejercicios" in page.locator(".hb-card-meta").inner_text()
    page.goto(base_url + "es/programme/#v1.nonsense")
    page.locator("[data-hb-error]").wait_for()
    shown["broken link"] = page.locator("body").inner_text()
    page.close()
    english = english_interface_fragments()
    said = {name: [e for e in english if e in text] for name, text in shown.items()}
    assert said == {name: [] for name in shown}
