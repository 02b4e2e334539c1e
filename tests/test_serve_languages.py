"""`handbook serve` previews every language the built site has, with live reload."""

from __future__ import annotations

import re
from pathlib import Path

from .helpers.serving import fetch, page_with, serving, wait_for

SPANISH = (
    "# yaml-language-server: $schema=../../../schema/language.schema.json\n"
    "name: Español\nstatus: draft\n"
)


def test_serve_previews_every_language_and_reloads_it(project: Path) -> None:
    spanish = project / "content" / "translations" / "es"
    spanish.mkdir(parents=True)
    (spanish / "language.yml").write_text(SPANISH, "utf-8")
    with serving(project) as (base, log):
        english = base + "exercises/toe-walking/"
        wait_for(lambda: "Walk slowly on the balls" in fetch(english))
        page = wait_for(lambda: page_with(base + "es/exercises/toe-walking/", 'lang="es"'))
        assert "Walk slowly on the balls" in page  # shown in English until translated
        assert "livereload" in page  # the preview reloads this page too
        wait_for(lambda: "rebuilt in" in log.read_text("utf-8"))
        path = project / "content" / "exercises" / "toe-walking.yml"
        text = path.read_text("utf-8")
        path.write_text(text.replace("Walk slowly on the balls", "Tiptoe gently on the balls"))
        wait_for(lambda: page_with(base + "es/exercises/toe-walking/", "Tiptoe gently"))
        assert "the preview of" not in log.read_text("utf-8")


def test_serve_reloads_when_a_clinic_changes_its_clinic_yml(tmp_path: Path) -> None:
    import subprocess

    from .helpers.serving import HANDBOOK

    subprocess.run([HANDBOOK, "new", "clinic"], cwd=tmp_path, check=True, capture_output=True)
    project = tmp_path / "clinic"
    settings = project / "clinic.yml"
    text = settings.read_text("utf-8")
    with serving(project) as (base, _log):
        card = base + "handbook/cards/desk/"  # the address in clinic.yml has a path
        wait_for(lambda: "<html" in fetch(card))
        settings.write_text(re.sub(r"(?m)^name: .*$", "name: Harbour Physio", text), "utf-8")
        wait_for(lambda: page_with(card, "Harbour Physio"))
