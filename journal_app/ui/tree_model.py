"""The sidebar's tree model: posts grouped by tag or by date, then a Problems group.

The model is a ``QAbstractItemModel`` over plain Python lists: a group keeps the sort keys of
its rows and the rows themselves (a post's ``PostInfo``, or the groups below it) in row order,
then the rows that sort after all of them (the Problems group at the top; the folders that
could not be read under Problems). Nothing is made per row: a row's text is read from its
``PostInfo`` when the view paints it, so a warm open of 10,000 posts builds lists, not 18,000
items. A row is found by bisection of its group's keys rather than by a search.

``build`` fills the model from the journal's groupings (``by_tag``, ``by_date``); ``apply`` takes
the posts a journal change names and removes, inserts and moves only their rows, keeping each
group's count in its label, the groups in order and empty groups gone, so that the tree after
``apply`` is the tree ``build`` would make. Moving a group moves every row under it, so a burst
of changes (a scan's batches) may leave tag groups whose counts changed where they were, their
labels counted, until :meth:`PostTreeModel.reorder` puts them in their places once.

An index's internal id is the number of the group its row sits in (``Group.number``, never
reused), so an index held past its group's end finds no group rather than another one.

The labels the model makes (Untagged, Problems, years and months) go through Qt's translation;
code finds a group by its id (``GROUP_ROLE``), never by its label.
"""

from __future__ import annotations

import itertools
import os
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Union

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ..core import UNTAGGED, Journal, PostInfo
from ..core.dates import local
from ..core.journal import order_key, tag_order
from ..core.problems import Problem
from .heatmap import year_text
from .plain import plain_tooltip
from .problem_words import message

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # a folder problem's ProblemKind, for code
LABEL_ROLE = Qt.ItemDataRole.UserRole + 5  # a group's label without its count
COUNT_ROLE = Qt.ItemDataRole.UserRole + 6  # the number of posts in a group, as its label shows it
PROBLEMS = str(QT_TRANSLATE_NOOP("PostTree", "Problems"))  # shown translated (``translated``)
UNTAGGED_LABEL = str(QT_TRANSLATE_NOOP("PostTree", "Untagged"))
Place = tuple[str, ...]  # the group ids from the top down to the group a row sits in
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
Index = Union[QModelIndex, QPersistentModelIndex]


def translated(label: str) -> str:
    """One of the labels above in the interface's language."""
    return QCoreApplication.translate("PostTree", label)


def month_label(year: int, month: int) -> str:
    """A month group's label: ``2024-03`` (``2024년 3월`` in Korean)."""
    shape = QCoreApplication.translate("PostTree", "{year}-{month:02d}", "a month group of the date view")
    return shape.format(year=year, month=month)


def search_text(info: PostInfo) -> str:
    """What the filter looks in for a post: its title and tags, folded."""
    return " ".join([info.title, *info.tags]).casefold()


def is_broken(info: PostInfo) -> bool:
    """True for a post listed under Problems (a header that does not read, or no file)."""
    return info.header_invalid or not info.readable


def places(info: PostInfo, grouping: str) -> list[Place]:
    """The groups a post's rows sit in under ``grouping`` ("tag" or "date")."""
    if grouping == "tag":
        found: list[Place] = [(f"tag:{tag}",) for tag in info.tags or [UNTAGGED]]
    else:
        moment = local(info.date)
        found = [(f"year:{moment.year}", f"month:{moment.year}-{moment.month}")]
    return found + [("problems",)] if is_broken(info) else found


_numbers = itertools.count(1)  # group numbers (the internal ids of the rows under them); 0: none


