"""Rules declared once, run in two languages: the shared cases in tests/spec/*.json.

Python writes the cases from its own rules (words.py, plan.py, model.Dosage.merged, cards.py,
calendar.py), with the page data the scripts read (#hb-words) in every language; the scripts'
modules (generator/assets/*.js) run them under node (`node --test tests/spec/`), with no
browser. The cases are regenerated like the golden files:
`pytest tests/test_spec.py --update-golden`, then read the diff.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import random
import shutil
import subprocess
import time
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import generator.render.site  # noqa: F401  (the page kinds first: outputs.api imports them)
from generator.check.editions import Edition, check_editions
from generator.render.outputs.api import exercises_file
from generator.render.outputs.calendar import reminder_calendar, routine_reminder
from generator.render.pages.common import Settings
from generator.render.pages.script_words import words_data
from generator.rules import words
from generator.rules.cardfit import PROGRAMME_EXTRA_MM, programme_fit
from generator.rules.plan import session_seconds, session_steps
from generator.source.book import RoutineItem
from generator.source.model import MAX_CARD_EXERCISES, Dosage, DosageOverride, minutes

from .conftest import ROOT

SPEC = ROOT / "tests" / "spec"
SITE = "https://handbook.test/sub/"
#: Every count a plural category can hang on in the handbook's languages, and some large ones.
COUNTS = [0, 1, 2, 3, 4, 5, 7, 11, 12, 21, 22, 25, 100, 101, 1000, 1001]
DOSAGE_FIELDS = ("hold_seconds", "duration_seconds", "reps", "sets", "per_side", "directions")
FREQUENCY_FIELDS = ("times_per_day", "days_per_week")
#: Days the calendar cases are made on: mid-week, a Sunday night, the year's end, a leap day.
NOW = [
    datetime.datetime(2026, 3, 4, 9, 30, tzinfo=datetime.UTC),
    datetime.datetime(2026, 3, 8, 23, 59, tzinfo=datetime.UTC),
    datetime.datetime(2026, 12, 31, 12, 0, tzinfo=datetime.UTC),
    datetime.datetime(2028, 2, 28, 7, 0, tzinfo=datetime.UTC),
]


@cache
def editions() -> list[Edition]:
    return check_editions(ROOT / "content").editions


def settings_of(edition: Edition) -> Settings:
    folder = "" if edition.code == "en" else f"{edition.code}/"
    return Settings(
        site_name="Test handbook",
        site_url=SITE + folder,
        lang=edition.lang,
        english=edition.english,
    )


def dosage_data(dosage: Dosage) -> dict[str, Any]:
    data = dosage.model_dump(mode="json")
    return {field: data[field] for field in (*DOSAGE_FIELDS, *FREQUENCY_FIELDS)}


def some_dosages(edition: Edition, rng: random.Random, count: int) -> list[Dosage]:
    """Every exercise's own dosage, then `count` drawn ones (small enough to list steps)."""
    found = [exercise.dosage for exercise in edition.book.exercises]
    directions = sorted({d for e in edition.book.exercises for d in e.dosage.directions})
    for _ in range(count):
        kind = rng.choice(["hold", "duration", "neither"])
        seconds = rng.choice([1, 2, 5, 10, 30, 45, 60, 90, 600])
        found.append(
            Dosage.model_validate(
                {
                    "hold_seconds": seconds if kind == "hold" else None,
                    "duration_seconds": seconds if kind == "duration" else None,
                    "reps": rng.choice([1, 2, 3, 5, 10, 12]),
                    "sets": rng.choice([1, 1, 2, 3]),
                    "per_side": rng.choice([None, "foot", "leg"]),
                    "directions": rng.sample(directions, rng.choice([0, 0, 1, 2, 3])),
                    "times_per_day": rng.randint(1, 3),
                    "days_per_week": rng.randint(1, 7),
                    "repetition": "One go.",
                }
            )
        )
    return found


