"""Live preview keeps serving through content mistakes; a build killed midway leaves the old
site, and no process of its own behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .helpers.processes import alive, group_members, parent_of, tree
from .helpers.serving import HANDBOOK, fetch, page_with, serving, wait_for


def test_serve_survives_a_content_mistake_and_shows_it(project: Path) -> None:
    with serving(project) as (base, log, _):
        url = base + "exercises/toe-walking/"
        assert "Walk slowly on the balls" in wait_for(lambda: fetch(url))
        assert f"Serving on {base}" in wait_for(lambda: log.read_text("utf-8"))
        path = project / "content" / "exercises" / "toe-walking.yml"
        good = path.read_text("utf-8")
        path.write_text(good.replace("position: standing", "position: upside-down"), "utf-8")
        line = good.splitlines().index("position: standing") + 1
        problem = f"content/exercises/toe-walking.yml:{line}: position: expected one of"
        wait_for(lambda: problem in log.read_text("utf-8"))
        wait_for(lambda: "(with content problems)" in log.read_text("utf-8"))
        started = time.monotonic()
        page = fetch(url, timeout=1)
        assert time.monotonic() - started < 1
        assert "Walk slowly on the balls" in page  # the last good page
        banner = wait_for(lambda: page_with(url, problem))
        assert 'role="alert"' in banner
        path.write_text(
            good.replace(
                "Walk slowly on the balls of your feet", "Tiptoe gently along the hallway"
            ),
            "utf-8",
        )
        fixed = wait_for(lambda: page_with(url, "Tiptoe gently"))
        assert problem not in fixed
        assert "rebuilt in" in log.read_text("utf-8")


def test_serve_over_earlier_pages_generates_once_and_names_a_mistake_once(project: Path) -> None:
    subprocess.run([HANDBOOK, "generate"], cwd=project, check=True, capture_output=True)
    path = project / "content" / "exercises" / "toe-walking.yml"
    good = path.read_text("utf-8")
    path.write_text(good.replace("position: standing", "position: upside-down"), "utf-8")
    line = good.splitlines().index("position: standing") + 1
    problem = f"content/exercises/toe-walking.yml:{line}: position: expected one of"
    with serving(project) as (base, log, _):
        url = base + "exercises/toe-walking/"
        assert "Walk slowly on the balls" in wait_for(lambda: page_with(url, problem))
        assert log.read_text("utf-8").count(problem) == 1


PAUSE_HOOK = """
import os, signal, pathlib
def on_post_build(config):
    # The whole new site is written into the staging folder; the swap has not happened.
    pathlib.Path(os.environ["HANDBOOK_TEST_READY"]).write_text(config["site_dir"])
    signal.pause()
"""


def test_a_build_killed_midway_leaves_the_previous_site(project: Path) -> None:
    assert subprocess.run([HANDBOOK, "build"], cwd=project, capture_output=True).returncode == 0
    before = tree(project / "site")
    (project / "pause_hook.py").write_text(PAUSE_HOOK, "utf-8")
    config = project / "mkdocs.yml"
    plain = config.read_text("utf-8")
    config.write_text(plain.replace("hooks:\n", "hooks:\n  - pause_hook.py\n"), "utf-8")
    ready = project / "ready"
    build = subprocess.Popen(
        [HANDBOOK, "build", "--site-url", "https://elsewhere.example/"],
        cwd=project,
        env={**os.environ, "HANDBOOK_TEST_READY": str(ready)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        staging = Path(wait_for(lambda: ready.read_text() if ready.is_file() else ""))
    finally:
        build.kill()
        build.wait()
    assert staging.name.startswith(".site.new-") and (staging / "index.html").is_file()
    assert tree(project / "site") == before
    # The next build clears what the killed one left behind and succeeds.
    config.write_text(plain, "utf-8")
    assert subprocess.run([HANDBOOK, "build"], cwd=project, capture_output=True).returncode == 0
    assert not staging.exists()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site.")) == [
        ".site.lock"
    ]


LANGUAGE_PAUSE_HOOK = """
import os, signal, pathlib
def on_pre_build(config):
    # Each language's build says it has started, in its worker, then waits to be killed.
    pathlib.Path(os.environ["HANDBOOK_TEST_READY"], str(os.getpid())).write_text("")
    signal.pause()
