"""A worker's answer never reaches a GUI object being deleted: ``Handoff.close`` waits for an
emit under way and drops every later one; the window closes every worker's handoff."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from journal_app.ui.handoff import Handoff
from journal_app.ui.monthchart import JournalMonths
from journal_app.ui.statistics import show_statistics


class _Owner(QObject):
    said = Signal(object)


def test_an_answer_after_close_is_dropped(qtbot):
    owner = _Owner()
    heard: list[object] = []
    owner.said.connect(heard.append)
    handoff = Handoff(owner)
    assert handoff.send(owner.said, 1)
    handoff.close()
    assert not handoff.send(owner.said, 2)
    assert heard == [1]


def test_close_waits_for_an_emit_under_way(qtbot):
    owner = _Owner()
    inside, release = threading.Event(), threading.Event()

    def slow(_value) -> None:  # runs on the worker thread (a direct connection), mid-emit
        inside.set()
        release.wait(5)

    owner.said.connect(slow, Qt.ConnectionType.DirectConnection)
    handoff = Handoff(owner)
    worker = threading.Thread(target=handoff.send, args=(owner.said, 1))
    worker.start()
    assert inside.wait(5)
    closed = threading.Event()
    closer = threading.Thread(target=lambda: (handoff.close(), closed.set()))
    closer.start()
    assert not closed.wait(0.2)  # the emit is still under way: close waits for it
    release.set()
    assert closed.wait(5)
    worker.join(5)
    closer.join(5)
    assert not handoff.open


def test_the_owner_deleted_closes_it(qtbot):
    owner = _Owner()
    handoff = Handoff(owner)
    signal = owner.said
    shiboken6.delete(owner)
    assert not handoff.open
    assert not handoff.send(signal, 1)  # (no emit on the deleted object is tried)


def test_the_closing_window_closes_every_workers_handoff(qtbot, window):
    show_statistics(window.document_status)  # the Statistics dialog's month chart counts too
    months = window.findChild(JournalMonths)
    assert months is not None
    handoffs = {
        "counts": window.document_status.counts._handoff,
        "checks": window.checks._handoff,
        "find bar": window.find_bar._handoff,
        "watcher": window.watcher._handoff,
        "scan": window.scan._handoff,
        "history": window.history._handoff,
        "git": window.git._handoff,
        "months": months._handoff,
    }
    assert all(handoff.open for handoff in handoffs.values())
    window.editor.document().setModified(False)
    window.close()  # (closed, not yet deleted: what closes them is the close, not the deletion)
    assert [name for name, handoff in handoffs.items() if handoff.open] == []
