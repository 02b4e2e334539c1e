"""A clinic's own edition (issue 30): `handbook new` from the installed package, a layer over
the bundled handbook, and every message the layering gives, by its exact text."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import cli

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = ROOT / "content"

MARBLE = (HANDBOOK / "exercises" / "toe-pencil-grip.yml").read_text(encoding="utf-8")
MARBLE = MARBLE.replace("id: toe-pencil-grip", "id: marble-pickup", 1)
MARBLE = MARBLE.replace("name: Toe pencil grip", "name: Marble pick-up", 1)
MARBLE = re.sub(r"(?ms)^harder:\n.*?(?=^\w)", "harder:\n  - exercise: toe-pencil-grip\n", MARBLE)


def _replacement(name: str = "Toe walking, our way") -> str:
    text = (HANDBOOK / "exercises" / "toe-walking.yml").read_text(encoding="utf-8")
    text = text.replace("id: toe-walking\n", "id: toe-walking\nreplaces: toe-walking\n", 1)
    return re.sub(r"(?m)^name: .*$", f"name: {name}", text, count=1)


def _set(clinic: Path, old: str, new: str) -> None:
    text = clinic.read_text(encoding="utf-8")
    assert old in text
    clinic.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- End to end, from a wheel installed in a fresh virtual environment ------------------------


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The `handbook` command of a wheel built from this checkout, in a venv of its own that
    borrows the test environment's libraries (but not its editable install)."""
    where = tmp_path_factory.mktemp("installed")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(where), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = where.glob("*.whl")
    venv = where / "venv"
    # No pip of its own (ensurepip is most of this fixture's time): this pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # A path line, not a site dir: the test venv's own .pth files (its editable install of
    # this checkout) are not run, so `generator` comes from the wheel.
    Path(site, "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = ["install", "--no-deps", "--no-index", "-q", str(wheel)]
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), *install],
        check=True,
        capture_output=True,
    )
    yield venv / "bin" / "handbook"


