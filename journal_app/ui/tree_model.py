"""The sidebar's tree model: posts grouped by tag or by date, then a Problems group.

``build`` fills the model from the journal's groupings (``by_tag``, ``by_date``); ``apply`` takes
the posts a journal change names and removes, inserts and moves only their rows, keeping each
group's count in its label, the groups in order and empty groups gone, so that the tree after
``apply`` is the tree ``build`` would make. Each group keeps the sort keys of its rows, and
the posts they show, in row order (a mirror of the model), so a row is found by bisection
rather than by a search.

The model stays Qt's ``QStandardItemModel``, so that laying out a group opened (every row of
it) asks no Python code; a post's item holds only its text, and everything else about the row
(its path, what the filter looks in) is read from the mirror. Measured on 10,000 posts: the
build takes 0.11-0.18 s against 0.23-0.32 s with the path set on each item; a model of
Python's own (``QAbstractItemModel``, no items at all) built in 0.04 s, but opening a group of
2,570 posts took 22-33 ms instead of 5-9, and the window's first selection 70-150 ms.

Moving a group moves every row under it (Qt takes and puts back the whole subtree), so a burst
of changes (a scan's batches) may leave tag groups whose counts changed where they were, their
labels counted, until :meth:`PostTreeModel.reorder` puts them in their places once.

Rows leave the model with ``takeRow``, never ``removeRow``: removing deletes the C++ items at
once while Python may still hold their wrappers (a group just emptied, say), and a later use of
one reads freed memory; a taken row belongs to Python and goes when its last wrapper does.

The labels the model makes (Untagged, Problems, years and months) go through Qt's translation;
code finds a group by its id (``GROUP_ROLE``), never by its label.
"""

from __future__ import annotations

import os
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

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


def translated(label: str) -> str:
    """One of the labels above in the interface's language."""
    return QCoreApplication.translate("PostTree", label)


def month_label(year: int, month: int) -> str:
    """A month group's label: ``2024-03`` (``2024년 3월`` in Korean)."""
    shape = QCoreApplication.translate("PostTree", "{year}-{month:02d}", "a month group of the date view")
    return shape.format(year=year, month=month)


def post_item(info: PostInfo) -> QStandardItem:
    """A tree row for one post: its text alone. Its path (``PATH_ROLE``) is read from the
    group's rows when asked for (:meth:`PostTreeModel.data`): setting it on each item took
    nine tenths of the build (10,000 posts in 18,000 rows: 0.2 s of 0.25)."""
    return QStandardItem(info.title or info.path.stem)


def search_text(info: PostInfo) -> str:
    """What the filter looks in for a post: its title and tags, folded."""
    return " ".join([info.title, *info.tags]).casefold()


def group_item(label: str, count: int, key: str) -> QStandardItem:
    """A group row: its label with the number of rows under it."""
    item = QStandardItem(f"{label} ({count})")
    item.setEditable(False)
    item.setData(key, GROUP_ROLE)
    item.setData(label, LABEL_ROLE)
    item.setData(count, COUNT_ROLE)
    item.setData("", SEARCH_ROLE)
    return item


def folder_problem_item(problem: Problem, root: Path) -> QStandardItem:
    """A Problems row for a folder the scan could not read (nothing to open): its message with
    paths shown from the journal's folder, and its kind under ``KIND_ROLE``."""
    item = QStandardItem(message(problem).replace(f"{root}{os.sep}", ""))
    item.setEditable(False)
    item.setData("", SEARCH_ROLE)
    item.setData(str(problem.kind), KIND_ROLE)
    item.setToolTip(plain_tooltip(message(problem)))
    return item


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


class Group:
    """One group row and the sort keys of the rows under it, in row order.

    A group refers to its parent weakly: a tree of groups is no reference cycle, so the items
    it holds go when it goes, on the GUI thread (a cycle would leave them to the garbage
    collector, which may run on the preview's render thread).
    """

    def __init__(self, item: QStandardItem, ident: str, label: str, parent: Group | None):
        self.item = item
        self.ident = ident
        self.label = label
        self._parent = weakref.ref(parent) if parent is not None else None
        self.key: tuple = ()
        self.keys: list[tuple] = []  # rows after these (folder problems, the Problems group) are extra
        self.rows: list[PostInfo] = []  # the posts of its first rows, in row order (with ``keys``)
        self.extra = 0
        self.groups: dict[str, Group] = {}
        self.attached = parent is None

    @property
    def parent(self) -> Group | None:
        """The group above (the invisible top for a top-level group); None for the top."""
        return self._parent() if self._parent is not None else None

    def count(self) -> int:
        """The number in the label: posts (and folder problems) below it."""
        if self.ident.startswith("year:"):
            return sum(group.count() for group in self.groups.values())
        return len(self.keys) + self.extra

    def sort_key(self) -> tuple:
        """Where this group sorts among its siblings (its label's count may move it)."""
        kind, _, name = self.ident.partition(":")
        if kind == "tag":
            return tag_order(name, self.count())
        return (-int(name.rpartition("-")[2]),)  # years and months: newest first


