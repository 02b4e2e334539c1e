"""Map a function over items in forked worker processes, for the CPU-bound stages.

The standard pools pickle every item to send it to a worker; the items here (pages with
their models, MkDocs' page objects) are large or not picklable at all. Forked workers
inherit them instead, so only each worker's share number goes out and only results come
back. Forking needs Linux or macOS; elsewhere, or with one worker, the map runs in-process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_TASK: tuple[Callable[[Any], Any], Sequence[Any], int] | None = None


def cpu_count() -> int:
    """CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(items: int, jobs: int, least_per_worker: int) -> int:
    """How many workers suit `items` items: forking costs more than it saves on small shares."""
    return max(1, min(jobs, items // least_per_worker))


def fork_map(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """`[function(item) for item in items]`, shared out round-robin between `workers` processes."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    global _TASK
    _TASK = (function, items, workers)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            shares = pool.map(_run_share, range(workers))
    finally:
        _TASK = None
    results: list[R] = [None] * len(items)  # type: ignore[list-item]  # every slot is filled
    for share, share_results in enumerate(shares):
        results[share::workers] = share_results
    return results


def _run_share(share: int) -> list[Any]:
    assert _TASK is not None
    function, items, workers = _TASK
    return [function(items[index]) for index in range(share, len(items), workers)]
