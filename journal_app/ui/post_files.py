"""File operations the window asks for: a new post, a new name, the trash, Save As, export.

Each ``ask_*`` function asks the user first and reports what it could not do in plain words;
every rule about files stays in the core. ``PostFiles`` runs them for the window's menus and the
sidebar and brings the open document and the sidebar in line afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFile, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core import Journal, JournalError, Post
from ..core.newpost import create_post, rename_post
from .dialogs import NewPostDialog, ask_new_name, confirm_trash
from .document import OpenDocument, file_of
from .plain import warning
from .problem_words import words
from .settings import Settings

if TYPE_CHECKING:
    from .sidebar import Sidebar
    from .status import DocumentStatus

translate = QCoreApplication.translate


def ask_new_post(parent: QWidget, journal: Journal) -> Path | None:
    """Ask for a title and tags and create the post; its path, or None."""
    dialog = NewPostDialog([tag for tag, _ in journal.tag_counts()], parent)
    if not dialog.exec():
        return None
    try:
        return create_post(journal, dialog.title_text(), dialog.tags())
    except JournalError as exc:
        warning(parent, translate("PostFiles", "Could not create the post"), words(exc))
        return None


def ask_rename(parent: QWidget, journal: Journal, path: Path) -> Path | None:
    """Ask for a new file name and rename the post; its new path, or None."""
    new_name = ask_new_name(parent, path)
    if not new_name:
        return None
    try:
        return rename_post(journal, path, new_name)
    except JournalError as exc:
        warning(parent, translate("PostFiles", "Could not rename the post"), words(exc))
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
        warning(parent, translate("PostFiles", "Could not move the post to the trash"), str(path))
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
    title, kinds = translate("PostFiles", "Save As"), translate("PostFiles", "Markdown (*.md *.markdown)")
    target = ask_target(parent, title, start, kinds)
    return target is not None and document.save_as(target)


def export_file_name(post: Post) -> str:
    """A clean page name for ``post``: from its ``slug`` when it has one, else its title (Korean
    kept), unsafe characters dropped, one hyphen between words, ``.html`` at the end."""
    slug = post.metadata.get("slug")
    words = slug if isinstance(slug, str) and slug.strip() else post.title
    from ..core.site import safe_name  # the site builder: imported on the first export

    name = re.sub(r"-{2,}", "-", safe_name(words, set())).strip("-")
    return (name or "page") + ".html"


def export_folder(settings: Settings, root: Path | None) -> Path:
    """Where Export HTML starts: the folder it last wrote to, else the journal's folder."""
    last = settings.get("state/last_export_folder")
    if last and Path(last).is_dir():
        return Path(last)
    return root or Path.home()


def ask_export(parent: QWidget, document: OpenDocument, settings: Settings) -> bool:
    """Ask for a file and export the open post there as a standalone page; True when written.
    The folder it went to is remembered for the next export."""
    if document.post is None:
        return False
    start = export_folder(settings, document.root) / export_file_name(document.post)
    title = translate("PostFiles", "Export HTML")
    kinds = translate("PostFiles", "HTML pages (*.html)")
    target = ask_target(parent, title, start, kinds)
    if target is None or not document.export_to(target):
        return False
    settings.set("state/last_export_folder", str(target.parent))
    return True


class PostFiles:
    """The post actions of one window: open, new, rename, delete, Save As, export.

    ``journal`` gives the window's journal now (None before one is open); ``status`` is told
    when the open post's file gets another name."""

    def __init__(
        self,
        parent: QWidget,
        document: OpenDocument,
        sidebar: Sidebar,
        journal: Callable[[], Journal | None],
        status: DocumentStatus,
        settings: Settings,
    ):
        self.parent, self.document, self.sidebar = parent, document, sidebar
        self.journal, self.status, self.settings = journal, status, settings
        self.renamed: list[Callable[[Path, Path], None]] = []  # told (old, new) after a rename

    def open(self, path: Path) -> bool:
        """Open the post at ``path`` (asks about unsaved changes first); the sidebar stays on
        the open post when it does not open."""
        if self.document.open(path):
            return True
        if self.document.post is not None:
            self.sidebar.select_path(file_of(self.document.post))
        return False

    def new(self) -> None:
        """Ask for a title and tags, create the post and open it at its end."""
        journal = self.journal()
        if journal is None or not self.document.maybe_save():
            return
        path = ask_new_post(self.parent, journal)
        if path is not None:
            self.open_at_end(path, created=True)

    def open_at_end(self, path: Path, created: bool) -> bool:
        """Open the post at ``path`` (just ``created``: the sidebar shows it first) with the
        cursor at its end, ready for typing; False when it could not be opened."""
        if created:
            self.sidebar.apply({path})
        if not self.open(path):
            return False
        editor = self.document.editor
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        return True

    def rename(self, path: Path) -> None:
        """Ask for a new file name for the post at ``path`` and rename it."""
        journal, post = self.journal(), self.document.post
        is_open = post is not None and post.path == path
        if journal is None or (is_open and not self.document.maybe_save()):
            return
        target = ask_rename(self.parent, journal, path)
        if target is None:
            return
        for tell in self.renamed:
            tell(path, target)
        if is_open:
            self.document.moved_to(target)
        self.sidebar.apply({path, target})
        if is_open:
            self.sidebar.select_path(target)
            self.status.show_file()
        # the sidebar shows titles, so say what changed: the file name
        self.document.message.emit(
            translate("PostFiles", "Renamed the file to “{name}”.").format(name=target.name), 8000
        )

    def delete(self, path: Path) -> None:
        """Ask, then move the post at ``path`` to the trash."""
        journal = self.journal()
        if journal is None or not ask_trash(self.parent, path):
            return
        post = self.document.post
        if post is not None and post.path == path:
            self.document.load(None)
        self.sidebar.apply(journal.refresh(path))

    def save_as(self) -> None:
        """Ask for a file and save the open post there."""
        ask_save_as(self.parent, self.document, self.document.root)

    def export(self) -> None:
        """Ask for a file and export the open post there as a standalone page."""
        ask_export(self.parent, self.document, self.settings)

    def export_site(self) -> None:
        """Ask how, then export the whole journal as a static site."""
        journal = self.journal()
        if journal is not None:
            from .site_export import ask_export_site  # imported on the first use

            self.document.autosave()  # the site shows what is saved
            ask_export_site(self.parent, journal, self.settings, self.document.flavor())
