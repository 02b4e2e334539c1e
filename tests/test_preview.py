"""The preview's quick path (publish/preview.py): after a save that changed only exercises or
routines, the whole content is checked but only their own pages are made again, and those
pages are exactly what a whole generate makes; any other change makes everything again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.publish.preview import Preview, changed_entries
from generator.render.pages.common import Focus

from .helpers.serving import fetch, page_with, serving, wait_for

ROOT = Path(__file__).resolve().parent.parent

BEFORE = {
    "settings": b"s",
    "content/safety.yml": b"a",
    "content/exercises/toe-walking.yml": b"b",
    "content/routines/desk.yml": b"c",
    "content/translations/es/exercises/toe-walking.yml": b"d",
    "content/images/toe-walking.svg": b"e",
    "generator/templates/exercise.md.j2": b"f",
}


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ({}, Focus(frozenset())),
        ({"content/exercises/toe-walking.yml": b"x"}, Focus(frozenset({"toe-walking"}))),
        ({"content/routines/desk.yml": b"x"}, Focus(frozenset({"desk"}))),
        (
            {"content/translations/es/exercises/toe-walking.yml": b"x"},
            Focus(frozenset({"toe-walking"})),
        ),
        (
            {"content/exercises/toe-walking.yml": b"x", "content/routines/desk.yml": b"y"},
            Focus(frozenset({"toe-walking", "desk"})),
        ),
        ({"content/safety.yml": b"x"}, None),
        ({"content/images/toe-walking.svg": b"x"}, None),
        ({"settings": b"x"}, None),
        ({"generator/templates/exercise.md.j2": b"x"}, None),
        ({"content/exercises/toe-walking.yml": b"x", "content/safety.yml": b"y"}, None),
    ],
)
def test_only_changed_entry_files_narrow_the_next_generate(
    changed: dict[str, bytes], expected: Focus | None
) -> None:
    assert changed_entries(BEFORE, BEFORE | changed) == expected


def test_a_file_added_or_removed_makes_everything_again() -> None:
    added = BEFORE | {"content/exercises/new-one.yml": b"n"}
    assert changed_entries(BEFORE, added) is None
    assert changed_entries(added, BEFORE) is None


def test_the_first_generate_of_a_preview_and_one_after_a_failure_are_whole(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)
    site = pipeline.load_site(ROOT / "mkdocs.yml", tmp_path / "docs")
    preview = Preview()
    held, only = preview.focus(content, site)
    assert held is not None and only is None
    preview.succeeded(held)
    assert preview.focus(content, site)[1] == Focus(frozenset())
    preview.failed()
    assert preview.focus(content, site)[1] is None


def test_a_focused_generate_writes_what_a_whole_one_would_in_every_language(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    config = ROOT / "mkdocs.yml"
    quick, whole = tmp_path / "quick" / "docs", tmp_path / "whole" / "docs"
    pipeline.generate(content, quick, config)
    preview = Preview()
    preview.succeeded(preview.focus(content, pipeline.load_site(config, quick))[0])

    exercise = content / "exercises" / "toe-walking.yml"
    text = exercise.read_text("utf-8")
    assert "  days_per_week: 5\n" in text  # shown in every language, and in no translation
    text = text.replace("  days_per_week: 5\n", "  days_per_week: 4\n")
    # The summary shows on the pages of the routine that holds the exercise as well.
    text = text.replace("summary: Beside a kitchen counter", "summary: Next to a kitchen counter")
    exercise.write_text(text, "utf-8")
    site = pipeline.load_site(config, quick)
    only = preview.focus(content, site)[1]
    assert only == Focus(frozenset({"toe-walking"}))
    with pipeline.folders.locked(quick):
        written = pipeline.generate_for(site, content, quick, only=only).report.written
    pipeline.generate(content, whole, config)

    languages = {name.split("/", 1)[0] for name in written}
    assert languages == {"en", "es", "de"}
    assert all("toe-walking" in name or "full-up" in name for name in written), written
    assert f"en/{_page('exercises/toe-walking')}" in written
    assert f"en/{_page('routines/full-up')}" in written
    for name in written:
        assert (quick / name).read_bytes() == (whole / name).read_bytes(), name
    # The catalogue of every exercise is left as it was until a whole generate.
    catalogue = "en/api/v1/exercises.json"
    assert (quick / catalogue).read_bytes() != (whole / catalogue).read_bytes()


def _page(key: str) -> str:
    return f"{key}/index.md"


def test_the_preview_shows_a_changed_exercise_and_then_a_changed_shared_file(
    project: Path,
) -> None:
    with serving(project) as (base, log, _):
        url = base + "exercises/toe-walking/"
        assert "Walk slowly on the balls" in wait_for(lambda: fetch(url))
        exercise = project / "content" / "exercises" / "toe-walking.yml"
        text = exercise.read_text("utf-8")
        exercise.write_text(text.replace("Walk slowly on the balls", "Tiptoe along on"), "utf-8")
        assert "Preview:" in wait_for(lambda: page_with(url, "Tiptoe along on"))
        safety = project / "content" / "safety.yml"
        rule = safety.read_text("utf-8")
        assert "stop_rule:" in rule
        changed = rule.replace("stop_rule: ", "stop_rule: Changed rule. ", 1)
        safety.write_text(changed, "utf-8")
        wait_for(lambda: page_with(url, "Changed rule."))
        assert log.read_text("utf-8").count("rebuilt in") >= 3
