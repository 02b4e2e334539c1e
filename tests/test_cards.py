"""Cards printed by real headless Chromium: one page on A4 and on Letter, readable, with a QR."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.pdf import card_folders
from generator.words import dosage_words

from .browser import chromium, screenshot

pytestmark = pytest.mark.browser


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert match, info.stdout
    return int(match.group(1))


def test_every_card_prints_on_exactly_one_page_of_a4_and_letter(printed_site: Any) -> None:
    site, _, book = printed_site
    folders = card_folders(site)
    assert len(folders) == len(book.routines) + len(book.exercises)
    for folder in folders:
        for paper in ("a4", "letter"):
            pdf = folder / f"{folder.name}-{paper}.pdf"
            assert pdf_pages(pdf) == 1, f"{pdf.relative_to(site)} spills onto a second page"


def test_routine_cards_hold_every_exercise_name_and_dosage(printed_site: Any) -> None:
    site, _, book = printed_site
    for plan in book.routines:
        for paper in ("a4", "letter"):
            text = pdf_text(site / "cards" / plan.routine.id / f"{plan.routine.id}-{paper}.pdf")
            assert plan.routine.name in text
            for item in plan.items:
                assert item.exercise.name in text
                assert dosage_words(item.dosage, short=True) in text, (plan.routine.id, item)
            assert "Stop:" in text and "red flags" in text
        card = (site / "cards" / plan.routine.id / "index.html").read_text("utf-8")
        assert card.count('class="hb-tick"') == 7 * len(plan.items), "one box a day per exercise"


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
            ".hb-card *:not(svg):not(svg *)",
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
    for number in range(11):
        ident = f"walk-{number}"
        (project / f"content/exercises/{ident}.yml").write_text(
            source.replace("id: toe-walking", f"id: {ident}"), "utf-8"
        )
        entries.append(f"  - exercise: {ident}\n")
    (project / "content/routines/long.yml").write_text(
        "id: long\nname: Long\nsummary: Too long.\nsituation: other\ndescription: Too long.\n"
        "exercises:\n" + "".join(entries),
        "utf-8",
    )
    assert main(["check"]) == 1
    assert capsys.readouterr().err == (
        "content/routines/long.yml:6: exercises: routine 'long' has 11 exercises; a card fits "
        "at most 10: split it into two routines\n1 problem in the content\n"
    )


def test_pdf_without_chromium_is_a_clear_error(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("CHROMIUM", raising=False)
    assert main(["build", "--pdf"]) == 1
    assert "needs headless Chromium, which is not installed" in capsys.readouterr().err
    assert not (project / "site").exists()
