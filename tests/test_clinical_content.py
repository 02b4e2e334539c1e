"""Clinical content (issue 26), read straight from the English content files: leg pain kept
off nerve stretches, contraindications as cautions where they apply, progressions that keep
their aim, honest sizes on the evidence page and plain words on the home page.

Which exercises a rule applies to is worked out from what the exercises say (their steps,
position, tags and body areas), not from a list of ids, so a new exercise that straightens
the knee and pulls the foot up, bends the hip to the chest or is done barefoot is held to the
same rule. `HANDBOOK_TEST_CONTENT` points the tests at another content folder (an old copy,
to see them fail).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT


def content_dir() -> Path:
    return Path(os.environ.get("HANDBOOK_TEST_CONTENT", ROOT / "content"))


@cache
def exercises() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((content_dir() / "exercises").glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        out[data["id"]] = data
    return out


def load(name: str) -> Any:
    return yaml.safe_load((content_dir() / name).read_text("utf-8"))


def steps(exercise: dict[str, Any]) -> str:
    return " ".join(exercise["steps"]).lower()


def cautions(exercise: dict[str, Any]) -> list[str]:
    return [c.lower() for c in exercise.get("warnings", []) + exercise["cautions"]]


def reader_text(exercise: dict[str, Any]) -> str:
    """Everything a reader sees of an exercise, lower case."""
    parts = [exercise["summary"], *exercise["steps"], *exercise["cautions"]]
    parts += exercise.get("warnings", [])
    parts.append(exercise["picture"]["alt"])
    return " ".join(parts).lower()


def linked(exercise: dict[str, Any], kind: str) -> list[str]:
    return [v["exercise"] for v in exercise.get(kind, []) if "exercise" in v]


# A straight knee: "leg straight", "legs straight", "knee straight", "straight leg".
STRAIGHT_LEG = re.compile(
    r"\b(?:legs?|knees?)\b[^.;]*\bstraight\b|\bstraight\b[^.;]*\b(?:legs?|knees?)\b"
)
# ...while the foot or toes are pulled up towards the body, the leg is raised, or the body
# leans forward over the leg: the positions that pull on the sciatic nerve (evidence.md).
NERVE_PULL = re.compile(
    r"towards you|back towards|draw them|raise the leg|raise .* leg|lean forward|reach the toes"
)


def is_nerve_stretch(exercise: dict[str, Any]) -> bool:
    text = steps(exercise)
    return bool(STRAIGHT_LEG.search(text) and NERVE_PULL.search(text))


def named_in(text: str) -> set[str]:
    """Ids of exercises that `text` names, by id or by name."""
    text = text.lower()
    return {
        ident
        for ident, ex in exercises().items()
        if ident.replace("-", " ") in text or ex["name"].lower() in text
    }


def leg_pain_cautions(exercise: dict[str, Any]) -> list[str]:
    return [
        c for c in cautions(exercise) if "sciatica" in c or "down a leg" in c or "leg pain" in c
    ]


# ---------------------------------------------------------------- leg pain and sciatica


def test_the_nerve_stretches_are_the_ones_evidence_md_describes() -> None:
    # the detector itself: the straight-leg raise and the forward reach over a straight leg
    assert {"towel-stretch", "seated-toe-reach"} <= {
        i for i, ex in exercises().items() if is_nerve_stretch(ex)
    }
    assert not is_nerve_stretch(exercises()["wall-calf-stretch"])


def test_no_link_from_the_seated_reach_leads_to_a_nerve_stretch() -> None:
    """Easier, harder and "with leg pain do this instead" from the seated reach, followed on."""
    start = "seated-toe-reach"
    seen, todo = set(), [start]
    while todo:
        ident = todo.pop()
        exercise = exercises()[ident]
        reached = linked(exercise, "easier") + linked(exercise, "harder")
        for caution in leg_pain_cautions(exercise):
            reached += sorted(named_in(caution) - {ident})
        for other in reached:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    stretches = sorted(i for i in seen - {start} if is_nerve_stretch(exercises()[i]))
    assert stretches == [], f"{start} leads to nerve stretches: {stretches}"


def test_every_nerve_stretch_says_skip_it_with_leg_pain_and_ask_a_physiotherapist() -> None:
    for ident, exercise in exercises().items():
        if not is_nerve_stretch(exercise):
            continue
        said = leg_pain_cautions(exercise)
        assert said, f"{ident}: no caution for leg pain (sciatica)"
        assert any("skip" in c and "physiotherapist" in c for c in said), (ident, said)
        for caution in said:
            others = {i for i in named_in(caution) - {ident} if is_nerve_stretch(exercises()[i])}
            assert not others, f"{ident}: with leg pain it sends people to {others}"


def test_the_band_pull_is_done_on_a_chair_with_a_bent_knee_and_a_leg_pain_caution() -> None:
    band = exercises()["band-ankle-pull"]
    assert band["position"] == "sitting"
    assert "chair" in band["equipment"]
    assert "on a" in steps(band) and "chair" in band["steps"][0].lower()
    assert "floor or a bed" not in steps(band) and "legs straight" not in steps(band)
    assert not is_nerve_stretch(band)
    assert leg_pain_cautions(band), "band-ankle-pull: no caution for leg pain"


def test_a_bad_day_names_the_gentlest_exercises_and_skips_the_nerve_stretches() -> None:
    advice = {g["title"]: g["text"] for g in load("safety.yml")["how_to"]}
    bad_day = advice["On a bad day"].lower()
    for gentle in ("ankle circles", "toe stretching", "toe pressing", "ball roll"):
        assert gentle in bad_day, f"the bad-day advice does not name {gentle}"
    assert "physiotherapist" in bad_day


# ---------------------------------------------------------------- contraindications

CALF = "swollen, red, warm or painful"


def has(exercise: dict[str, Any], *words: str) -> bool:
    return any(all(w in c for w in words) for c in cautions(exercise))


def test_bare_feet_come_with_the_numb_feet_caution() -> None:
    # the three the review named, and any other exercise that mentions bare feet
    barefoot = {"toe-walking", "toe-pressing", "ball-roll"}
    barefoot |= {i for i, ex in exercises().items() if "bare" in reader_text(ex)}
    missing = sorted(i for i in barefoot if not has(exercises()[i], "numb", "check your feet"))
    assert missing == [], f"no numb-feet caution (shoes or socks, check the feet): {missing}"


def test_the_desk_routine_keeps_shoes_on_for_numb_feet() -> None:
    desk = load("routines/desk.yml")["description"].lower()
    if "shoes off" in desk:
        assert "numb" in desk, "the desk routine says 'shoes off' with no word for numb feet"


def test_hip_bends_carry_the_hip_replacement_caution() -> None:
    bends = {
        i
        for i, ex in exercises().items()
        if re.search(r"towards your chest|lean forward from the hips", steps(ex))
    }
    assert {"ankle-circles", "seated-toe-reach"} <= bends
    missing = sorted(i for i in bends if not has(exercises()[i], "hip replacement"))
    assert missing == [], (
        f"knee to chest or a deep reach with no hip-replacement caution: {missing}"
    )


def test_calf_stretches_and_massage_stop_for_a_swollen_calf() -> None:
    applies = {
        i
        for i, ex in exercises().items()
        if ("stretch" in ex.get("tags", []) and "calf" in ex["body_areas"])
        or "massage" in ex.get("tags", [])
    }
    assert {"wall-calf-stretch", "towel-stretch", "seated-toe-reach", "ball-roll"} <= applies
    missing = sorted(i for i in applies if not has(exercises()[i], CALF, "doctor the same day"))
    assert missing == [], f"no swollen-calf caution: {missing}"


def test_pregnancy_off_the_back_when_lying_and_a_support_when_standing() -> None:
    for ident, exercise in exercises().items():
        if exercise["position"] == "lying":
            assert has(exercise, "pregnan", "20 weeks", "not flat on your back"), ident
        if exercise["position"] == "standing" and "wall" not in exercise["equipment"]:
            assert has(exercise, "pregnan"), ident


def test_osteoporosis_on_forward_bends_and_balance_exercises() -> None:
    for ident, exercise in exercises().items():
        if "lean forward" in steps(exercise) or "balance" in exercise.get("tags", []):
            assert has(exercise, "osteoporosis"), ident


def test_recent_surgery_or_fracture_before_standing_on_the_toes_or_a_stretched_calf() -> None:
    for ident, exercise in exercises().items():
        loaded = exercise["position"] == "standing" and "calf" in exercise["body_areas"]
        if loaded:
            assert has(exercise, "surgery or a fracture"), ident


def test_getting_up_from_lying_warns_of_dizziness() -> None:
    for ident, exercise in exercises().items():
        if exercise["position"] == "lying":
            assert has(exercise, "dizzy", "sit"), ident


# ---------------------------------------------------------------- progressions


def test_easier_and_harder_links_keep_the_aim() -> None:
    """A step up or down works some of the same body: toe pressing (the arch) and toe
    walking (the calves and balance) were each other's step, with nothing in common."""
    for ident, exercise in exercises().items():
        for kind in ("easier", "harder"):
            for other in linked(exercise, kind):
                shared = set(exercise["body_areas"]) & set(exercises()[other]["body_areas"])
                assert shared, f"{ident} lists {other} as {kind}, but they work different parts"


def test_progressions_form_no_loop() -> None:
    harder: dict[str, set[str]] = {i: set() for i in exercises()}
    for ident, exercise in exercises().items():
        harder[ident] |= set(linked(exercise, "harder"))
        for easier in linked(exercise, "easier"):
            harder[easier].add(ident)

    def climb(ident: str, path: tuple[str, ...]) -> None:
        for up in harder[ident]:
            assert up not in path, f"easier/harder loop: {' -> '.join((*path, up))}"
            climb(up, (*path, up))

    for ident in exercises():
        climb(ident, (ident,))


def test_heel_raises_is_the_step_between_toe_pressing_and_toe_walking() -> None:
    heel = exercises().get("heel-raises")
    assert heel is not None, "no heel-raises exercise"
    assert linked(exercises()["toe-pressing"], "harder") == ["heel-raises"]
    assert linked(exercises()["toe-walking"], "easier") == ["heel-raises"]
    assert "toe-pressing" in linked(heel, "easier") and "toe-walking" in linked(heel, "harder")
    assert heel["dosage"]["times_per_day"] and heel["dosage"]["days_per_week"]
    assert heel["cautions"] and heel["stop_if"]
    assert (content_dir() / "images" / heel["picture"]["file"]).is_file()
    for lang in ("es", "de"):
        assert (content_dir() / "translations" / lang / "exercises" / "heel-raises.yml").is_file()


