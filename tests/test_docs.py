"""Docs and code cannot drift: schemas, field tables and commands are checked against the code."""

from __future__ import annotations

import re
from pathlib import Path

from generator.cli import _parser
from generator.source import schema

ROOT = Path(__file__).resolve().parent.parent


def test_readme_field_tables_are_generated_from_the_model() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert schema.field_tables() in readme, "run `handbook schema` to update README.md"


def test_committed_json_schemas_match_the_model() -> None:
    for name, text in schema.schema_files().items():
        assert (ROOT / "schema" / name).read_text("utf-8") == text, (
            f"run `handbook schema` ({name})"
        )


def test_every_content_file_points_editors_at_its_schema() -> None:
    # A translation file holds only the text of an English file, which `handbook check`
    # compares with the English; its language.yml has a schema of its own.
    translations = ROOT / "content" / "translations"
    for path in sorted((ROOT / "content").rglob("*.yml")):
        if path.is_relative_to(translations) and path.name != "language.yml":
            continue
        first = path.read_text("utf-8").splitlines()[0]
        kind = path.parent.name.removesuffix("s") if path.parent.name != "content" else path.stem
        kind = "language" if path.name == "language.yml" else kind
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} does not start with its schema comment"
        target = (path.parent / match.group(1)).resolve()
        assert target == ROOT / "schema" / f"{kind}.schema.json", path


def test_every_command_and_option_is_documented() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    parser = _parser()
    subparsers = next(a for a in parser._actions if a.dest == "==SUPPRESS==" or a.choices)
    for name, sub in subparsers.choices.items():  # type: ignore[union-attr]
        assert f"handbook {name}" in readme, f"`handbook {name}` is not in the README"
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in readme, f"`handbook {name} {flag}` is not in the README"


def test_the_readme_states_the_model_s_numbers() -> None:
    from generator.source.model import MAX_CARD_EXERCISES

    readme = (ROOT / "README.md").read_text("utf-8")
    stated = {int(n) for n in re.findall(r"at most (\d+) exercises", readme)}
    assert stated <= {MAX_CARD_EXERCISES}