def _run(handbook: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [str(handbook), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_a_clinic_edition_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    made = _run(installed, "new", "riverside", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "riverside"
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()) == [
        ".gitignore",
        "README.md",
        "clinic.yml",
        "content/exercises/.gitkeep",
        "content/images/.gitkeep",
        "content/routines/.gitkeep",
        "content/translations/.gitkeep",
    ]
    clinic = project / "clinic.yml"
    _set(clinic, "name: Riverside", "name: Riverside Clinic")
    _set(clinic, "hide: []", "hide: [heel-raises]")
    _set(clinic, '# accent: "#1f6f8b"', 'accent: "#1f6f8b"')
    (project / "content/exercises/marble-pickup.yml").write_text(MARBLE, encoding="utf-8")
    (project / "content/exercises/toe-walking.yml").write_text(_replacement(), encoding="utf-8")

    checked = _run(installed, "check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert "handbook stamp content/exercises/toe-walking.yml" in checked.stderr
    assert _run(installed, "stamp", cwd=project).returncode == 0
    checked = _run(installed, "check", cwd=project)
    assert (checked.returncode, checked.stderr) == (0, "")
    built = _run(installed, "build", cwd=project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    # the base came from the wheel's bundle, not from this checkout
    config = (project / "build" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "generator/bundle/mkdocs.yml" in config and str(ROOT) not in config

    # pages: the clinic's exercise links to the handbook's; the replacement; the hidden one
    page = (site / "exercises/marble-pickup/index.html").read_text(encoding="utf-8")
    assert '<a href="../toe-pencil-grip/">' in page
    assert "Toe walking, our way" in (site / "exercises/toe-walking/index.html").read_text()
    assert not (site / "exercises/heel-raises").exists()
    for html in site.rglob("*.html"):
        assert "heel-raises/" not in html.read_text(encoding="utf-8"), html
    # easier/harder links to the hidden exercise are plain words now
    assert "Heel raises" in (site / "exercises/toe-pressing/index.html").read_text()
    # catalogue, builder, search, cards
    catalogue = json.loads((site / "api/v1/exercises.json").read_text(encoding="utf-8"))
    ids = {exercise["id"] for exercise in catalogue["exercises"]}
    assert "marble-pickup" in ids and "heel-raises" not in ids
    assert "marble-pickup" in (site / "builder/index.html").read_text(encoding="utf-8")
    assert "marble-pickup" in (site / "search/search_index.json").read_text(encoding="utf-8")
    assert (site / "cards/exercises/marble-pickup/index.html").is_file()
    # embed branding
    embed = (site / "embed/exercises/marble-pickup/index.html").read_text(encoding="utf-8")
    assert "Riverside Clinic" in embed and "1f6f8b" in embed
    # Spanish: the clinic has no translation, so its English is marked as English
    spanish = (site / "es/exercises/marble-pickup/index.html").read_text(encoding="utf-8")
    assert 'lang="en">Marble pick-up' in spanish
    assert 'lang="en">Toe walking, our way' in (
        site / "es/exercises/toe-walking/index.html"
    ).read_text(encoding="utf-8")
    # readable by a web server
    for path in [site, *site.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path


# --- Messages, in process, with the checkout's handbook as the base ---------------------------


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from generator.publish.project import new_project

    new_project(tmp_path / "clinic")
    monkeypatch.chdir(tmp_path / "clinic")
    return tmp_path / "clinic"


def _check(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check"])
    return code, capsys.readouterr().err


def test_a_handbook_id_is_refused_without_replaces(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _replacement().replace("replaces: toe-walking\n", "")
    (clinic / "content/exercises/toe-walking.yml").write_text(text, encoding="utf-8")
    assert _check(capsys) == (
        1,
        "content/exercises/toe-walking.yml:2: id: 'toe-walking' is a handbook exercise's id: "
        "give yours another id to add it, or add `replaces: toe-walking` to use yours instead "
        "of the handbook's\n1 problem in the content\n",
    )


def test_replacing_what_the_handbook_does_not_have(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MARBLE.replace("id: marble-pickup\n", "id: marble-pickup\nreplaces: marble-pickup\n")
    (clinic / "content/exercises/marble-pickup.yml").write_text(text, encoding="utf-8")
    assert _check(capsys) == (
        1,
        "content/exercises/marble-pickup.yml:3: replaces: the handbook has no exercise "
        "'marble-pickup' to replace: remove `replaces:` to add it as your own\n"
        "1 problem in the content\n",
    )


def test_hiding_an_exercise_a_shown_routine_uses(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set(clinic / "clinic.yml", "hide: []", "hide: [toe-walking, no-such-thing]")
    code, err = _check(capsys)
    assert (code, err.splitlines()) == (
        1,
        [
            "clinic.yml:17: hide[0]: exercise 'toe-walking' is in routine 'full-up' "
            "(handbook:content/routines/full-up.yml, entry 5): hide that routine too, or keep "
            "the exercise",
            "clinic.yml:17: hide[1]: the handbook has no exercise or routine 'no-such-thing' "
            "to hide",
            "2 problems in the content",
        ],
    )


def test_a_changed_handbook_entry_asks_for_a_stamp(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _replacement().replace(
        "replaces: toe-walking\n", "replaces: toe-walking\nreplaces_version: 000000000000\n"
    )
    (clinic / "content/exercises/toe-walking.yml").write_text(text, encoding="utf-8")
    code, err = _check(capsys)
    assert code == 0
    assert err == (
        "warning: content/exercises/toe-walking.yml:4: replaces_version: was made from an older "
        "version of the handbook's exercise 'toe-walking': compare yours with "
        "handbook:content/exercises/toe-walking.yml, then run "
        "`handbook stamp content/exercises/toe-walking.yml`\n"
    )
    assert cli.main(["stamp"]) == 0
    capsys.readouterr()
    assert _check(capsys) == (0, "")


def test_handbook_files_in_the_layer_are_refused(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clinic / "content/safety.yml").write_text("stop_rule: x\n", encoding="utf-8")
    (clinic / "content/clinic.yml").write_text("name: x\n", encoding="utf-8")
    code, err = _check(capsys)
    assert (code, err.splitlines()) == (
        1,
        [
            "content/clinic.yml: clinic.yml belongs at the project's root, beside content/: "
            "move it there",
            "content/safety.yml: a clinic's content/ holds exercises/, routines/, images/ and "
            "translations/ only: safety.yml is the handbook's own, so remove this file",
            "2 problems in the content",
        ],
    )


def test_new_never_writes_into_a_folder_in_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    assert cli.main(["new", "mine"]) == 1
    assert capsys.readouterr().err == (
        "mine: the folder is not empty, and `handbook new` never writes over your files: "
        "choose a new folder name\n"
    )
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
