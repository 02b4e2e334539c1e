"""`handbook serve` previews every language the built site has, with live reload."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

from .helpers.processes import group_members
from .helpers.serving import fetch, page_with, serving, wait_for

SPANISH = (
    "# yaml-language-server: $schema=../../../schema/language.schema.json\n"
    "name: Español\nstatus: draft\n"
)


def language_workers(server: int) -> set[int]:
    """The worker processes the preview started (not the resource tracker that spawning one
    starts too)."""
    return {
        pid
        for pid in group_members(server)
        if pid != server and b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    }


def test_serve_previews_every_language_reloads_it_and_shows_its_problems(project: Path) -> None:
    spanish = project / "content" / "translations" / "es"
    spanish.mkdir(parents=True)
    (spanish / "language.yml").write_text(SPANISH, "utf-8")
    with serving(project) as (base, log, server):
        english = base + "exercises/toe-walking/"
        wait_for(lambda: "Walk slowly on the balls" in fetch(english))
        page = base + "es/exercises/toe-walking/"
        shown = wait_for(lambda: page_with(page, 'lang="es"'))
        assert "Walk slowly on the balls" in shown  # shown in English until translated
        assert "livereload" in shown  # the preview reloads this page too
        assert 'role="note" lang="en"' in shown  # what a preview page may lag behind in
        wait_for(lambda: "rebuilt in" in log.read_text("utf-8"))
        workers = language_workers(server)
        assert workers  # kept for the next rebuild, which starts no process
        path = project / "content" / "exercises" / "toe-walking.yml"
        good = path.read_text("utf-8")
        path.write_text(good.replace("position: standing", "position: upside-down"), "utf-8")
        line = good.splitlines().index("position: standing") + 1
        problem = f"content/exercises/toe-walking.yml:{line}: position: expected one of"
        assert 'role="alert" lang="en"' in wait_for(lambda: page_with(page, problem))
        path.write_text(good.replace("Walk slowly on the balls", "Tiptoe gently on the balls"))
        fixed = wait_for(lambda: page_with(page, "Tiptoe gently"))
        assert problem not in fixed
        assert language_workers(server) == workers
        assert "the preview of" not in log.read_text("utf-8")
        os.kill(min(workers), signal.SIGKILL)  # out of memory, say
        path.write_text(good.replace("Walk slowly on the balls", "Hop lightly on the balls"))
        wait_for(lambda: "the preview of es: its build process ended" in log.read_text("utf-8"))
        path.write_text(good.replace("Walk slowly on the balls", "Step softly on the balls"))
        wait_for(lambda: page_with(page, "Step softly"))  # with new workers
        assert "Traceback" not in log.read_text("utf-8")
    (compiled,) = (project / "build" / "docs.cache").glob("theme-*")  # compiled once, kept
    assert any(compiled.iterdir())


def test_serve_reloads_when_a_clinic_changes_its_clinic_yml(tmp_path: Path) -> None:
    import subprocess

    from .helpers.serving import HANDBOOK

    subprocess.run([HANDBOOK, "new", "clinic"], cwd=tmp_path, check=True, capture_output=True)
    project = tmp_path / "clinic"
    settings = project / "clinic.yml"
    text = settings.read_text("utf-8")
    with serving(project) as (base, _log, _):
        card = base + "handbook/cards/desk/"  # the address in clinic.yml has a path
        wait_for(lambda: "<html" in fetch(card))
        settings.write_text(re.sub(r"(?m)^name: .*$", "name: Harbour Physio", text), "utf-8")
        wait_for(lambda: page_with(card, "Harbour Physio"))
