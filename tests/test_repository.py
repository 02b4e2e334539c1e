"""The repository stays clean: what `make site` and `make test` leave behind is ignored."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT

MADE_BY_A_BUILD = ["site/index.html", "build/docs/en/index.md", ".site.lock", ".venv/bin/python"]


@pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs a git checkout"
)
@pytest.mark.parametrize("path", MADE_BY_A_BUILD)
def test_what_a_build_leaves_is_ignored(path: str) -> None:
    found = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, check=False)
    assert found.returncode == 0, f"{path} would show as untracked"
