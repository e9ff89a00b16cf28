"""Garbage with Qt objects in it is collected on the GUI thread only (a collection triggered by
the render thread destroyed Qt objects there and crashed the process)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from journal_app.ui.collector import BUSY_INTERVAL_MS, HOLD_LIMIT_S, INTERVAL_MS, collect_on_gui_thread


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


def grow(collector, lists: int, survivors: int) -> list:
    """Allocate in steps of 800 lists keeping `survivors` of each, the collector checking between."""
    kept = []
    for _ in range(lists // 800):
        kept.append([[] for _ in range(800)][:survivors])
        collector.check()
    return kept


def test_a_full_collection_waits_until_a_quarter_of_the_old_objects_are_new(qtbot):
    collector = collect_on_gui_thread()
    old = [[i] for i in range(600_000)]  # a large heap that lives on, as a big journal's posts do
    gc.collect()
    collector.long_lived, collector.pending = len(gc.get_objects(2)), 0
    collector.busy_at = 0.0  # (no burst of allocations just before)
    full = gc.get_stats()[2]["collections"]
    kept = grow(collector, 320_000, 300)  # 120,000 survivors: over ten younger collections
    assert gc.get_stats()[2]["collections"] == full  # a walk of the whole heap was never due
    assert 0 < collector.pending < collector.long_lived // 4
    kept += grow(collector, 800_000, 800)  # now more new objects than a quarter of the old
    assert gc.get_stats()[2]["collections"] > full
    assert collector.long_lived > len(old)
    del old, kept


def test_while_objects_are_made_fast_both_younger_generations_are_collected_often(qtbot):
    collector = collect_on_gui_thread()
    gc.collect()
    collector.check()  # quiet: the usual interval
    assert collector._timer.interval() == INTERVAL_MS
    younger = gc.get_stats()[1]["collections"]
    kept = [[[] for _ in range(100)] for _ in range(60)]  # 6,000 tracked objects kept: busy
    collector.check()
    assert gc.get_stats()[1]["collections"] == younger + 1 and gc.get_count()[1] == 0
    assert collector._timer.interval() == BUSY_INTERVAL_MS  # the next check comes soon
    collector.check()  # nothing made since: back to the usual interval
    assert collector._timer.interval() == INTERVAL_MS
    del kept


def held_with_a_full_collection_due(holder: object):
    """The collector, held by ``holder``, with a full collection due soon (and the old objects
    that make it so, to keep until the test ends)."""
    collector = collect_on_gui_thread()
    old = [[i] for i in range(50_000)]
    gc.collect()
    collector.long_lived, collector.pending = len(gc.get_objects(2)) // 10, 0
    collector.busy_at = 0.0
    collector.hold(holder, True)
    return collector, old


def test_a_scan_holds_full_collections_off_until_it_ends(qtbot):
    holder = object()
    collector, old = held_with_a_full_collection_due(holder)
    full = gc.get_stats()[2]["collections"]
    kept = grow(collector, 400_000, 300)  # over ten younger collections: a full one due
    assert gc.get_count()[2] > gc.get_threshold()[2]
    assert gc.get_stats()[2]["collections"] == full  # held off
    collector.hold(holder, False)
    kept += grow(collector, 16_000, 300)
    assert gc.get_stats()[2]["collections"] > full  # and done once the scan ended
    del old, kept


def test_a_hold_left_by_a_scan_whose_window_went_is_let_go(qtbot):
    # a scan that never said it ended (its window deleted without closing) holds nothing forever
    holder = object()
    collector, old = held_with_a_full_collection_due(holder)
    collector.holding[id(holder)] -= HOLD_LIMIT_S + 1  # held that long ago
    full = gc.get_stats()[2]["collections"]
    kept = grow(collector, 400_000, 300)
    assert gc.get_stats()[2]["collections"] > full
    collector.hold(holder, False)
    del old, kept
