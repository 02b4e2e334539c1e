"""Authoring (issue 29): one mistake gives one message, named in the folder `--content` gave;
translations reviewed and stamped file by file, their warnings naming the English field."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent

#: Single mistakes in the real content, (file, text, replacement, the one line expected).
#: The real content is translated into Spanish and German, so a mistake in an English file
#: the translations follow must not add a line for each of them.
SINGLE_MISTAKES = [
    (
        "exercises/toe-walking.yml",
        "name: Toe walking",
        "name: 5",
        "exercises/toe-walking.yml:3: name: expected text, got 5",
    ),
    (
        "exercises/toe-walking.yml",
        "id: toe-walking",
        "id: Toe Walking",
        "exercises/toe-walking.yml:2: id: expected an id of lowercase letters, digits and "
        "single hyphens, such as 'toe-walking', got 'Toe Walking'",
    ),
    (
        "exercises/ball-roll.yml",
        "name: ",
        "name: [",
        "exercises/ball-roll.yml:4: YAML syntax error: the '[' on this line is not closed: "
        "end the list with ']' on the same line",
    ),
    (
        "exercises/toe-pressing.yml",
        "id: toe-pressing",
        "id: toe-press",
        "exercises/toe-pressing.yml:2: id: id 'toe-press' does not match the file name "
        "'toe-pressing.yml': rename the file or change the id",
    ),
    (
        "routines/desk.yml",
        "max_minutes: 6",
        "max_minutes: x",
        "routines/desk.yml:10: max_minutes: expected a whole number of minutes from 1 to 120, "
        "got 'x'",
    ),
    (
        "safety.yml",
        "urgent_action:",
        "urgent_actoin:",
        None,  # its line moves as the file is edited: checked by its words
    ),
    (
        "handbook.yml",
        "version:",
        "verison:",
        None,
    ),
    (
        "causes.yml",
        "  - id: association",
        "  - id: Association",
        None,
    ),
]


def copy_content(tmp_path: Path, name: str = "content") -> Path:
    content = tmp_path / name
    shutil.copytree(ROOT / "content", content)
    return content


def check(folder: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--content", folder])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if not line.startswith("warning: ")]


@pytest.mark.parametrize(("file", "text", "replacement", "expected"), SINGLE_MISTAKES)
def test_one_mistake_in_the_real_content_gives_one_line(
    file: str,
    text: str,
    replacement: str,
    expected: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = copy_content(tmp_path)
    monkeypatch.chdir(tmp_path)
    # Others may be editing the content: what counts is what the one mistake adds.
    _, before = check("content", capsys)
    target = content / file
    original = target.read_text("utf-8")
    assert text in original
    target.write_text(original.replace(text, replacement, 1), "utf-8")
    code, after = check("content", capsys)
    added = [line for line in after[:-1] if line not in before]
    assert code == 1
    assert len(added) == 1, added
    assert added[0].startswith(f"content/{file}:"), added
    if expected is not None:
        assert added[0] == f"content/{expected}"


def test_messages_name_the_content_folder_given(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--content my-notes: every message names my-notes/, never content/."""
    mine = project / "my-notes"
    (project / "content").rename(mine)
    references = mine / "references.yml"
    references.write_text(
        references.read_text("utf-8").replace("id: khamis-2007", "id: khamis-2007b", 1), "utf-8"
    )
    exercise = mine / "exercises" / "toe-pressing.yml"
    exercise.write_text(
        exercise.read_text("utf-8").replace("node: over-pronation", "node: over-pronaton"),
        "utf-8",
    )
    (mine / "safety.yml").unlink()
    (mine / "images" / "toe-walking.svg").unlink()
    code, lines = check("my-notes", capsys)
    assert code == 1
    joined = "\n".join(lines)
    assert "content/" not in joined, joined
    assert "my-notes/safety.yml: required file is missing" in lines
    assert "(not in my-notes/references.yml); did you mean 'khamis-2007b'?" in joined
    assert "is not cited by any link in my-notes/causes.yml" in joined
    assert "not found in my-notes/images/" in joined
    assert "unknown cause node id 'over-pronaton' (not in my-notes/causes.yml)" in joined


def test_a_missing_causes_file_names_the_folder_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = project / "notes"
    (project / "content").rename(mine)
    (mine / "causes.yml").unlink()
    code, lines = check("notes", capsys)
    assert (code, lines) == (
        1,
        ["notes/causes.yml: required file is missing", "1 problem in the content"],
    )


def translate(content: Path, code: str, relative: str, status: str = "draft") -> Path:
    """A translation of content/<relative> whose words are the English ones (enough to check
    the stamps), with no stamp yet."""
    import yaml

    from generator.load import load_content
    from generator.translations import _document_key, english_documents, translatable

    folder = content / "translations" / code
    folder.mkdir(parents=True, exist_ok=True)
    names = {"es": "Español", "de": "Deutsch"}
    (folder / "language.yml").write_text(f"name: {names[code]}\nstatus: draft\n", "utf-8")
    key = _document_key(relative)
    assert key is not None
    loaded = english_documents(load_content(content))[key]
    texts: dict[str, Any] = {}
    for field in translatable(type(loaded.model), loaded.source.data):
        place: Any = texts
        value: Any = loaded.source.data
        for part, following in zip(field.path, [*field.path[1:], None], strict=True):
            value = value[part]
            if following is None:
                break
            empty: Any = [] if isinstance(following, int) else {}
            if isinstance(place, list):
                while len(place) <= int(part):
                    place.append(None)
                place[int(part)] = place[int(part)] or empty
            else:
                place.setdefault(part, empty)
            place = place[part]
        if isinstance(place, list):
            while len(place) <= int(field.path[-1]):
                place.append(None)
        place[field.path[-1]] = value
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(texts, allow_unicode=True, sort_keys=False, width=1000)
    target.write_text(f"# Translation of {relative}.\nstatus: {status}\n{body}", "utf-8")
    return target
