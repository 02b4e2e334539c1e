"""Worker processes for the CPU-bound stages, which never outlive the process that made them.

`worker_pool` is a `concurrent.futures.ProcessPoolExecutor` whose workers die with their
parent however it ends: on an exception or an interrupt (SIGINT, or SIGTERM inside
`sigterm_interrupts`) the parent kills them and waits for them, and when the parent is
killed outright (SIGKILL: no code of its own runs), the kernel kills them (see
`_die_with_parent`). `map_start` maps a function over items in such a pool in the background.

Workers are forked where the system can (Linux, macOS) and the parent runs no other thread:
they start at once, with the parent's modules already imported, and a forked pool needs no
multiprocessing resource tracker (a spawned one starts one, a process of its own that outlives
the build for a moment). Forking a process that runs threads is unsafe (a lock held by another
thread stays held in the child for ever), so such a parent (`handbook serve`, a test's server)
spawns its workers instead.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: prctl(2) option: the signal the kernel sends this process when its parent ends.
_PR_SET_PDEATHSIG = 1


def cpu_count() -> int:
    """CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(items: int, jobs: int, least_per_worker: int) -> int:
    """How many workers suit `items` items: a worker costs more than it saves on small shares."""
    return max(1, min(jobs, items // least_per_worker))


def start_method() -> str:
    """How to start workers here: fork when it is available and safe (see above), else spawn."""
    forkable = "fork" in multiprocessing.get_all_start_methods()
    return "fork" if forkable and threading.active_count() == 1 else "spawn"


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers never outlive this process, nor the `with` block.

    Leaving the block normally waits for the work given; leaving it by an exception (an
    interrupt included) kills the workers first, so that nothing is left running. Make the
    pool from the thread that lives longest (the main thread): on Linux a worker dies with
    the thread that started it.
    """
    pool = _new_pool(workers)
    try:
        yield pool
    except BaseException:
        kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int, method: str | None = None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method or start_method()),
        initializer=_tie_to_parent,
        initargs=(os.getpid(),),
    )


def kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's workers now (their work is abandoned) and reap them."""
    processes = list((pool._processes or {}).values())  # no public way before Python 3.14
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join()


def _tie_to_parent(parent: int) -> None:
    """Each worker's first act: die with `parent`, and leave interrupts to it.

    Ctrl-C in a terminal reaches every process of the group; the parent decides what an
    interrupt means and kills its workers, so they ignore SIGINT rather than each printing
    a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})  # see pool_map
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Make sure this process ends when `parent` does, even when `parent` is SIGKILLed.

    A parent killed with SIGKILL runs no code, so it cannot stop its workers: the children
    must notice by themselves. On Linux, prctl(PR_SET_PDEATHSIG) asks the kernel to SIGKILL
    this process the moment its parent (strictly, the parent's thread that started it) ends:
    no thread, no delay, nothing to miss, whatever the worker is busy with. It is chosen over
    a pipe the workers watch because a pool's workers share pipes with the parent and with
    each other (so no end-of-file would come) and spawned ones inherit no descriptor of our
    choosing. Elsewhere (macOS, or no libc at hand) a daemon thread watches the parent id and
    ends the process once it changes: an orphan is re-parented, to init or a subreaper.
    The check after prctl catches a parent that ended before the call.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # no prctl: not Linux
        armed = False
    if os.getppid() != parent:
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C's KeyboardInterrupt so that the same cleanup runs."""


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Within the block, SIGTERM raises `Terminated` in the main thread instead of ending the
    process on the spot, so that workers are killed and reaped and half-built folders removed
    (a SIGTERM's default leaves both behind). Elsewhere than the main thread, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise Terminated("terminated")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def no_interrupts() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back until the block is done (two renames that must both
    happen); they are delivered on leaving it."""
    held = {signal.SIGINT, signal.SIGTERM}
    with ExitStack() as stack:
        if threading.current_thread() is threading.main_thread():
            previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
            stack.callback(signal.pthread_sigmask, signal.SIG_SETMASK, previous)
        yield


def pool_map(
    pool: ProcessPoolExecutor, function: Callable[..., R], *items: Iterable[Any], chunksize: int = 1
) -> Iterator[R]:
    """`pool.map`, with SIGINT and SIGTERM held back while it submits the work.

    The pool starts its threads there, and a thread is born with its maker's signal mask, so
    they never take a signal: the kernel hands an interrupt to any thread not blocking it,
    and one handed to a pool thread reaches Python's handler only when the main thread runs
    Python again, which its wait for workers that never answer would not do (a build stopped
    by Ctrl-C would then hang, now and then). Workers unblock them as they start.
    """
    with no_interrupts():
        return pool.map(function, *items, chunksize=chunksize)


def map_start(function: Callable[[T], R], items: Sequence[T], workers: int) -> Pending[R]:
    """Start `[function(item) for item in items]` in `workers` processes, in the background;
    the caller goes on and collects the results, in order, with `.result()`. `function` must
    be a module-level function, the items and results picklable (strings, say)."""
    if workers <= 1:
        return Pending(lambda: [function(item) for item in items])
    pool = _new_pool(workers)
    # A few chunks per worker: a worker slowed by the machine takes fewer of them.
    chunks = max(1, len(items) // (workers * 4))
    try:
        results = pool_map(pool, function, items, chunksize=chunks)
    except BaseException:
        kill_workers(pool)
        pool.shutdown(wait=True)
        raise
    return Pending(lambda: list(results), pool)


class LastingPool:
    """Workers kept from one use to the next, for work that comes again and again (each of the
    preview's rebuilds): they start, and import what they need, once. Made on first use, made
    again after any failure (a worker that died, an interrupt), and killed and reaped by
    `close`. Use it from the thread that lives longest, as `worker_pool`.

    Its workers are spawned, never forked: a forked worker would hold on to a copy of its
    parent as it was (the generator's whole state, and the serve hook's) for as long as it
    lives."""

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def map(self, function: Callable[..., R], *items: Iterable[Any]) -> list[R]:
        if self._pool is None:
            self._pool = _new_pool(self._workers, "spawn")
        try:
            return list(pool_map(self._pool, function, *items))
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self._pool is not None:
            kill_workers(self._pool)
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class Pending(Generic[R]):
    """Results still being computed; `with` makes sure no worker outlives its use."""

    def __init__(
        self, collect: Callable[[], list[R]], pool: ProcessPoolExecutor | None = None
    ) -> None:
        self._collect = collect
        self._pool = pool

    def result(self) -> list[R]:
        try:
            results = self._collect()
        except BaseException:
            self.close()
            raise
        if self._pool is not None:
            self._pool.shutdown(wait=True)  # every worker reaped: none left behind
            self._pool = None
        return results

    def close(self) -> None:
        """Stop the work: its workers are killed and reaped."""
        if self._pool is not None:
            kill_workers(self._pool)
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Pending[R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
