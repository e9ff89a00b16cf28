"""Garbage with Qt objects in it is collected on the GUI thread only (a collection triggered by
the render thread destroyed Qt objects there and crashed the process)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from journal_app.ui.collector import collect_on_gui_thread


def test_cycles_are_collected_on_the_gui_thread_only(qtbot):
    collector = collect_on_gui_thread()
    assert not gc.isenabled()
    threads = []

    class Cycle(QObject):
        def __init__(self):
            super().__init__()
            self.me = self

        def __del__(self):
            threads.append(threading.current_thread() is threading.main_thread())

    Cycle()
    worker = threading.Thread(target=lambda: [[] for _ in range(100_000)])  # tracked allocations
    worker.start()
    worker.join()
    assert threads == []  # nothing collected on the worker
    gc.set_threshold(1, 1, 1)
    try:
        qtbot.waitUntil(lambda: threads == [True], timeout=5000)
    finally:
        gc.set_threshold(700, 10, 10)
    assert collector.parent() is not None
