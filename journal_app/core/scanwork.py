"""The part of opening a journal that waits on its files, done on another thread.

:meth:`.Journal.opened` shows a journal at once: from the summary index alone when the index
holds it, else from a walk of its folders with the files not read yet. :meth:`.Journal.begin_scan`
then hands a :class:`ScanWork` to a worker thread, which touches no journal: it reads the files
left unread, or walks the folders and reads only the files that are new or whose modification
time or size differ from the index (a file changed while the app was closed). It hands the
summaries over in batches as they are read (the window fills its tree with each) and writes
them to the index; :meth:`.Journal.take` keeps each batch and :meth:`.Journal.finish_scan`
forgets the posts the walk no longer found.

Many files are read in another Python process (``python -m journal_app.core.scanwork``), which
forks worker processes (a process with Qt's threads cannot fork safely) at a lower priority and
prints each batch of summaries as one JSON line; a few are read on the worker thread itself.
The workers also make each summary's index row, and that process writes them to the index once
every batch is printed, then says so on a last line (``WRITTEN``): the window's process, whose
GUI thread shares its interpreter lock, only decodes the batches.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .boundary import real_inside
from .index import SummaryIndex
from .listing import Walker
from .parallel import chunked_map, start_module, usable_cores
from .postinfo import PostInfo, read_summaries
from .problems import Problem

PARALLEL_MINIMUM = 400  # fewer unindexed files than this are read in-process
CHUNK = 200  # files a batch
NICENESS = 10  # how much less processor time the other process asks for than the window
Deliver = Callable[[list[PostInfo]], None]
WRITTEN = "written"  # the other process's last line: the summaries it sent are in the index
IndexRow = tuple[str, int, int, str]  # (path, mtime_ns, size, summary as JSON text)


class Cancelled(Exception):
    """The scan was stopped (``ScanWork.cancel``) before it was done."""


@dataclass
class ScanWork:
    """What is left to do of opening a journal: ``read`` these files, or, with ``known`` (every
    post the journal holds and its stamp), walk the journal and read what differs (everything,
    when ``known`` is empty: a journal opened without an index, see ``read_all``)."""

    root: Path
    read: list[str] = field(default_factory=list)
    known: dict[str, tuple[int, int] | None] | None = None
    walked: bool = False  # the walk was done to the end: folders, unreadable, inodes, gone hold
    folders: set[str] = field(default_factory=set)
    unreadable: dict[str, Problem] = field(default_factory=dict)
    inodes: dict[str, int] = field(default_factory=dict)
    gone: list[str] = field(default_factory=list)  # known posts the walk did not find
    workers: int = 1
    total: int = 0  # files to read (known once the walk is done)
    _stop: threading.Event = field(default_factory=threading.Event)
    _child: subprocess.Popen | None = field(default=None, repr=False)  # the other process, reading
    _all_sent: bool = False  # every summary delivered: the other process only writes the index

    @property
    def read_all(self) -> bool:
        """True when the work reads every post of the journal (it had none yet)."""
        return not self.known

    def cancel(self) -> None:
        """Stop at the next batch (any thread); the other process, when it still reads, is ended
        at once (at its lower priority on a busy machine its next batch can take seconds). Once it
        has sent every summary it is left to write them to the index, so that a window closed as
        its tree fills opens warm the next time (the thread waiting for it must not hold the exit:
        the window's scan thread is a daemon)."""
        self._stop.set()
        child = self._child
        if child is not None and not self._all_sent:
            child.kill()  # (its output ends: the thread waiting for its next line goes on)

    def run(self, deliver: Deliver) -> None:
        """Do the work (any thread; no journal is touched): ``deliver`` gets each batch of
        summaries as it is read; the index is written at the end (by the other process when it
        says ``written``, else here). Raises :class:`Cancelled` when cancelled."""
        if self.known is not None:
            self.read = self._check(self.known)
        self.total = len(self.read)
        taken: list[PostInfo] = []

        def keep(batch: list[PostInfo]) -> None:
            if self._stop.is_set():
                raise Cancelled
            taken.extend(batch)
            self._all_sent = len(taken) >= len(items)  # (before ``deliver``: it may cancel)
            deliver(batch)

        items = [(path, self._relative(path), str(self.root)) for path in self.read]
        elsewhere = len(items) >= PARALLEL_MINIMUM and usable_cores() > 1
        written = read_elsewhere(items, keep, self._stop, self._started) if elsewhere else None
        if written is not None:
            self.workers = min(usable_cores(), 8)
            if written:  # the other process wrote what it sent to the index
                taken = taken[written:]
        else:
            for start in range(0, len(items), CHUNK):
                keep(summaries_of(items[start : start + CHUNK], read_summaries(items[start : start + CHUNK])))
        self._remember(taken)

    def _check(self, known: dict[str, tuple[int, int] | None]) -> list[str]:
        """Walk the journal; the files to read: new, changed, or links out of the journal."""
        links: set[str] = set()
        paths = Walker(self.root, self.folders, self.unreadable).walk(
            self.root, inodes=self.inodes, links=links
        )
        self.gone = list(known.keys() - set(paths))
        self.walked = True
        if not known:  # a journal opened without an index: every file is new
            return paths
        changed = []
        for path in paths:
            try:
                info = os.stat(path)
                stamp: tuple[int, int] | None = (info.st_mtime_ns, info.st_size)
            except OSError:
                stamp = None
            if (
                stamp is None
                or known.get(path) != stamp
                or (path in links and not real_inside(path, self.root))
            ):
                changed.append(path)
        return changed

    def _started(self, child: subprocess.Popen | None) -> None:
        self._child = child

    def _relative(self, path: str) -> str:
        prefix = str(self.root) + os.sep
        return (path[len(prefix) :] if path.startswith(prefix) else path).replace(os.sep, "/")

    def _remember(self, summaries: list[PostInfo]) -> None:
        """Write what was read to the index (and, after a walk, forget the files gone)."""
        if not summaries and not self.gone:
            return
        index = SummaryIndex(self.root)
        try:
            for info in summaries:
                if info.readable and info.stamp is not None:
                    index.put_stamped(str(info.path), info.stamp, info.to_dict())
            if self.walked:
                index.keep_only(set(self.inodes))
        finally:
            index.close()


def summaries_of(items: list[tuple[str, str, str]], found: list[dict]) -> list[PostInfo]:
    """The summaries of (path, relpath, root) items from the dicts read for them."""
    return [PostInfo.from_dict(Path(path), relpath, data) for (path, relpath, _), data in zip(items, found)]


def read_elsewhere(
    items: list[tuple[str, str, str]],
    deliver: Deliver,
    stop: threading.Event,
    started: Callable[[subprocess.Popen | None], None] = lambda child: None,
) -> int | None:
    """Read the items in another Python process, ``deliver`` getting each batch as it comes;
    None when that process did not start or failed before its first batch (then nothing was
    delivered). A batch that came before a failure is delivered; the rest are read here. Else
    the number of items (from the first) whose summaries that process wrote to the index.
    ``started`` is given the process once it runs and None once it has ended; :class:`Cancelled`
    is raised when ``stop`` is set (also when the process was ended for it)."""
    done, written = 0, 0
    child = start_module("journal_app.core.scanwork", stderr=subprocess.DEVNULL, errors="surrogateescape")
    if child is None:
        return None
    started(child)
    if stop.is_set():  # (cancelled before it was known: ended here)
        child.kill()
    with child:
        assert child.stdin is not None and child.stdout is not None
        try:
            try:
                child.stdin.write(json.dumps([list(item) for item in items]))
                child.stdin.close()
            except BrokenPipeError:
                pass
            for line in child.stdout:
                if line.rstrip("\n") == WRITTEN:
                    written = done
                    continue
                if stop.is_set():
                    raise Cancelled
                part = items[done : done + CHUNK]
                deliver(summaries_of(part, json.loads(line)))
                done += len(part)
            if stop.is_set():
                raise Cancelled
            child.wait()
        except BaseException:
            if done < len(items):  # (else it only writes the index: left to end, see ScanWork.cancel)
                child.kill()
            raise
        finally:
            started(None)
    if done < len(items):  # the process failed: what it did not send is read here
        if done == 0:
            return None
        for start in range(done, len(items), CHUNK):
            part = items[start : start + CHUNK]
            deliver(summaries_of(part, read_summaries(part)))
    return written


def read_batch(items: list[tuple[str, str, str]]) -> list[tuple[str, list[IndexRow]]]:
    """In a worker of the other process: the JSON line of a batch's summaries (ASCII: file names
    may not be text) and the index rows of those that are readable, as :class:`.SummaryIndex`
    writes them."""
    found = read_summaries(items)
    rows = [
        (path, data["stamp"][0], data["stamp"][1], json.dumps(data, ensure_ascii=False))
        for (path, _, _), data in zip(items, found)
        if data["readable"] and data["stamp"] is not None
    ]
    return [(json.dumps(found) + "\n", rows)]


def main() -> int:
    """The other process of :func:`read_elsewhere`: (path, relpath, root) items as JSON on
    standard input, a JSON line of summaries for each batch of ``CHUNK`` on its output; then
    the summaries are written to the index, and ``WRITTEN`` printed."""
    items = [tuple(item) for item in json.load(sys.stdin)]
    try:
        os.nice(NICENESS)  # the window's GUI thread comes first (the workers inherit it)
    except (AttributeError, OSError):
        pass
    from . import post, searchheader  # noqa: F401  (once, before the workers fork)

    rows: list[IndexRow] = []

    def send(part: list) -> None:
        line, made = part[0]
        sys.stdout.write(line)
        sys.stdout.flush()
        rows.extend(made)

    chunked_map(read_batch, items, minimum=0, chunk=CHUNK, each=send)
    if items:
        index = SummaryIndex(Path(items[0][2]))
        try:
            for path, mtime_ns, size, text in rows:
                index.put_text(path, (mtime_ns, size), text)
        finally:
            written = index.close()
        if written:  # (else the window writes them: it has every summary)
            print(WRITTEN, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
