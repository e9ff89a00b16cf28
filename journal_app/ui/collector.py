"""Python's cyclic garbage collector, run only on the GUI thread.

The preview renders on a thread of its own. When an allocation there crosses the collector's
threshold, Python collects on that thread, and a reference cycle holding Qt objects (widgets,
models, timers of a closed window) is then destroyed off the GUI thread, which crashes Qt. So
the window's process turns automatic collection off and collects from a timer on the GUI thread
instead, with the same generation thresholds (the approach calibre takes for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects, on the GUI thread, the generations whose counts passed their thresholds."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect what the automatic collector would have collected by now."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = next((g for g in (2, 1, 0) if counts[g] > thresholds[g]), None)
        if generation is not None:
            gc.collect(generation)


_installed: GuiThreadCollector | None = None


def collect_on_gui_thread() -> GuiThreadCollector:
    """Install the collector once for this process's QApplication; returns it."""
    global _installed
    if _installed is None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the collector needs a QApplication")
        _installed = GuiThreadCollector(app)
    return _installed
