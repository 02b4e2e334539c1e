"""Authoring (issue 29): one mistake gives one message, named in the folder `--content` gave;
translations reviewed and stamped file by file, their warnings naming the English field."""

from __future__ import annotations

import re
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

    from generator.source.load import load_content
    from generator.source.translationfiles import document_key, english_documents, translatable

    folder = content / "translations" / code
    folder.mkdir(parents=True, exist_ok=True)
    names = {"es": "Español", "de": "Deutsch"}
    (folder / "language.yml").write_text(f"name: {names[code]}\nstatus: draft\n", "utf-8")
    key = document_key(relative)
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


@pytest.fixture
def spanish(project: Path) -> Path:
    """The minimal content with two exercises translated into Spanish, not yet stamped."""
    content = project / "content"
    translate(content, "es", "exercises/toe-walking.yml")
    translate(content, "es", "exercises/toe-pressing.yml")
    return content


def test_stamp_one_file_of_a_language(spanish: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walking = spanish / "translations/es/exercises/toe-walking.yml"
    pressing = spanish / "translations/es/exercises/toe-pressing.yml"
    before = pressing.read_text("utf-8")
    assert main(["translations", "--stamp", "es", "exercises/toe-walking.yml"]) == 0
    assert "translated_from:" in walking.read_text("utf-8")
    assert pressing.read_text("utf-8") == before  # the file not named is left as it was
    # By its path too, as a shell's completion gives it.
    assert main(["translations", "--stamp", "es", str(pressing.relative_to(Path.cwd()))]) == 0
    assert "translated_from:" in pressing.read_text("utf-8")
    capsys.readouterr()
    assert main(["check"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_stamp_refuses_a_file_that_is_not_a_translation(
    spanish: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walking = spanish / "translations/es/exercises/toe-walking.yml"
    before = walking.read_text("utf-8")
    code = main(
        ["translations", "--stamp", "es", "exercises/toe-walking.yml", "exercises/toe-runing.yml"]
    )
    assert code == 1
    assert capsys.readouterr().err == (
        "exercises/toe-runing.yml: not a translation file of content/translations/es: name one "
        "such as exercises/<id>.yml or safety.yml\n1 problem in the content\n"
    )
    assert walking.read_text("utf-8") == before  # nothing is written unless all can be


def test_the_out_of_date_warning_names_the_english_field(
    spanish: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translations", "--stamp", "es"]) == 0
    english = spanish / "exercises/toe-walking.yml"
    text = english.read_text("utf-8")
    english.write_text(
        text.replace("Keep your heels high.", "Keep both heels high.").replace(
            "Walk slowly on the balls", "Walk gently on the balls"
        ),
        "utf-8",
    )
    capsys.readouterr()
    assert main(["check"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert warnings == [
        "warning: content/translations/es/exercises/toe-walking.yml:3: translated_from: made "
        "from another version of the English text: its summary and cues[0] changed since; "
        "check the translation against the English, then run "
        "`handbook translations --stamp es exercises/toe-walking.yml`"
    ]


def test_an_old_stamp_still_reads(spanish: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file stamped before translated_fields: is current while its English is, and its
    warning, once the English changes, says to stamp again rather than name a field."""
    assert main(["translations", "--stamp", "es"]) == 0
    walking = spanish / "translations/es/exercises/toe-walking.yml"
    text = walking.read_text("utf-8")
    walking.write_text(text[: text.index("translated_fields:")], "utf-8")
    capsys.readouterr()
    assert main(["check"]) == 0
    assert "warning" not in capsys.readouterr().err
    english = spanish / "exercises/toe-walking.yml"
    english.write_text(
        english.read_text("utf-8").replace("Keep your heels high.", "Keep both heels high."),
        "utf-8",
    )
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert "toe-walking.yml:3: translated_from: made from another version of the English" in err
    assert "so that the next warning names the field that changed" in err


def test_each_file_says_whether_it_was_reviewed(
    spanish: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Marking one file reviewed shows at once, in check and on the Translations page, while
    every page of the language keeps the draft notice until every file is reviewed."""
    from generator.check.editions import check_editions, status

    pressing = spanish / "translations/es/exercises/toe-pressing.yml"
    pressing.write_text(
        pressing.read_text("utf-8").replace("status: draft", "status: reviewed"), "utf-8"
    )
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "es: 2 files translated (1 reviewed, 1 draft), 5 shown in English" in out
    editions = check_editions(spanish).editions
    listed = status(editions)[0]["translated"]
    assert listed == [("Toe pressing", True, True), ("Toe walking", True, False)]
    assert editions[1].draft


def test_progress_counts_in_place_on_a_terminal_and_in_lines_otherwise() -> None:
    import io

    from generator.publish.pdf import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    counter = Progress(3, "printing card PDFs", terminal)
    for _ in range(3):
        counter.step()
    assert terminal.getvalue() == (
        "\rprinting card PDFs: 1/3\rprinting card PDFs: 2/3\rprinting card PDFs: 3/3\n"
    )
    log = io.StringIO()
    lines = Progress(25, "printing card PDFs", log)
    for _ in range(25):
        lines.step()
    assert log.getvalue().splitlines() == [
        "printing card PDFs: 10/25",
        "printing card PDFs: 20/25",
        "printing card PDFs: 25/25",
    ]


def handbook_build(project: Path, *options: str) -> str:
    """`handbook build` in a process of its own (Playwright allows one browser per thread),
    into project/site; its stderr."""
    import subprocess
    import sys

    command = [str(Path(sys.executable).with_name("handbook")), "build", *options]
    command += ["--content", "content", "--docs", "build/docs", "--output", "site"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=project, check=False)
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.mark.browser
def test_a_plain_build_keeps_the_pdfs_of_unchanged_cards(project: Path) -> None:
    site = project / "site"
    err = handbook_build(project, "--pdf")
    assert "printing card PDFs: 3/3" in err  # progress, as lines: stderr is no terminal
    pdfs = sorted(p.relative_to(site) for p in site.rglob("*.pdf"))
    assert len(pdfs) == 6
    printed = {p: (site / p).read_bytes() for p in pdfs}
    page = (site / "cards/quick/index.html").read_bytes()

    err = handbook_build(project)
    assert "kept the card PDFs of 3 cards, unchanged since printed" in err
    assert {p: (site / p).read_bytes() for p in pdfs} == printed
    assert (site / "cards/quick/index.html").read_bytes() == page  # it links them still

    exercise = project / "content/exercises/toe-walking.yml"
    exercise.write_text(
        exercise.read_text("utf-8").replace("Keep your heels high.", "Keep both heels high."),
        "utf-8",
    )
    err = handbook_build(project)
    assert (
        "1 card has changed since its PDFs were printed, so the new site has no PDFs for "
        "it (kept those of 2 cards, unchanged): run `handbook build --pdf` to print them "
        "again"
    ) in err
    assert sorted(p.relative_to(site) for p in site.rglob("*.pdf")) == [
        p for p in pdfs if "toe-walking" not in str(p)
    ]
    assert (
        b"toe-walking-a4.pdf" not in (site / "cards/exercises/toe-walking/index.html").read_bytes()
    )


def translation_schema_name(path: Path) -> str:
    """The schema a translation file follows: its English file's kind, translated."""
    parts = path.relative_to(ROOT / "content" / "translations").parts[1:]
    if parts == ("language.yml",):
        return "language.schema.json"
    kind = parts[0].removesuffix("s") if len(parts) == 2 else parts[0].removesuffix(".yml")
    return f"{kind}.translation.schema.json"


def test_translation_files_point_editors_at_their_schema() -> None:
    """Each translation file's first line names the schema of its kind's translations (as
    every other content file does), a schema `handbook schema` writes from the model."""
    from generator.source.schema import schema_files

    files = schema_files()
    paths = sorted((ROOT / "content" / "translations").rglob("*.yml"))
    assert paths
    for path in paths:
        name = translation_schema_name(path)
        assert (ROOT / "schema" / name).read_text("utf-8") == files[name], "run handbook schema"
        first = path.read_text("utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} does not start with its schema comment"
        assert (path.parent / match.group(1)).resolve() == ROOT / "schema" / name, path


def test_the_translation_schemas_take_the_translations_and_refuse_other_values() -> None:
    import json

    import jsonschema
    import yaml

    from generator.source.schema import schema_files

    files = schema_files()
    for path in sorted((ROOT / "content" / "translations").rglob("*.yml")):
        schema = json.loads(files[translation_schema_name(path)])
        data = yaml.safe_load(path.read_text("utf-8"))
        problems = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
        assert problems == [], path
    exercise = json.loads(files["exercise.translation.schema.json"])
    validator = jsonschema.Draft202012Validator(exercise)
    assert not validator.is_valid({"status": "draft", "id": "toe-walking"})  # ids stay
    assert not validator.is_valid({"status": "finished"})
    assert validator.is_valid({"status": "reviewed", "name": "Caminar de puntillas"})
    assert exercise["properties"]["status"]["enum"] == ["draft", "reviewed"]
