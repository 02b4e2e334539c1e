"""`handbook serve` in a test: start it on a free port, fetch its pages, wait for a change."""

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
from typing import NamedTuple, TypeVar

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


class Serving(NamedTuple):
    base: str  # the preview's address, ending in /
    log: Path  # what it prints
    pid: int  # the server's, which is also its process group's


@contextmanager
def serving(project: Path) -> Iterator[Serving]:
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
            yield Serving(f"http://127.0.0.1:{port}/", log_path, server.pid)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
