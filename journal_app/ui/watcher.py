"""Watching the journal folder so files added, removed or changed by another program (an editor,
git, a sync tool) show up without a restart. Events are gathered for a moment, then the journal
lists only the folders they came from, one level deep, and the sidebar updates the posts that
changed.

Listing a folder of thousands of posts and comparing it with the journal takes tens of
milliseconds (every save of ours replaces a file, so its folder reports a change), so it runs
on a worker thread (``Journal.begin_sync``, ``SyncWork.run``, ``Journal.finish_sync``): the GUI
thread only copies what the journal knows of the folder and then reads the posts the listing
found new, replaced or gone. One listing at a time; events that come meanwhile are handled
after it, so none is lost."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core import Journal, JournalChange
from ..core.listing import SyncWork
from .handoff import Handoff

SETTLE_MS = 250
FILE_LIMIT = 4000  # inotify watches are a shared, limited resource: folders always, files up to this


class JournalWatcher(QObject):
    """Emits ``changed`` with a JournalChange: the posts added, changed and removed on disk."""

    changed = Signal(object)
    _listed = Signal(int, object)  # (journal number, (SyncWork, event paths)) from the worker

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
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-app-watch")
        self._number = 0  # which journal: a listing of an earlier one is dropped
        self._listing = False  # a listing is on the worker thread
        self._listed.connect(self._arrived)
        self._handoff = Handoff(self)  # closed by stop: no answer after it (see handoff.py)

    def set_journal(self, journal: Journal | None) -> None:
        """Watch every folder of ``journal`` (hidden and build folders left out) and, up to
        FILE_LIMIT of them, its post files too, so edits made in place are seen as well."""
        for paths in (self.watcher.directories(), self.watcher.files()):
            if paths:
                self.watcher.removePaths(paths)
        self._timer.stop()
        self._pending.clear()  # changes seen in the journal before belong to it alone
        self._number += 1
        self._listing = False
        self.journal = journal
        if journal is not None:
            self._watch_folders(journal, journal.root)
            files = [str(info.path) for info in journal.posts[:FILE_LIMIT]]
            if files:
                self.watcher.addPaths(files)

    def stop(self) -> None:
        """No more watching (the window closes): a listing still running says nothing."""
        self.set_journal(None)
        self._handoff.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _watch_folders(self, journal: Journal, top: Path) -> None:
        folders = journal.folders(top)  # the folders the scan reads (no deeper)
        if folders:
            self.watcher.addPaths(folders)

    def watch_file(self, path: Path | None) -> None:
        """Make sure one file (the open post) is watched for changes in place."""
        if path is not None and path.exists():
            self.watcher.addPath(str(path))  # (one already watched stays as it is: no need to
            # ask for the list of thousands of watched files at each save)

    def _touched(self, path: str) -> None:
        self._pending.add(path)
        self._timer.start()

    def _flush(self) -> None:
        if self.journal is None:
            self._pending.clear()
            return
        if self._listing:
            return  # the events wait for the listing under way (then _arrived flushes them)
        paths, self._pending = self._pending, set()
        # a folder reports the names in it that came, went or were replaced: list it one level
        work = self.journal.begin_sync(paths)
        if not work.looks:  # only files (a stat each): at once
            self._finish(work, paths)
            return
        self._listing = True
        self._pool.submit(self._list, self._number, work, paths)

    def _list(self, number: int, work: SyncWork, paths: set[str]) -> None:
        """On the worker thread; always answers (a folder it could not list is walked then)."""
        try:
            work.run()
        finally:
            self._handoff.send(self._listed, number, (work, paths))

    def _arrived(self, number: int, done: tuple[SyncWork, set[str]]) -> None:
        if number != self._number or self.journal is None:
            return  # listed for a journal no longer shown
        self._listing = False
        self._finish(*done)
        if self._pending and not self._timer.isActive():
            self._flush()  # events that came while it was listed, already settled

    def _finish(self, work: SyncWork, paths: set[str]) -> None:
        assert self.journal is not None
        changed: JournalChange = self.journal.finish_sync(work)
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