class Group:
    """One group and its rows in row order: ``rows`` (posts, or groups) sorted by ``keys``,
    then ``tail`` (rows after every sorted one).

    A group refers to its parent weakly: a tree of groups is no reference cycle, so it goes
    when its parent lets it go."""

    def __init__(self, ident: str, label: str, parent: Group | None):
        self.ident = ident
        self.label = label
        self.number = next(_numbers)
        self._parent = weakref.ref(parent) if parent is not None else None
        self.key: tuple = ()  # where it sits among its parent's rows (until ``reorder`` moves it)
        self.keys: list[tuple] = []
        self.rows: list[PostInfo | Group] = []
        self.tail: list[Group | Problem] = []
        self.groups: dict[str, Group] = {}
        self.attached = parent is None  # in its parent's rows
        self.shown = 0  # the count its label showed when the view last heard of it

    @property
    def parent(self) -> Group | None:
        """The group above (the invisible top for a top-level group); None for the top."""
        return self._parent() if self._parent is not None else None

    def size(self) -> int:
        return len(self.rows) + len(self.tail)

    def entry(self, row: int) -> PostInfo | Group | Problem | None:
        """What the row ``row`` under this group shows; None past its rows."""
        if 0 <= row < len(self.rows):
            return self.rows[row]
        if 0 <= row - len(self.rows) < len(self.tail):
            return self.tail[row - len(self.rows)]
        return None

    def row(self) -> int:
        """This group's row under its parent (it is attached)."""
        parent = self.parent
        assert parent is not None
        if self.ident == "problems":
            return len(parent.rows) + parent.tail.index(self)
        return bisect_left(parent.keys, self.key)

    def count(self) -> int:
        """The number in the label: posts (and folder problems) below it."""
        if self.ident.startswith("year:"):
            return sum(group.count() for group in self.groups.values())
        return len(self.keys) + len(self.tail)

    def text(self) -> str:
        return f"{self.label} ({self.count()})"

    def sort_key(self) -> tuple:
        """Where this group sorts among its siblings (its label's count may move it)."""
        kind, _, name = self.ident.partition(":")
        if kind == "tag":
            return tag_order(name, self.count())
        return (-int(name.rpartition("-")[2]),)  # years and months: newest first


