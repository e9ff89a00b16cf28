"""The sidebar: a tree of posts by tag or by date, a filter box, and the grouping switch.

The model is a QStandardItemModel rebuilt from the journal's summaries (fast enough for ten
thousand posts); a recursive QSortFilterProxyModel narrows it by title or tag as you type.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QLineEdit, QMenu, QToolTip,
                               QTreeView, QVBoxLayout, QWidget)

from ..core import UNTAGGED, Journal, PostInfo
from ..core.dates import local
from .plain import plain_tooltip

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3
GROUPINGS = [("tag", "By tag"), ("date", "By date")]
PROBLEMS = "Problems"
UNTAGGED_LABEL = "Untagged"


def post_item(info: PostInfo) -> QStandardItem:
    """A tree row for one post (its tooltip is made when asked for: see ``post_tooltip``)."""
    item = QStandardItem(info.title or info.path.stem)
    item.setData(str(info.path), PATH_ROLE)
    item.setData(" ".join([info.title, *info.tags]).casefold(), SEARCH_ROLE)
    return item


def post_tooltip(info: PostInfo) -> str:
    """Date, tags, path and problems of a post, for its row's tooltip."""
    tip = f"{local(info.date):%Y-%m-%d %H:%M}  {', '.join(info.tags)}\n{info.relpath}"
    if info.problems:
        tip += "\n" + "\n".join(info.problems)
    return tip


class PostTree(QTreeView):
    """The post tree; a post row's tooltip is built when it is shown, not for every row."""

    def __init__(self, sidebar: Sidebar):
        super().__init__(sidebar)
        self.sidebar = sidebar

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            path = index.data(PATH_ROLE)
            info = self.sidebar.journal.get(path) if path and self.sidebar.journal else None
            if info is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(post_tooltip(info)),
                                 self.viewport())
                return True
        return super().viewportEvent(event)


def group_item(label: str, count: int, key: str) -> QStandardItem:
    item = QStandardItem(f"{label} ({count})")
    item.setEditable(False)
    item.setData(key, GROUP_ROLE)
    item.setData("", SEARCH_ROLE)
    return item


def build_model(model: QStandardItemModel, journal: Journal, grouping: str) -> None:
    """Fill ``model`` with the journal's posts grouped by ``grouping`` ("tag" or "date")."""
    model.clear()
    root = model.invisibleRootItem()
    if grouping == "tag":
        for tag, posts in journal.by_tag().items():
            label = UNTAGGED_LABEL if tag == UNTAGGED else tag
            group = group_item(label, len(posts), f"tag:{tag}")
            group.appendRows([post_item(info) for info in posts])
            root.appendRow(group)
    else:
        for year, months in journal.by_date().items():
            year_group = group_item(str(year), sum(len(p) for p in months.values()), f"year:{year}")
            for month, posts in months.items():
                month_group = group_item(f"{year}-{month:02d}", len(posts), f"month:{year}-{month}")
                month_group.appendRows([post_item(info) for info in posts])
                year_group.appendRow(month_group)
            root.appendRow(year_group)
    broken = [info for info in journal.posts if info.header_invalid or not info.readable]
    if broken or journal.problems:
        group = group_item(PROBLEMS, len(broken) + len(journal.problems), "problems")
        group.appendRows([post_item(info) for info in broken])
        group.appendRows([folder_problem_item(message, journal.root) for message in journal.problems])
        root.appendRow(group)


def folder_problem_item(message: str, root: Path) -> QStandardItem:
    """A Problems row for a folder the scan could not read (nothing to open)."""
    item = QStandardItem(message.replace(f"{root}{os.sep}", ""))
    item.setEditable(False)
    item.setData("", SEARCH_ROLE)
    item.setToolTip(plain_tooltip(message))
    return item


