"""Live preview rebuilds on content changes; a build killed midway leaves the old site."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .test_build import tree

HANDBOOK = str(Path(sys.executable).with_name("handbook"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition, seconds: float = 60):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_rebuilds_when_a_content_file_changes(project: Path) -> None:
    port = free_port()
    log = (project / "serve.log").open("wb")
    server = subprocess.Popen(
        [HANDBOOK, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/exercises/toe-walking/"
        assert "Walk slowly on the balls" in wait_for(lambda: fetch(url))
        path = project / "content" / "exercises" / "toe-walking.yml"
        path.write_text(
            path.read_text("utf-8").replace(
                "Walk slowly on the balls of your feet", "Tiptoe gently along the hallway"
            ),
            "utf-8",
        )
        assert wait_for(lambda: "Tiptoe gently along the hallway" in fetch(url))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def test_a_build_killed_midway_leaves_the_previous_site(project: Path) -> None:
    assert subprocess.run([HANDBOOK, "build"], cwd=project, capture_output=True).returncode == 0
    before = tree(project / "site")
    build = subprocess.Popen(
        [HANDBOOK, "build", "--site-url", "https://elsewhere.example/"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill it as soon as MkDocs has started writing the new site beside the old one.
    wait_for(
        lambda: (
            any(p.name.startswith(".site.new-") for p in project.iterdir())
            or build.poll() is not None
        ),
        60,
    )
    build.kill()
    build.wait()
    assert tree(project / "site") == before
    # The next build clears what the killed one left behind and succeeds.
    assert subprocess.run([HANDBOOK, "build"], cwd=project, capture_output=True).returncode == 0
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []
