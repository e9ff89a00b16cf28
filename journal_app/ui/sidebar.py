"""The sidebar: a tree of posts by tag or by date, a filter box, and the grouping switch.

The model (:mod:`.tree_model`) is built from the journal's summaries when a journal opens or the
grouping changes, and after a save, a rename or a change on disk only the rows of the posts the
journal change names are updated (``apply``); a recursive QSortFilterProxyModel narrows the tree
by title or tag as you type. The tree shows the model itself while no filter text is typed and
the filter over it only while one is (a proxy in between costs every row inserted, and every row
painted, a mapping and calls into Python, which a scan's thousands of rows would pay for
nothing); the expanded groups and the open post's row are kept across the swap.

A tree first built by a stream of changes (a cold scan's first batch) opens its first group
when the stream ends, not before: rows put under an open group make the tree lay out every
row it shows again, once for each batch, and the first group then is the final tree's first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QAbstractItemModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QMenu,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core import UNTAGGED, Journal, JournalChange, PostInfo
from ..core.dates import local
from .heatmap import HeatMapPanel
from .plain import plain_tooltip
from .problem_words import words
from .post_filter import PostFilter
from .tree_model import GROUP_ROLE, PATH_ROLE, SEARCH_ROLE, PostTreeModel

__all__ = ["GROUP_ROLE", "PATH_ROLE", "SEARCH_ROLE", "PostFilter", "Sidebar", "post_tooltip"]

REPAINT_MS = 100  # while changes come fast, the tree is painted at most this often
HEAT_LATER_MS = 300  # the calendar and the tag groups' order follow a stream this long after it

GROUPINGS = [
    ("tag", str(QT_TRANSLATE_NOOP("Sidebar", "By tag"))),
    ("date", str(QT_TRANSLATE_NOOP("Sidebar", "By date"))),
]


def post_tooltip(info: PostInfo) -> str:
    """Date, tags, path and problems of a post, for its row's tooltip."""
    tip = f"{local(info.date):%Y-%m-%d %H:%M}  {', '.join(info.tags)}\n{info.relpath}"
    if info.problems:
        tip += "\n" + "\n".join(map(words, info.problem_words or info.problems))
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
                QToolTip.showText(event.globalPos(), plain_tooltip(post_tooltip(info)), self.viewport())
                return True
        return super().viewportEvent(event)


