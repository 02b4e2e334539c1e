"""Content trees for tests: one base tree (tests/fixtures/minimal) and small changes to it.

- `branded`: the base with a clinic's branding.
- `hostile`: the base with every free-text field of every file, found from the models, set to
  attack strings, so a field added to a model is attacked without anyone listing it.
- `worst`: the longest content the models allow where it is printed: a routine with the most
  exercises a card holds, every text at its longest (in ordinary words), every list at its
  longest, the largest dosage, a clinic with the longest name and website. Cards built from
  it must still print on one sheet.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from annotated_types import MaxLen
from pydantic import BaseModel

from generator.safety import urls
from generator.source.load import CHECKED_FILES
from generator.source.model import MAX_CARD_EXERCISES, MAX_TIMES_PER_DAY, Exercise, Routine, Safety
from generator.source.textfields import get_at, text_fields

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "minimal"

CLINIC = """name: Riverside Physio & Rehab <Clinic>
phone: "+44 1234 567890"
website: https://riverside-physio.example/patients
logo: clinic-logo.svg
accent: "#8a3b12"
"""

#: Text that would become markup, script or a template if any layer failed to escape it. Each
#: holds "pwned", so a test can tell the text is shown.
ATTACKS = [
    "<script>window.__pwned=1</script> pwned",
    '"><img src=x onerror="window.__pwned=2"> pwned',
    "pwned [click](javascript:window.__pwned=3) ![i](x.png)",
    '??? danger "pwned" collapsed',
    '!!! danger "pwned" admonition',
    'pwned {: onclick="window.__pwned=4" } { #x .y }',
    "| pwned | table | |---|---|",
    "```js pwned``` ~~~ fenced ~~~",
    "{{ 7*7 }} {% raw %} pwned {# c #}",
    "*emph* _under_ **bold** pwned `code`",
    "1. pwned numbered",
    "- pwned bullet",
    "# pwned heading",
    "> pwned quote",
    "&lt;script&gt; &amp; &#60; pwned",
    "<!-- pwned comment",
    "\\<script>pwned\\</script>",
    "</textarea></style></script><svg onload=window.__pwned=5> pwned",
    '<a href="javascript:window.__pwned=6">pwned</a>',
    "[TOC] [^1] pwned <https://evil.example/x>",
    "'><iframe src=//evil.example> pwned",
    "pwned: key: value",
]


def make_case(name: str, dest: Path) -> Path:
    """A content tree for case `name` at `dest` (which must not exist yet)."""
    shutil.copytree(BASE, dest)
    CHANGES[name](dest)
    return dest


def _branded(content: Path) -> None:
    (content / "clinic.yml").write_text(CLINIC, "utf-8")
    shutil.copy(FIXTURES / "clinic-logo.svg", content / "images" / "clinic-logo.svg")


def _hostile(content: Path) -> None:
    counter = iter(range(10**6))
    for path, model in _files_and_models(content):
        data = yaml.safe_load(path.read_text("utf-8"))
        for container, key, (least, most) in free_text(model, data):
            attack = ATTACKS[next(counter) % len(ATTACKS)].ljust(least, "!")
            container[key] = attack[:most]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _files_and_models(content: Path) -> Iterator[tuple[Path, type[BaseModel]]]:
    for path in sorted((content / "exercises").glob("*.yml")):
        yield path, Exercise
    for path in sorted((content / "routines").glob("*.yml")):
        yield path, Routine
    for name, model in CHECKED_FILES.items():
        if (content / name).exists():
            yield content / name, model


def free_text(model: type[BaseModel], data: Any) -> Iterator[tuple[Any, Any, tuple[int, int]]]:
    """(container, key, (shortest, longest) allowed) of every free-text value in `data`."""
    for field in text_fields(model, data):
        yield get_at(data, field.path[:-1]), field.path[-1], (field.shortest, field.longest)


#: Ordinary words, so that the longest text wraps as real text does.
FILLER = (
    "Keep the movement slow and gentle and stop at a comfortable stretch before you change "
    "sides, breathing easily, with the heel resting on the floor and the knee soft. "
)


def _worst(content: Path) -> None:
    _branded(content)
    clinic = yaml.safe_load((content / "clinic.yml").read_text("utf-8"))
    clinic |= {"name": "N" * 40, "phone": "+44 (0) 1234 567 890 123", "website": _website()}
    (content / "clinic.yml").write_text(yaml.safe_dump(clinic), "utf-8")
    base = yaml.safe_load((content / "exercises" / "toe-pressing.yml").read_text("utf-8"))
    base["dosage"] = {
        "hold_seconds": 600, "reps": 50, "sets": 10, "per_side": "foot",
        "directions": ["W" * 12] * 3, "times_per_day": MAX_TIMES_PER_DAY,
        "days_per_week": 7, "repetition": "x",
    }  # fmt: skip
    base["easier"] = [{"exercise": "toe-walking"}]
    ids = [f"worst-{n}" for n in range(1, MAX_CARD_EXERCISES + 1)]
    for ident in ids:
        exercise = _longest(Exercise, {**base, "id": ident})
        (content / "exercises" / f"{ident}.yml").write_text(yaml.safe_dump(exercise), "utf-8")
    entries = [{"exercise": ident, "note": "x"} for ident in ids]
    routine = yaml.safe_load((content / "routines" / "quick.yml").read_text("utf-8"))
    routine |= {"id": "worst", "exercises": entries}
    routine.pop("max_minutes", None)
    (content / "routines" / "worst.yml").write_text(
        yaml.safe_dump(_longest(Routine, routine)), "utf-8"
    )
    safety = yaml.safe_load((content / "safety.yml").read_text("utf-8"))
    (content / "safety.yml").write_text(yaml.safe_dump(_longest(Safety, safety)), "utf-8")


def _website() -> str:
    address = "https://clinic.example/"
    return address + "a" * (urls.MAX_WEBSITE - len(address))


def _longest(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """`data` with every list of text at its most items and every text at its longest."""
    for name, info in model.model_fields.items():
        value = data.get(info.alias or name)
        most = next((m.max_length for m in info.metadata if isinstance(m, MaxLen)), None)
        if isinstance(value, list) and value and most and isinstance(value[0], str):
            value.extend([value[-1]] * (most - len(value)))
    for container, key, (_, most) in free_text(model, data):
        container[key] = (FILLER * (most // len(FILLER) + 1))[:most].strip()
    return data


CHANGES: dict[str, Callable[[Path], None]] = {
    "minimal": lambda content: None,
    "branded": _branded,
    "hostile": _hostile,
    "worst": _worst,
}
