"""Tags from the tree: a tag row's Rename tag… and Merge into…, across the journal.

Every post that has the tag gets the core's one-line edit (:func:`..core.tags.rename_tag`),
with a progress dialog on long runs and a summary of what changed and what was skipped
(headers that cannot be read, files that cannot be written). The open post is never edited
behind the editor's back: its tag goes through the document (one undoable edit of the header
lines, as a form edit does), and it is saved only when it held no unsaved edits; otherwise the
edit waits in the editor with the user's. Afterwards the journal reports what changed and the
sidebar, the search index and the form's tag completion follow it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ..core import JournalChange, JournalError
from ..core.tags import posts_with_tag, rename_tag, renamed_tag_fields
from .problem_words import words
from .document import OpenDocument, file_of

if TYPE_CHECKING:
    from .main_window import MainWindow

TAG_ROLE = Qt.ItemDataRole.UserRole  # the tag itself; the row shows "tag (count)"
PROGRESS_AFTER_MS = 400  # a shorter run shows no progress dialog


class TagDialog(QDialog):
    """Asks for a tag name, completing from the journal's tags (shown with their counts)."""

    def __init__(self, parent: QWidget, title: str, prompt: str, text: str, counts: list[tuple[str, int]]):
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self.setWindowTitle(title)
        label = QLabel(prompt, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.field = QLineEdit(text, self)
        self.field.setObjectName("tagName")
        self.field.setAccessibleName(self.tr("Tag"))
        self.tags = QStandardItemModel(self)
        for tag, count in counts:
            item = QStandardItem(f"{tag} ({count})")
            item.setData(tag, TAG_ROLE)
            self.tags.appendRow(item)
        self.completer = QCompleter(self.tags, self)
        self.completer.setCompletionRole(TAG_ROLE)  # matched and inserted: the tag alone
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(self.completer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.field, buttons):
            layout.addWidget(widget)
        self.field.selectAll()
        self.setMinimumWidth(340)

    def tag(self) -> str:
        """The name typed (stripped)."""
        return self.field.text().strip()


@dataclass
class Outcome:
    """What a rename did: posts changed, and posts left as they were with the reason."""

    changed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    waiting: str = ""  # the open post, changed in the editor only (it holds unsaved edits)
    stopped: bool = False  # the user stopped the run before its end
    paths: set[Path] = field(default_factory=set)  # files written

    def summary(self, old: str, new: str) -> str:
        """The summary shown when the rename is over, as plain text."""
        lines = [
            QCoreApplication.translate("TagMenu", "'{old}' → '{new}': changed in {count} post(s).").format(
                old=old, new=new, count=len(self.changed)
            )
        ]
        if self.stopped:
            lines.append(
                QCoreApplication.translate(
                    "TagMenu",
                    "Stopped before the end: the posts after the last one changed still have the old tag.",
                )
            )
        if self.waiting:
            lines.append(
                QCoreApplication.translate(
                    "TagMenu",
                    "{name} has unsaved edits: the tag was changed in the editor; save it to keep it.",
                ).format(name=self.waiting)
            )
        if self.skipped:
            lines.append(
                QCoreApplication.translate("TagMenu", "Skipped {count} post(s):").format(
                    count=len(self.skipped)
                )
            )
            lines += [f"  {name}: {reason}" for name, reason in self.skipped]
        return "\n".join(lines)


def ask_tag(window: MainWindow, old: str, merge: bool) -> str | None:
    """The new name (Rename tag…) or the tag to merge into (Merge into…), or None."""
    journal = window.journal
    counts = [item for item in journal.tag_counts() if item[0] != old] if journal is not None else []
    if merge:
        title = QCoreApplication.translate("TagMenu", "Merge Tag")
        prompt = QCoreApplication.translate("TagMenu", "Merge '{tag}' into the tag:").format(tag=old)
        dialog = TagDialog(window, title, prompt, "", counts)
    else:
        title = QCoreApplication.translate("TagMenu", "Rename Tag")
        prompt = QCoreApplication.translate("TagMenu", "Rename the tag '{tag}' to:").format(tag=old)
        dialog = TagDialog(window, title, prompt, old, counts)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.tag() or dialog.tag() == old:
            return None
        return dialog.tag()
    finally:
        dialog.deleteLater()


def rename_from_tree(window: MainWindow, old: str, merge: bool = False) -> Outcome | None:
    """Ask for the new name and rename (or merge) ``old`` across the journal; shows the summary.
    None when the user gave no name."""
    new = ask_tag(window, old, merge)
    if new is None or window.journal is None:
        return None
    outcome = apply_rename(window, old, new)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("TagMenu", "Tags"),
        outcome.summary(old, new),
        parent=window,
    )
    box.setObjectName("tagSummary")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    box.deleteLater()
    return outcome


def apply_rename(window: MainWindow, old: str, new: str) -> Outcome:
    """Rename ``old`` to ``new`` in every post that has it (the open one through the document),
    then bring the sidebar, the search index and the tag completion in line."""
    journal = window.journal
    assert journal is not None
    outcome = Outcome()
    todo = posts_with_tag(journal, old)
    document = window.document
    open_path = file_of(document.post) if document.post is not None else None
    progress = QProgressDialog(
        QCoreApplication.translate("TagMenu", "Renaming the tag '{tag}'…").format(tag=old),
        QCoreApplication.translate("TagMenu", "Stop"),
        0,
        len(todo),
        window,
    )
    progress.setObjectName("tagProgress")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    try:
        renamed = rename_tag(journal, old, new, leave={open_path} if open_path else (), posts=todo)
        for done, result in enumerate(renamed):
            if result.outcome == "renamed":
                outcome.changed.append(result.relpath)
                outcome.paths.add(journal.root / result.relpath)
            else:
                outcome.skipped.append((result.relpath, result.reason))
            progress.setValue(done + 1)
            if progress.wasCanceled():
                outcome.stopped = True
                break
    finally:
        progress.close()
        progress.deleteLater()
    info = journal.get(open_path) if open_path is not None else None
    if info is not None and not outcome.stopped and any(item.path == open_path for item in todo):
        _rename_in_open_post(document, old, new, info.relpath, outcome)
    change = JournalChange()
    for path in outcome.paths:
        change.merge(journal.refresh(path))
    window.sidebar.apply(change)
    window.search.reindex(change)
    window.form.set_known_tags(journal.tag_counts())
    return outcome


def _rename_in_open_post(document: OpenDocument, old: str, new: str, name: str, outcome: Outcome) -> None:
    """The open post's tag, edited in the editor as a form edit is; saved unless it held edits."""
    if document.read_only:
        outcome.skipped.append((name, QCoreApplication.translate("TagMenu", "it is open read-only")))
        return
    unsaved = document.is_modified()
    try:
        document.sync()
        post = document.post
        assert post is not None
        for key, tags in renamed_tag_fields(post.metadata, old, new):
            if not document.apply_field(key, tags):
                outcome.skipped.append(
                    (name, QCoreApplication.translate("TagMenu", "its header could not be changed"))
                )
                return
            document.sync()
    except JournalError as exc:
        reason = QCoreApplication.translate("TagMenu", "its header in the editor cannot be read: {error}")
        outcome.skipped.append((name, reason.format(error=words(exc))))
        return
    if unsaved:
        outcome.waiting = name
        outcome.changed.append(name)
    elif document.save():
        outcome.changed.append(name)  # the save brought the sidebar and the index in line
    else:
        reason = QCoreApplication.translate("TagMenu", "it could not be saved; the change is in the editor")
        outcome.skipped.append((name, reason))
