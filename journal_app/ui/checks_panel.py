"""View → Checks: a dock (objectName ``checksPanel``) listing the open post's problems and what
its platform would reject or show wrongly (``check_post`` with ``publishing``), kept up to date
while the dock is shown. Activating a warning puts the cursor on its line. velog-backup's
repairs ("Fix header" for raw quotes in the header, Remove or Keep for ``undefined`` lines) are
shown as a diff in a dialog first and made in the file on disk as one-line edits; the post is
then read again.

The post is checked at once when the dock is shown, a post opened or saved; after a pause in
typing, on a worker thread (a copy of the post: the check parses the whole body, 0.2 s for a
post of 10 KB on a busy machine, seconds for a megabyte), and only the newest answer is shown."""

from __future__ import annotations

import copy
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.checks import check_post
from ..core.post import Post
from ..core.problems import Problem
from ..core.errors import SaveError
from ..core.post import load_post
from ..core.repairs import HEADER, UNDEFINED, Repair, diff, repairs_of, write_repairs
from .actions import FLAVOR_LABELS
from .handoff import Handoff
from .plain import plain_label
from .problem_words import words
from .search_panel import select_match

if TYPE_CHECKING:
    from .main_window import MainWindow

LINE_ROLE = Qt.ItemDataRole.UserRole
EXPLAINED = {
    HEADER: QT_TRANSLATE_NOOP(
        "ChecksPanel",
        'velog-backup wrote a raw " or \\ into the title or description, so the header does not '
        "read. Fix header escapes exactly those characters on those lines; the rest of the file "
        "stays byte for byte.",
    ),
    UNDEFINED: QT_TRANSLATE_NOOP(
        "ChecksPanel",
        "velog-backup wrote 'undefined' where it failed to download an image. Remove deletes those "
        "lines; Keep leaves them (the preview shows them as missing images).",
    ),
}


def repair_label(repair: Repair) -> str:
    """What ``repair`` does, in the interface's language."""
    return words(repair.label_words)