class PostFilter(QSortFilterProxyModel):
    """Shows posts whose title or tags contain the filter text (case-insensitive, Korean too)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._needle = text.strip().casefold()
            self.endFilterChange()
        else:
            self._needle = text.strip().casefold()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802 (Qt name)
        if not self._needle:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return self._needle in (index.data(SEARCH_ROLE) or "")


class Sidebar(QWidget):
    """The grouping switch, the filter box and the post tree."""

    post_activated = Signal(Path)
    rename_requested = Signal(Path)
    delete_requested = Signal(Path)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.journal: Journal | None = None
        self.grouping = QComboBox(self)
        self.grouping.setObjectName("groupingSwitch")
        self.grouping.setAccessibleName("Group posts")
        for key, label in GROUPINGS:
            self.grouping.addItem(label, key)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("sidebarFilter")
        self.filter.setAccessibleName("Filter posts")
        self.filter.setPlaceholderText("Filter by title or tag")
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.proxy = PostFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = PostTree(self)
        self.tree.setObjectName("postTree")
        self.tree.setAccessibleName("Posts")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addWidget(self.grouping)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.current_path: Path | None = None
        self.grouping.currentIndexChanged.connect(lambda _: self.rebuild())
        self.filter.textChanged.connect(self._filter_changed)
        self.tree.activated.connect(self._activated)
        self.tree.clicked.connect(self._activated)
        self.tree.customContextMenuRequested.connect(self._context_menu)

    # -- model -------------------------------------------------------------------------
    def set_journal(self, journal: Journal) -> None:
        self.journal = journal
        self.rebuild()

    def set_grouping(self, key: str) -> None:
        index = self.grouping.findData(key)
        if index >= 0:
            self.grouping.setCurrentIndex(index)

    def grouping_key(self) -> str:
        return self.grouping.currentData()

    def rebuild(self) -> None:
        """Rebuild the tree, keeping expanded groups and the open post's highlight."""
        if self.journal is None:
            return
        expanded = self._expanded_groups()
        first_build = self.model.rowCount() == 0
        build_model(self.model, self.journal, self.grouping_key())
        if first_build and not expanded and self.proxy.rowCount() > 0:
            self.tree.expand(self.proxy.index(0, 0))
        self._restore_expanded(expanded)
        if self.current_path is not None:
            self.select_path(self.current_path)

    def _group_indexes(self, parent=QModelIndex()):
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if index.data(GROUP_ROLE):
                yield index
                yield from self._group_indexes(index)

    def _expanded_groups(self) -> set[str]:
        return {index.data(GROUP_ROLE) for index in self._group_indexes() if self.tree.isExpanded(index)}

    def _restore_expanded(self, keys: set[str]) -> None:
        for index in self._group_indexes():
            if index.data(GROUP_ROLE) in keys:
                self.tree.expand(index)

    def find_path(self, path: Path) -> QModelIndex:
        """The first tree row (in the proxy) showing the post at ``path``."""
        matches = self.model.match(self.model.index(0, 0), PATH_ROLE, str(path), 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return self.proxy.mapFromSource(matches[0]) if matches else QModelIndex()

    def select_path(self, path: Path) -> None:
        """Highlight the open post (expanding its group) without opening it again."""
        self.current_path = path
        index = self.find_path(path)
        if index.isValid():
            self.tree.blockSignals(True)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self.tree.blockSignals(False)

    def post_count_shown(self) -> int:
        """How many post rows the filtered tree shows (a post under two tags counts twice)."""
        def count(parent: QModelIndex) -> int:
            total = 0
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                total += count(index) if index.data(GROUP_ROLE) else bool(index.data(PATH_ROLE))
            return total
        return count(QModelIndex())

    # -- events ------------------------------------------------------------------------
    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        if text.strip():
            self.tree.expandAll()

    def _activated(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if path:
            self.post_activated.emit(Path(path))

    def _context_menu(self, point) -> None:
        index = self.tree.indexAt(point)
        path = index.data(PATH_ROLE)
        if not path:
            return
        menu = QMenu(self)
        menu.addAction("Rename…", lambda: self.rename_requested.emit(Path(path)))
        menu.addAction("Move to Trash…", lambda: self.delete_requested.emit(Path(path)))
        menu.exec(self.tree.viewport().mapToGlobal(point))
