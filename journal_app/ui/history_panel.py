"""File → History: the saved versions of the open post, a side-by-side diff, and Restore.

``HistoryKeeper`` keeps the history of the window's journal (``core.history``: git's, or the
app's snapshots in its data folder) on a worker thread of its own: a save hands it the bytes
just written and the ones they replaced, so the GUI thread only queues the work. The panel
(``historyPanel``) lists the open post's versions with their date and change; selecting one
shows it beside the text in the editor, lines coloured by what changed (plain text); Restore
puts that version in the editor as one ordinary edit (undoable, saved like any other).
"""

from __future__ import annotations

from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core import Post
from ..core.buffer import buffer_text
from ..core.dates import local
from ..core.history import PostHistory, Version, history_of, side_by_side
from .plain import plain_label
from .handoff import Handoff
from .problem_words import words

if TYPE_CHECKING:
    from ..core.gitrepo import GitRepo
    from .document import OpenDocument

MAX_BEFORE = 32  # posts whose version on disk is kept until their first save (open tabs)
COLOURS = {"removed": "#fbe0e0", "added": "#dcf5dc", "changed": "#fff3c4"}
VERSION_ROLE = Qt.ItemDataRole.UserRole


def version_summary(version: Version) -> str:
    """``+3 −1 lines · subject`` in the interface's language."""
    return " \u00b7 ".join(map(words, version.summary_parts))


class HistoryKeeper(QObject):
    """The history of one journal at a time, used only from its worker thread."""

    listed = Signal(object, list)  # the post's path, its [Version]s
    fetched = Signal(object, object, str, list)  # path, Version, its text, the diff rows
    trouble = Signal(str)  # why a version could not be kept or read (plain words)

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.kind = ""  # "git" or "snapshots" once the journal's history is open
        self._history: PostHistory | None = None  # on the worker thread only
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-app-history")
        self._handoff = Handoff(self)  # closed by stop: no answer after it (see handoff.py)
        # the open posts (tabs) as on disk when opened, until their first save: (bytes, since)
        self._before: OrderedDict[Path, tuple[bytes, float | None]] = OrderedDict()

    def _submit(self, job, *args) -> None:
        try:
            self._pool.submit(self._guarded, job, *args)
        except RuntimeError:  # stopped: the window is closing
            pass

    def _guarded(self, job, *args) -> None:
        try:
            job(*args)
        except Exception as exc:  # noqa: BLE001 (the data folder or git: said, never raised)
            self._emit(
                self.trouble, self.tr("The history could not be kept: {error}").format(error=words(exc))
            )

    def _emit(self, signal, *args) -> None:
        self._handoff.send(signal, *args)

    def set_journal(self, root: Path | None, repo: GitRepo | None) -> None:
        """Keep the history of the journal at ``root`` from now on (None: no journal), whose
        working tree is ``repo`` (None: not under git)."""
        self.kind = "" if root is None else "git" if repo is not None else "snapshots"
        self._submit(self._open, root, repo)

    def _open(self, root: Path | None, repo: GitRepo | None) -> None:
        if self._history is not None:
            self._history.close()
            self._history = None
        if root is not None:
            self._history = history_of(root, repo, self.data_dir)

    def follow(self, document: OpenDocument) -> None:
        """Record every save of ``document``."""
        document.loaded.connect(self._loaded)
        document.saved.connect(lambda path: self.saved(path, document.post))

    def _loaded(self, post: Post | None) -> None:
        if post is None or post.path is None:
            return
        if post.stamp is None or post.modified:  # a tab shown again with its edits: as it was
            return
        self._before[post.path] = (post.to_bytes(), post.stamp[0] / 1e9)
        self._before.move_to_end(post.path)
        while len(self._before) > MAX_BEFORE:
            self._before.popitem(last=False)

    def saved(self, path: Path, post: Post | None) -> None:
        """``post`` was just saved to ``path``: keep it, and the version it replaced."""
        if post is None or self.kind != "snapshots":
            return
        data = post.saved_bytes  # the bytes just written (an autosave's, typing went on or not)
        before, since = self._before.get(path, (None, None))
        self._before[path] = (data, None)
        self._submit(self._record, path, data, before, since)

    def _record(self, path: Path, data: bytes, before: bytes | None, since: float | None) -> None:
        if self._history is not None:
            self._history.record(path, data, before, since)

    def renamed(self, old: Path, new: Path) -> None:
        """The post at ``old`` is now at ``new``: its history follows it."""
        if old in self._before:
            self._before[new] = self._before.pop(old)
        self._submit(self._renamed, old, new)

    def _renamed(self, old: Path, new: Path) -> None:
        if self._history is not None:
            self._history.renamed(old, new)

    def request_versions(self, path: Path) -> None:
        """List the versions of the post at ``path`` (answered by ``listed``)."""
        self._submit(self._list, path)

    def _list(self, path: Path) -> None:
        if self._history is not None:
            self._emit(self.listed, path, self._history.versions(path))

    def request_version(self, path: Path, version: Version, current: str) -> None:
        """Read ``version`` and compare it with ``current`` (answered by ``fetched``)."""
        self._submit(self._fetch, path, version, current)

    def _fetch(self, path: Path, version: Version, current: str) -> None:
        if self._history is None:
            return
        text = buffer_text(Post(self._history.read(path, version), path))
        self._emit(self.fetched, path, version, text, side_by_side(text, current))

    def wait(self) -> None:
        """Until the work queued so far is done (tests, and closing)."""
        self._pool.submit(lambda: None).result()

    def stop(self) -> None:
        """No more work: what is queued still runs (a save is kept), then the history closes."""
        self._submit(self._open, None)
        self._pool.shutdown(wait=True)
        self._handoff.close()


