"""No file of the user's is ever lost, and every fault is one clear line, never a traceback.

Each case is run through the CLI as an author would; the output is pinned to one line.
"""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

from .helpers.processes import tree

HANDBOOK = str(Path(sys.executable).with_name("handbook"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def one_line(err: str) -> str:
    assert err.count("\n") == 1, err
    return err.strip()


def test_an_existing_folder_of_the_users_is_refused_and_kept(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "my-documents").mkdir()
    (project / "my-documents" / "thesis.docx").write_bytes(b"years of work")
    code, err = run(capsys, "build", "--output", "my-documents")
    assert code == 1
    assert one_line(err) == (
        "my-documents: the site folder (--output) is not empty and was not made by the "
        "handbook, so it is left alone: choose an empty folder, a new name, or a folder the "
        "handbook made"
    )
    assert (project / "my-documents" / "thesis.docx").read_bytes() == b"years of work"
    assert sorted(p.name for p in (project / "my-documents").iterdir()) == ["thesis.docx"]


def test_an_existing_file_is_never_replaced_by_a_folder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "notes.txt").write_text("mine", "utf-8")
    code, err = run(capsys, "build", "--output", "notes.txt")
    assert code == 1
    assert one_line(err).startswith("notes.txt: the site folder (--output) must be a folder")
    assert (project / "notes.txt").read_text("utf-8") == "mine"
    assert not list(project.glob(".notes.txt*"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["build", "--output", "build/docs"],
            "build/docs (--docs) and build/docs (--output) overlap: give each its own folder",
        ),
        (
            ["build", "--output", "content/site"],
            "content (--content) and content/site (--output) overlap: give each its own folder",
        ),
        (
            ["generate", "--docs", "content"],
            "content (--content) and content (--docs) overlap: give each its own folder",
        ),
        (
            ["build", "--output", "."],
            ".: the site folder (--output) is not empty and was not made by the handbook, so it "
            "is left alone: choose an empty folder, a new name, or a folder the handbook made",
        ),
    ],
    ids=["output-is-docs", "output-in-content", "docs-is-content", "output-is-project"],
)
def test_folders_that_overlap_are_refused(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = tree(project)
    code, err = run(capsys, *args)
    assert (code, one_line(err)) == (1, message)
    assert tree(project) == before


def test_a_folder_under_a_file_or_a_docs_folder_that_is_a_file_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "plain").write_text("a file", "utf-8")
    code, err = run(capsys, "build", "--output", "plain/site")
    assert code == 1
    assert "plain is a file, so the site folder (--output) cannot be made under it" in one_line(err)
    code, err = run(capsys, "generate", "--docs", "plain")
    assert code == 1
    assert one_line(err).startswith("plain: the generated pages' folder (--docs) must be a folder")
    assert (project / "plain").read_text("utf-8") == "a file"


@pytest.mark.parametrize(
    ("fault", "reason"),
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "the file system is read-only")],
)
def test_a_disk_fault_midway_is_one_line_and_keeps_the_previous_site(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fault: int,
    reason: str,
) -> None:
    assert main(["build"]) == 0
    before = tree(project / "site")
    path = project / "content/exercises/toe-walking.yml"
    path.write_text(path.read_text("utf-8").replace("Toe walking", "Tiptoe walk", 1), "utf-8")

    def failing_build(config: object, **options: object) -> None:
        raise OSError(fault, "injected", str(project / "site-being-written"))

    monkeypatch.setattr("mkdocs.commands.build.build", failing_build)
    capsys.readouterr()
    code, err = run(capsys, "build")
    assert code == 1
    assert one_line(err).startswith(
        f"could not build the site; the previous site was kept: {reason}"
    )
    assert tree(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.new")] == []


def test_a_staging_folder_of_the_users_is_not_taken_for_a_leftover(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = project / ".site.new-mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("keep", "utf-8")
    assert main(["build"]) == 0
    assert (mine / "keep.txt").read_text("utf-8") == "keep"


def test_two_builds_at_once_both_succeed_one_after_the_other(project: Path) -> None:
    for attempt in range(3):
        url = f"https://attempt{attempt}.example/"
        builds = [
            subprocess.Popen(
                [HANDBOOK, "build", "--site-url", url],
                cwd=project,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [(build.wait(timeout=120), build.stderr.read()) for build in builds]
        for build in builds:
            assert build.stdout is not None and build.stderr is not None
            build.stdout.close()
            build.stderr.close()
        assert [code for code, _ in results] == [0, 0], results
        assert "Traceback" not in "".join(err for _, err in results)
        page = (project / "site/exercises/toe-walking/index.html").read_text("utf-8")
        assert f"{url}exercises/toe-walking/" in page


BAD_URLS = [
    ('http://a.example/"><img src=x onerror=alert(1)>', "no query, fragment, spaces or quotes"),
    ("javascript:alert(1)", "must be an absolute http:// or https:// address"),
    ("https://" + "a" * 3000 + ".example/", "at most 200 characters"),
    ("ftp://files.example/", "must be an absolute http:// or https:// address"),
    ("https://", "must be an absolute http:// or https:// address"),
    ("https://user:pw@host.example/", "must be an absolute http:// or https:// address"),
    ("https://host.example/?q=1", "no query, fragment"),
    ("https://host.example/#x", "no query, fragment"),
    ("https://host.example/a b/", "no query, fragment, spaces or quotes"),
    ("https://intranet/", "needs a full host name"),
    ("https://host.example:99999/", "impossible port number"),
    ("//host.example/", "must be an absolute http:// or https:// address"),
]


@pytest.mark.parametrize(("url", "why"), BAD_URLS, ids=[str(n) for n in range(len(BAD_URLS))])
def test_a_bad_site_url_is_one_line_and_builds_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], url: str, why: str
) -> None:
    for command in ("generate", "build"):
        code, err = run(capsys, command, "--site-url", url)
        assert code == 1
        line = one_line(err)
        assert line.startswith("--site-url: ") and why in line, line
        assert len(line) < 300
    assert not (project / "site").exists()


def test_a_bad_site_url_in_mkdocs_yml_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "site_url: https://foot-handbook.example.org/",
        'site_url: "https://evil.example/\'><script>alert(1)</script>"',
    )
    config.write_text(text, "utf-8")
    code, err = run(capsys, "build")
    assert code == 1
    assert "site_url: " in one_line(err) and "no query, fragment, spaces or quotes" in err
