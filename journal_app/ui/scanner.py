"""Finishing the opening of a journal off the GUI thread: the files left unread, or the check of
every file against the index (:class:`.ScanWork`), on a worker thread.

Each batch of summaries the worker reads comes back to the GUI thread and goes into the journal
(``Journal.take``): as many posts a turn of the event loop as fit in about ``SLICE_MS`` (measured
as it goes), so the window never freezes. What was taken goes out as ``arrived(JournalChange)``
at most every ``REPAINT_MS`` (the tree fills as posts arrive), in turns of about ``SLICE_MS``
too: the tree lays its rows out again after each turn that changed it, so fewer, fuller turns
cost the GUI thread less. The progress bar is repainted at most every ``REPAINT_MS``. At the end
(everything taken shown) ``finished(JournalChange, read_all)`` carries the posts the walk no
longer found. A scan of a journal no longer shown is stopped and its late batches dropped.

The worker starts at once: the files are read in other processes while the window makes its
first turns (the preview's web view among them).
"""

from __future__ import annotations

import time
from collections import deque
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressBar

from ..core import Journal, JournalChange
from ..core.scanwork import Cancelled, ScanWork
from .collector import hold_full_collections
from .handoff import Handoff

REPAINT_MS = 100  # the progress bar is repainted at most this often
SLICE_MS = 8  # the GUI thread takes batches in turns of the event loop of about this long
PROGRESS_MINIMUM = 400  # files to read before a progress bar shows


