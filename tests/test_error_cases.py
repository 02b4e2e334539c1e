"""One test over tests/error_cases/: each case breaks the minimal content and pins the output."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import yaml

from generator.cli import main

CASES = sorted((Path(__file__).parent / "error_cases").glob("*.yml"))


def apply_edits(content: Path, edits: list[dict[str, str]]) -> None:
    for edit in edits:
        target = content / edit["file"]
        if "replace" in edit:
            text = target.read_text("utf-8")
            assert edit["replace"] in text, f"case edit does not match {edit['file']}"
            target.write_text(text.replace(edit["replace"], edit["with"], 1), "utf-8")
        elif "write" in edit:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(edit["write"], "utf-8")
        elif "write_base64" in edit:
            target.write_bytes(base64.b64decode(edit["write_base64"]))
        elif "write_repeat" in edit:
            target.write_text(edit["write_repeat"] * int(edit["times"]), "utf-8")
        elif edit.get("delete"):
            target.unlink()
        else:
            raise AssertionError(f"unknown edit {edit}")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_error_case(
    case: Path, project: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    spec = yaml.safe_load(case.read_text("utf-8"))
    apply_edits(project / "content", spec["edits"])

    code = main(["check", "--content", "content"])
    out, err = capsys.readouterr()

    if update_golden:
        text = case.read_text("utf-8")
        head = text[: text.index("\nexpected: |\n")]
        block = "".join(f"  {line}\n" for line in err.splitlines())
        case.write_text(f"{head}\nexpected: |\n{block}", "utf-8")
        return
    assert (code, out) == (1, "")
    assert err == spec["expected"]
    assert "Traceback" not in err
