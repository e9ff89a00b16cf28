"""One way for a worker thread to hand an answer to a GUI object that may be going away.

A worker answers by emitting a signal of a QObject that lives on the GUI thread (Qt queues it
there). If the window, and that object with it, is deleted while the emit is under way, the
process crashes in the emit (a clean-clone CI run lost a test worker so); catching RuntimeError
only covers an object deleted *before* the emit. So every emit goes through a ``Handoff``: it
emits under a lock, and ``close`` (called on the GUI thread before the object can be deleted:
its owner's ``stop``, from the window's close) takes the same lock, so once ``close`` returns no
emit is under way and none comes. The object's ``destroyed`` also closes it, for an owner
deleted without being stopped (a test's widget, a dialog).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject


class Handoff:
    """Emits the worker's answers until closed; ``send`` says whether the answer went out."""

    def __init__(self, owner: QObject | None = None):
        self._lock = threading.RLock()
        self._open = True
        if owner is not None:
            owner.destroyed.connect(self._closed)  # (a plain function: the owner is gone by then)

    @property
    def open(self) -> bool:
        return self._open

    def send(self, signal, *args) -> bool:
        """Emit ``signal(*args)`` unless closed (on any thread); False when it did not go out."""
        with self._lock:
            if not self._open:
                return False
            try:
                signal.emit(*args)
            except RuntimeError:  # the object is already gone
                self._open = False
                return False
            return True

    def close(self) -> None:
        """No more answers: waits for an emit under way, and drops every later one."""
        with self._lock:
            self._open = False

    def _closed(self, *_args) -> None:
        self.close()
