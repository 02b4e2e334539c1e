"""Live preview keeps serving through content mistakes; a build killed midway leaves the old
site."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from .test_build import tree

HANDBOOK = str(Path(sys.executable).with_name("handbook"))
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition: Callable[[], T], seconds: float = 60) -> T:
    """Poll `condition` until it returns something true; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            result = condition()
            if result:
                return result
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for a condition")
        time.sleep(0.05)


def page_with(url: str, words: str) -> str:
    """The page at `url` if it holds `words`, else '' (for wait_for)."""
    text = fetch(url)
    return text if words in text else ""


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log_path = project / "serve.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [HANDBOOK, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield f"http://127.0.0.1:{port}/", log_path
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def test_serve_survives_a_content_mistake_and_shows_it(project: Path) -> None:
    with serving(project) as (base, log):
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
        staging = Path(wait_for(lambda: ready.is_file() and ready.read_text()))
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
