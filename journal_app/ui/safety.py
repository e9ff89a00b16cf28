"""Never lose a word: recovery files, autosave, conflicts with the disk, legacy encodings.

A mixin of the main window, kept apart so the window's layout code stays short; it uses the
window's editor, post, recovery store and status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ..core import JournalError, Post, load_post
from ..core.buffer import buffer_text
from ..core.post import read_error_message
from ..core.recovery import describe_difference
from ..core.storage import describe_os_error
from .dialogs import show_difference
from .plain import PlainMessageBox


class SafetyMixin:
    """Autosave, crash recovery and conflict handling for MainWindow."""

    _recovery_trouble: str | None = None  # why unsaved text cannot be kept safe, once said

    def autosave_enabled(self) -> bool:
        return bool(self.env.settings.get("preferences/autosave"))

    def write_recovery(self) -> bool:
        """Keep the unsaved text in the recovery folder (outside the journal); True when kept."""
        if self.post is None or not self.editor.document().isModified() or self.post.path is None:
            return False
        try:
            self.recovery.write(self.post.path, self.buffer())
        except JournalError as exc:
            trouble = f"Unsaved text cannot be kept safe: {exc}. Save to keep it."
            if trouble != self._recovery_trouble:  # said once, not after every pause in typing
                self._recovery_trouble = trouble
                self.statusBar().showMessage(trouble)
            return False
        if self._recovery_trouble is not None:
            self._recovery_trouble = None
            self.statusBar().showMessage("Unsaved text is kept safe again.", 5000)
        return True

    def autosave(self) -> bool:
        """Save quietly after a pause, on switching posts or leaving the window (if enabled).

        Never overwrites a file that changed on disk: that waits for the user's choice.
        """
        if not self.autosave_enabled() or self.post is None or self.editor.isReadOnly() \
                or not self.editor.document().isModified():
            return False
        if self.post.changed_on_disk():
            self.statusBar().showMessage(f"Not saved automatically: {self.post.path.name} changed "
                                         "on disk. Save to choose which version to keep.")
            return False
        return self.save(quiet=True)

    def resolve_conflict(self) -> str | None:
        """The open post changed on disk and here: ask keep mine, take theirs, or compare.

        Returns "mine", "theirs" or None (decide later); nothing is written here.
        """
        post = self.post
        try:
            theirs = buffer_text(load_post(post.path))
        except OSError:
            theirs = None
        mine = self.buffer()
        while True:
            box = PlainMessageBox(QMessageBox.Icon.Warning, "Changed on disk",
                              f"“{post.path.name}” was changed by another program while you were "
                              "editing it. Which version do you want to keep?",
                              QMessageBox.StandardButton.NoButton, self)
            box.setObjectName("conflictDialog")
            keep = box.addButton("Keep Mine", QMessageBox.ButtonRole.AcceptRole)
            take = box.addButton("Take Theirs", QMessageBox.ButtonRole.DestructiveRole)
            compare = box.addButton("Compare…", QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            clicked = box.clickedButton()
            if clicked is compare:
                show_difference(self, describe_difference(theirs, mine, post.path))
                continue
            return "mine" if clicked is keep else "theirs" if clicked is take else None

    def take_theirs(self) -> None:
        """Replace the buffer with the file on disk (the user chose the other version)."""
        path = self.post.path
        self.recovery.discard(path)
        self.editor.document().setModified(False)
        try:
            self.set_post(load_post(path))
        except OSError as exc:
            self._error("Could not read the file", read_error_message(path, exc))

    def offer_recovery(self) -> None:
        """After a crash: offer each post's unsaved text back, showing what differs on disk.

        Newest first; Later (or Escape) keeps a text for the next start. Once one text of a
        post is restored, older ones of the same post wait for the next start. Texts of another
        window still running are never offered: they are that window's.
        """
        try:
            items = self.recovery.set_aside()
        except OSError as exc:
            self.statusBar().showMessage("Could not read the recovery folder "
                                         f"({self.recovery.folder}): {describe_os_error(exc)}.")
            return
        restored: set[Path] = set()
        for item in items:
            if item.path in restored:
                continue
            try:
                disk = buffer_text(load_post(item.path)) if item.path.exists() else None
            except OSError:
                disk = None
            if disk == item.text:
                self._drop_recovery(item)
                continue
            choice = self._ask_recovery(item, disk)
            if choice == "restore" and self.restore_text(item.path, item.text):
                restored.add(item.path)
                if self.write_recovery():  # the text is safe in this session's recovery file
                    self._drop_recovery(item)
            elif choice == "discard":
                self._drop_recovery(item)
            else:
                self.statusBar().showMessage(f"The unsaved text of “{item.path.name}” is kept; "
                                             "you will be asked again at the next start.")

    def _ask_recovery(self, item, disk: str | None) -> str:
        box = PlainMessageBox(QMessageBox.Icon.Question, "Recover unsaved text",
                          f"“{item.path.name}” has text typed on {item.saved_at:%Y-%m-%d %H:%M} "
                          "that was never saved. Restore it?",
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("recoveryDialog")
        box.setDetailedText(describe_difference(disk, item.text, item.path))
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"

    def _drop_recovery(self, item) -> None:
        try:
            self.recovery.drop(item)
        except OSError as exc:
            self.statusBar().showMessage(f"Could not remove a recovery file ({item.file}): "
                                         f"{describe_os_error(exc)}.")

    def restore_text(self, path: Path, text: str) -> bool:
        """Open the post at ``path`` with ``text`` in the editor, unsaved (one undo step);
        False when the post could not be opened."""
        if path.exists():
            if not self.open_post(path):
                return False
        else:
            self.set_post(Post(b"", path))
        hidden = self._hidden_header
        if hidden and text.startswith(hidden):
            text = text[len(hidden):]  # the header too large to show stays aside
        else:
            self._hidden_header = ""  # the recovered text brings its own header: all of it shows
        cursor = self.editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text)
        self.editor.document().setModified(True)
        return True

    def convert_to_utf8(self) -> None:
        """Save this legacy-encoded post as UTF-8 from the next save on (the user's choice)."""
        if self.post is None:
            return
        self.post.convert_to_utf8()
        self.actions.file_convert_utf8.setEnabled(False)
        self.editor.document().setModified(True)
        self.statusBar().showMessage("The post will be saved as UTF-8.", 5000)

    def _changed_on_disk(self, paths: set) -> None:
        self.sidebar.apply(paths)
        if self.journal is not None:
            self.form.set_known_tags([tag for tag, _ in self.journal.tag_counts()])
        post = self.post
        if post is None or post.path not in paths:
            return
        if not post.path.is_file():
            self.statusBar().showMessage(f"{post.path.name} was deleted or moved on disk; "
                                         "saving will create it again.")
            return
        if not post.changed_on_disk():
            return
        if self.editor.document().isModified():
            choice = self.resolve_conflict()
            if choice == "mine":
                self.save(force=True)
            elif choice == "theirs":
                self.take_theirs()
            return
        position = self.editor.textCursor().position()
        scroll = self.editor.verticalScrollBar().value()
        try:
            fresh = load_post(post.path)
        except OSError:
            return
        self.set_post(fresh)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(position, len(self.editor.text())))
        self.editor.setTextCursor(cursor)
        self.editor.verticalScrollBar().setValue(scroll)
        self.statusBar().showMessage(f"Reloaded {post.path.name}: it changed on disk.", 5000)
