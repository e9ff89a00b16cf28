"""Watching the journal folder so files added, removed or changed by another program (an editor,
git, a sync tool) show up without a restart. Events are gathered for a moment, then the journal
lists only the folders they came from, one level deep, and the sidebar updates the posts that
changed."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core import Journal, JournalChange

SETTLE_MS = 250
FILE_LIMIT = 4000  # inotify watches are a shared, limited resource: folders always, files up to this


class JournalWatcher(QObject):
    """Emits ``changed`` with a JournalChange: the posts added, changed and removed on disk."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self.journal: Journal | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._touched)
        self.watcher.fileChanged.connect(self._touched)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._flush)

    def set_journal(self, journal: Journal | None) -> None:
        """Watch every folder of ``journal`` (hidden and build folders left out) and, up to
        FILE_LIMIT of them, its post files too, so edits made in place are seen as well."""
        for paths in (self.watcher.directories(), self.watcher.files()):
            if paths:
                self.watcher.removePaths(paths)
        self._timer.stop()
        self._pending.clear()  # changes seen in the journal before belong to it alone
        self.journal = journal
        if journal is not None:
            self._watch_folders(journal, journal.root)
            files = [str(info.path) for info in journal.posts[:FILE_LIMIT]]
            if files:
                self.watcher.addPaths(files)

    def _watch_folders(self, journal: Journal, top: Path) -> None:
        folders = journal.folders(top)  # the folders the scan reads (no deeper)
        if folders:
            self.watcher.addPaths(folders)

    def watch_file(self, path: Path | None) -> None:
        """Make sure one file (the open post) is watched for changes in place."""
        if path is not None and path.exists() and str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))

    def _touched(self, path: str) -> None:
        self._pending.add(path)
        self._timer.start()

    def _flush(self) -> None:
        if self.journal is None:
            self._pending.clear()
            return
        paths, self._pending = self._pending, set()
        # a folder reports the names in it that came, went or were replaced: list it one level
        changed: JournalChange = self.journal.sync(paths, deep=False)
        new_folders = self.journal.known_folders() - set(self.watcher.directories())
        if new_folders:
            self.watcher.addPaths(sorted(new_folders))  # (an unreadable one fails quietly)
        watched = set(self.watcher.files())
        for path in {str(path) for path in changed} | paths:  # new files, and files replaced by
            if os.path.isfile(path) and path not in watched and len(watched) < FILE_LIMIT:  # rename
                self.watcher.addPath(path)
                watched.add(path)
        if changed:
            self.changed.emit(changed)
