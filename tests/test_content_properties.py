"""Every required field missing in turn, and generated documents fed to the loader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.validate import check
from generator.cli import main
from generator.errors import ContentError
from generator.source.load import load_content, validate_model
from generator.source.model import Exercise
from generator.source.yamlsource import parse_yaml_text

from .helpers.examples import examples

FIXTURE = Path(__file__).parent / "fixtures" / "minimal" / "exercises" / "toe-pressing.yml"
REQUIRED = [name for name, info in Exercise.model_fields.items() if info.is_required()]


@pytest.mark.parametrize("field", REQUIRED)
def test_each_required_field_missing_is_reported_with_its_name(
    field: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "content" / "exercises" / "toe-pressing.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    del data[field]
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    description = Exercise.model_fields[field].description or ""
    expected = f"content/exercises/toe-pressing.yml:1: {field}: required field is missing"
    assert f"{expected} ({description.rstrip('.')})" in err.splitlines()
    assert "Traceback" not in err


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=12), inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.dictionaries(
        st.sampled_from([*Exercise.model_fields, "extra", "dosage"]), yaml_values, max_size=4
    )
)
def test_generated_exercise_documents_load_or_give_clean_problems(changes: dict) -> None:
    base = yaml.safe_load(FIXTURE.read_text("utf-8"))
    text = yaml.safe_dump({**base, **changes}, sort_keys=False, allow_unicode=True)
    source, problems = parse_yaml_text(text, "content/exercises/x.yml")
    if source is not None:
        loaded, problems = validate_model(source, Exercise)
        assert (loaded is None) == bool(problems)
    for problem in problems:
        assert problem.file == "content/exercises/x.yml"
        assert problem.line >= 1
        assert str(problem).startswith("content/exercises/x.yml:")
        assert "\n" not in str(problem)


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    source, problems = parse_yaml_text(text, "f.yml")
    assert source is not None or problems


def test_the_whole_fixture_folder_loads_cleanly() -> None:
    book = check(load_content(FIXTURE.parent.parent))
    assert [e.id for e in book.exercises] == ["toe-pressing", "toe-walking"]
    with pytest.raises(ContentError):
        check(load_content(FIXTURE.parent))  # not a content folder: problems, not a crash
