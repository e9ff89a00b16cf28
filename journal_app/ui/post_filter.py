"""The sidebar's filter: a recursive QSortFilterProxyModel over the post tree's model that shows
the posts whose title or tags contain the filter text (casefolded), and the open post's row
whatever the filter. The sidebar puts it between the model and the tree only while a filter
text is typed (:mod:`.sidebar`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from .tree_model import COUNT_ROLE, LABEL_ROLE, PATH_ROLE, SEARCH_ROLE, PostTreeModel


class PostFilter(QSortFilterProxyModel):
    """Shows posts whose title or tags contain the filter text (case-insensitive, Korean too),
    and the open post's row (``pin``) whatever the filter; while filtering, a group's label
    counts the posts shown out of all of them ("python (1/13)")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""
        self._pinned = QPersistentModelIndex()

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        def change() -> None:
            self._needle = text.strip().casefold()

        self._refilter(change)

    def filtering(self) -> bool:
        """True while a filter text narrows the tree."""
        return bool(self._needle)

    def pin(self, source: QModelIndex) -> None:
        """Show the row at ``source`` (a model index) whatever the filter."""
        if QPersistentModelIndex(source) == self._pinned:
            return

        def change() -> None:
            self._pinned = QPersistentModelIndex(source)

        if self._needle:
            self._refilter(change)
        else:
            change()

    def matches(self, index: QModelIndex) -> bool:
        """Whether the row at ``index`` (of this model) is a post the filter text finds."""
        return bool(index.data(PATH_ROLE)) and self._needle in (index.data(SEARCH_ROLE) or "")

    def _search_text(self, source: QModelIndex | QPersistentModelIndex) -> str:
        model = self.sourceModel()
        return model.search_text_at(source) if isinstance(model, PostTreeModel) else ""

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 (Qt name)
        if not self._needle:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return self._needle in self._search_text(index) or QPersistentModelIndex(index) == self._pinned

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == SEARCH_ROLE:  # a post's title and tags, folded ("" for other rows)
            return self._search_text(self.mapToSource(index))
        if role == Qt.ItemDataRole.DisplayRole and self._needle:
            label = super().data(index, LABEL_ROLE)
            if label is not None:  # a group, while filtering: the posts shown out of all
                return f"{label} ({self._posts_under(index)}/{super().data(index, COUNT_ROLE)})"
        return super().data(index, role)

    def _posts_under(self, parent: QModelIndex | QPersistentModelIndex) -> int:
        total = 0
        for row in range(self.rowCount(parent)):
            index = self.index(row, 0, parent)
            total += self._posts_under(index) if self.hasChildren(index) else bool(index.data(PATH_ROLE))
        return total