class PostTreeModel(QAbstractItemModel):
    """The post tree, built whole or updated post by post."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grouping = "tag"
        self._journal: Journal | None = None
        self._top = Group("", "", None)
        self._groups: dict[int, Group] = {self._top.number: self._top}  # by number: every group made
        self._shown: dict[Path, tuple[tuple, list[Place]]] = {}
        self._messages: list[Problem] = []  # the folder problems shown
        self._search: dict[str, str] = {}  # a post's path -> search_text, once asked for
        self._unplaced: dict[str, Group] = {}  # groups whose counts changed their place (reorder)
        self._building = False

    # -- the model Qt reads ----------------------------------------------------------------
    def _entry(self, index: Index) -> PostInfo | Group | Problem | None:
        group = self._groups.get(index.internalId()) if index.isValid() else None
        return group.entry(index.row()) if group is not None else None

    def _group_at(self, index: Index) -> Group | None:
        """The group the row at ``index`` shows (the top for the invalid index)."""
        if not index.isValid():
            return self._top
        entry = self._entry(index)
        return entry if isinstance(entry, Group) else None

    def _index(self, group: Group) -> QModelIndex:
        """The index of a group's row (invalid for the top)."""
        parent = group.parent
        if parent is None:
            return QModelIndex()
        return self.createIndex(group.row(), 0, parent.number)

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        group = self._group_at(parent)
        if group is None or column != 0 or not 0 <= row < group.size():
            return QModelIndex()
        return self.createIndex(row, 0, group.number)

    def parent(self, child: Index | None = None):  # type: ignore[override]
        if child is None:  # QObject.parent()
            return super().parent()
        group = self._groups.get(child.internalId()) if child.isValid() else None
        if group is None or group.parent is None:
            return QModelIndex()
        return self._index(group)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt name)
        if not parent.isValid():
            return len(self._top.rows) + len(self._top.tail)
        above = self._groups.get(parent.internalId())
        group = above.entry(parent.row()) if above is not None else None
        return len(group.rows) + len(group.tail) if isinstance(group, Group) and parent.column() == 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt name)
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt name)
        group = self._group_at(parent)
        return group is not None and group.size() > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = DISPLAY):
        entry = self._entry(index)
        if isinstance(entry, PostInfo):
            if role == DISPLAY:
                return entry.title or entry.path.stem
            if role == PATH_ROLE:
                return str(entry.path)
            return None
        if isinstance(entry, Group):
            if role == DISPLAY:
                return entry.text()
            if role == GROUP_ROLE:
                return entry.ident
            if role == LABEL_ROLE:
                return entry.label
            if role == COUNT_ROLE:
                return entry.count()
            return "" if role == SEARCH_ROLE else None
        if isinstance(entry, Problem):  # a folder the scan could not read (nothing to open)
            if role == DISPLAY:
                root = self._journal.root if self._journal is not None else Path()
                return message(entry).replace(f"{root}{os.sep}", "")  # paths from the journal's folder
            if role == KIND_ROLE:
                return str(entry.kind)
            if role == TOOLTIP:
                return plain_tooltip(message(entry))
            return "" if role == SEARCH_ROLE else None
        return None

    def search_text_at(self, index: Index) -> str:
        """What the filter looks in for the row at ``index``: a post's title and tags, folded
        (made when first asked for, then kept), "" for other rows."""
        info = self._entry(index)
        if not isinstance(info, PostInfo):
            return ""
        path = str(info.path)
        found = self._search.get(path)
        if found is None:
            found = self._search[path] = search_text(info)
        return found

    # -- building ----------------------------------------------------------------------
    def build(self, journal: Journal, grouping: str) -> None:
        """Fill the model with the journal's posts grouped by ``grouping``."""
        self.beginResetModel()
        self._building = True
        self._journal, self.grouping = journal, grouping
        self._top = top = Group("", "", None)
        self._groups = {top.number: top}
        self._search, self._unplaced = {}, {}
        keyed = journal.keyed_posts()
        every = [info for _, info in keyed]
        keys = {id(info): key for key, info in keyed}  # once a post, not once a row
        if grouping == "tag":
            for tag, posts in journal.by_tag().items():
                label = translated(UNTAGGED_LABEL) if tag == UNTAGGED else tag
                self._filled(top, f"tag:{tag}", label, posts, keys)
        else:
            for year, months in journal.by_date().items():
                year_group = self._group(top, f"year:{year}", year_text(year))
                for month, posts in months.items():
                    self._filled(year_group, f"month:{year}-{month}", month_label(year, month), posts, keys)
                self._attach(year_group)
        broken = [info for info in every if is_broken(info)]
        self._messages = []
        if broken or journal.folder_problems:
            problems = self._filled(top, "problems", translated(PROBLEMS), broken, keys, attach=False)
            self._set_messages(problems, journal.folder_problems)
            self._attach(problems)
        self._shown = {info.path: (keys[id(info)], places(info, grouping)) for info in every}
        self._building = False
        self.endResetModel()

    def _group(self, parent: Group, ident: str, label: str) -> Group:
        group = Group(ident, label, parent)
        parent.groups[ident] = group
        self._groups[group.number] = group
        return group

    def _filled(
        self,
        parent: Group,
        ident: str,
        label: str,
        posts: list[PostInfo],
        keys: dict[int, tuple],
        attach: bool = True,
    ) -> Group:
        """A new group of ``posts`` (their order keys in ``keys``, by ``id``)."""
        group = self._group(parent, ident, label)
        group.rows = list(posts)
        group.keys = [keys[id(info)] for info in posts]
        if attach:
            self._attach(group)
        return group

    def _live(self, group: Group) -> bool:
        """True when the view knows of ``group``'s rows (it and the groups above it attached)."""
        if self._building:
            return False  # (inside a reset: the view reads the whole tree after it)
        while group.parent is not None:
            if not group.attached:
                return False
            group = group.parent
        return True

    def _attach(self, group: Group) -> None:
        """Put a new group's row in its place, its label counted."""
        parent = group.parent
        assert parent is not None
        live = self._live(parent)
        if group.ident == "problems":
            row = parent.size()  # always last
        else:
            group.key = group.sort_key()
            row = bisect_right(parent.keys, group.key)
        if live:
            self.beginInsertRows(self._index(parent), row, row)
        if group.ident == "problems":
            parent.tail.append(group)
        else:
            parent.keys.insert(row, group.key)
            parent.rows.insert(row, group)
        group.attached = True
        group.shown = group.count()
        if live:
            self.endInsertRows()

    def _set_messages(self, problems: Group, messages: list[Problem]) -> None:
        """Show the folders that could not be read after the Problems group's posts."""
        live = self._live(problems)
        first = len(problems.rows)
        if problems.tail:
            if live:
                self.beginRemoveRows(self._index(problems), first, first + len(problems.tail) - 1)
            problems.tail = []
            if live:
                self.endRemoveRows()
        if messages:
            if live:
                self.beginInsertRows(self._index(problems), first, first + len(messages) - 1)
            problems.tail = list(messages)
            if live:
                self.endInsertRows()
        self._messages = list(messages)

    # -- updating ----------------------------------------------------------------------
    def apply(self, paths: Iterable[Path], reorder: bool = True) -> None:
        """Bring the rows of the posts at ``paths`` up to date with the journal; without
        ``reorder``, groups whose new counts sort them elsewhere stay until :meth:`reorder`."""
        journal = self._journal
        if journal is None:
            return
        paths = {path if isinstance(path, Path) else Path(path) for path in paths}
        for path in paths:
            self._search.pop(str(path), None)
        for path in [path for path in paths if self._update_in_place(path)]:
            paths.discard(path)  # same place in the tree: the rows stay (and stay selected)
        touched: dict[str, Group] = {}
        seen: dict[int, QModelIndex | None] = {}  # a group's index while rows come and go, None: not live
        for path in paths:
            key, spots = self._shown.pop(path, ((), []))
            for place in spots:
                group = self._find(place)
                row = bisect_left(group.keys, key)
                live = self._seen(group, seen)
                if live is not None:
                    self.beginRemoveRows(live, row, row)
                del group.keys[row]
                del group.rows[row]
                if live is not None:
                    self.endRemoveRows()
                self._touch(group, touched)
        for path in sorted(paths, key=str):
            info = journal.get(path)
            if info is None:
                continue
            key, spots = order_key(info), places(info, self.grouping)
            for place in spots:
                group = self._ensure(place)
                row = bisect_right(group.keys, key)
                live = self._seen(group, seen)
                if live is not None:
                    self.beginInsertRows(live, row, row)
                group.keys.insert(row, key)
                group.rows.insert(row, info)
                if live is not None:
                    self.endInsertRows()
                self._touch(group, touched)
            self._shown[path] = (key, spots)
        if journal.folder_problems != self._messages:
            problems = self._ensure(("problems",))
            self._set_messages(problems, journal.folder_problems)
            self._touch(problems, touched)
        for group in sorted(touched.values(), key=lambda group: group.ident.startswith("year:")):
            self._settle(group)
        if reorder:
            self.reorder()

    def _seen(self, group: Group, seen: dict[int, QModelIndex | None]) -> QModelIndex | None:
        """The index of ``group``'s row if the view knows of its rows, else None; kept in
        ``seen`` while only posts' rows come and go (no group moves then)."""
        if group.number not in seen:
            seen[group.number] = self._index(group) if self._live(group) else None
        return seen[group.number]

    def reorder(self) -> None:
        """Move the groups whose counts changed their place (``apply`` without ``reorder``)
        to it: the tree is then the tree ``build`` would make."""
        unplaced, self._unplaced = self._unplaced, {}
        for group in unplaced.values():
            parent = group.parent
            key = group.sort_key()
            if parent is None or key == group.key:
                continue
            row = bisect_left(parent.keys, group.key)
            # its place among the others (the list still holds it, under its old key)
            target = bisect_right(parent.keys, key) - (group.key < key)
            live = target != row and self._live(parent)
            if live:  # (Qt counts the row it goes before as the rows were)
                self.beginMoveRows(
                    self._index(parent), row, row, self._index(parent), target + (target > row)
                )
            del parent.keys[row]
            del parent.rows[row]
            parent.keys.insert(target, key)
            parent.rows.insert(target, group)
            group.key = key
            if live:
                self.endMoveRows()

    def _update_in_place(self, path: Path) -> bool:
        """Refresh the rows of a post whose groups and order are unchanged; False otherwise."""
        entry = self._shown.get(path)
        info = self._journal.get(path) if self._journal is not None and entry is not None else None
        if entry is None or info is None or entry != (order_key(info), places(info, self.grouping)):
            return False
        key, spots = entry
        for place in spots:
            group = self._find(place)
            for row in range(bisect_left(group.keys, key), bisect_right(group.keys, key)):
                old = group.rows[row]
                if isinstance(old, PostInfo) and old.path == path:
                    group.rows[row] = info
                    if (old.title or old.path.stem) != (info.title or info.path.stem) and self._live(group):
                        index = self.createIndex(row, 0, group.number)
                        self.dataChanged.emit(index, index, [DISPLAY])
        return True

    def _touch(self, group: Group, touched: dict[str, Group]) -> None:
        while group.parent is not None:
            touched[group.ident] = group
            group = group.parent

    def _find(self, place: Place) -> Group:
        group = self._top
        for ident in place:
            group = group.groups[ident]
        return group

    def _ensure(self, place: Place) -> Group:
        """The group at ``place``, made (not yet in the tree) where it is missing."""
        group = self._top
        for ident in place:
            found = group.groups.get(ident)
            if found is None:
                kind, _, name = ident.partition(":")
                if kind == "tag":
                    label = translated(UNTAGGED_LABEL) if name == UNTAGGED else name
                elif kind == "month":
                    year, _, month = name.partition("-")
                    label = month_label(int(year), int(month))
                elif kind == "year":
                    label = year_text(int(name))
                else:
                    label = translated(PROBLEMS)
                found = self._group(group, ident, label)
            group = found
        return group

    def _settle(self, group: Group) -> None:
        """After rows under ``group`` came and went: its label, its place, or its removal."""
        parent = group.parent
        assert parent is not None
        count = group.count()
        if count == 0:
            del parent.groups[group.ident]
            self._groups.pop(group.number, None)
            self._unplaced.pop(group.ident, None)
            if group.attached:
                row = group.row()
                live = self._live(parent)
                if live:
                    self.beginRemoveRows(self._index(parent), row, row)
                if group.ident == "problems":
                    parent.tail.remove(group)
                else:
                    del parent.keys[row]
                    del parent.rows[row]
                group.attached = False
                if live:
                    self.endRemoveRows()
            return
        if not group.attached:
            self._attach(group)
            return
        if group.shown != count:
            group.shown = count
            if self._live(group):
                index = self._index(group)
                self.dataChanged.emit(index, index, [DISPLAY, COUNT_ROLE])
        if group.ident != "problems" and group.sort_key() != group.key:
            self._unplaced[group.ident] = group  # (moved by reorder)

    # -- finding -----------------------------------------------------------------------
    def group_indexes(self) -> Iterator[tuple[str, QModelIndex]]:
        """Every group row (its id and index), parents before their children."""
        stack = list(reversed(self._top.groups.values()))
        while stack:
            group = stack.pop()
            if group.attached:
                yield group.ident, self._index(group)
                stack.extend(reversed(group.groups.values()))

    def index_of(self, path: Path) -> QModelIndex:
        """The first row (in tree order) showing the post at ``path``, or an invalid index."""
        entry = self._shown.get(Path(path))
        if entry is None:
            return QModelIndex()
        key, spots = entry
        groups = [self._find(place) for place in spots]
        top = [group for group in groups if group.ident != "problems"]
        first = min(top, key=lambda group: self._find(group_top(group)).key) if top else groups[0]
        return self.createIndex(bisect_left(first.keys, key), 0, first.number)


def group_top(group: Group) -> Place:
    """The place of the top-level group above (or at) ``group``."""
    while group.parent is not None and group.parent.parent is not None:
        group = group.parent
    return (group.ident,)
