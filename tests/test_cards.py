"""Cards printed by real headless Chromium: one page on A4 and on Letter, readable, with a QR."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.i18n.languages import language
from generator.publish.pdf import card_folders
from generator.rules.cardfit import routine_fit
from generator.rules.words import dosage_words, frequency_words
from generator.source.model import MAX_CARD_EXERCISES

from .browser import chromium, screenshot
from .cases import make_case
from .conftest import build_with_pdfs
from .helpers.pdfs import LANGUAGES, pdf_pages, pdf_text

EN = language("en")  # words are said in a language: there is no default

pytestmark = pytest.mark.browser


def test_every_card_prints_on_exactly_one_page_of_a4_and_letter(printed_site: Any) -> None:
    site, _, book = printed_site
    folders = card_folders(site)
    assert len(folders) == (len(book.routines) + len(book.exercises)) * len(LANGUAGES)
    for folder in folders:
        for paper in ("a4", "letter"):
            pdf = folder / f"{folder.name}-{paper}.pdf"
            assert pdf_pages(pdf) == 1, f"{pdf.relative_to(site)} spills onto a second page"


@pytest.fixture(scope="module")
def worst_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The longest content the models allow, built with every card printed."""
    root = tmp_path_factory.mktemp("worst")
    content = make_case("worst", root / "content")
    build_with_pdfs(content, root / "docs", root / "site")
    return root / "site"


def test_the_longest_content_the_models_allow_still_prints_on_one_sheet(worst_site: Path) -> None:
    cards = [worst_site / "cards" / "worst", worst_site / "cards/exercises/worst-1"]
    assert "hb-layout-compact" in (cards[0] / "index.html").read_text("utf-8")
    for folder in cards:
        for paper in ("a4", "letter"):
            pdf = folder / f"{folder.name}-{paper}.pdf"
            assert pdf_pages(pdf) == 1, f"{pdf.name} spills onto a second page"
            text = pdf_text(pdf)
            assert "Tick a box" in text and "Notes from your clinician" in text


def test_routine_cards_hold_every_exercise_name_dosage_frequency_and_red_flag(
    printed_site: Any,
) -> None:
    site, _, book = printed_site
    for plan in book.routines:
        for paper in ("a4", "letter"):
            text = pdf_text(site / "cards" / plan.routine.id / f"{plan.routine.id}-{paper}.pdf")
            assert plan.routine.name in text
            for item in plan.items:
                assert item.exercise.name in text
                cautions = routine_fit(plan, book.safety, lang=EN).cautions(item.exercise)
                assert set(item.exercise.warnings) <= set(cautions), "safety ones always"
                for words in (dosage_words(item.dosage, short=True, lang=EN), *cautions):
                    assert " ".join(words.split()) in text, (plan.routine.id, words)
                assert frequency_words(item.dosage, lang=EN) in text
            for symptom in book.safety.urgent:
                assert " ".join(symptom.split()) in text
        card = (site / "cards" / plan.routine.id / "index.html").read_text("utf-8")
        rows = max(item.dosage.times_per_day for item in plan.items)
        assert card.count('class="hb-tick"') == 7 * rows, "one box a day per session"


def test_cards_with_room_show_big_pictures_and_what_fits(printed_site: Any) -> None:
    site, _, book = printed_site
    for plan in book.routines:
        card = (site / "cards" / plan.routine.id / "index.html").read_text("utf-8")
        expected = routine_fit(plan, book.safety, lang=EN)
        assert f"hb-layout-{expected.layout}" in card
        if len(plan.items) <= 3:
            assert expected.layout == "large", f"{plan.routine.id} wastes its sheet"


def test_qr_code_decodes_to_the_routine_page(printed_site: Any, tmp_path: Path) -> None:
    site, base_url, book = printed_site
    plan = book.routines[0]
    pdf = site / "cards" / plan.routine.id / f"{plan.routine.id}-a4.pdf"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "card")],
        check=True,
    )
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "card.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert decoded == f"{base_url}routines/{plan.routine.id}/"


def test_cards_use_body_text_of_at_least_10pt_and_no_colour_fill(printed_site: Any) -> None:
    _site, base_url, book = printed_site
    longest = max(book.routines, key=lambda plan: len(plan.items))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 900, "height": 1200})
        page.emulate_media(media="print")
        page.goto(f"{base_url}cards/{longest.routine.id}/")
        sizes = page.eval_on_selector_all(
            # Body text; the fine print under the red flags (address, version) is smaller.
            ".hb-card *:not(svg):not(svg *):not(.hb-card-small):not(.hb-card-small *)",
            "els => els.filter(e => e.childNodes.length && [...e.childNodes].some("
            "n => n.nodeType === 3 && n.textContent.trim())).map(e => "
            "parseFloat(getComputedStyle(e).fontSize))",
        )
        assert sizes and min(sizes) >= 10 * 96 / 72 - 0.01, min(sizes)
        backgrounds = page.eval_on_selector_all(
            ".hb-card, .hb-card *", "els => els.map(e => getComputedStyle(e).backgroundColor)"
        )
        assert set(backgrounds) <= {"rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"}
        page.emulate_media(media="screen")
        screenshot(page, f"card-{longest.routine.id}")


def test_card_page_links_its_pdfs_and_routine_page_links_the_card(printed_site: Any) -> None:
    site, _, book = printed_site
    plan = book.routines[0]
    card = (site / "cards" / plan.routine.id / "index.html").read_text("utf-8")
    assert f'href="{plan.routine.id}-a4.pdf"' in card
    assert f'href="{plan.routine.id}-letter.pdf"' in card
    routine = (site / "routines" / plan.routine.id / "index.html").read_text("utf-8")
    assert f'href="../../cards/{plan.routine.id}/"' in routine


def test_a_routine_too_long_for_one_card_is_a_content_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (project / "content/exercises/toe-walking.yml").read_text("utf-8")
    entries = []
    for number in range(MAX_CARD_EXERCISES + 1):
        ident = f"walk-{number}"
        (project / f"content/exercises/{ident}.yml").write_text(
            source.replace("id: toe-walking", f"id: {ident}").replace(
                "former_ids: [tiptoe-walk]\n", ""
            ),
            "utf-8",
        )
        entries.append(f"  - exercise: {ident}\n")
    (project / "content/routines/long.yml").write_text(
        "id: long\nname: Long\nsummary: Too long.\nsituation: other\ndescription: Too long.\n"
        "frequency: {times_per_day: 1, days_per_week: 5, review_weeks: 6}\n"
        "exercises:\n" + "".join(entries),
        "utf-8",
    )
    assert main(["check"]) == 1
    assert capsys.readouterr().err == (
        f"content/routines/long.yml:7: exercises: expected at most {MAX_CARD_EXERCISES} items, "
        f"got {MAX_CARD_EXERCISES + 1}: it is printed on the one-page cards, which must fit one "
        "sheet\n1 problem in the content\n"
    )


def test_pdf_without_chromium_is_a_clear_error(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("CHROMIUM", raising=False)
    assert main(["build", "--pdf"]) == 1
    assert "needs headless Chromium, which is not installed" in capsys.readouterr().err
    assert not (project / "site").exists()
