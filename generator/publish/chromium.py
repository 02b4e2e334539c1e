"""Finding and launching headless Chromium (Debian's package), for PDFs and tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.errors import ToolMissingError

#: Flags for a closed network: without the background-networking ones Chromium keeps trying
#: to reach Google's hosts, and as root it needs --no-sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> Path:
    """The Chromium binary: $CHROMIUM; else Debian's headless shell (chromium-headless-shell),
    else chromium on PATH; a clear error if none exists.

    The headless shell is Chromium without its windowed browser: for printing and for tests
    it draws and prints the same pages on about half the CPU time (Debian's `chromium` is
    a script that adds flags of its own, GPU rasterisation among them).
    """
    for candidate in (
        os.environ.get("CHROMIUM"),
        shutil.which("chromium-headless-shell"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise ToolMissingError(
        "this needs headless Chromium, which is not installed: run `apt-get install "
        "chromium-headless-shell` (Debian) or set CHROMIUM to its path"
    )
