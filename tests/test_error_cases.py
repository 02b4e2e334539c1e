"""One test over tests/error_cases/: each case breaks the minimal content and pins the output."""

from __future__ import annotations

import base64
import os
import threading
from pathlib import Path

import pytest
import yaml

from generator.cli import main

CASES = sorted((Path(__file__).parent / "error_cases").glob("*.yml"))
#: A case that has not finished by then has hung (reading a pipe, say) and fails.
TIMEOUT_SECONDS = 60


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
        elif edit.get("mkfifo"):
            target.unlink(missing_ok=True)
            os.mkfifo(target)
        elif edit.get("mkdir"):
            target.unlink(missing_ok=True)
            target.mkdir()
        elif "symlink" in edit:
            target.unlink(missing_ok=True)
            target.symlink_to(edit["symlink"])
        else:
            raise AssertionError(f"unknown edit {edit}")


def run_with_timeout(argv: list[str]) -> int:
    """`main(argv)` in a daemon thread, so that a case that hangs fails instead."""
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(main(argv)), daemon=True)
    thread.start()
    thread.join(TIMEOUT_SECONDS)
    assert result, f"handbook {' '.join(argv)} did not finish within {TIMEOUT_SECONDS} s"
    return result[0]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_error_case(
    case: Path, project: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    spec = yaml.safe_load(case.read_text("utf-8"))
    apply_edits(project / "content", spec["edits"])

    code = run_with_timeout(["check", "--content", "content"])
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