class JournalScan(QObject):
    """Runs a journal's :class:`.ScanWork` on a worker thread, one journal at a time."""

    arrived = Signal(object)  # JournalChange: a batch of posts kept in the journal
    finished = Signal(object, bool)  # (JournalChange: what the end changed, whether all was read)
    _batch = Signal(int, object)  # (scan number, list of PostInfo) from the worker
    _done = Signal(int, object)  # (scan number, ScanWork) from the worker

    def __init__(self, progress: QProgressBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.journal: Journal | None = None
        self._work: ScanWork | None = None
        self._number = 0
        self._read = 0
        self._painted = 0.0
        self._queue: deque = deque()  # summaries come, not taken yet
        self._slice = 50  # summaries taken in one turn (adjusted to SLICE_MS)
        self._unshown = JournalChange()  # taken, not yet sent out by ``arrived``
        self._shown_at = 0.0  # (time.monotonic) when the last of what was taken went out
        self._show = 50  # posts sent out in one turn (adjusted to SLICE_MS)
        self._ended: ScanWork | None = None  # the work done, once the queue is taken
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._take)
        self._batch.connect(self._arrived)
        self._done.connect(self._finished)
        self._handoff = Handoff(self)  # closed by shutdown: no answer after it (see handoff.py)

    @property
    def running(self) -> bool:
        """True while a scan is under way."""
        return self._work is not None

    @property
    def reading(self) -> bool:
        """True while a scan reads the journal's files for the first time (no index)."""
        return self._work is not None and self._work.read_all

    def start(self, journal: Journal) -> bool:
        """Scan what is left of ``journal`` (stopping any scan before); False when nothing is."""
        self.stop()
        self.journal = journal
        work = journal.begin_scan()
        if work is None:
            return False
        self._number += 1
        self._work, self._read, self._painted, self._shown_at = work, 0, 0.0, 0.0
        hold_full_collections(self, True)  # (a walk of the whole heap mid-scan: 50 ms or more)
        # a daemon thread each scan: the exit does not wait for one left to hear its other
        # process write the index (ScanWork.cancel), nor does the next journal's scan
        threading.Thread(
            target=self._run, args=(self._number, work), name="journal-app-scan", daemon=True
        ).start()
        return True

    def stop(self) -> None:
        """Stop the scan under way (its late batches are dropped)."""
        if self._work is not None:
            self._work.cancel()
        self._work = self._ended = None
        self._queue.clear()
        self._unshown = JournalChange()
        self._timer.stop()
        self._number += 1
        self.progress.hide()
        hold_full_collections(self, False)

    def shutdown(self) -> None:
        """Stop (the window is closing): a scan still running says nothing more."""
        self.stop()
        self._handoff.close()

    def _run(self, number: int, work: ScanWork) -> None:
        """On the worker thread; always answers, unless cancelled."""
        try:
            work.run(lambda batch: self._emit(self._batch, number, batch))
        except Cancelled:
            return
        except Exception:  # never a journal left half open: what was read is kept
            work.walked = False
        self._handoff.send(self._done, number, work)  # (the window closing: no one to tell)

    def _emit(self, signal, number: int, value: object) -> None:
        if not self._handoff.send(signal, number, value):  # the window is closing
            raise Cancelled

    def _arrived(self, number: int, batch: list) -> None:
        if number != self._number or self._work is None:
            return
        self._queue.extend(batch)
        if not self._timer.isActive() or self._timer.interval() > 0:
            self._timer.start(0)

    def _take(self) -> None:
        """One turn: a share of the summaries that came into the journal, or a share of what was
        taken sent out (then the end, once all is taken and sent)."""
        if self.journal is None or self._work is None:
            return
        now = time.monotonic()
        due = (now - self._shown_at) * 1000 >= REPAINT_MS or (not self._queue and self._ended is not None)
        if self._unshown and (due or not self._queue):
            if not due:  # nothing to take meanwhile: the rest goes out when due
                self._timer.start(max(1, int(REPAINT_MS - (now - self._shown_at) * 1000)))
                return
            self._send_out()
        elif self._queue:
            self._take_some()
        if self._queue or self._unshown:
            self._timer.start(0)
        elif self._ended is not None:
            self._finish(self._ended)

    def _take_some(self) -> None:
        """Up to a turn's share of the summaries that came, into the journal."""
        assert self.journal is not None and self._work is not None
        began = time.perf_counter()
        part = [self._queue.popleft() for _ in range(min(self._slice, len(self._queue)))]
        self._unshown.merge(self.journal.take(part))
        spent = (time.perf_counter() - began) * 1000
        if part:
            self._slice = max(10, min(2000, int(len(part) * SLICE_MS / max(spent, 0.5))))
        self._read += len(part)
        total = self._work.total
        now = time.monotonic()
        if total >= PROGRESS_MINIMUM and (now - self._painted) * 1000 >= REPAINT_MS:
            self._painted = now
            self._show_progress(total)

    def _send_out(self) -> None:
        """Up to a turn's share of the posts taken, out by ``arrived``."""
        began = time.perf_counter()
        unshown, count = self._unshown, 0
        change = JournalChange()
        for taken, sent in ((unshown.added, change.added), (unshown.changed, change.changed)):
            while taken and count < self._show:
                sent.add(taken.pop())
                count += 1
        if unshown.removed and count < self._show:  # (a take removes nothing; kept whole)
            change.removed, unshown.removed = unshown.removed, set()
        if change:
            self.arrived.emit(change)
        spent = (time.perf_counter() - began) * 1000
        if count:
            self._show = max(10, min(2000, int(count * SLICE_MS / max(spent, 0.5))))
        if not self._unshown:
            self._shown_at = time.monotonic()

    def _show_progress(self, total: int) -> None:
        if self._work is not None:
            bar = self.progress
            bar.show()
            # setValue repaints the bar at once (and with it the window's backing store): its
            # paint is left to the window's next one instead, with the tree's
            bar.setUpdatesEnabled(False)
            bar.setMaximum(total)
            bar.setValue(self._read)
            bar.setUpdatesEnabled(True)  # (an update, not a repaint)

    def _finished(self, number: int, work: ScanWork) -> None:
        if number != self._number or self.journal is None:
            return
        self._ended = work
        if not self._queue and not self._unshown and not self._timer.isActive():
            self._finish(work)
        elif not self._queue:  # what was taken goes out now, not when due
            self._timer.start(0)

    def _finish(self, work: ScanWork) -> None:
        assert self.journal is not None
        self._work = self._ended = None
        self.progress.hide()
        hold_full_collections(self, False)
        self.finished.emit(self.journal.finish_scan(work), work.read_all)