def words_cases() -> dict[str, Any]:
    rng = random.Random(28)
    cases = {}
    for edition in editions():
        lang = edition.lang
        cases[edition.code] = {
            "words": words_data(lang),
            "dosages": [
                {
                    "dosage": dosage_data(dosage),
                    "words": words.dosage_words(dosage, lang=lang),
                    "short": words.dosage_words(dosage, short=True, lang=lang),
                    "frequency": words.frequency_words(dosage, lang=lang),
                }
                for dosage in some_dosages(edition, rng, 40)
            ],
            "plurals": {
                key: {str(n): words.say_count(lang, key, n) for n in COUNTS}
                for key in words.PLURALS
            },
            "times": {str(n): words.times(n, lang=lang) for n in COUNTS},
            "minutes": {str(n): words.minutes_words(n, lang=lang) for n in COUNTS if n},
            "joins": [
                {"items": items, "said": words.join_words(items, lang=lang)}
                for items in ([], ["a"], ["a", "b"], ["a", "b", "c"], ["x, y", "z"])
            ],
        }
    return cases


def steps_cases() -> dict[str, Any]:
    rng = random.Random(27)
    cases = {}
    for edition in editions():
        listed = []
        for dosage in some_dosages(edition, rng, 12):
            seconds = session_seconds(dosage)
            steps = session_steps("Some exercise", dosage, lang=edition.lang)
            listed.append(
                {
                    "name": "Some exercise",
                    "dosage": dosage_data(dosage),
                    "steps": [dataclasses.asdict(step) for step in steps],
                    "seconds": seconds,
                    "minutes": minutes(seconds),
                }
            )
        # The longest sessions the model allows: their seconds alone.
        for kind in ("hold_seconds", "duration_seconds", None):
            most = {"reps": 50, "sets": 10, "per_side": "leg", "directions": ["a", "b", "c"]}
            dosage = Dosage.model_validate(
                most
                | ({kind: 600} if kind else {})
                | {"times_per_day": 3, "days_per_week": 7, "repetition": "One go."}
            )
            seconds = session_seconds(dosage)
            listed.append(
                {"dosage": dosage_data(dosage), "seconds": seconds, "minutes": minutes(seconds)}
            )
        cases[edition.code] = {"words": words_data(edition.lang), "cases": listed}
    return cases


def merge_cases() -> list[dict[str, Any]]:
    """A programme's dosage: the exercise's own, changed by the link (model.Dosage.merged)."""
    rng = random.Random(26)
    cases = []
    for exercise in editions()[0].book.exercises:
        for _ in range(4):
            item: dict[str, Any] = {
                "hold_seconds": None,
                "duration_seconds": None,
                "reps": rng.randint(1, 50),
                "sets": rng.randint(1, 10),
            }
            given = rng.choice(["hold_seconds", "duration_seconds", None])
            if given:
                item[given] = rng.randint(1, 600)
            times, days = rng.randint(1, 3), rng.randint(1, 7)
            change = {k: v for k, v in item.items() if v is not None}
            change |= {"times_per_day": times, "days_per_week": days}
            merged = exercise.dosage.merged(DosageOverride.model_validate(change))
            cases.append(
                {
                    "own": dosage_data(exercise.dosage),
                    "item": item,
                    "times": times,
                    "days": days,
                    "merged": dosage_data(merged),
                }
            )
    return cases


def fit_cases() -> dict[str, Any]:
    """Programme cards in every language: every routine's exercises, the longest exercises
    at their longest dosage, and drawn programmes; with and without a note."""
    rng = random.Random(25)
    cases = {}
    for edition in editions():
        book, lang = edition.book, edition.lang
        catalogue = exercises_file(book, settings_of(edition)).model_dump(mode="json")
        # A routine started in the builder: its exercises and dosages, without its notes.
        programmes: list[tuple[list[RoutineItem], int]] = [
            (
                [RoutineItem(item.exercise, item.dosage, None) for item in plan.items],
                plan.routine.frequency.times_per_day,
            )
            for plan in book.routines
        ]
        longest = sorted(book.exercises, key=lambda e: -sum(map(len, e.steps + e.all_cautions)))
        for count in range(1, MAX_CARD_EXERCISES + 1):
            for times in (1, 3):
                items = []
                for exercise in longest[:count]:
                    dosage = exercise.dosage.merged(
                        DosageOverride.model_validate(
                            {"reps": 50, "sets": 10, "times_per_day": times, "days_per_week": 3}
                        )
                    )
                    items.append(RoutineItem(exercise, dosage, None))
                programmes.append((items, times))
        for _ in range(40):
            times = rng.randint(1, 3)
            chosen = rng.sample(book.exercises, rng.randint(1, MAX_CARD_EXERCISES))
            items = []
            for exercise in chosen:
                change = {"reps": rng.randint(1, 50), "sets": rng.randint(1, 10)}
                change |= {"times_per_day": times, "days_per_week": rng.randint(1, 7)}
                dosage = exercise.dosage.merged(DosageOverride.model_validate(change))
                items.append(RoutineItem(exercise, dosage, None))
            programmes.append((items, times))
        listed = []
        for items, times in programmes:
            for note in (False, True):
                fit = programme_fit(items, book.safety, times, note=note, lang=lang)
                listed.append(
                    {
                        "entries": [
                            {"id": item.exercise.id, "dosage": dosage_data(item.dosage)}
                            for item in items
                        ],
                        "sessions": times,
                        "note": note,
                        "fit": fit.name,
                    }
                )
        cases[edition.code] = {
            "words": words_data(lang),
            "card": catalogue["card"],
            "extra_mm": PROGRAMME_EXTRA_MM,
            "exercises": {
                e["id"]: {"name": e["name"], "card": e["card"]} for e in catalogue["exercises"]
            },
            "cases": listed,
        }
    return cases