class RepairDialog(QDialog):
    """The diff of one repair, with its button (Fix header, or Remove) and Cancel or Keep."""

    def __init__(self, repair: Repair, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("repairDialog")
        self.setWindowTitle(repair_label(repair))
        self.diff = QPlainTextEdit(diff(repair, name), self)
        self.diff.setObjectName("repairDiff")
        self.diff.setReadOnly(True)
        self.diff.setFont(QFont("monospace"))
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(
            self.tr("Fix header") if repair.kind == HEADER else self.tr("Remove"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.accept_button.setObjectName("repairAccept")
        self.keep_button = buttons.addButton(
            self.tr("Cancel") if repair.kind == HEADER else self.tr("Keep"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.keep_button.setObjectName("repairKeep")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        explained = plain_label(self, QCoreApplication.translate("ChecksPanel", str(EXPLAINED[repair.kind])))
        explained.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addWidget(self.diff, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)


def ask_repair(parent: QWidget, repair: Repair, name: str) -> bool:
    """Show the repair's diff; True when the user takes it."""
    return RepairDialog(repair, name, parent).exec() == QDialog.DialogCode.Accepted


class ChecksPanel(QDockWidget):
    """The open post's warnings, and velog-backup's repairs for it."""

    repaired = Signal(Path)  # a repair was written to this file
    _checked = Signal(int, object)  # (check number, its problems and repairs) from the worker thread

    def __init__(self, window: MainWindow):
        super().__init__(QCoreApplication.translate("ChecksPanel", "Checks"), window)
        self.setObjectName("checksPanel")
        self.window_ = window
        self.ask: Callable[[QWidget, Repair, str], bool] = ask_repair
        body = QWidget(self)
        self.summary = plain_label(body)
        self.summary.setObjectName("checksSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(body)
        self.list.setObjectName("checksList")
        self.list.setWordWrap(True)  # a long warning (Korean ones are) wraps, no sideways scroll
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setAccessibleName(self.tr("Warnings of the post"))
        self.fix_header = QPushButton(self.tr("Fix header…"), body)
        self.fix_header.setObjectName("checksFixHeader")
        self.undefined = QPushButton(self.tr("'undefined' lines…"), body)
        self.undefined.setObjectName("checksUndefined")
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_header)
        buttons.addWidget(self.undefined)
        buttons.addStretch(1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.repairs: dict[str, Repair] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._check_later)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-app-checks")
        self._newest = 0  # the check whose answer is shown when it comes
        self._checked.connect(self._arrived)
        self._handoff = Handoff(self)  # closed by stop: no answer after it (see handoff.py)
        pool = self._pool
        self.destroyed.connect(lambda: pool.shutdown(wait=False, cancel_futures=True))
        document = window.document
        document.loaded.connect(lambda _post: self.refresh())
        document.saved.connect(lambda _path: self.refresh())
        document.changed.connect(lambda _post: self._timer.start() if self.isVisible() else None)
        self.visibilityChanged.connect(self._shown)
        self.list.itemActivated.connect(self._go_to_line)
        self.fix_header.clicked.connect(lambda: self.repair(HEADER))
        self.undefined.clicked.connect(lambda: self.repair(UNDEFINED))
        self.refresh()

    def refresh(self) -> None:
        """Check the open post as it stands now (only while the dock is shown)."""
        self._timer.stop()
        self._newest += 1  # an answer still to come from the worker is older than this
        if not self.isVisible():
            return
        document = self.window_.document
        post = document.post
        if post is None:
            self._show(None, "", [], [])
            return
        flavor = document.flavor()
        self._show(post, flavor, check_post(post, document.root, flavor, publishing=True), repairs_of(post))

    def _check_later(self) -> None:
        """After a pause in typing: check a copy of the post on the worker thread."""
        document = self.window_.document
        post = document.post
        if not self.isVisible() or post is None:
            self.refresh()
            return
        self._newest += 1
        # the sync replaces the post's body and header; it never changes them in place
        self._pool.submit(self._check, self._newest, copy.copy(post), document.root, document.flavor())

    def _check(self, number: int, post: Post, root: Path | None, flavor: str) -> None:
        """On the worker thread."""
        if number != self._newest:
            return  # a newer check waits behind this one
        try:
            found = (check_post(post, root, flavor, publishing=True), repairs_of(post), flavor)
        except Exception:  # a bug in a check must not leave the dock stale: check at once
            found = None
        self._handoff.send(self._checked, number, found)

    def stop(self) -> None:
        """No more checks (the window closes): an answer still to come reaches no one."""
        self._timer.stop()
        self._newest += 1
        self._handoff.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _arrived(self, number: int, found: tuple[list[Problem], list[Repair], str] | None) -> None:
        if number != self._newest or not self.isVisible():
            return
        if found is None:
            self.refresh()
            return
        problems, repairs, flavor = found
        self._show(self.window_.document.post, flavor, problems, repairs)

    def _show(self, post: Post | None, flavor: str, problems: list[Problem], repairs: list[Repair]) -> None:
        self.list.clear()
        self.repairs = {}
        if post is None:
            self.summary.setText(self.tr("No post is open."))
        else:
            for problem in problems:
                item = QListWidgetItem(words(problem))
                item.setData(LINE_ROLE, problem.line or 0)
                self.list.addItem(item)
            self.repairs = {repair.kind: repair for repair in repairs}
            summary = (
                self.tr("{count} warning(s) for {platform}.")
                if problems
                else self.tr("No warnings for {platform}.")
            )
            self.summary.setText(summary.format(count=len(problems), platform=FLAVOR_LABELS[flavor]))
        self.fix_header.setVisible(HEADER in self.repairs)
        self.undefined.setVisible(UNDEFINED in self.repairs)

    def repair(self, kind: str) -> bool:
        """Show the repair of ``kind`` for the file on disk as a diff and, when taken, make it;
        True when the file was changed."""
        document = self.window_.document
        post = document.post
        if post is None or post.path is None:
            return False
        prompts = self.window_.prompts
        if document.is_modified():
            prompts.show_error(
                self.tr("Save the post first"), self.tr("The repair is made in the file on disk.")
            )
            return False
        try:
            on_disk = load_post(post.path, document.root)
        except OSError as exc:
            prompts.show_error(self.tr("Could not read the post"), words(exc))
            return False
        repair = next((found for found in repairs_of(on_disk) if found.kind == kind), None)
        if repair is None or not self.ask(self, repair, post.path.name):
            return False
        try:
            write_repairs(post.path, on_disk.to_bytes(), [repair], on_disk.encoding)
        except SaveError as exc:
            prompts.show_error(self.tr("Could not repair the post"), words(exc))
            return False
        self.repaired.emit(post.path)
        self.refresh()
        return True

    def open_panel(self) -> None:
        """Show the dock, checked afresh."""
        self.show()
        self.raise_()
        self.refresh()

    def _shown(self, shown: bool) -> None:
        if shown:
            self.refresh()

    def _go_to_line(self, item: QListWidgetItem) -> None:
        line = item.data(LINE_ROLE)
        if line:
            editor = self.window_.editor
            select_match(editor, line, "")
            editor.setFocus()


def attach_checks(window: MainWindow, on_repaired: Callable[[Path], object]) -> ChecksPanel:
    """The Checks dock on the window's right, hidden until View → Checks; ``on_repaired`` is
    told of each file a repair wrote."""
    panel = ChecksPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.hide()
    panel.repaired.connect(on_repaired)
    return panel
