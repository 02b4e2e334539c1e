"""The same mkdocs.yml and generated pages build with Zensical, which runs no MkDocs hooks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator import pipeline

from .conftest import FIXTURES, ROOT


def test_zensical_builds_every_page_kind(tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / "generator").mkdir()
    shutil.copy(ROOT / "generator/mkdocs_hooks.py", tmp_path / "generator/mkdocs_hooks.py")
    result = pipeline.generate(
        FIXTURES / "minimal", tmp_path / "build" / "docs", tmp_path / "mkdocs.yml"
    )
    zensical = Path(sys.executable).with_name("zensical")
    run = subprocess.run(
        [str(zensical), "build", "-f", "mkdocs.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    site = tmp_path / "site"
    assert result.book is not None
    exercise = result.book.exercises[0]
    plan = result.book.routines[0]
    pages = {
        f"exercises/{exercise.id}/index.html": [
            exercise.name,
            exercise.stop_if,
            f"../../assets/images/{exercise.picture.file}",
        ],
        f"routines/{plan.routine.id}/index.html": [
            plan.routine.name,
            plan.items[0].exercise.name,
            '<script type="application/json" id="hb-session-plan">{"exercises":',
            '<script src="../../assets/session-start.js" defer></script>',
        ],
        f"cards/{plan.routine.id}/index.html": [
            'class="hb-card-log"',
            "hb-qr",
            "assets/stylesheets/card.css",
        ],
        f"embed/exercises/{exercise.id}/index.html": ["assets/embed-frame.js", exercise.name],
        "causes/index.html": ["<svg", "hb-diagram"],
        "embed.js": ["foot-handbook:height"],
        f"oembed/exercises/{exercise.id}.json": ['"type": "rich"'],
    }
    for page, needles in pages.items():
        text = (site / page).read_text("utf-8")
        for needle in needles:
            assert needle in text, (page, needle)
    card = (site / "cards" / plan.routine.id / "index.html").read_text("utf-8")
    assert "md-header" not in card, "the card must use its frameless template under Zensical too"