def calendar_cases() -> list[dict[str, Any]]:
    """Every routine's reminder in every language, made on several days; and a programme's."""
    cases = []
    for edition in editions():
        settings = settings_of(edition)
        for plan in edition.book.routines:
            reminder = routine_reminder(plan, edition.book, settings)
            for now in NOW:
                cases.append(
                    {
                        "reminder": reminder,
                        "now": now.isoformat(),
                        "text": reminder_calendar(reminder, now),
                    }
                )
    odd = {
        "summary": "Semicolons; commas, back\\slashes and\nlines",
        "description": "Ünïcödé 足 " * 12,
        "url": SITE + "programme/#v1.37.toe-walking",
        "key": "programme",
        "host": "handbook.test",
        "minutes": 7,
        "days": ["MO", "WE", "FR"],
        "hours": [8, 13, 18],
        "weeks": 6,
    }
    cases += [
        {"reminder": odd, "now": n.isoformat(), "text": reminder_calendar(odd, n)} for n in NOW
    ]
    return cases


def all_cases() -> dict[str, Any]:
    return {
        "words": words_cases(),
        "steps": steps_cases(),
        "merge": merge_cases(),
        "fit": fit_cases(),
        "calendar": calendar_cases(),
    }


def dumped(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_the_shared_cases_are_pythons_rules_today(update_golden: bool) -> None:
    """tests/spec/*.json are what Python's rules say now: a rule changed in Python without
    regenerating them fails here, and the scripts are then checked against the new cases."""
    stale = []
    for name, data in all_cases().items():
        file = SPEC / f"{name}.json"
        text = dumped(data)
        if update_golden:
            file.write_text(text, "utf-8")
        elif not file.is_file() or file.read_text("utf-8") != text:
            stale.append(file.name)
    assert not stale, f"{stale} out of date: run pytest tests/test_spec.py --update-golden"


def node_spec(env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (scripts/install-system-deps)")
    return subprocess.run(
        [node, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "--test", str(SPEC)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TZ": "UTC", **(env or {})},
        timeout=300,
    )


def test_the_scripts_pass_the_shared_cases(capsys: pytest.CaptureFixture[str]) -> None:
    """`node --test tests/spec/`: every case, against the modules pages load."""
    started = time.monotonic()
    run = node_spec()
    took = time.monotonic() - started
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout
    with capsys.disabled():
        print(f"\nnode --test tests/spec/: {took:.2f} s")


def test_the_spec_run_fails_when_a_script_breaks_a_rule(tmp_path: Path) -> None:
    """The node tests can fail: the same cases against a words.js with one rule broken."""
    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "generator" / "assets", assets)
    source = (assets / "steps.js").read_text("utf-8")
    broken = source.replace("rules.tempo_seconds * d.reps", "rules.tempo_seconds * (d.reps + 1)")
    assert broken != source
    (assets / "steps.js").write_text(broken, "utf-8")
    run = node_spec({"HB_ASSETS": str(assets)})
    assert run.returncode != 0 and "# fail 0" not in run.stdout
