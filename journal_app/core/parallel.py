"""Running a function over many items in worker processes, when that is safe and worth it.

Only the ``fork`` start method is used: ``spawn`` and ``forkserver`` would re-run the caller's
main module in each worker. Forking is safe only while this process has a single thread, so a
threaded caller (the window) gets the plain serial loop. A worker never outlives this process:
killed with it (Linux), or leaving within a second of noticing it is gone (elsewhere).
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence

PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent dies


def can_fork() -> bool:
    """True when worker processes may be forked from this one: a single thread, counting the
    threads Python does not know of (Qt's and QtWebEngine's in the window)."""
    import multiprocessing  # here, not at the top: a command that reads few files never needs it

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return True  # no /proc: only Python's own count is known


def die_with_parent(parent: int, niceness: int = 0) -> None:
    """A worker's initializer: end this process when ``parent`` (the process that forked it)
    dies, instead of waiting forever on a queue nobody writes to; ask for ``niceness`` less
    processor time than the parent."""
    if niceness:
        try:
            os.nice(niceness)
        except (AttributeError, OSError):
            pass
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
        else:
            if os.getppid() != parent:  # died before the request was made
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def usable_cores() -> int:
    """The processors this process may run on (its affinity, where the system has one), not
    every processor of the machine."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return counted() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(items: int, minimum: int) -> int:
    """How many processes to use for ``items`` items (1 means: stay in this process)."""
    cores = min(usable_cores(), 8)
    return cores if items >= minimum and cores > 1 and can_fork() else 1


def chunked_map(
    function: Callable[[list], list],
    items: Sequence,
    *,
    minimum: int,
    chunk: int,
    progress: Callable[[int], None] | None = None,
    each: Callable[[list], None] | None = None,
) -> tuple[list, int]:
    """``function`` over ``items`` in chunks, in workers when worth it; returns (results, workers).

    ``function`` takes a list of items and returns a list of results in the same order.
    ``progress`` is called with the number of items done after each chunk, ``each`` with each
    chunk's results, in order.
    """
    results: list = []
    parts = ChunkedResults(function, items, minimum=minimum, chunk=chunk)
    for part in parts:
        results.extend(part)
        if each is not None:
            each(part)
        if progress is not None:
            progress(len(results))
    return results, parts.workers


class ChunkedResults:
    """The results of ``function`` over ``items``, chunk by chunk and in order, as each is done
    (in workers when worth it: see :func:`chunked_map`); ``workers`` says how many ran them.
    When the workers fail, the chunks not yet given are done here. ``niceness``: how much less
    processor time the workers ask for than this process."""

    def __init__(
        self,
        function: Callable[[list], list],
        items: Sequence,
        *,
        minimum: int,
        chunk: int,
        niceness: int = 0,
    ):
        self.function, self.workers = function, worker_count(len(items), minimum)
        self.niceness = niceness
        self.chunks = [list(items[start : start + chunk]) for start in range(0, len(items), chunk)]

    def __iter__(self) -> Iterator[list]:
        given = 0
        if self.workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            from concurrent.futures.process import BrokenProcessPool

            # what this process holds now is never garbage in a worker: frozen while they are
            # forked (all at once, by the first submit, with the fork context), the workers'
            # collections do not walk it (nor write to its pages, which they share); this
            # process's own collections walk it again as soon as they are
            try:
                pool = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=die_with_parent,
                    initargs=(os.getpid(), self.niceness),
                )
                with pool:
                    gc.freeze()
                    try:
                        parts = pool.map(self.function, self.chunks)
                    finally:
                        gc.unfreeze()
                    for part in parts:
                        given += 1
                        yield part
                return
            except (OSError, RuntimeError, BrokenProcessPool):
                self.workers = 1
        for part in self.chunks[given:]:
            yield self.function(part)


def start_module(module: str, *, stderr: int, errors: str) -> subprocess.Popen | None:
    """``python -m module`` of this package (found whatever the caller's PYTHONPATH), its standard
    input and output piped as UTF-8 text; None when it could not be started."""
    package = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package, os.environ.get("PYTHONPATH")])))
    try:
        return subprocess.Popen(
            [sys.executable, "-m", module], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
            text=True, encoding="utf-8", errors=errors, env=env,
        )  # fmt: skip
    except OSError:
        return None