def _diff_view(parent: QWidget, name: str) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setObjectName(name)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return view


def _show_side(view: QPlainTextEdit, lines: list[str | None], kinds: list[str]) -> None:
    """``lines`` as plain text (None: an empty line that keeps the sides aligned), coloured."""
    view.setPlainText("\n".join(line if line is not None else "" for line in lines))
    document = view.document()
    for number, kind in enumerate(kinds):
        colour = COLOURS.get(kind)
        if colour is None:
            continue
        block_format = QTextBlockFormat()
        block_format.setBackground(QColor(colour if lines[number] is not None else "#eeeeee"))
        QTextCursor(document.findBlockByNumber(number)).setBlockFormat(block_format)


class HistoryPanel(QDockWidget):
    """The dock of the open post's versions (``historyPanel``)."""

    def __init__(self, window: QMainWindow, document: OpenDocument, keeper: HistoryKeeper):
        super().__init__(QCoreApplication.translate("HistoryPanel", "History"), window)
        self.setObjectName("historyPanel")
        self.document, self.keeper = document, keeper
        body = QWidget(self)
        column = QVBoxLayout(body)
        self.heading = plain_label(body)
        self.versions = QListWidget(body)
        self.versions.setObjectName("historyVersions")
        self.old_label, self.new_label = plain_label(body), plain_label(body, self.tr("Now, in the editor"))
        self.old, self.new = _diff_view(body, "historyOld"), _diff_view(body, "historyNew")
        self.old.verticalScrollBar().valueChanged.connect(self.new.verticalScrollBar().setValue)
        self.new.verticalScrollBar().valueChanged.connect(self.old.verticalScrollBar().setValue)
        sides = QSplitter(Qt.Orientation.Horizontal, body)
        for label, view in ((self.old_label, self.old), (self.new_label, self.new)):
            side = QWidget(sides)
            inner = QVBoxLayout(side)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(label)
            inner.addWidget(view)
            sides.addWidget(side)
        self.restore = QPushButton(self.tr("&Restore This Version"), body)
        self.restore.setObjectName("historyRestore")
        self.restore.setEnabled(False)
        self.restore.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore)
        column.addWidget(self.heading)
        split = QSplitter(Qt.Orientation.Vertical, body)
        split.addWidget(self.versions)
        split.addWidget(sides)
        split.setStretchFactor(1, 3)
        split.setSizes([100, 300])  # the diff gets the room
        column.addWidget(split, 1)
        column.addLayout(buttons)
        self.setWidget(body)
        self.shown_text: str | None = None  # the selected version's text, once read
        self._shown_path: Path | None = None  # the post whose versions are listed
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()
        self.versions.currentItemChanged.connect(self._selected)
        keeper.listed.connect(self._listed)
        keeper.fetched.connect(self._fetched)
        document.loaded.connect(self.refresh_if_shown)
        document.saved.connect(self.refresh_if_shown)

    def open_panel(self) -> None:
        """Show the panel on the open post's versions."""
        self.show()
        self.raise_()
        self.refresh()

    def refresh_if_shown(self, *_args) -> None:
        """Ask for the versions again when the panel is shown (a save, a commit, a pull)."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Ask for the open post's versions again."""
        post = self.document.post
        path = post.path if post is not None else None
        if path != self._shown_path:  # another post: its list comes; the same one's stays till then
            self._shown_path = path
            self.versions.clear()
            self._clear()
        if post is None or post.path is None:
            self.heading.setText(self.tr("No post is open."))
            return
        heading = (
            self.tr("Versions of “{title}”, its commits in git")
            if self.keeper.kind == "git"
            else self.tr("Versions of “{title}”, kept by journal_app")
        )
        self.heading.setText(heading.format(title=post.title or post.path.name))
        self.keeper.request_versions(post.path)

    def _clear(self) -> None:
        self.shown_text = None
        self.restore.setEnabled(False)
        self.old.clear()
        self.new.clear()
        self.old_label.clear()

    def _listed(self, path: Path, versions: list[Version]) -> None:
        post = self.document.post
        if post is None or post.path != path:
            return
        current = self.versions.currentItem()
        chosen = current.data(VERSION_ROLE).key if current is not None else None
        self.versions.clear()
        for version in versions:
            when = local(version.when).strftime("%Y-%m-%d %H:%M:%S")
            row = self.tr("{when}   {summary}   ({size} bytes)")
            summary = version_summary(version)
            item = QListWidgetItem(row.format(when=when, summary=summary, size=f"{version.size:,}"))
            item.setData(VERSION_ROLE, version)
            self.versions.addItem(item)
            if chosen is not None and version.key == chosen:
                self.versions.setCurrentItem(item)  # the version chosen stays chosen
        if not versions:
            self.heading.setText(self.heading.text() + self.tr(": none yet (each save keeps one)"))

    def _selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        self._clear()
        post = self.document.post
        if item is None or post is None or post.path is None:
            return
        self.keeper.request_version(post.path, item.data(VERSION_ROLE), self.document.buffer())

    def _fetched(self, path: Path, version: Version, text: str, rows: list) -> None:
        item = self.versions.currentItem()
        post = self.document.post
        if item is None or post is None or post.path != path or item.data(VERSION_ROLE) != version:
            return  # overtaken by another choice
        self.shown_text = text
        when = f"{local(version.when):%Y-%m-%d %H:%M}"
        self.old_label.setText(self.tr("Version {number}, {when}").format(number=version.number, when=when))
        kinds = [row[0] for row in rows]
        _show_side(self.old, [row[1] for row in rows], kinds)
        _show_side(self.new, [row[2] for row in rows], kinds)
        self.restore.setEnabled(not self.document.read_only and text != self.document.buffer())

    def restore_selected(self) -> None:
        """Put the selected version in the editor: one edit, undoable, saved like any other."""
        post = self.document.post
        if self.shown_text is None or post is None or post.path is None or self.document.read_only:
            return
        self.document.restore_text(post.path, self.shown_text)
        self.document.message.emit(self.tr("Restored an earlier version (Undo takes it back)."), 5000)
        self.restore.setEnabled(False)
