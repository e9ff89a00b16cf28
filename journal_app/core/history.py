"""The history of a post: every saved version, with or without git.

In a journal under git, git is the history (the commits that changed the file, following
renames, and the file as saved when it differs from the last commit); elsewhere the app's own
snapshots (``snapshots.SnapshotStore``) in its data folder, never in the journal.
``open_history(root)`` picks one; both list ``Version``s newest first and read their bytes.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .data_folder import data_folder as app_data_folder
from .data_folder import journal_data
from .gitrepo import GitRepo, find_repo
from .snapshots import CATALOGUE, SnapshotStore, line_changes
from .words import QT_TRANSLATE_NOOP, Words, words

NOT_COMMITTED = QT_TRANSLATE_NOOP("Core", "saved, not committed")


def data_folder() -> Path:
    """The app's data folder: $JOURNAL_APP_DATA_DIR when set (another folder, for a test or a
    second setup), else the one the window uses (:func:`.data_folder.data_folder`)."""
    explicit = os.environ.get("JOURNAL_APP_DATA_DIR")
    return Path(explicit) if explicit else app_data_folder()


def change_words(added: int, removed: int) -> Words:
    """``+3 −1 lines`` (or ``earliest kept version`` when nothing came before)."""
    if added < 0:
        return words(QT_TRANSLATE_NOOP("Core", "earliest kept version"))
    if not added and not removed:
        return words(QT_TRANSLATE_NOOP("Core", "no line changed"))
    return words(QT_TRANSLATE_NOOP("Core", "+{added} −{removed} lines"), added=added, removed=removed)


def change_summary(added: int, removed: int) -> str:
    """:func:`change_words` as English text."""
    return str(change_words(added, removed))


@dataclass(frozen=True)
class Version:
    """One version of a post: its number in the list (1: the newest), when it was saved, its
    size in bytes, the lines it added and removed, and what reads it back (``key``: a blob, a
    commit, or "" for the file itself); a commit's ``message`` and the file's ``path`` then."""

    number: int
    when: datetime
    size: int
    added: int
    removed: int
    key: str
    message: str = ""
    path: str = ""

    @property
    def summary_parts(self) -> list[Words | str]:
        """The summary's parts: the change, and the commit's subject when there is one (a
        version saved but not committed says so, in words the window translates)."""
        parts: list[Words | str] = [change_words(self.added, self.removed)]
        if self.message:
            parts.append(words(NOT_COMMITTED) if self.message == NOT_COMMITTED else self.message)
        return parts

    @property
    def summary(self) -> str:
        """The one-line summary of the change: ``+3 −1 lines`` (and the commit's subject)."""
        return " · ".join(map(str, self.summary_parts))

    def to_json(self) -> dict:
        """The object ``history --json`` prints."""
        return {
            "number": self.number,
            "date": self.when.isoformat(timespec="seconds"),
            "size": self.size,
            "added": max(self.added, 0),
            "removed": max(self.removed, 0),
            "summary": self.summary,
            "id": self.key,
            "message": self.message,
        }


class PostHistory:
    """The versions of a journal's posts (``kind``: "snapshots" or "git")."""

    kind = ""

    def versions(self, path: Path) -> list[Version]:
        """The versions of the post at ``path``, newest first."""
        raise NotImplementedError

    def read(self, path: Path, version: Version) -> bytes:
        """The exact bytes of ``version`` of the post at ``path``."""
        raise NotImplementedError

    def record(
        self, path: Path, data: bytes, before: bytes | None = None, since: float | None = None
    ) -> bool:
        """A save wrote ``data`` to ``path``; ``before`` is what the file held (saved at
        ``since``, a timestamp). True when a version was kept."""
        return False

    def renamed(self, old: Path, new: Path) -> None:
        """The post at ``old`` was renamed to ``new``."""

    def close(self) -> None:
        """Let go of what the history holds open."""


class SnapshotHistory(PostHistory):
    """The app's snapshots of a journal without git, in ``folder``: made at the first save
    (a journal never saved through the app leaves nothing in the data folder)."""

    kind = "snapshots"

    def __init__(self, folder: Path, root: Path, clock: Callable[[], datetime] | None = None):
        self.folder, self.root, self.clock = Path(folder), Path(root), clock
        self._store: SnapshotStore | None = None

    def store(self, create: bool = True) -> SnapshotStore | None:
        """The catalogue, opened on first use (None when there is none yet and ``create`` is
        false). Raises OSError or sqlite3.Error when it cannot be made."""
        if self._store is None and (create or (self.folder / CATALOGUE).exists()):
            self._store = SnapshotStore(self.folder, self.root, clock=self.clock)
        return self._store

    def versions(self, path: Path) -> list[Version]:
        store = self.store(create=False)
        return [
            Version(number, item.at, item.size, item.added, item.removed, item.sha)
            for number, item in enumerate(store.versions(path) if store is not None else [], 1)
        ]

    def read(self, path: Path, version: Version) -> bytes:
        store = self.store(create=False)
        if store is None:
            raise FileNotFoundError(f"No versions of {path.name} are kept.")
        return store.read(version.key)

    def record(
        self, path: Path, data: bytes, before: bytes | None = None, since: float | None = None
    ) -> bool:
        store = self.store()
        assert store is not None  # made when missing
        if before is not None and before != data:
            moment = datetime.fromtimestamp(since, timezone.utc) if since is not None else None
            store.record(path, before, moment)  # the version this save replaced
        return store.record(path, data)

    def renamed(self, old: Path, new: Path) -> None:
        store = self.store(create=False)
        if store is not None:
            store.renamed(old, new)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class GitHistory(PostHistory):
    """The commits of a journal under git (and the file as saved since the last one)."""

    kind = "git"

    def __init__(self, repo: GitRepo):
        self.repo = repo

    def versions(self, path: Path) -> list[Version]:
        commits = self.repo.log(path)
        sizes = self.repo.sizes([f"{commit.rev}:{commit.path}" for commit in commits])
        found = [
            Version(
                0, commit.when, size, commit.added, commit.removed, commit.rev, commit.subject, commit.path
            )
            for commit, size in zip(commits, sizes, strict=True)
        ]
        if found:  # the oldest commit added the file: all of its lines
            oldest = found[-1]
            found[-1] = Version(0, oldest.when, oldest.size, -1, -1, oldest.key, oldest.message, oldest.path)
        current = self._uncommitted(path, found[0] if found else None)
        if current is not None:
            found.insert(0, current)
        return [
            Version(number, v.when, v.size, v.added, v.removed, v.key, v.message, v.path)
            for number, v in enumerate(found, 1)
        ]

    def _uncommitted(self, path: Path, last: Version | None) -> Version | None:
        try:
            data = Path(path).read_bytes()
            when = datetime.fromtimestamp(os.stat(path).st_mtime, timezone.utc).astimezone()
        except OSError:
            return None
        committed = self.read(path, last) if last is not None else None
        if committed == data:
            return None
        added, removed = line_changes(committed, data)
        return Version(0, when, len(data), added, removed, "", NOT_COMMITTED, self.repo.relative(path))

    def read(self, path: Path, version: Version) -> bytes:
        if not version.key:
            return Path(path).read_bytes()
        return self.repo.read(version.key, version.path)


def open_history(root: Path, data_dir: Path | None = None) -> PostHistory:
    """The history of the journal at ``root``: git's when it is a working tree, else the
    snapshots in ``data_dir`` (default: ``data_folder()``), whose folder is made at the first
    save (its methods raise OSError or sqlite3.Error when it cannot be)."""
    return history_of(Path(root), find_repo(root), data_dir)


def history_of(root: Path, repo: GitRepo | None, data_dir: Path | None = None) -> PostHistory:
    """:func:`open_history` for a journal whose working tree (``repo``, or None) is known."""
    if repo is not None:
        return GitHistory(repo)
    return SnapshotHistory(journal_data(data_dir or data_folder(), root) / "history", root)


def side_by_side(old: str, new: str) -> list[tuple[str, str | None, str | None]]:
    """The rows of a side-by-side diff of two texts: (kind, old line, new line), kind being
    "same", "removed" (no new line), "added" (no old line) or "changed" (both)."""
    before, after = old.splitlines(), new.splitlines()
    rows: list[tuple[str, str | None, str | None]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [("same", line, line) for line in before[i1:i2]]
        elif tag == "delete":
            rows += [("removed", line, None) for line in before[i1:i2]]
        elif tag == "insert":
            rows += [("added", None, line) for line in after[j1:j2]]
        else:
            left, right = before[i1:i2], after[j1:j2]
            for index in range(max(len(left), len(right))):
                a = left[index] if index < len(left) else None
                b = right[index] if index < len(right) else None
                rows.append(
                    (
                        "changed" if a is not None and b is not None else "removed" if b is None else "added",
                        a,
                        b,
                    )
                )
    return rows
