"""Where a build spends its time, for `make bench`: each named stage, timed when the
environment variable HANDBOOK_TIMINGS names a file, adds one JSON line to that file.

Lines are appended, not collected in memory, because the language builds run in worker
processes of their own; a line is one small append, which processes do not interleave."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

VARIABLE = "HANDBOOK_TIMINGS"


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block as the stage `name` (stages of one name add up)."""
    path = os.environ.get(VARIABLE)
    if not path:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        line = json.dumps({"stage": name, "seconds": time.perf_counter() - started}) + "\n"
        with open(path, "a", encoding="utf-8") as report:
            report.write(line)
