"""Small dialogs: a new post (title and tags), a new file name, a move-to-trash confirmation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ..core.post import split_tags
from .plain import question
from .properties import TagCompleter


class NewPostDialog(QDialog):
    """Asks for the title and tags of a new post."""

    def __init__(self, known_tags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Post")
        self.setObjectName("newPostDialog")
        self.title_field = QLineEdit(self)
        self.title_field.setObjectName("newPostTitle")
        self.title_field.setAccessibleName("Title")
        self.tags_field = QLineEdit(self)
        self.tags_field.setObjectName("newPostTags")
        self.tags_field.setAccessibleName("Tags")
        self.tags_field.setPlaceholderText("comma, separated, tags")
        completer = TagCompleter(QStringListModel(known_tags, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_field.setCompleter(completer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.title_field.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow("Title", self.title_field)
        layout.addRow("Tags", self.tags_field)
        layout.addRow(buttons)
        self.resize(420, self.sizeHint().height())

    def title_text(self) -> str:
        return self.title_field.text().strip()

    def tags(self) -> list[str]:
        return split_tags(self.tags_field.text())


def ask_new_name(parent, path: Path) -> str:
    """The new file name (without extension) the user typed, or "" when cancelled."""
    text, ok = QInputDialog.getText(parent, "Rename Post", "New file name:", text=path.stem)
    return text.strip() if ok else ""


def confirm_trash(parent, path: Path) -> bool:
    """Ask before moving a post to the trash."""
    answer = question(
        parent,
        "Move to Trash",
        f"Move “{path.name}” to the trash?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_difference(parent, diff: str) -> None:
    """Show a unified diff (the file on disk against the editor) in a read-only dialog."""
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setObjectName("differenceDialog")
    dialog.setWindowTitle("Compare: on disk → yours")
    view = QPlainTextEdit(diff, dialog)
    view.setReadOnly(True)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(720, 480)
    dialog.exec()
