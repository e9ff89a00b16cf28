"""File operations of the window: new post, rename, move to trash, save as, export.

A mixin of the main window; every rule about files stays in the core.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ..core import HeaderError, JournalError, SaveError, save_post
from ..core.buffer import apply_text
from ..core.export import export_post
from ..core.site import safe_name
from .dialogs import NewPostDialog, ask_new_name, confirm_trash


class FileActionsMixin:
    """New post, rename, trash, save as and export for MainWindow."""

    def new_post(self) -> None:
        if self.journal is None or not self.maybe_save():
            return
        dialog = NewPostDialog([tag for tag, _ in self.journal.tag_counts()], self)
        if not dialog.exec():
            return
        from ..core.newpost import create_post

        try:
            path = create_post(self.journal, dialog.title_text(), dialog.tags())
        except JournalError as exc:
            self._error("Could not create the post", str(exc))
            return
        self.sidebar.rebuild()
        self.open_post(path)
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def rename_post(self, path: Path) -> None:
        from ..core.newpost import rename_post

        if self.journal is None:
            return
        is_open = self.post is not None and self.post.path == path
        if is_open and not self.maybe_save():
            return
        new_name = ask_new_name(self, path)
        if not new_name:
            return
        try:
            target = rename_post(self.journal, path, new_name)
        except JournalError as exc:
            self._error("Could not rename the post", str(exc))
            return
        if is_open:
            self.post.path = target
            self.watcher.watch_file(target)
        self.sidebar.rebuild()
        if is_open:
            self.sidebar.select_path(target)
            self._update_title()
            self.update_status()
        # the sidebar shows titles, so say what changed: the file name
        self.statusBar().showMessage(f"Renamed the file to “{target.name}”.", 8000)

    def delete_post(self, path: Path) -> None:
        from PySide6.QtCore import QFile, QStandardPaths

        if self.journal is None or not confirm_trash(self, path):
            return
        # Qt puts the home trash under the data folder, and fails when that folder is missing
        data_home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
        if data_home:
            Path(data_home).mkdir(parents=True, exist_ok=True)
        if not QFile.moveToTrash(str(path)):
            self._error("Could not move the post to the trash", str(path))
            return
        if self.post is not None and self.post.path == path:
            self.set_post(None)
        self.journal.refresh(path)
        self.sidebar.rebuild()

    def export_html(self) -> None:
        if self.post is None:
            return
        default = str(Path.home() / (safe_name(self.post.title, set()) + ".html"))
        target, _ = QFileDialog.getSaveFileName(self, "Export HTML", default, "HTML pages (*.html)")
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path) -> bool:
        """Export the open post (with unsaved edits) as a standalone page at ``target``."""
        try:
            apply_text(self.post, self.editor.toPlainText())
            result = export_post(self.post, target, self.journal.root if self.journal else None,
                                 flavor=self.journal.flavor if self.journal else "commonmark")
        except (OSError, JournalError) as exc:
            self._error("Could not export", str(exc))
            return False
        notes = [f"{len(result.missing)} image(s) not found"] if result.missing else []
        notes += [f"{len(result.refused)} image(s) not shown"] if result.refused else []
        note = f" ({', '.join(notes)})" if notes else ""
        self.statusBar().showMessage(f"Exported {target}{note}", 5000)
        return True

    def choose_save_as(self) -> None:
        if self.post is None:
            return
        start = str(self.post.path or (self.journal.root if self.journal else Path.home()))
        target, _ = QFileDialog.getSaveFileName(self, "Save As", start, "Markdown (*.md *.markdown)")
        if target:
            self.save_as(Path(target))

    def save_as(self, target: Path) -> bool:
        """Save the open post to ``target`` (another folder or name); the window follows it."""
        old = self.post.path
        try:
            apply_text(self.post, self.editor.toPlainText())
            save_post(self.post, target, force=True)
        except (SaveError, HeaderError) as exc:
            self._error("Could not save", str(exc))
            return False
        if old is not None:
            self.recovery.discard(old)
        self.editor.document().setModified(False)
        self.watcher.watch_file(self.post.path)
        if self.journal is not None:
            self.journal.refresh(self.post.path)
            self.sidebar.rebuild()
        self._update_title()
        self.update_status()
        return True
