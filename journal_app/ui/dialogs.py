"""Small dialogs: a new post (title and tags), a new file name, a move-to-trash confirmation,
and the compare dialog (the file on disk against the editor's text, a coloured diff)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextBlockFormat, QTextCharFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.post import split_tags
from .plain import plain_label, question
from .properties import TagCompleter


class NewPostDialog(QDialog):
    """Asks for the title and tags of a new post."""

    def __init__(self, known_tags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Post"))
        self.setObjectName("newPostDialog")
        self.title_field = QLineEdit(self)
        self.title_field.setObjectName("newPostTitle")
        self.title_field.setAccessibleName(self.tr("Title"))
        self.tags_field = QLineEdit(self)
        self.tags_field.setObjectName("newPostTags")
        self.tags_field.setAccessibleName(self.tr("Tags"))
        self.tags_field.setPlaceholderText(self.tr("comma, separated, tags"))
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
        layout.addRow(self.tr("Title"), self.title_field)
        layout.addRow(self.tr("Tags"), self.tags_field)
        layout.addRow(buttons)
        self.resize(420, self.sizeHint().height())

    def title_text(self) -> str:
        return self.title_field.text().strip()

    def tags(self) -> list[str]:
        return split_tags(self.tags_field.text())


def ask_new_name(parent, path: Path) -> str:
    """The new file name (without extension) the user typed, or "" when cancelled."""
    translate = QCoreApplication.translate
    title, label = translate("Dialogs", "Rename Post"), translate("Dialogs", "New file name:")
    text, ok = QInputDialog.getText(parent, title, label, text=path.stem)
    return text.strip() if ok else ""


def confirm_trash(parent, path: Path) -> bool:
    """Ask before moving a post to the trash."""
    answer = question(
        parent,
        QCoreApplication.translate("Dialogs", "Move to Trash"),
        QCoreApplication.translate("Dialogs", "Move “{name}” to the trash?").format(name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def compare_labels() -> tuple[str, str]:
    """The names of the two sides of the compare dialog: (the editor's, the file's)."""
    translate = QCoreApplication.translate
    return translate("Compare", "Your unsaved text"), translate("Compare", "On disk")


def diff_colors(dark: bool) -> dict[str, str]:
    """Backgrounds of removed and added lines, and the colour of hunk lines, for a scheme."""
    if dark:
        return {"removed": "#4b1818", "added": "#12361f", "hunk": "#79c0ff"}
    return {"removed": "#ffebe9", "added": "#dafbe1", "hunk": "#0550ae"}


def line_kind(index: int, line: str) -> str:
    """What a line of a unified diff is: the header's two file lines, a hunk, removed, added."""
    if index < 2 and line.startswith(("--- ", "+++ ")):
        return "file"
    if line.startswith("@@"):
        return "hunk"
    return {"-": "removed", "+": "added"}.get(line[:1], "same")


def fill_difference(view: QPlainTextEdit, diff: str) -> None:
    """Put ``diff`` in ``view`` as plain text, removed and added lines coloured."""
    dark = view.palette().color(view.palette().ColorRole.Base).lightness() < 128
    colors = diff_colors(dark)
    view.clear()
    cursor = view.textCursor()
    for index, line in enumerate(diff.splitlines()):
        kind = line_kind(index, line)
        line_format = QTextBlockFormat()
        text_format = QTextCharFormat()
        if kind in ("removed", "added"):
            line_format.setBackground(QColor(colors[kind]))
        elif kind == "hunk":
            text_format.setForeground(QColor(colors["hunk"]))
        elif kind == "file":
            text_format.setFontWeight(QFont.Weight.Bold)
        if index:
            cursor.insertBlock(line_format, text_format)
        else:
            cursor.setBlockFormat(line_format)
        cursor.insertText(line, text_format)  # plain text: nothing in it is read as markup
    view.moveCursor(cursor.MoveOperation.Start)


def show_difference(parent, diff: str) -> None:
    """Show a unified diff (the file on disk against the editor) in a read-only dialog, the
    sides named at the top, removed lines red, added ones green."""
    dialog = QDialog(parent)
    dialog.setObjectName("differenceDialog")
    yours, disk = compare_labels()
    translate = QCoreApplication.translate
    dialog.setWindowTitle(translate("Compare", "Compare: {disk} → {yours}").format(disk=disk, yours=yours))
    legend = plain_label(
        dialog,
        translate("Compare", "Lines marked − are only {disk}; lines marked + only in {yours}.").format(
            disk=disk.lower(), yours=yours.lower()
        ),
    )
    view = QPlainTextEdit(dialog)
    view.setObjectName("differenceView")
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    fill_difference(view, diff)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(legend)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(760, 520)
    dialog.exec()