# ---------------------------------------------------------------- the evidence page

SIZE = re.compile(r"\b\d[\d,]*\s+(?:healthy\s+)?(?:people|adults|trials|treatment trials)\b")


@pytest.fixture(scope="module")
def causes() -> dict[str, Any]:
    return load("causes.yml")  # type: ignore[no-any-return]


def link(causes: dict[str, Any], source: str, target: str) -> dict[str, Any]:
    (found,) = [x for x in causes["links"] if x["from"] == source and x["to"] == target]
    return found  # type: ignore[no-any-return]


def test_four_grades_and_mixed_results_said_in_words(causes: dict[str, Any]) -> None:
    grades = [g["id"] for g in causes["grades"]]
    assert grades == ["experimental", "association", "expert-opinion", "not-supported"]
    assert {x["grade"] for x in causes["links"]} <= set(grades)
    insoles = link(causes, "foot-support", "back-pain")
    assert insoles["grade"] == "experimental" and "mixed" in insoles["mechanism"]
    assert "five treatment trials" in insoles["mechanism"] and "eleven" not in insoles["mechanism"]


def test_each_studied_link_says_how_big_its_evidence_is(causes: dict[str, Any]) -> None:
    for x in causes["links"]:
        if not x.get("references"):
            continue
        said = " ".join(x["mechanism"].split())
        kinds = ("study population", "community study", "observational studies")
        assert SIZE.search(said) or any(k in said for k in kinds), (
            f"{x['from']} -> {x['to']}: says nothing of how big its evidence is"
        )
    for x in causes["links"]:
        if "khamis-2007" in x.get("references", []):
            assert "35" in x["mechanism"], (x["from"], x["to"])


def test_exercise_in_general_has_its_size_and_best_kinds(causes: dict[str, Any]) -> None:
    said = " ".join(link(causes, "exercise", "back-pain")["mechanism"].split())
    for words in ("249 trials", "15 points", "0 to 100", "moderate certainty", "Pilates"):
        assert words in said, words
    assert "motor-control" in said and "strengthening" in said
    intro = " ".join(causes["intro"].split())
    assert "15 points" in intro and "Pilates" in intro


def test_bunions_and_hammer_toes_each_follow_their_own_foot(causes: dict[str, Any]) -> None:
    labels = {n["id"]: n["label"].lower() for n in causes["nodes"]}
    assert not any("bunion" in v and "hammer" in v for v in labels.values())
    hagedorn = [x for x in causes["links"] if "hagedorn-2013" in x.get("references", [])]
    targets = {x["from"]: labels[x["to"]] for x in hagedorn}
    assert "hammer" in targets["flat-feet"] and "bunion" not in targets["flat-feet"]
    assert "bunion" in targets["over-pronation"] and "hammer" not in targets["over-pronation"]


def test_rolling_in_was_not_linked_with_hip_pain(causes: dict[str, Any]) -> None:
    said = " ".join(link(causes, "over-pronation", "knee-pain")["mechanism"].split())
    assert "rolling in or not" not in said
    assert "a rolling-in way of walking was not linked" in said and "hip pain" in said


# ---------------------------------------------------------------- plain words at home


def test_home_text_in_plain_words() -> None:
    handbook = load("handbook.yml")
    for field in ("welcome", "audience"):
        text = " ".join(handbook[field].split())
        for word in ("clinician", "odds", "lumbosacral", "non-specific"):
            assert word not in text.lower(), f"{field}: {word!r}"
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
        words = sum(len(s.split()) for s in sentences) / len(sentences)
        assert words <= 16, f"{field}: {words:.1f} words a sentence"
    assert "your doctor or physiotherapist" in handbook["welcome"].replace("\n", " ")
    assert "six weeks" in " ".join(handbook["welcome"].split())


def test_patients_never_read_lumbosacral(causes: dict[str, Any]) -> None:
    assert not any("lumbosacral" in n["description"].lower() for n in causes["nodes"])


def test_routine_descriptions_state_no_second_frequency() -> None:
    """How often a routine is done is said once, by its frequency: its description does not
    give another ("once or twice a day" beside items done once)."""
    for path in sorted((content_dir() / "routines").glob("*.yml")):
        said = " ".join(yaml.safe_load(path.read_text("utf-8"))["description"].split())
        assert not re.search(r"\b(once|twice|times) (or \w+ )?a day\b", said), path.name
