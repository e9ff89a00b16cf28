"""The open post's writes off the GUI thread: the autosave and the recovery file (``Writes``).

Each write takes what it writes on the GUI thread, at one moment (a save's bytes, the recovery
file's text), and one worker thread writes in the order asked. What came of each write (its
result or its error) is handed back on the GUI thread, in the same order. ``settle`` waits for
every write asked for and hands back what came of them at once: whatever must see the disk as
the writes leave it (a save asked for, another post opened, the window closing, a change on
disk) settles first, so a quit while a write runs waits for it and nothing is lost or half done.
The worker thread lives only while writes are under way: once every write asked for is handed
back it ends (a document never closed, or a window gone, leaves no thread behind), and the next
write starts another.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from .handoff import Handoff

Then = Callable[[Any, "Exception | None"], object]  # (what it returns is dropped)


class _Write:
    """One write: its work, what to do with what came of it, and that outcome once there."""

    def __init__(self, work: Callable[[], Any], then: Then) -> None:
        self.work, self.then = work, then
        self.result: Any = None
        self.error: Exception | None = None
        self.ready = False  # result or error set (read on the GUI thread)
        self.finished = threading.Event()  # set last, once the worker is done with this write


class Writes(QObject):
    """One worker thread writing in order; outcomes handed back on the GUI thread."""

    _ready = Signal()  # from the worker: a write has its outcome

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ThreadPoolExecutor | None = None  # (only while writes are under way)
        self._pending: deque[_Write] = deque()
        self._ready.connect(self._deliver)
        self._handoff = Handoff(self)  # (see handoff.py; settle waits for every emit)

    def submit(self, work: Callable[[], Any], then: Then | None = None) -> None:
        """Run ``work`` on the worker thread after the writes asked before it; then, on the GUI
        thread, ``then(result, None)`` or ``then(None, error)`` for an Exception it raised."""
        write = _Write(work, then or _ignore)
        self._pending.append(write)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-app-writes")
        self._pool.submit(self._run, write)

    def busy(self) -> bool:
        """True while a write asked for has not been handed back."""
        return bool(self._pending)

    def settle(self) -> None:
        """Wait for every write asked for, and hand back what came of each (in order)."""
        while self._pending:  # (what is handed back may ask for another write: wait for it too)
            for write in list(self._pending):
                write.finished.wait()
            self._deliver()

    def _run(self, write: _Write) -> None:
        """On the worker thread."""
        try:
            try:
                write.result = write.work()
            except Exception as exc:  # noqa: BLE001 (handed back to the GUI thread, which says it)
                write.error = exc
            except BaseException as exc:  # (not a write's own error: still never left waiting)
                write.error = RuntimeError(f"the write stopped: {exc!r}")
            write.ready = True
            # before ``finished``: whoever waits may delete this next
            self._handoff.send(self._ready)
        finally:
            write.finished.set()

    def _deliver(self) -> None:
        # popped before it is handed back: a ``then`` may settle (a save), which goes on here
        while self._pending and self._pending[0].ready:
            write = self._pending.popleft()
            write.then(write.result, write.error)
        if not self._pending and self._pool is not None:  # every write done and handed back:
            pool, self._pool = self._pool, None  # the thread ends (it has nothing left to run)
            pool.shutdown(wait=True)


def _ignore(_result: Any, _error: Exception | None) -> None:
    """What becomes of a write nobody asks about."""
