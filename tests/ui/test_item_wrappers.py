"""No Python wrapper of a sidebar item outlives the item.

PySide keeps a wrapper registered as alive until told the C++ item is gone. ``clear()`` on a
QStandardItemModel deletes the items without telling it, so the next Qt object made at a freed
item's address came back from PySide as the old ``QStandardItem`` (``menuBar()`` and
``document()`` returned one in test runs) and a call through it touched freed memory.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QStandardItem

from journal_app.core import Journal
from journal_app.ui.tree_model import PostTreeModel


def item_wrappers() -> set[int]:
    return {id(w) for w in shiboken6.getAllValidWrappers() if isinstance(w, QStandardItem)}


def test_rebuilds_changes_and_the_models_end_leave_no_item_wrapper_alive(qapp, journal_root):
    before = item_wrappers()
    journal = Journal(journal_root, use_index=False)
    journal.rescan()
    owner = QObject()
    model = PostTreeModel(owner)
    model.build(journal, "tag")
    held = [model.itemFromIndex(index) for _, index in model.group_indexes()]  # as the sidebar does
    model.build(journal, "date")  # a rebuild: the old items go
    assert not any(shiboken6.isValid(item) for item in held)
    model.build(journal, "tag")
    gone = sorted(journal_root.rglob("*.md"))[:3]
    for path in gone:
        path.unlink()
    model.apply(journal.sync(set(gone)).paths)  # rows and emptied groups removed
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(owner, QEvent.Type.DeferredDelete.value)
    del model, held
    assert item_wrappers() - before == set()
