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


@pytest.mark.xdist_group("grouping")
def test_tests_of_one_xdist_group_run_on_one_worker(request: pytest.FixtureRequest) -> None:
    """`make test` keeps the tests that share a site of their own on one worker (xdist's
    loadgroup, which tags each grouped test's id), so the site is built once. Nothing says so
    when the tags are lost: with pytest 9.2 and xdist 3.8 (pytest-xdist#1386), or when the
    groups are marked after xdist has read them (conftest.py), each group is spread over
    every worker and each worker builds its site again."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("only under --dist loadgroup (make test)")
    untagged = [
        item.nodeid
        for item in request.session.items
        if (group := item.get_closest_marker("xdist_group"))
        and not item.nodeid.endswith("@" + group.args[0])
    ]
    assert untagged == []
