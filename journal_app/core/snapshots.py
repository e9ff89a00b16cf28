"""The saved versions of a journal's posts, kept in the app's data folder (never the journal).

Each version's bytes are a blob named by their SHA-256 (the same text saved twice, or in two
posts, is stored once, compressed); a small SQLite catalogue says which post had which blob
when, and how many lines it added and removed against the save before it. A post is known by
its path in the journal, and a rename moves its history with it (``renamed``).

What is kept (``retained``): every version of the last day, the newest of each day for a month,
the newest of each week after that; and when the blobs outgrow the size cap, the oldest versions
go first (never a post's newest).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .storage import atomic_write

SIZE_CAP = 200 * 1024 * 1024  # bytes of stored (compressed) blobs per journal
EVERY_SAVE = timedelta(days=1)
DAILY = timedelta(days=30)
CATALOGUE = "catalogue.sqlite"
LOCK_WAIT = 10.0  # seconds another instance may hold the catalogue

_SCHEMA = """
CREATE TABLE IF NOT EXISTS posts(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS blobs(sha TEXT PRIMARY KEY, size INTEGER NOT NULL, stored INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS versions(
    id INTEGER PRIMARY KEY, post INTEGER NOT NULL, at REAL NOT NULL, sha TEXT NOT NULL,
    added INTEGER NOT NULL, removed INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS versions_by_post ON versions(post, at);
CREATE INDEX IF NOT EXISTS versions_by_blob ON versions(sha);
"""


@dataclass(frozen=True)
class Snapshot:
    """One kept version of a post: when it was saved, its blob, its size in bytes, and the
    lines it added and removed against the version before it (-1: none was kept before)."""

    at: datetime
    sha: str
    size: int
    added: int
    removed: int


def line_changes(old: bytes | None, new: bytes) -> tuple[int, int]:
    """Lines added and removed from ``old`` to ``new`` (as multisets of lines: a moved line
    counts as neither; linear time, so a megabyte post costs milliseconds)."""
    if old is None:
        return -1, -1
    before, after = Counter(old.splitlines()), Counter(new.splitlines())
    return sum((after - before).values()), sum((before - after).values())


def retained(times: Sequence[datetime], now: datetime) -> set[int]:
    """Which of ``times`` (one post's versions, in any order) the retention rule keeps: all of
    the last day, the newest of each day for a month, the newest of each week before that;
    the newest of all always."""
    keep: set[int] = set()
    buckets: dict[tuple, int] = {}
    for index in sorted(range(len(times)), key=lambda i: times[i], reverse=True):
        age = now - times[index]
        local = times[index].astimezone()
        bucket = ("day", local.date()) if age < DAILY else ("week", *local.isocalendar()[:2])
        if age < EVERY_SAVE:
            keep.add(index)
        elif bucket not in buckets or not keep:
            buckets[bucket] = index
            keep.add(index)
    return keep


class SnapshotStore:
    """The kept versions of one journal's posts, in ``folder`` (the journal's own folder in the
    app's data folder). Posts are named by their path relative to ``root``; ``clock`` tells the
    time now (aware). One connection: use it from one thread."""

    def __init__(
        self, folder: Path, root: Path, cap: int = SIZE_CAP, clock: Callable[[], datetime] | None = None
    ):
        self.folder, self.root, self.cap = Path(folder), Path(root), cap
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.folder / CATALOGUE, timeout=LOCK_WAIT)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._orphans: set[str] = set()  # blobs to remove once the catalogue has let them go

    def close(self) -> None:
        """Close the catalogue."""
        self._db.close()

    def name(self, path: Path) -> str:
        """The post's identity in the catalogue: its path in the journal (else absolute)."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(Path(os.path.abspath(self.root))).as_posix()
        except ValueError:
            return absolute.as_posix()

    def _blob(self, sha: str) -> Path:
        return self.folder / "blobs" / sha[:2] / sha[2:]

    def _post_id(self, path: Path, create: bool) -> int | None:
        name = self.name(path)
        row = self._db.execute("SELECT id FROM posts WHERE path = ?", (name,)).fetchone()
        if row is None and create:
            return self._db.execute("INSERT INTO posts(path) VALUES (?)", (name,)).lastrowid
        return row[0] if row else None

    def record(self, path: Path, data: bytes, when: datetime | None = None) -> bool:
        """Keep ``data`` as the version of the post at ``path`` saved at ``when`` (default now);
        False when it is the post's newest version already. Applies the retention rule and the
        size cap. Raises OSError or sqlite3.Error when the data folder cannot take it."""
        when = when or self.clock()
        sha = hashlib.sha256(data).hexdigest()
        with self._db:
            post = self._post_id(path, create=True)
            newest = self._db.execute(
                "SELECT sha FROM versions WHERE post = ? ORDER BY at DESC LIMIT 1", (post,)
            ).fetchone()
            if newest is not None and newest[0] == sha:
                return False
            if self._db.execute("SELECT 1 FROM blobs WHERE sha = ?", (sha,)).fetchone() is None:
                packed = zlib.compress(data, 1)
                blob = self._blob(sha)
                blob.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(blob, packed)
                self._db.execute("INSERT INTO blobs VALUES (?, ?, ?)", (sha, len(data), len(packed)))
            added, removed = line_changes(self.read(newest[0]) if newest else None, data)
            self._db.execute(
                "INSERT INTO versions(post, at, sha, added, removed) VALUES (?, ?, ?, ?, ?)",
                (post, when.timestamp(), sha, added, removed),
            )
            self._prune(post)
        self._collect()
        return True

    def versions(self, path: Path) -> list[Snapshot]:
        """The kept versions of the post at ``path``, newest first."""
        post = self._post_id(path, create=False)
        rows = self._db.execute(
            "SELECT at, versions.sha, size, added, removed FROM versions JOIN blobs USING (sha) "
            "WHERE post = ? ORDER BY at DESC, versions.id DESC",
            (post,),
        ).fetchall()
        return [
            Snapshot(datetime.fromtimestamp(at, timezone.utc).astimezone(), sha, size, added, removed)
            for at, sha, size, added, removed in rows
        ]

    def read(self, sha: str) -> bytes:
        """The bytes of a kept version. Raises OSError (or zlib.error for a damaged blob)."""
        return zlib.decompress(self._blob(sha).read_bytes())

    def renamed(self, old: Path, new: Path) -> None:
        """The post at ``old`` is now at ``new``: its history follows it (joining any kept
        under the new name)."""
        with self._db:
            source = self._post_id(old, create=False)
            if source is None:
                return
            target = self._post_id(new, create=False)
            if target is None:
                self._db.execute("UPDATE posts SET path = ? WHERE id = ?", (self.name(new), source))
            else:
                self._db.execute("UPDATE versions SET post = ? WHERE post = ?", (target, source))
                self._db.execute("DELETE FROM posts WHERE id = ?", (source,))

    def stored_bytes(self) -> int:
        """The size of every blob on disk (compressed)."""
        return int(self._db.execute("SELECT COALESCE(SUM(stored), 0) FROM blobs").fetchone()[0])

    def prune(self, now: datetime | None = None) -> None:
        """Apply the retention rule to every post, then the size cap."""
        with self._db:
            for (post,) in self._db.execute("SELECT id FROM posts").fetchall():
                self._prune(post, now)
        self._collect()

    def _prune(self, post: int | None, now: datetime | None = None) -> None:
        rows = self._db.execute("SELECT id, at FROM versions WHERE post = ?", (post,)).fetchall()
        times = [datetime.fromtimestamp(at, timezone.utc) for _, at in rows]
        keep = retained(times, now or self.clock())
        self._delete(row[0] for index, row in enumerate(rows) if index not in keep)
        self._cap()

    def _delete(self, ids: Iterable[int]) -> None:
        self._db.executemany("DELETE FROM versions WHERE id = ?", [(id_,) for id_ in ids])
        orphans = "SELECT sha FROM blobs WHERE sha NOT IN (SELECT sha FROM versions)"
        self._orphans.update(row[0] for row in self._db.execute(orphans))
        self._db.execute(f"DELETE FROM blobs WHERE sha IN ({orphans})")

    def _cap(self) -> None:
        """Drop the oldest versions (never a post's newest) while the blobs outgrow the cap."""
        while self.stored_bytes() > self.cap:
            oldest = self._db.execute(
                "SELECT id FROM versions v WHERE at < (SELECT MAX(at) FROM versions WHERE post = v.post) "
                "ORDER BY at LIMIT 1"
            ).fetchall()
            if not oldest:
                return
            self._delete(row[0] for row in oldest)

    def _collect(self) -> None:
        """Remove the files of blobs the catalogue let go of (after its transaction)."""
        orphans, self._orphans = self._orphans, set()
        for sha in orphans:
            try:
                self._blob(sha).unlink()
            except OSError:
                pass
