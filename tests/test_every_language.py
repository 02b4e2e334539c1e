"""Every output of a Spanish or German edition speaks its language: page text, alt texts and
accessible names, calendar files and the JSON texts hold no English outside `lang="en"`."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from generator.i18n.languages import language
from generator.rules import plan, words
from generator.source.model import Dosage

from .english import english_in, english_words

OFTEN = {"repetition": "one go", "times_per_day": 2, "days_per_week": 5}
DOSAGE = Dosage.model_validate(
    {**OFTEN, "hold_seconds": 5, "reps": 3, "directions": ["up", "down"], "per_side": "foot"}
)
SUGGESTED = Dosage.model_validate({**OFTEN, "hold_seconds": 5, "reps": 3, "suggested": ["reps"]})
#: Every function that says something, called with everything but its language.
SAYERS: dict[str, Any] = {
    "dosage_words": lambda **lang: words.dosage_words(DOSAGE, **lang),
    "short dosage_words": lambda **lang: words.dosage_words(DOSAGE, short=True, **lang),
    "frequency_words": lambda **lang: words.frequency_words(DOSAGE, **lang),
    "times": lambda **lang: words.times(3, **lang),
    "suggested_words": lambda **lang: words.suggested_words(SUGGESTED, **lang),
    "minutes_words": lambda **lang: words.minutes_words(4, **lang),
    "equipment_words": lambda **lang: words.equipment_words(["chair"], **lang),
    "join_words": lambda **lang: words.join_words(["a", "b"], **lang),
    "session_steps": lambda **lang: plan.session_steps("Toe walking", DOSAGE, **lang),
}


@pytest.mark.parametrize("name", sorted(SAYERS))
def test_saying_anything_needs_a_language(name: str) -> None:
    """No function that makes text has a default language: forgetting it is a TypeError, not
    English on a Spanish page."""
    with pytest.raises(TypeError, match="lang"):
        SAYERS[name]()
    assert SAYERS[name](lang=language("es")) != SAYERS[name](lang=language("en"))


def test_a_language_is_a_keyword_not_a_position() -> None:
    with pytest.raises(TypeError):
        words.frequency_words(DOSAGE, language("es"))  # type: ignore[misc]
    with pytest.raises(TypeError):
        plan.session_steps("Toe walking", DOSAGE, language("es"))  # type: ignore[misc]


def test_the_detector_finds_english_and_passes_spanish_and_german() -> None:
    assert english_words("Pause the movement")
    assert english_words("Pausa para los pies (about 4 minutes)")
    assert not english_words("Pausa para los pies en el escritorio (unos 4 minutos)")
    assert not english_words("Gehen auf Zehenspitzen: 20 Sekunden, einmal am Tag")
    assert not english_words("Mira https://foot-handbook.example.org/es/exercises/toe-walking/")
    # German words that are English markers too, and a German compound with one inside
    assert not english_words("Fußpause am Schreibtisch (etwa 4 Minuten)", "de")
    assert not english_words("Machen Sie eine Pause. Start nach einer Minute.", "de")
    assert english_words("Pause the movement", "de")
    assert not english_words("once veces", "es")


@pytest.mark.parametrize("code", ["es", "de"])
def test_no_english_outside_lang_en(built_site: Any, code: str) -> None:
    site, _, _ = built_site
    leaks = english_in(site / code, code)
    shown = [f"{name}: {texts[0]}" for name, texts in leaks.items()]
    assert shown == [], f"{len(leaks)} files hold English"


#: Strings that were written in English outside the catalogue, each now a message of it.
FORMERLY_HARD_CODED = [
    "Pause the movement",  # the exercise picture's switch (pages/common.py)
    "QR code for %(url)s",  # a card's QR code title (outputs/qr.py)
    "Made with",  # Material's footer (overrides/partials/copyright.html)
    "404 - Not found",  # Material's 404 page (overrides/404.html)
    "Content CC BY-SA 4.0 · Code MIT · Not a substitute for medical advice",  # mkdocs.yml
    "Standing",  # the builder's filters and the catalogue's position words (model.POSITIONS)
    "a chair",  # the builder's filters (model.EQUIPMENT)
    "In the morning",  # the catalogue's situation words (model.SITUATIONS)
    "%(list)s and %(last)s",  # short citations: 'Khamis y Yizhar 2007'
]


@pytest.mark.parametrize("code", ["es", "de"])
@pytest.mark.parametrize("message", FORMERLY_HARD_CODED)
def test_a_formerly_hard_coded_string_is_translated(code: str, message: str) -> None:
    said = language(code).gettext(message)
    assert said and said != message, f"{code}: {message!r} is not in the catalogue"


@pytest.mark.parametrize("code", ["es", "de"])
def test_a_language_points_at_the_one_json_schema(built_site: Any, code: str) -> None:
    """The catalogue's schema describes the format, the same in every language: it is
    published once, at the root, and each language's catalogue names it there."""
    site, base_url, _ = built_site
    for name in ("exercises", "routines"):
        document = json.loads((site / code / f"api/v1/{name}.json").read_text("utf-8"))
        assert document["schema_url"] == f"{base_url.rstrip('/')}/api/v1/{name}.schema.json"
        assert (site / f"api/v1/{name}.schema.json").is_file()
        assert not (site / code / f"api/v1/{name}.schema.json").exists()


def test_the_footer_and_404_speak_the_page_language(built_site: Any) -> None:
    site, _, _ = built_site
    page = (site / "de/exercises/toe-walking/index.html").read_text("utf-8")
    assert "Kein Ersatz für ärztlichen Rat" in page and "Erstellt mit" in page
    assert re.search(r'<a [^>]*lang="en"[^>]*>\s*Material for MkDocs', page)
    assert "Página no encontrada" in (site / "es/404.html").read_text("utf-8")
