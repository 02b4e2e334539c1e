"""Full builds: strict MkDocs, byte-identical output, and the old site kept on failure."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main
from generator.publish.folders import MARKER
from generator.publish.write import folder_listing, write_tree

from .helpers.processes import group_members, parent_of, tree

ROOT = Path(__file__).resolve().parent.parent


def test_real_content_builds_strict_with_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = pipeline.build(ROOT / "content", tmp_path / "docs", tmp_path / "site")
    site = tmp_path / "site"
    book = result.generated.book
    assert book is not None
    for exercise in book.exercises:
        assert (site / "exercises" / exercise.id / "index.html").is_file()
    for plan in book.routines:
        assert (site / "routines" / plan.routine.id / "index.html").is_file()
    for page in ("index.html", "exercises/index.html", "routines/index.html", "safety/index.html"):
        assert (site / page).is_file()


def test_two_builds_in_separate_processes_are_byte_identical(project: Path) -> None:
    handbook = str(Path(sys.executable).with_name("handbook"))
    for name, seed in (("one", "1"), ("two", "2")):
        subprocess.run(
            [handbook, "build", "--output", name, "--docs", f"build/docs-{name}"],
            cwd=project,
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
    one, two = tree(project / "one"), tree(project / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert "sitemap.xml" in one


LANGUAGE_PID_HOOK = """
import os, pathlib
def on_config(config):
    # Each language's build names the process it runs in.
    folder = pathlib.Path(os.environ["HANDBOOK_TEST_PIDS"])
    (folder / config["site_dir"].replace("/", "_")).write_text(str(os.getpid()))