"""


#: Runs a command with SIGINT at its default, as in a terminal. A test run started in the
#: background by a shell without job control inherits SIGINT ignored, and so would the build
#: (Python then keeps it ignored): the SIGINT case would wait for an interrupt that never
#: comes. The exec keeps the process id, which the test follows.
WITH_CTRL_C = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])",
]


def add_languages(project: Path) -> None:
    for code, name in (("es", "Español"), ("de", "Deutsch")):
        folder = project / "content" / "translations" / code
        folder.mkdir(parents=True)
        (folder / "language.yml").write_text(f"name: {name}\nstatus: draft\n", "utf-8")


def marked_leftovers(project: Path) -> list[str]:
    return sorted(
        p.name
        for p in project.iterdir()
        if p.name.startswith((".site.new-", ".site.old-"))
        and (p / ".generated-by-handbook").is_file()
    )


@pytest.mark.parametrize(
    "stop", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "SIGINT"]
)
def test_an_interrupted_build_leaves_no_process_and_the_next_removes_its_leftovers(
    project: Path, stop: signal.Signals
) -> None:
    add_languages(project)
    (project / "pause_hook.py").write_text(LANGUAGE_PAUSE_HOOK, "utf-8")
    config = project / "mkdocs.yml"
    plain = config.read_text("utf-8")
    config.write_text(plain.replace("hooks:\n", "hooks:\n  - pause_hook.py\n"), "utf-8")
    ready = project / "ready"
    ready.mkdir()
    workers = min(3, len(os.sched_getaffinity(0)))  # three languages, one worker per CPU
    log = project / "build.log"
    with log.open("wb") as output:
        build = subprocess.Popen(
            [*WITH_CTRL_C, HANDBOOK, "build"],
            cwd=project,
            env={**os.environ, "HANDBOOK_TEST_READY": str(ready)},
            stdout=output,
            stderr=output,
            start_new_session=True,  # its own process group, to find whatever it leaves
        )
    started: list[int] = []
    try:
        # Every worker is inside a language's MkDocs build, a child of the build.
        started = wait_for(lambda: started_workers(ready, workers))
        assert all(parent_of(pid) == build.pid for pid in started)
        os.kill(build.pid, stop)
        build.wait(timeout=60)
        assert "Traceback" not in log.read_text("utf-8")
        wait_for(lambda: not group_members(build.pid), seconds=30)
        assert not any(alive(pid) for pid in started)
    finally:
        for pid in [build.pid, *started, *group_members(build.pid)]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        build.wait()
    if stop == signal.SIGKILL:
        assert marked_leftovers(project)  # no code of the build ran to remove them
    else:
        assert marked_leftovers(project) == []  # the build removed its own before ending
        assert build.returncode != 0
    # The next build removes the handbook's leftovers, and nothing of anyone else's.
    mine = project / ".site.new-mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("keep", "utf-8")
    config.write_text(plain, "utf-8")
    again = subprocess.run([HANDBOOK, "build"], cwd=project, capture_output=True)
    assert again.returncode == 0, again.stderr
    assert marked_leftovers(project) == []
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site.")) == [
        ".site.lock",
        ".site.new-mine",
    ]
    assert (mine / "keep.txt").read_text("utf-8") == "keep"
    assert (project / "site" / "es" / "index.html").is_file()


def started_workers(ready: Path, least: int) -> list[int]:
    """The workers that said they started, once there are `least` of them, else []."""
    pids = [int(path.name) for path in ready.iterdir()]
    return pids if len(pids) >= least else []