class Sidebar(QWidget):
    """The grouping switch, the filter box and the post tree."""

    post_activated = Signal(Path)
    open_in_tab_requested = Signal(Path)  # a post row's "Open in New Tab"
    rename_requested = Signal(Path)
    delete_requested = Signal(Path)
    tag_rename_requested = Signal(str)  # a tag row's "Rename tag…"
    tag_merge_requested = Signal(str)  # a tag row's "Merge into…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal: Journal | None = None
        self.grouping = QComboBox(self)
        self.grouping.setObjectName("groupingSwitch")
        self.grouping.setAccessibleName(self.tr("Group posts"))
        for key, label in GROUPINGS:
            self.grouping.addItem(QCoreApplication.translate("Sidebar", label), key)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("sidebarFilter")
        self.filter.setAccessibleName(self.tr("Filter posts"))
        self.filter.setPlaceholderText(self.tr("Filter by title or tag"))
        self.filter.setClearButtonEnabled(True)
        self.model = model = PostTreeModel(self)
        # the items' wrappers go before Qt deletes the items with this widget (a sidebar
        # deleted without its window closing, as in a test; see PostTreeModel.release)
        self.destroyed.connect(lambda *_: model.release())
        self.filtered = PostFilter(self)  # over the model only while a filter text is typed
        self._nothing = QStandardItemModel(self)  # what the filter is over otherwise
        self.filtered.setSourceModel(self._nothing)
        self.tree = PostTree(self)
        self.tree.setObjectName("postTree")
        self.tree.setAccessibleName(self.tr("Posts"))
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addWidget(self.grouping)
        layout.addWidget(self.filter)
        self.heat = HeatMapPanel(self)  # the date view's calendar
        self.heat.hide()
        layout.addWidget(self.heat)
        layout.addWidget(self.tree, 1)  # the tree takes the height the calendar leaves
        self.current_path: Path | None = None
        self._open_first_later = False  # built by a stream: its first group opens at the end
        self.grouping.currentIndexChanged.connect(lambda _: self.rebuild())
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self._open_first)
        self.filter.installEventFilter(self)
        self.tree.activated.connect(self._activated)
        self.tree.clicked.connect(self._activated)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.heat.post_activated.connect(self.post_activated)
        self._heat_timer = QTimer(self)
        self._heat_timer.setSingleShot(True)
        self._heat_timer.setInterval(HEAT_LATER_MS)
        self._heat_timer.timeout.connect(self._caught_up)
        self._paint_timer = QTimer(self)  # the tree's paints held while changes come fast
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(REPAINT_MS)
        self._paint_timer.timeout.connect(self._paint)

    # -- model -------------------------------------------------------------------------
    @property
    def proxy(self) -> QAbstractItemModel:
        """The model the tree shows: the post model itself, or the filter over it while a
        filter text is typed."""
        return self.tree.model()

    def _to_view(self, source: QModelIndex) -> QModelIndex:
        """The tree's index of the model's row at ``source`` (invalid when filtered out)."""
        if self.tree.model() is self.filtered:
            return self.filtered.mapFromSource(source)
        return source

    def _show_model(self, model: QAbstractItemModel) -> None:
        """Let the tree show ``model`` (the post model or the filter over it), with the same
        groups expanded and the open post's row selected."""
        expanded = self._expanded_groups()
        old = self.tree.selectionModel()
        self.tree.setModel(model)
        if old is not None:
            old.deleteLater()  # (setModel makes a new one and leaves the old to its owner)
        self._restore_expanded(expanded)

    def set_journal(self, journal: Journal) -> None:
        self.journal = journal
        self.rebuild()

    def set_grouping(self, key: str) -> None:
        index = self.grouping.findData(key)
        if index >= 0:
            self.grouping.setCurrentIndex(index)

    def grouping_key(self) -> str:
        return self.grouping.currentData()

    def rebuild(self, streaming: bool = False) -> None:
        """Rebuild the tree, keeping expanded groups and the open post's highlight (built first
        by a stream of changes: its first group opens when the stream ends)."""
        if self.journal is None:
            return
        expanded = self._expanded_groups()
        first_build = self.model.rowCount() == 0
        self.model.build(self.journal, self.grouping_key())
        if first_build and not expanded and self.proxy.rowCount() > 0:
            self._open_first_later = True
            if not streaming:
                self._open_first_group()
        self._restore_expanded(expanded)
        if self.current_path is not None:
            self.select_path(self.current_path)
        self._show_heat()

    def _open_first_group(self) -> None:
        """Open the first group of a tree just built (unless a group was opened meanwhile)."""
        if self._open_first_later:
            self._open_first_later = False
            if not self._expanded_groups() and self.proxy.rowCount() > 0:
                self.tree.expand(self.proxy.index(0, 0))

    def _show_heat(self) -> None:
        """The heat map shows in the date view, with the journal's posts as they are now."""
        dated = self.grouping_key() == "date"
        self.heat.setVisible(dated)
        if dated and self.journal is not None:
            self.heat.set_posts(self.journal.posts)

    def apply(self, change: JournalChange | Iterable[Path], heat_later: bool = False) -> None:
        """Update only the rows of the posts a journal change names (added, changed, removed),
        their groups' counts and order, keeping expanded groups and the open post's highlight;
        with ``heat_later`` (one of many changes coming fast: a scan's batches) the calendar,
        and the places of tag groups whose counts changed, follow a moment later, once for all
        of them (a group moved is every row under it moved)."""
        if self.journal is None:
            return
        if self.model.rowCount() == 0:
            self.rebuild(streaming=heat_later)
            return
        if heat_later and not self._paint_timer.isActive():
            # each batch would repaint the whole tree (rows inserted above the ones shown
            # move them): painted at most every REPAINT_MS instead
            self.tree.viewport().setUpdatesEnabled(False)
            self._paint_timer.start()
        self._in_step(lambda: self.model.apply(change, reorder=not heat_later))
        if heat_later:
            self._heat_timer.start()
        else:
            self._heat_timer.stop()
            self._open_first_group()
            self._paint()
            self._show_heat()

    def _paint(self) -> None:
        """The tree's paints no longer held (painted at the next turn)."""
        self._paint_timer.stop()
        self.tree.viewport().setUpdatesEnabled(True)

    def _in_step(self, change: Callable[[], None]) -> None:
        """Change the model, keeping the expanded groups and the open post's highlight."""
        expanded = self._expanded_groups()
        change()
        self._restore_expanded(expanded)
        if self.current_path is not None and (
            self.tree.currentIndex().data(PATH_ROLE) != str(self.current_path)
        ):
            self.select_path(self.current_path)

    def _caught_up(self) -> None:
        """A moment after a stream of changes: the tag groups in order, the calendar shown."""
        self._in_step(self.model.reorder)
        self._open_first_group()
        self._show_heat()

    def _group_indexes(self) -> Iterator[tuple[str, QModelIndex]]:
        """The group rows the filter lets through (id and the index in the model the tree shows)."""
        for ident, source in self.model.group_indexes():
            index = self._to_view(source)
            if index.isValid():
                yield ident, index

    def _expanded_groups(self) -> set[str]:
        return {ident for ident, index in self._group_indexes() if self.tree.isExpanded(index)}

    def _restore_expanded(self, keys: set[str]) -> None:
        for ident, index in self._group_indexes():
            if ident in keys and not self.tree.isExpanded(index):
                self.tree.expand(index)

    def find_path(self, path: Path) -> QModelIndex:
        """The first tree row (of the model the tree shows) showing the post at ``path``."""
        return self._to_view(self.model.index_of(path))

    def select_path(self, path: Path) -> None:
        """Highlight the open post (expanding its group) without opening it again; it is shown
        whatever the filter."""
        self.current_path = path
        self.filtered.pin(self.model.index_of(path))
        index = self.find_path(path)
        self.tree.blockSignals(True)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        else:
            self.tree.setCurrentIndex(QModelIndex())
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
        if text.strip() and self.tree.model() is not self.filtered:
            self.filtered.set_text(text)  # (before it maps the rows: built filtered at once)
            self.filtered.setSourceModel(self.model)
            self._show_model(self.filtered)
        elif not text.strip() and self.tree.model() is self.filtered:
            self._show_model(self.model)
            self.filtered.set_text(text)
            self.filtered.setSourceModel(self._nothing)  # it follows no change of the model meanwhile
        else:
            self.filtered.set_text(text)
        if text.strip():
            self.tree.expandAll()
        if self.current_path is not None:
            self.select_path(self.current_path)  # the rows moved under the highlight
        else:
            self.tree.setCurrentIndex(QModelIndex())

    def _post_rows(self, parent: QModelIndex = QModelIndex()) -> Iterator[QModelIndex]:
        """The post rows shown, in tree order."""
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if index.data(PATH_ROLE):
                yield index
            yield from self._post_rows(index)

    def first_match(self) -> QModelIndex:
        """The first post row the filter finds (the open post's row when nothing is filtered or
        found), or an invalid index."""
        if self.filtered.filtering():
            found = next((index for index in self._post_rows() if self.filtered.matches(index)), None)
            if found is not None:
                return found
        current = self.tree.currentIndex()
        return current if current.isValid() else next(self._post_rows(), QModelIndex())

    def _into_results(self) -> None:
        """Down in the filter box: to the tree, on the first result."""
        index = self.first_match()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self.tree.setFocus()

    def _open_first(self) -> None:
        """Enter in the filter box: open the first result."""
        index = self.first_match()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self._activated(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            if cast(QKeyEvent, event).key() == Qt.Key.Key_Down:
                self._into_results()
                return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if path:
            self.post_activated.emit(Path(path))

    def _context_menu(self, point) -> None:
        menu = self.context_menu(self.tree.indexAt(point))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(point))
            menu.deleteLater()

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu of a tree row: a post's (rename, trash) or a tag's (rename, merge)."""
        path, group = index.data(PATH_ROLE), index.data(GROUP_ROLE) or ""
        menu = QMenu(self)
        if path:
            menu.addAction(self.tr("Open in New Tab"), lambda: self.open_in_tab_requested.emit(Path(path)))
            menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit(Path(path)))
            menu.addAction(self.tr("Move to Trash…"), lambda: self.delete_requested.emit(Path(path)))
        elif group.startswith("tag:") and group != f"tag:{UNTAGGED}":
            tag = group[len("tag:") :]
            menu.addAction(self.tr("Rename tag…"), lambda: self.tag_rename_requested.emit(tag))
            menu.addAction(self.tr("Merge into…"), lambda: self.tag_merge_requested.emit(tag))
        else:
            return None
        return menu