"""


def test_jobs_1_builds_every_language_in_one_process_and_the_same_site(project: Path) -> None:
    for code, name in (("es", "Español"), ("de", "Deutsch")):
        folder = project / "content" / "translations" / code
        folder.mkdir(parents=True)
        (folder / "language.yml").write_text(f"name: {name}\nstatus: draft\n", "utf-8")
    hooks = project / "generator" / "mkdocs_hooks.py"
    hooks.write_text(hooks.read_text("utf-8") + LANGUAGE_PID_HOOK, "utf-8")
    handbook = str(Path(sys.executable).with_name("handbook"))
    pids = {}
    for name, jobs in (("one", ["--jobs", "1"]), ("side", [])):
        record = project / f"pids-{name}"
        record.mkdir()
        build = subprocess.Popen(
            [handbook, "build", "--output", name, "--docs", f"build/docs-{name}", *jobs],
            cwd=project,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "HANDBOOK_TEST_PIDS": str(record)},
        )
        assert build.wait() == 0
        pids[name] = {p.read_text() for p in record.iterdir()}, str(build.pid)
    languages, handbook_pid = pids["one"]
    assert len(list((project / "pids-one").iterdir())) == 3
    assert languages == {handbook_pid}
    languages, handbook_pid = pids["side"]
    assert handbook_pid not in languages  # one process per language, beside the build's own
    one, side = tree(project / "one"), tree(project / "side")
    assert sorted(one) == sorted(side)
    assert [name for name in one if one[name] != side[name]] == []
    assert "es/index.html" in one


def test_content_error_leaves_previous_site_untouched(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0
    before = tree(project / "site")
    path = project / "content" / "exercises" / "toe-walking.yml"
    path.write_text(path.read_text("utf-8").replace("position: standing", "position: 7"))
    capsys.readouterr()
    assert main(["build"]) == 1
    assert "position: expected one of lying, sitting, standing; got 7" in capsys.readouterr().err
    assert tree(project / "site") == before


def test_engine_failure_leaves_previous_site_untouched(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0
    before = tree(project / "site")
    # A nav entry to a missing page is a warning, and strict mode turns it into a failure.
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  - Safety: safety/index.md", "  - Safety: missing.md")
    )
    capsys.readouterr()
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "the site build failed, the previous site was kept" in err
    assert "missing.md" in err and len(err.splitlines()) == 1
    assert tree(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == [".site.lock"]


def test_generate_writes_only_changed_files_and_removes_stale_pages(project: Path) -> None:
    first = pipeline.generate(Path("content"), Path("build/docs"), Path("mkdocs.yml"))
    assert "en/exercises/toe-walking/index.md" in first.report.written
    stamp = (project / "build/docs/en/exercises/toe-walking/index.md").stat().st_mtime_ns
    (project / "build/docs.cache/stamp.json").unlink()  # so the pages are rendered again
    second = pipeline.generate(Path("content"), Path("build/docs"), Path("mkdocs.yml"))
    assert second.book is not None and second.report.written == ()
    assert (project / "build/docs/en/exercises/toe-walking/index.md").stat().st_mtime_ns == stamp

    (project / "content/routines/quick.yml").unlink()
    third = pipeline.generate(Path("content"), Path("build/docs"), Path("mkdocs.yml"))
    assert "en/routines/quick/index.md" in third.report.removed
    assert not (project / "build/docs/en/routines/quick").exists()
    assert (project / "build/docs/en/routines/index.md").exists()


def test_a_write_knows_what_it_leaves_without_listing_the_folder_again(tmp_path: Path) -> None:
    """The stamp of a generate is the write's own account of the folder: it must be exactly
    what a walk of the folder finds, after files are added, rewritten, kept and removed."""
    docs = tmp_path / "docs"
    first = write_tree({"a/one.md": b"1", "a/two.md": b"22", "three.md": b"333"}, docs)
    assert first.listing == folder_listing(str(docs))
    # Same size, other bytes; same bytes; a new folder; a file gone with its folder.
    second = write_tree({"a/one.md": b"9", "three.md": b"333", "b/c/four.md": b"4"}, docs)
    assert second.written == ("a/one.md", "b/c/four.md") and second.unchanged == 1
    assert second.removed == ("a/two.md",)
    assert second.listing == folder_listing(str(docs))
    part = write_tree({"new/five.md": b"5", "three.md": b"333", "a/one.md": b"8"}, docs, part=True)
    assert (part.written, part.unchanged, part.removed) == (("a/one.md", "new/five.md"), 1, ())
    assert part.listing is None
    assert tree(docs) == {
        "a/one.md": b"8",
        "b/c/four.md": b"4",
        "new/five.md": b"5",
        "three.md": b"333",
        MARKER: (docs / MARKER).read_bytes(),
    }


def generate_here(site_url: str | None = None) -> pipeline.Generated:
    return pipeline.generate(Path("content"), Path("build/docs"), Path("mkdocs.yml"), site_url)


def test_a_generate_with_nothing_new_stops_early_and_touches_nothing(project: Path) -> None:
    first = generate_here()
    before = {p: p.stat().st_mtime_ns for p in (project / "build/docs").rglob("*")}
    again = generate_here()
    assert again.book is None and again.report.written == () and again.report.removed == ()
    assert again.report.unchanged == len([p for p in before if p.is_file()]) - 1  # the marker
    assert again.epoch == first.epoch
    assert {p: p.stat().st_mtime_ns for p in (project / "build/docs").rglob("*")} == before


@pytest.mark.parametrize(
    "change",
    ["content", "site_url", "deleted page", "edited page", "added file", "image"],
)
def test_any_changed_input_or_output_makes_a_full_generate(project: Path, change: str) -> None:
    generate_here()
    docs = project / "build/docs/en"
    page = docs / "exercises/toe-walking/index.md"
    expected = page.read_text("utf-8")
    site_url = None
    if change == "content":
        exercise = project / "content/exercises/toe-walking.yml"
        exercise.write_text(exercise.read_text("utf-8").replace("Toe walking", "Tiptoe walk", 1))
        expected = expected.replace("Toe walking", "Tiptoe walk")
    elif change == "site_url":
        site_url = "https://clinic.example/handbook/"
        expected = expected.replace("https://foot-handbook.example.org/", site_url)
    elif change == "deleted page":
        page.unlink()
    elif change == "edited page":
        page.write_text("changed by hand", "utf-8")
    elif change == "added file":
        (docs / "stray.md").write_text("# Stray", "utf-8")
    else:
        image = next((project / "content/images").iterdir())
        image.write_bytes(image.read_bytes() + b"\n")
    result = generate_here(site_url)
    assert result.book is not None
    assert page.read_text("utf-8") == expected
    assert not (docs / "stray.md").exists()
    if change == "site_url":
        card = (docs / "cards/exercises/toe-walking/index.html").read_text("utf-8")
        assert "https://clinic.example/handbook/exercises/toe-walking/" in card


def test_generate_refuses_a_folder_it_did_not_make(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "notes").mkdir()
    (project / "notes" / "mine.txt").write_text("keep me")
    assert main(["generate", "--docs", "notes"]) == 1
    assert capsys.readouterr().err == (
        "notes: the generated pages' folder (--docs) is not empty and was not made by the "
        "handbook, so it is left alone: choose an empty folder, a new name, or a folder the "
        "handbook made\n"
    )
    assert (project / "notes" / "mine.txt").read_text() == "keep me"


def test_same_site_without_hooks(project: Path) -> None:
    """The generate stage alone gives an engine everything: a hook-free MkDocs build matches."""
    assert main(["build", "--output", "with-hooks"]) == 0
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("hooks:\n  - generator/mkdocs_hooks.py\n", ""))
    assert main(["build", "--output", "no-hooks"]) == 0
    cmp = filecmp.dircmp(project / "with-hooks", project / "no-hooks")
    assert (cmp.left_only, cmp.right_only, cmp.diff_files) == ([], [], [])
    assert os.path.exists(project / "no-hooks" / "exercises" / "toe-walking" / "index.html")


def test_a_build_keeps_the_theme_compiled_and_sees_a_changed_template(project: Path) -> None:
    assert main(["build", "--output", "cold"]) == 0
    (compiled,) = (project / "build" / "docs.cache").glob("theme-*")
    assert len(list(compiled.iterdir())) > 10  # Material's templates and ours
    assert main(["build", "--output", "warm"]) == 0
    assert tree(project / "warm") == tree(project / "cold")
    main_html = project / "overrides" / "main.html"
    text = main_html.read_text("utf-8")
    main_html.write_text(text.replace("{% block site_meta %}\n", "{% block site_meta %}\n<!--x-->"))
    assert main(["build", "--output", "changed"]) == 0
    assert "<!--x-->" in (project / "changed" / "index.html").read_text("utf-8")


def run_and_list_modules(code: str, *args: str, cwd: Path | None = None) -> tuple[str, set[str]]:
    """Run `code` in a fresh Python, then print every module it imported: (its output before
    that list, the modules)."""
    listed = f"{code}\nimport sys\nprint('modules:', *sys.modules)"
    command = [sys.executable, "-c", listed, *args]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True)
    output, _, modules = result.stdout.rpartition("modules:")
    return output, set(modules.split())


def test_a_build_loads_the_serve_hooks_without_the_generator() -> None:
    """mkdocs.yml names the serve glue, so every MkDocs build loads it (each language's, and a
    plain `mkdocs build`): outside serve it imports none of the generator, which cost each
    such build about a quarter of a second."""
    hooks = ROOT / "generator" / "mkdocs_hooks.py"
    _, modules = run_and_list_modules("import runpy, sys; runpy.run_path(sys.argv[1])", str(hooks))
    assert sorted(name for name in modules if name.startswith("generator")) == []


def test_a_build_with_nothing_to_do_loads_no_model(project: Path) -> None:
    """With nothing changed, a build reads fingerprints and stops: it imports neither the
    content models nor pydantic, which were a third of its time."""
    handbook = str(Path(sys.executable).with_name("handbook"))
    subprocess.run([handbook, "build"], cwd=project, check=True, capture_output=True)
    build = "from generator.cli import main; main(['build'])"
    output, modules = run_and_list_modules(build, cwd=project)
    assert "nothing to build" in output
    assert "generator.pipeline" in modules
    assert {"pydantic", "generator.source.model", "generator.source.clinic"} & modules == set()


def mtimes(folder: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*")}


def test_a_build_with_nothing_new_writes_no_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 0
    before = mtimes(project)
    capsys.readouterr()
    assert main(["build"]) == 0
    assert "site in site/ is up to date: nothing to build" in capsys.readouterr().out
    assert mtimes(project) == before


@pytest.mark.parametrize(
    "change",
    [
        "content",
        "theme override",
        "mkdocs.yml",
        "site file deleted",
        "site file edited",
        "site_url",
    ],
)
def test_any_changed_input_of_the_site_rebuilds_it(project: Path, change: str) -> None:
    assert main(["build"]) == 0
    page = project / "site/exercises/toe-walking/index.html"
    site_url = None
    expected = "Toe walking"
    if change == "content":
        exercise = project / "content/exercises/toe-walking.yml"
        exercise.write_text(exercise.read_text("utf-8").replace("Toe walking", "Tiptoe walk", 1))
        expected = "Tiptoe walk"
    elif change == "theme override":
        override = project / "overrides/main.html"
        override.write_text(
            override.read_text("utf-8").replace("{% endblock %}", "<!-- changed -->{% endblock %}")
        )
        expected = "<!-- changed -->"
    elif change == "mkdocs.yml":
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text("utf-8").replace("site_name: ", "site_name: Renamed ", 1)
        )
        expected = "Renamed "
    elif change == "site file deleted":
        page.unlink()
    elif change == "site file edited":
        page.write_text("changed by hand", "utf-8")
    else:
        site_url = "https://clinic.example/handbook/"
        expected = "https://clinic.example/handbook/exercises/toe-walking/"
    assert pipeline.build(Path("content"), site_url=site_url).site_rebuilt
    assert expected in page.read_text("utf-8")
    assert not pipeline.build(Path("content"), site_url=site_url).site_rebuilt


def test_a_new_pdf_printer_rebuilds_the_site(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printer = project / "fake-chromium"
    printer.write_text("version 1", "utf-8")
    monkeypatch.setenv("CHROMIUM", str(printer))
    printed: list[Path] = []
    monkeypatch.setattr(
        "generator.publish.pdf.print_cards", lambda site, epoch: printed.append(site)
    )
    assert pipeline.build(Path("content"), pdf=True).site_rebuilt
    assert not pipeline.build(Path("content"), pdf=True).site_rebuilt
    assert len(printed) == 1
    printer.write_text("version 2, upgraded", "utf-8")
    assert pipeline.build(Path("content"), pdf=True).site_rebuilt
    assert len(printed) == 2


def test_a_finished_build_leaves_no_process_behind(project: Path) -> None:
    """Not even for a moment: the build waits for its workers (and has no resource tracker)."""
    handbook = str(Path(sys.executable).with_name("handbook"))
    for code in ("es", "de"):  # languages are built by worker processes
        (project / "content" / "translations" / code).mkdir(parents=True)
        (project / "content" / "translations" / code / "language.yml").write_text(
            f"name: {code}\nstatus: draft\n", "utf-8"
        )
    build = subprocess.Popen([handbook, "build"], cwd=project, start_new_session=True)
    assert build.wait(timeout=120) == 0
    left = group_members(build.pid)  # at once: a process still ending would be found
    assert left == [], [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in left]
    assert (project / "site" / "de" / "index.html").is_file()


def test_the_site_is_readable_by_a_web_server(project: Path) -> None:
    """Under the usual umask, folders 0755 and files 0644, as a plain mkdir and open make
    them: nginx, running as another user, reads the site as it is built."""
    handbook = str(Path(sys.executable).with_name("handbook"))
    subprocess.run([handbook, "build"], cwd=project, check=True, capture_output=True, umask=0o022)
    site = project / "site"
    for path in [site, *site.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


def test_qr_codes_drawn_by_workers_match_and_no_worker_is_left() -> None:
    from generator.publish import qrcache
    from generator.render.outputs import qr

    def children() -> set[int]:
        return {pid for pid in group_members(os.getpgrp()) if parent_of(pid) == os.getpid()}

    # The test run's own helpers (the browser's driver, a resource tracker) were here before.
    before = children()
    urls = [
        f"https://example.org/cards/exercise-{n:04d}/"
        for n in range(2 * qrcache.MIN_CODES_PER_PROCESS)
    ]
    codes = qrcache.start_qr_svgs(urls, jobs=2).result()
    assert list(codes) == urls
    assert [codes[url] for url in urls[::37]] == [qr.draw_qr(url) for url in urls[::37]]
    assert children() - before == set()
    with qrcache.start_qr_svgs(urls, jobs=2):
        pass  # left before collecting: the workers are stopped, not left drawing
    assert children() - before == set()


def test_a_pools_threads_leave_interrupts_to_the_main_thread() -> None:
    """Ctrl-C must wake the main thread's wait for its workers: the pool's own threads
    block SIGINT and SIGTERM (so the kernel cannot hand them one), its workers do not, and
    the main thread's mask is as it was."""
    import signal
    import threading

    from generator.publish.forking import pool_map, worker_pool

    held = {signal.SIGINT, signal.SIGTERM}
    ours = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    before = set(threading.enumerate())  # the test run's own threads (a browser's, a server's)
    with worker_pool(2) as pool:
        in_workers = list(pool_map(pool, signal.pthread_sigmask, [signal.SIG_BLOCK] * 2, [[]] * 2))
        others = [t.native_id for t in set(threading.enumerate()) - before]
        blocked = {tid: _blocked_signals(tid) for tid in others if tid is not None}
    assert blocked and all(held <= signals for signals in blocked.values()), blocked
    assert all(not held & set(mask) for mask in in_workers), in_workers
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == ours


def _blocked_signals(thread_id: int) -> set[int]:
    status = Path(f"/proc/self/task/{thread_id}/status").read_text("utf-8")
    mask = int(
        next(line for line in status.splitlines() if line.startswith("SigBlk:")).split()[1], 16
    )
    return {number for number in range(1, 65) if mask >> (number - 1) & 1}
