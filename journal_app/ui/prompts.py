"""The questions the open document asks the user (``Prompts``), and the window's answers:
plain-text dialogs for unsaved changes, conflicts with the disk, recovered text and errors."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.recovery import Recovery, difference
from .dialogs import compare_labels, show_difference
from .plain import PlainMessageBox, question, warning
from .problem_words import words

Button = QMessageBox.StandardButton
Role = QMessageBox.ButtonRole
translate = QCoreApplication.translate


def difference_text(disk: str | None, text: str, path: Path, label: str, disk_label: str) -> str:
    """The diff from the file on disk to ``text``, its sentences in the interface's language."""
    return words(difference(disk, text, path, label, disk_label))


class Prompts(Protocol):
    """The questions the document asks the user (the window's dialogs, or a test's answers)."""

    def ask_unsaved(self, title: str) -> str:
        """Unsaved changes to the post titled ``title``: "save", "discard" or "cancel"."""
        ...

    def ask_conflict(self, path: Path, theirs: str | None, mine: str) -> str | None:
        """The file changed on disk and here: "mine", "theirs" or None (decide later)."""
        ...

    def ask_recovery(self, item: Recovery, disk: str | None) -> str:
        """Unsaved text from a crash: "restore", "discard" or "later"."""
        ...

    def show_error(self, title: str, message: str) -> None:
        """Tell the user something could not be done."""
        ...


class DialogPrompts:
    """Asks with modal dialogs over ``parent``."""

    def __init__(self, parent: QWidget):
        self.parent = parent

    def ask_unsaved(self, title: str) -> str:
        """Save, Discard or Cancel the changes to the post titled ``title``."""
        answer = question(
            self.parent,
            translate("Prompts", "Unsaved changes"),
            translate("Prompts", "Save the changes to “{title}”?").format(title=title),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        return {Button.Save: "save", Button.Discard: "discard"}.get(answer, "cancel")

    def ask_conflict(self, path: Path, theirs: str | None, mine: str) -> str | None:
        """Keep mine, take theirs, or compare (then ask again); None to decide later."""
        while True:
            box = PlainMessageBox(
                QMessageBox.Icon.Warning,
                translate("Prompts", "Changed on disk"),
                translate(
                    "Prompts",
                    "“{name}” was changed by another program while you were "
                    "editing it. Which version do you want to keep?",
                ).format(name=path.name),
                Button.NoButton,
                self.parent,
            )
            box.setObjectName("conflictDialog")
            keep = box.addButton(translate("Prompts", "Keep Mine"), Role.AcceptRole)
            take = box.addButton(translate("Prompts", "Take Theirs"), Role.DestructiveRole)
            compare = box.addButton(translate("Prompts", "Compare…"), Role.ActionRole)
            box.addButton(Button.Cancel)
            box.exec()
            clicked = box.clickedButton()
            if clicked is compare:
                show_difference(self.parent, difference_text(theirs, mine, path, *compare_labels()))
                continue
            return "mine" if clicked is keep else "theirs" if clicked is take else None

    def ask_recovery(self, item: Recovery, disk: str | None) -> str:
        """Restore, Discard or keep for Later (also Escape) a text never saved."""
        box = PlainMessageBox(
            QMessageBox.Icon.Question,
            translate("Prompts", "Recover unsaved text"),
            translate(
                "Prompts", "“{name}” has text typed on {moment} that was never saved. Restore it?"
            ).format(name=item.path.name, moment=f"{item.saved_at:%Y-%m-%d %H:%M}"),
            Button.NoButton,
            self.parent,
        )
        box.setObjectName("recoveryDialog")
        recovered = translate("Prompts", "Recovered")
        box.setDetailedText(difference_text(disk, item.text, item.path, recovered, compare_labels()[1]))
        restore = box.addButton(translate("Prompts", "Restore"), Role.AcceptRole)
        discard = box.addButton(translate("Prompts", "Discard"), Role.DestructiveRole)
        later = box.addButton(translate("Prompts", "Later"), Role.RejectRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"

    def show_error(self, title: str, message: str) -> None:
        """A warning with one OK button."""
        warning(self.parent, title, message)
