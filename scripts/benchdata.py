"""The synthetic catalogue `make bench` (scripts/bench.py) measures: N exercises and N/5
routines, deterministic from a seed, valid against the real schema (every list as long as
the model allows a card to hold)."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
WORDS = [
    "gentle",
    "slow",
    "steady",
    "press",
    "lift",
    "hold",
    "roll",
    "stretch",
    "reach",
    "curl",
    "spread",
    "rise",
    "lower",
    "turn",
    "breathe",
    "relax",
    "balance",
    "foot",
    "toes",
    "heel",
    "arch",
    "ankle",
    "calf",
    "floor",
    "chair",
    "wall",
    "towel",
]
sys.path.insert(0, str(ROOT))
from generator.source.model import (  # noqa: E402
    EQUIPMENT,
    MAX_CARD_EXERCISES,
    MAX_TIMES_PER_DAY,
    POSITIONS,
    SITUATIONS,
    Exercise,
)


def most_items(field: str) -> int:
    """The most items the model allows in an exercise's list `field` (a card must hold them)."""
    return next(
        m.max_length for m in Exercise.model_fields[field].metadata if hasattr(m, "max_length")
    )


def sentence(rng: random.Random, words: int = 8) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def exercise(rng: random.Random, index: int, total: int) -> dict[str, object]:
    ident = f"exercise-{index:05d}"
    dosage: dict[str, object] = {
        "reps": rng.randint(1, 12),
        "repetition": sentence(rng, 5),
        "times_per_day": rng.randint(1, MAX_TIMES_PER_DAY),
        "days_per_week": rng.randint(1, 7),
    }
    if rng.random() < 0.5:
        dosage["hold_seconds"] = rng.randint(2, 30)
    else:
        dosage["duration_seconds"] = rng.randint(10, 60)
    if rng.random() < 0.6:
        dosage["per_side"] = rng.choice(["foot", "leg"])
    other = f"exercise-{(index + 1) % total:05d}"
    return {
        "id": ident,
        "name": f"Exercise {index}",
        "summary": sentence(rng),
        "purpose": " ".join(sentence(rng, 12) for _ in range(2)),
        "position": rng.choice(sorted(POSITIONS)),
        "equipment": [rng.choice(sorted(EQUIPMENT))],
        "body_areas": ["foot"],
        "dosage": dosage,
        "steps": [sentence(rng) for _ in range(rng.randint(3, most_items("steps")))],
        "cues": [sentence(rng, 5) for _ in range(2)],
        "common_mistakes": [sentence(rng, 6)],
        "cautions": [sentence(rng, 8)],
        "stop_if": "Stop if it hurts.",
        "easier": [{"name": "Smaller", "description": sentence(rng)}],
        "harder": [{"exercise": other}] if total > 1 else [],
        "tags": [rng.choice(["strength", "stretch", "mobility"])],
        "picture": {
            "file": "synthetic.svg",
            "alt": "A synthetic picture of a foot exercise.",
            "licence": "CC0-1.0",
            "origin": "Benchmark.",
        },
    }


def make_catalogue(folder: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for name in ("causes.yml", "references.yml", "safety.yml", "handbook.yml"):
        shutil.copy(FIXTURE / name, folder / name)
    (folder / "images").mkdir(parents=True)
    shutil.copy(FIXTURE / "images" / "toe-walking.svg", folder / "images" / "synthetic.svg")
    (folder / "exercises").mkdir()
    for index in range(count):
        data = exercise(rng, index, count)
        (folder / "exercises" / f"{data['id']}.yml").write_text(yaml.safe_dump(data))
    (folder / "routines").mkdir()
    for index in range(max(1, count // 5)):
        picks = rng.sample(range(count), min(count, rng.randint(3, MAX_CARD_EXERCISES)))
        routine = {
            "id": f"routine-{index:04d}",
            "name": f"Routine {index}",
            "summary": sentence(rng),
            "situation": rng.choice(sorted(SITUATIONS)),
            "description": sentence(rng, 14),
            "frequency": {"times_per_day": 1, "days_per_week": 5, "review_weeks": 6},
            "exercises": [{"exercise": f"exercise-{p:05d}"} for p in picks],
        }
        (folder / "routines" / f"{routine['id']}.yml").write_text(yaml.safe_dump(routine))
