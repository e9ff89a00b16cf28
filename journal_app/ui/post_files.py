"""File operations the window asks for: a new post, a new name, the trash, Save As, export.

Each asks the user first and reports what it could not do in plain words; every rule about
files stays in the core. The window decides what the rest of it shows afterwards.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core import Journal, JournalError
from ..core.newpost import create_post, rename_post
from ..core.site import safe_name
from .dialogs import NewPostDialog, ask_new_name, confirm_trash
from .document import OpenDocument
from .plain import warning


def ask_new_post(parent: QWidget, journal: Journal) -> Path | None:
    """Ask for a title and tags and create the post; its path, or None."""
    dialog = NewPostDialog([tag for tag, _ in journal.tag_counts()], parent)
    if not dialog.exec():
        return None
    try:
        return create_post(journal, dialog.title_text(), dialog.tags())
    except JournalError as exc:
        warning(parent, "Could not create the post", str(exc))
        return None


def ask_rename(parent: QWidget, journal: Journal, path: Path) -> Path | None:
    """Ask for a new file name and rename the post; its new path, or None."""
    new_name = ask_new_name(parent, path)
    if not new_name:
        return None
    try:
        return rename_post(journal, path, new_name)
    except JournalError as exc:
        warning(parent, "Could not rename the post", str(exc))
        return None


def ask_trash(parent: QWidget, path: Path) -> bool:
    """Ask, then move the post to the trash; True when it is gone."""
    if not confirm_trash(parent, path):
        return False
    # Qt puts the home trash under the data folder, and fails when that folder is missing
    data_home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    if data_home:
        Path(data_home).mkdir(parents=True, exist_ok=True)
    if not QFile.moveToTrash(str(path)):
        warning(parent, "Could not move the post to the trash", str(path))
        return False
    return True


def ask_target(parent: QWidget, title: str, start: Path, kinds: str) -> Path | None:
    """A file to write, chosen in Qt's file dialog; None when cancelled."""
    target, _ = QFileDialog.getSaveFileName(parent, title, str(start), kinds)
    return Path(target) if target else None


def ask_save_as(parent: QWidget, document: OpenDocument, root: Path | None) -> bool:
    """Ask for a file and save the open post there; True when saved."""
    if document.post is None:
        return False
    start = document.post.path or root or Path.home()
    target = ask_target(parent, "Save As", start, "Markdown (*.md *.markdown)")
    return target is not None and document.save_as(target)


def ask_export(parent: QWidget, document: OpenDocument) -> bool:
    """Ask for a file and export the open post there as a standalone page; True when written."""
    if document.post is None:
        return False
    start = Path.home() / (safe_name(document.post.title, set()) + ".html")
    target = ask_target(parent, "Export HTML", start, "HTML pages (*.html)")
    return target is not None and document.export_to(target)
