"""The GUI thread's collector holds a full collection back while the user types."""

from __future__ import annotations

import gc
import time

import pytest

from journal_app.ui import collector
from journal_app.ui.collector import GuiThreadCollector


@pytest.fixture
def owed(qapp, monkeypatch):
    """A collector (its timer stopped) that owes a full collection: the oldest generation's
    count past its threshold and more than a quarter of the long-lived objects pending."""
    made = GuiThreadCollector(qapp, interval_ms=10_000_000)
    made._timer.stop()
    monkeypatch.setattr(collector, "_typed_at", -collector.QUIET_S)
    made.long_lived, made.pending = 1000, 400
    yield made
    made.deleteLater()
    gc.enable()


def typing(monkeypatch) -> None:
    """The user types now, and goes on typing however long this machine stalls before the
    check (the check reads the real clock: a pause of QUIET_S would end the typing)."""
    collector.note_typing()
    monkeypatch.setattr(collector, "_typed_at", collector._typed_at + 600)


def paused(monkeypatch) -> None:
    """The user's last key was longer than QUIET_S ago."""
    monkeypatch.setattr(collector, "_typed_at", time.monotonic() - 2 * collector.QUIET_S)


def _fill_oldest() -> None:
    # counts[2] counts the collections of generation 1 since the last full one
    for _ in range(gc.get_threshold()[2] + 1):
        gc.collect(1)


def test_full_collection_waits_while_typing(owed, monkeypatch):
    _fill_oldest()
    typing(monkeypatch)
    owed.check()
    assert gc.get_count()[2] > gc.get_threshold()[2]  # not collected: the user is typing
    assert owed.pending >= 400


def test_full_collection_runs_after_a_pause(owed, monkeypatch):
    _fill_oldest()
    collector.note_typing()
    paused(monkeypatch)
    owed.check()
    assert gc.get_count()[2] == 0
    assert owed.pending == 0


def test_full_collection_owed_four_times_over_runs_while_typing(owed, monkeypatch):
    _fill_oldest()
    owed.pending = 1001
    typing(monkeypatch)
    owed.check()
    assert gc.get_count()[2] == 0
    assert owed.pending == 0


def _fill_middle() -> None:
    gc.collect(2)  # (no full collection owed)
    for _ in range(gc.get_threshold()[1] + 1):
        gc.collect(0)


def test_a_collection_of_the_middle_generation_waits_while_typing(owed, monkeypatch):
    _fill_middle()
    typing(monkeypatch)
    owed.check()
    assert gc.get_count()[1] > gc.get_threshold()[1]  # only the youngest was collected
    paused(monkeypatch)
    owed.check()
    assert gc.get_count()[1] == 0


def test_a_collection_of_the_middle_generation_owed_four_times_over_runs_while_typing(owed, monkeypatch):
    gc.collect(2)
    for _ in range(4 * gc.get_threshold()[1] + 1):
        gc.collect(0)
    typing(monkeypatch)
    owed.check()
    assert gc.get_count()[1] == 0


def test_typing_in_the_editor_holds_the_full_collection(qtbot, made, tmp_path, owed, monkeypatch):
    from tests.ui.conftest import type_text

    path = tmp_path / "post.md"
    path.write_text("---\ntitle: 글\n---\n본문\n", encoding="utf-8")
    document, _answers = made()
    assert document.open(path)
    _fill_oldest()
    owed.check()  # opening is no edit of the user's: the collection is not held
    assert gc.get_count()[2] == 0
    _fill_oldest()
    owed.long_lived, owed.pending = 1000, 400  # (the collection counted the heap)
    document.editor.setFocus()
    before = collector._typed_at
    type_text(document.editor, "한글")
    assert collector._typed_at > before  # the edit told the collector
    monkeypatch.setattr(collector, "_typed_at", collector._typed_at + 600)  # (see ``typing``)
    owed.check()
    assert gc.get_count()[2] > gc.get_threshold()[2]
