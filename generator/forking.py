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
from multiprocessing.pool import Pool
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_TASK: tuple[Callable[[Any], Any], Sequence[Any], int] | None = None


def cpu_count() -> int:
    """CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(items: int, jobs: int, least_per_worker: int) -> int:
    """How many workers suit `items` items: forking costs more than it saves on small shares."""
    return max(1, min(jobs, items // least_per_worker))


def fork_map_start(function: Callable[[T], R], items: Sequence[T], workers: int) -> Pending[R]:
    """Start `[function(item) for item in items]` in `workers` forked processes, in the
    background; the caller goes on and collects the results, in order, with `.result()`.

    The items are shared out round-robin, one message per worker."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return Pending(lambda: [function(item) for item in items])
    global _TASK
    _TASK = (function, items, workers)
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)  # the workers fork here
    finally:
        _TASK = None
    shares = pool.map_async(_run_share, range(workers))
    return Pending(lambda: _merge(shares.get(), len(items), workers), pool)


class Pending(Generic[R]):
    """Results still being computed; `with` makes sure no worker outlives its use."""

    def __init__(self, collect: Callable[[], list[R]], pool: Pool | None = None) -> None:
        self._collect = collect
        self._pool = pool

    def result(self) -> list[R]:
        try:
            return self._collect()
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Pending[R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _merge(shares: list[list[R]], count: int, workers: int) -> list[R]:
    results: list[R] = [None] * count  # type: ignore[list-item]  # every slot is filled
    for share, share_results in enumerate(shares):
        results[share::workers] = share_results
    return results


def _run_share(share: int) -> list[Any]:
    assert _TASK is not None
    function, items, workers = _TASK
    return [function(items[index]) for index in range(share, len(items), workers)]
