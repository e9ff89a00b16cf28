"""The open post's Korean counts (``core.stats``) without stalling the GUI thread.

A short post just opened is counted at once, on the GUI thread (a few milliseconds); a longer
one, and every recount while typing (those milliseconds come on top of each keystroke's), on a
worker thread, newest request first: a request made while one is counted replaces the ones
still waiting, and only the answer to the newest reaches the window. The counts of a line are
cached by the core, so recounting after an edit costs little more than splitting the post.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from ..core.stats import Counts, count_post, count_selection
from .handoff import Handoff

SYNC_LIMIT = 20_000  # characters; longer posts are counted on the worker thread


class Report(NamedTuple):
    """Counts of the post and of the selection (None when nothing is selected)."""

    post: Counts
    selection: Counts | None


def count(text: str, first_line: int, selected: str) -> Report:
    """The counts of the post ``text`` and of ``selected``, which begins on ``first_line``."""
    return Report(count_post(text), count_selection(text, first_line, selected) if selected else None)


class LiveCounts(QObject):
    """Counts the post on request; ``counted(Report)`` says the newest counts (None: there
    are none), ``last`` keeps them."""

    counted = Signal(object)
    _answer = Signal(int, object)  # (request number, Report) from the worker thread

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.last: Report | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-app-counts")
        self._newest = 0
        self._handoff = Handoff(self)  # closed by stop: no answer after it (see handoff.py)
        self._answer.connect(self._arrived)

    def request(self, text: str, first_line: int = 0, selected: str = "", at_once: bool = True) -> None:
        """Count ``text`` (and ``selected``, a part of it beginning on line ``first_line``): at
        once when it is short and ``at_once``, else on the worker thread."""
        self._newest += 1
        if at_once and len(text) <= SYNC_LIMIT:
            self._arrived(self._newest, count(text, first_line, selected))
        else:
            self._pool.submit(self._count, self._newest, text, first_line, selected)

    def forget(self) -> None:
        """No counts (no post, or one too large): drop them and any answer still to come."""
        self._newest += 1
        self.last = None
        self.counted.emit(None)

    def stop(self) -> None:
        """No more counts (the window closes): answers still to come reach no one."""
        self._newest += 1
        self._handoff.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _count(self, number: int, text: str, first_line: int, selected: str) -> None:
        """On the worker thread."""
        if number != self._newest:
            return  # a newer request waits behind this one
        report = count(text, first_line, selected)
        if number == self._newest:  # (else a newer request came while this one was counted)
            self._handoff.send(self._answer, number, report)

    def _arrived(self, number: int, report: Report) -> None:
        if number == self._newest:
            self.last = report
            self.counted.emit(report)