class _Top(Group):
    """The invisible top of the tree. Its item is asked of the model each time, never held:
    Qt made that item, so PySide never learns when Qt deletes it, and a wrapper held past the
    model's end would be handed out for Qt's next object at that address (a ``viewport()``
    that came back as a ``QStandardItem`` was seen)."""

    def __init__(self, model: QStandardItemModel) -> None:
        self._model = weakref.ref(model)
        super().__init__(QStandardItem(), "", "", None)

    @property  # type: ignore[override]
    def item(self) -> QStandardItem:
        model = self._model()
        return model.invisibleRootItem() if model is not None else QStandardItem()

    @item.setter
    def item(self, _item: QStandardItem) -> None:
        pass  # the model's own, asked for each time


class PostTreeModel(QStandardItemModel):
    """The post tree, built whole or updated post by post."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grouping = "tag"
        self._journal: Journal | None = None
        self._top: Group = _Top(self)
        self._shown: dict[Path, PostInfo] = {}  # each post's summary as its rows show it
        self._messages: list[Problem] = []  # the folder problems shown
        self._search: dict[str, str] = {}  # a post's path -> search_text, once asked for
        self._unplaced: dict[str, Group] = {}  # groups whose counts changed their place (reorder)
        self._groups: dict[str, Group] = {}  # every group made, by its id

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == PATH_ROLE:  # a post's path, from its group's rows (the rest is the items' own)
            info = self.info_at(index)
            return str(info.path) if info is not None else None
        return super().data(index, role)

    def info_at(self, index: QModelIndex | QPersistentModelIndex) -> PostInfo | None:
        """The post the row at ``index`` shows, or None (a group, a folder problem)."""
        parent = index.parent()
        if not parent.isValid():
            return None  # (the top level holds groups only)
        group = self._groups.get(super().data(parent, GROUP_ROLE))
        row = index.row()
        return group.rows[row] if group is not None and row < len(group.rows) else None

    def search_text_at(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """What the filter looks in for the row at ``index``: a post's title and tags, folded
        (made when first asked for, not for every row built), "" for other rows."""
        info = self.info_at(index)
        if info is None:
            return ""
        path = str(info.path)
        found = self._search.get(path)
        if found is None:
            found = self._search[path] = search_text(info)
        return found

    def release(self) -> None:
        """Let go of every item before the model goes (the window is closing).

        The groups hold Python wrappers of the model's items. When Qt deletes the items with
        the model, wrappers still held would point at freed memory, and Qt's next object at
        that address would come back from PySide as the old item (``addAction`` returning a
        ``QStandardItem`` was seen). So the wrappers go first, then the items.
        """
        self._top = Group(QStandardItem(), "", "", None)  # owned by Python: nothing to outlive
        self._shown = {}
        self._search = {}
        self._unplaced = {}
        self._groups = {}
        self.clear()

    # -- building ----------------------------------------------------------------------
    def build(self, journal: Journal, grouping: str) -> None:
        """Fill the model with the journal's posts grouped by ``grouping``."""
        self.release()  # the old items' wrappers go before the items do
        self._journal, self.grouping = journal, grouping
        self._top = top = _Top(self)
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
        if broken or journal.folder_problems:
            problems = self._filled(top, "problems", translated(PROBLEMS), broken, keys, attach=False)
            self._set_messages(problems, journal.folder_problems)
            self._attach(problems)
        self._shown = {info.path: info for info in every}

    def _group(self, parent: Group, ident: str, label: str) -> Group:
        group = Group(group_item(label, 0, ident), ident, label, parent)
        parent.groups[ident] = group
        self._groups[ident] = group
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
        group.item.appendRows([post_item(info) for info in posts])
        group.keys = [keys[id(info)] for info in posts]
        group.rows = list(posts)
        if attach:
            self._attach(group)
        return group

    def _attach(self, group: Group) -> None:
        """Put a new group's row in its place, its label counted."""
        parent = group.parent
        assert parent is not None
        group.item.setText(f"{group.label} ({group.count()})")
        group.item.setData(group.count(), COUNT_ROLE)
        if group.ident == "problems":
            parent.item.appendRow(group.item)  # always last
        else:
            group.key = group.sort_key()
            row = bisect_right(parent.keys, group.key)
            parent.keys.insert(row, group.key)
            parent.item.insertRow(row, [group.item])
        group.attached = True

    def _set_messages(self, problems: Group, messages: list[Problem]) -> None:
        """Show the folders that could not be read after the Problems group's posts."""
        item = problems.item
        if problems.extra:
            for _ in range(problems.extra):
                item.takeRow(len(problems.keys))  # taken, not removed (module docstring)
        root = self._journal.root if self._journal is not None else Path()
        item.appendRows([folder_problem_item(message, root) for message in messages])
        problems.extra = len(messages)
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
        for path in paths:
            key, spots = self._placed(self._shown.pop(path, None))
            for place in spots:
                group = self._find(place)
                row = bisect_left(group.keys, key)
                del group.keys[row]
                del group.rows[row]
                group.item.takeRow(row)  # taken, not removed (module docstring)
                self._touch(group, touched)
        for path in sorted(paths, key=str):
            info = journal.get(path)
            if info is None:
                continue
            key, spots = order_key(info), places(info, self.grouping)
            for place in spots:
                group = self._ensure(place)
                row = bisect_right(group.keys, key)
                group.keys.insert(row, key)
                group.rows.insert(row, info)
                group.item.insertRow(row, [post_item(info)])
                self._touch(group, touched)
            self._shown[path] = info
        if journal.folder_problems != self._messages:
            problems = self._ensure(("problems",))
            self._set_messages(problems, journal.folder_problems)
            self._touch(problems, touched)
        for group in sorted(touched.values(), key=lambda group: group.ident.startswith("year:")):
            self._settle(group)
        if reorder:
            self.reorder()

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
            del parent.keys[row]
            target = bisect_right(parent.keys, key)
            parent.keys.insert(target, key)
            group.key = key
            if target != row:
                parent.item.insertRow(target, parent.item.takeRow(row))

    def _update_in_place(self, path: Path) -> bool:
        """Refresh the rows of a post whose groups and order are unchanged; False otherwise."""
        shown = self._shown.get(path)
        info = self._journal.get(path) if self._journal is not None and shown is not None else None
        if shown is None or info is None or (entry := self._placed(shown)) != self._placed(info):
            return False
        self._shown[path] = info
        text = info.title or info.path.stem
        key, spots = entry
        for place in spots:
            group = self._find(place)
            for row in range(bisect_left(group.keys, key), bisect_right(group.keys, key)):
                if group.rows[row].path == path:
                    group.rows[row] = info
                    item = group.item.child(row)
                    if item.text() != text:
                        item.setText(text)
        return True

    def _placed(self, info: PostInfo | None) -> tuple[tuple, list[Place]]:
        """A post's order key and the places of its rows (none for None)."""
        return (order_key(info), places(info, self.grouping)) if info is not None else ((), [])

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
            self._groups.pop(group.ident, None)
            self._unplaced.pop(group.ident, None)
            if group.attached:
                if group.ident == "problems":
                    parent.item.takeRow(group.item.row())
                else:
                    row = bisect_left(parent.keys, group.key)
                    del parent.keys[row]
                    parent.item.takeRow(row)
            return
        if not group.attached:
            self._attach(group)
            return
        text = f"{group.label} ({count})"
        if group.item.text() != text:
            group.item.setText(text)
            group.item.setData(count, COUNT_ROLE)
        if group.ident != "problems" and group.sort_key() != group.key:
            self._unplaced[group.ident] = group  # (moved by reorder)

    # -- finding -----------------------------------------------------------------------
    def group_indexes(self) -> Iterator[tuple[str, QModelIndex]]:
        """Every group row (its id and index), parents before their children."""
        stack = list(reversed(self._top.groups.values()))
        while stack:
            group = stack.pop()
            if group.attached:
                yield group.ident, group.item.index()
                stack.extend(reversed(group.groups.values()))

    def index_of(self, path: Path) -> QModelIndex:
        """The first row (in tree order) showing the post at ``path``, or an invalid index."""
        shown = self._shown.get(Path(path))
        if shown is None:
            return QModelIndex()
        key, spots = self._placed(shown)
        groups = [self._find(place) for place in spots]
        top = [group for group in groups if group.ident != "problems"]
        first = min(top, key=lambda group: self._find(group_top(group)).key) if top else groups[0]
        row = bisect_left(first.keys, key)
        return first.item.child(row).index()


def group_top(group: Group) -> Place:
    """The place of the top-level group above (or at) ``group``."""
    while group.parent is not None and group.parent.parent is not None:
        group = group.parent
    return (group.ident,)
