"""schema.org descriptions of the exercise and routine pages, as JSON-LD.

An exercise page is a `HowTo` (its steps are `HowToStep`s, its equipment `HowToTool`s); a
routine page is an `ExercisePlan` whose parts (`hasPart`) are one `ExercisePlan` per
exercise, with its repetitions and frequency. Both are plain dicts put in the page's front
matter; overrides/main.html writes them into the head with Jinja's `tojson`, which escapes
<, > and & as \\u003c, \\u003e and \\u0026, so no text can close the script element.
"""

from __future__ import annotations

from typing import Any

from generator.render.outputs.api import LICENCE_URL
from generator.render.pages.common import Settings, shared_frequency
from generator.rules import words
from generator.rules.plan import session_seconds
from generator.source.book import PlannedRoutine
from generator.source.model import Exercise, minutes

CONTEXT = "https://schema.org"


def _duration(seconds: int) -> str:
    """ISO 8601 duration in whole minutes, as schema.org expects: PT7M."""
    return f"PT{minutes(seconds)}M"


def exercise_jsonld(exercise: Exercise, settings: Settings) -> dict[str, Any]:
    document: dict[str, Any]
    document = {
        "@context": CONTEXT,
        "@type": "HowTo",
        "name": exercise.name,
        "description": exercise.summary,
        "url": settings.url(f"exercises/{exercise.id}/"),
        "image": settings.url(f"assets/images/{exercise.picture.file}"),
        "inLanguage": settings.lang.code,
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "totalTime": _duration(session_seconds(exercise.dosage)),
        "step": [
            {"@type": "HowToStep", "position": number, "text": step}
            for number, step in enumerate(exercise.steps, 1)
        ],
    }
    tools = [item for item in exercise.equipment if item != "none"]
    if tools:
        document["tool"] = [
            {"@type": "HowToTool", "name": words.equipment_words([item], lang=settings.lang)}
            for item in tools
        ]
    return document


def routine_jsonld(plan: PlannedRoutine, settings: Settings) -> dict[str, Any]:
    routine = plan.routine
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ExercisePlan",
        "name": routine.name,
        "description": routine.summary,
        "url": settings.url(f"routines/{routine.id}/"),
        "inLanguage": settings.lang.code,
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "activityDuration": _duration(plan.seconds),
        "hasPart": [
            {
                "@type": "ExercisePlan",
                "position": number,
                "name": item.exercise.name,
                "url": settings.url(f"exercises/{item.exercise.id}/"),
                "description": words.dosage_words(item.dosage, lang=settings.lang),
                "repetitions": item.dosage.reps,
                "activityDuration": _duration(session_seconds(item.dosage)),
                "activityFrequency": words.frequency_words(item.dosage, lang=settings.lang),
            }
            for number, item in enumerate(plan.items, 1)
        ],
    }
    frequency = shared_frequency(plan, lang=settings.lang)
    if frequency:
        document["activityFrequency"] = frequency
    return document
