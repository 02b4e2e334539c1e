"""The open catalogue (/api/v1/*.json): valid against its published schema, complete,
deterministic, and enough for a browser to lay out a card the way the generator does."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import icalendar
import jsonschema
import pytest

import generator.render.site  # noqa: F401  (the page kinds first: outputs.api imports them)
from generator.i18n.languages import language
from generator.pipeline import check_content
from generator.render.outputs.api import API_VERSION, dosage_limits
from generator.render.site import Settings, render_pages
from generator.rules.cardfit import FITS
from generator.source.book import Book
from generator.source.model import MAX_CARD_EXERCISES

from .conftest import ROOT

EN = language("en")  # words are said in a language: there is no default

SETTINGS = Settings(site_name="Test handbook", site_url="https://handbook.test/sub/", lang=EN)


@pytest.fixture(scope="module")
def book() -> Book:
    return check_content(ROOT / "content")


@pytest.fixture(scope="module")
def files(book: Book) -> dict[str, bytes]:
    return render_pages(book, SETTINGS)


def load(files: dict[str, bytes], name: str) -> Any:
    return json.loads(files[f"api/v1/{name}"])


@pytest.mark.parametrize("name", ["exercises", "routines"])
def test_each_file_is_valid_against_its_published_schema(
    files: dict[str, bytes], name: str
) -> None:
    schema = load(files, f"{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    document = load(files, f"{name}.json")
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["version"] == API_VERSION and API_VERSION.startswith("1.")
    assert document["licence"]["name"] == "CC BY-SA 4.0"
    url = f"https://handbook.test/sub/api/v1/{name}.schema.json"
    assert document["schema_url"] == schema["$id"] == url


def test_a_document_missing_a_field_or_with_an_unknown_one_is_refused(
    files: dict[str, bytes],
) -> None:
    schema = load(files, "exercises.schema.json")
    document = load(files, "exercises.json")
    del document["exercises"][0]["dosage"]["reps"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
    document = load(files, "exercises.json")
    document["exercises"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_output_is_deterministic_with_sorted_keys(book: Book, files: dict[str, bytes]) -> None:
    again = render_pages(book, SETTINGS)
    for name in ("exercises", "routines"):
        for file in (f"api/v1/{name}.json", f"api/v1/{name}.schema.json"):
            assert files[file] == again[file]
        text = files[f"api/v1/{name}.json"].decode()
        compact = json.dumps(
            json.loads(text), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        assert text == compact + "\n"


def test_every_exercise_with_its_words_pictures_and_former_ids(
    book: Book, files: dict[str, bytes]
) -> None:
    document = load(files, "exercises.json")
    assert [e["id"] for e in document["exercises"]] == [e.id for e in book.exercises]
    for exercise, out in zip(book.exercises, document["exercises"], strict=True):
        assert out["former_ids"] == exercise.former_ids
        assert out["steps"] == exercise.steps and out["cautions"] == exercise.cautions
        assert out["url"] == f"https://handbook.test/sub/exercises/{exercise.id}/"
        picture = f"https://handbook.test/sub/assets/images/{exercise.picture.file}"
        assert out["picture"]["url"] == picture
        assert out["picture"]["start_url"] == picture + "#start"
        assert out["picture"]["end_url"] == picture + "#end"
        assert f"assets/images/{exercise.picture.file}" in files
        assert "notes" not in out, "editors' notes are never published"
    assert any(e["former_ids"] for e in document["exercises"])
    toe_walking = next(e for e in document["exercises"] if e["id"] == "toe-walking")
    assert toe_walking["dosage"]["words"] == "20 seconds"
    assert toe_walking["dosage"]["frequency_words"] == "Once a day, 5 days a week"
    assert document["max_exercises"] == MAX_CARD_EXERCISES


def test_dosage_limits_are_the_models_own(files: dict[str, bytes]) -> None:
    limits = load(files, "exercises.json")["dosage_limits"]
    assert limits == {k: v.model_dump() for k, v in dosage_limits().items()}
    assert limits["reps"] == {"minimum": 1, "maximum": 50}
    assert limits["hold_seconds"] == {"minimum": 1, "maximum": 600}
    assert set(limits) == {
        "hold_seconds",
        "duration_seconds",
        "reps",
        "sets",
        "times_per_day",
        "days_per_week",
    }


def test_each_routines_layout_is_the_richest_its_published_heights_fit(
    files: dict[str, bytes],
) -> None:
    """The catalogue agrees with itself: each routine's published layout fits the sheet by
    its exercises' published heights, and no richer layout before it does. (How the browser
    turns those numbers into a layout is checked against cards.py by tests/spec/fit.json.)"""
    rules = load(files, "exercises.json")["card"]
    names = [fit["name"] for fit in rules["fits"]]
    assert names == [fit.name for fit in FITS] and len(set(names)) == len(names)
    layouts = set()
    for routine in load(files, "routines.json")["routines"]:
        room = rules["sheet_mm"] - rules["fixed_mm"][str(routine["sessions"])]

        def height(fit: dict[str, Any], routine: dict[str, Any] = routine) -> float:
            items = sum(item["item_mm"][fit["name"]] for item in routine["exercises"])
            return items + (rules["how_to_mm"] if fit["how_to"] else 0)

        chosen = names.index(routine["layout"])
        assert height(rules["fits"][chosen]) <= room or chosen == len(names) - 1, routine["id"]
        assert all(height(fit) > room for fit in rules["fits"][:chosen]), routine["id"]
        layouts.add(routine["layout"])
    assert len(layouts) > 1, "the routines reach more than one layout"


def test_routines_link_their_pages_card_and_calendar(files: dict[str, bytes]) -> None:
    for routine in load(files, "routines.json")["routines"]:
        assert routine["calendar_url"] == f"https://handbook.test/sub/routines/{routine['id']}.ics"
        assert routine["card_url"] == f"https://handbook.test/sub/cards/{routine['id']}/"
        assert 1 <= len(routine["exercises"]) <= MAX_CARD_EXERCISES


def test_every_exercise_and_routine_page_carries_valid_json_ld(built_site: Any) -> None:
    """Parsed from the built HTML: a HowTo per exercise, an ExercisePlan per routine, with
    <, > and & escaped so that no text can end the script element."""
    site, base_url, book = built_site
    found = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
    for kind, items in (("exercises", book.exercises), ("routines", book.routines)):
        for item in items:
            ident = item.id if kind == "exercises" else item.routine.id
            html = (site / kind / ident / "index.html").read_text("utf-8")
            (raw,) = found.findall(html)
            assert not set("<>&") & set(raw)
            document = json.loads(raw)
            assert document["@context"] == "https://schema.org"
            assert document["url"] == f"{base_url}{kind}/{ident}/"
            if kind == "exercises":
                assert document["@type"] == "HowTo"
                assert [s["text"] for s in document["step"]] == item.steps
                assert all(s["@type"] == "HowToStep" for s in document["step"])
            else:
                assert document["@type"] == "ExercisePlan"
                names = [part["name"] for part in document["hasPart"]]
                assert names == [i.exercise.name for i in item.items]


def test_json_ld_escapes_markup_in_content(tmp_path: Path) -> None:
    from generator.render.outputs.jsonld import exercise_jsonld

    book = check_content(ROOT / "content")
    exercise = book.exercises[0].model_copy(update={"name": "</script><b>&"})
    template = (ROOT / "overrides" / "main.html").read_text("utf-8")
    assert "page.meta.jsonld | tojson" in template
    from jinja2 import Environment

    raw = (
        Environment()
        .from_string("{{ value | tojson }}")
        .render(value=exercise_jsonld(exercise, SETTINGS))
    )
    assert "</script>" not in raw and "\\u003c/script\\u003e" in raw
    assert json.loads(raw)["name"] == "</script><b>&"
    del tmp_path


def test_every_routine_has_a_weekly_calendar_file(book: Book, files: dict[str, bytes]) -> None:
    for plan in book.routines:
        data = files[f"routines/{plan.routine.id}.ics"]
        calendar = icalendar.Calendar.from_ical(data)
        events = calendar.walk("VEVENT")
        assert len(events) == plan.routine.frequency.times_per_day
        event = events[0]
        assert event["RRULE"]["FREQ"] == ["WEEKLY"] and "COUNT" not in event["RRULE"]
        start = event.decoded("DTSTART")
        assert start.tzinfo is None and b"DTSTART:" in data and b"TZID" not in data
        assert plan.routine.name in str(event["SUMMARY"])
        assert str(event["URL"]) == f"https://handbook.test/sub/routines/{plan.routine.id}/"
        assert event.walk("VALARM")[0]["ACTION"] == "DISPLAY"
        assert event.decoded("DTSTAMP").isoformat() == f"{book.handbook.updated}T00:00:00+00:00"
        assert str(event["UID"]).endswith("@handbook.test")
    again = render_pages(book, SETTINGS)
    assert all(again[name] == data for name, data in files.items() if name.endswith(".ics"))
    routine_page = files[f"routines/{book.routines[0].routine.id}/index.md"].decode()
    assert f"(../{book.routines[0].routine.id}.ics)" in routine_page
