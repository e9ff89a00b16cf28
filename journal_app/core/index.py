"""A cache of post summaries in SQLite, so a journal of thousands of posts opens at once.

One database per journal folder lives in the user's cache folder (never inside the journal).
An entry is reused only while the file's modification time and size are unchanged, and the
whole cache is dropped when the summary format or the local UTC offset changes (dates written
without an offset are read in local time). Any SQLite trouble turns the cache off silently: a
database that another program keeps locked is waited for at most ``LOCK_WAIT`` seconds once per
scan, and an entry that does not read back is treated as missing (the file is read again and
the entry replaced).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from .indexfile import FORMAT as FORMAT
from .indexfile import LIST_KEY, index_file
from .indexfile import LOCK_WAIT as LOCK_WAIT
from .indexfile import stamp as _stamp

_decode = json.JSONDecoder().decode  # json.loads without its per-call checks


class SummaryIndex:
    """(path, mtime_ns, size) -> summary dict, for one journal root."""

    def __init__(self, root: Path):
        self._db: sqlite3.Connection | None = None
        self._stats: dict[str, os.stat_result] = {}
        self._pending: list[tuple] = []
        self._listing: list[str | None] = []  # the list to remember, or None: forget it
        self._read: dict[str, tuple[int, int, str]] | None = None  # the entries, once read
        try:
            database = index_file(str(root))
            os.makedirs(os.path.dirname(database), exist_ok=True)
            self._db = sqlite3.connect(database, timeout=LOCK_WAIT)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS posts (path TEXT PRIMARY KEY, "
                "mtime_ns INTEGER, size INTEGER, summary TEXT)"
            )
            row = self._db.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
            if row is None or row[0] != _stamp():
                self._db.execute("DELETE FROM posts")
                self._db.execute("DELETE FROM meta WHERE key = ?", (LIST_KEY,))
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (_stamp(),))
                self._read = {}
        except (sqlite3.Error, OSError):
            self._abandon()
            self._read = {}

    @property
    def _rows(self) -> dict[str, tuple[int, int, str]]:
        """Every entry, path -> (mtime_ns, size, summary text), read in one query when first
        needed (a list that finds its last list still true never reads them)."""
        if self._read is None:
            try:
                self._read = (
                    {
                        path: (mtime, size, summary)
                        for path, mtime, size, summary in self._db.execute(
                            "SELECT path, mtime_ns, size, summary FROM posts"
                        )
                    }
                    if self._db is not None
                    else {}
                )
            except sqlite3.Error:
                self._abandon()
                self._read = {}
        return self._read

    def stat_of(self, path: str) -> os.stat_result | None:
        """The stat :meth:`lookup` took of ``path``, if it looked."""
        return self._stats.get(path)

    def remember_list(self, text: str | None) -> None:
        """Keep ``text`` (what :mod:`.postlist` makes of a whole list) as the journal's last
        list, or with None forget the last one; written with the entries on :meth:`close`."""
        if self._db is not None:
            self._listing = [text]

    def lookup(self, path: str) -> dict | None:
        """The cached summary when the file is unchanged (stats it now), else None."""
        row = self._rows.get(path)
        if row is None:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        self._stats[path] = info
        if row[0] != info.st_mtime_ns or row[1] != info.st_size:
            return None
        try:
            found = _decode(row[2])
        except (ValueError, TypeError, RecursionError):  # a damaged entry: read the file again
            return None
        return found if isinstance(found, dict) else None

    def summaries(self) -> list[tuple[str, dict]]:
        """Every entry as (path, summary), without looking at the files (an entry that does not
        read back as a dict is left out). One decode for all of them, else one each."""
        if self._read is None and self._db is not None:
            at_once = self._summaries_at_once()
            if at_once is not None:
                return at_once
        paths = list(self._rows)
        texts = [self._rows[path][2] for path in paths]
        try:
            found = _decode("[" + ",".join(texts) + "]")
            if type(found) is not list or len(found) != len(texts):
                raise ValueError("an entry is not one value")
        except (ValueError, TypeError, RecursionError):  # a damaged entry: each on its own
            found = [_decode_or_none(text) for text in texts]
        return [(path, summary) for path, summary in zip(paths, found) if isinstance(summary, dict)]

    def _summaries_at_once(self) -> list[tuple[str, dict]] | None:
        """:meth:`summaries` from one row that SQLite makes: the paths as a JSON array and the
        summaries joined into one (half the time of reading 10,000 rows into Python and joining
        them there); None when that does not read back (a damaged entry, an SQLite without
        its JSON functions): then row by row."""
        assert self._db is not None
        try:
            row = self._db.execute(
                "SELECT json_group_array(path), '[' || group_concat(summary, ',') || ']' "
                "FROM posts WHERE summary IS NOT NULL"
            ).fetchone()
            paths, found = _decode(row[0]), _decode(row[1] or "[]")
        except (sqlite3.Error, ValueError, TypeError, RecursionError):
            return None
        if type(found) is not list or type(paths) is not list or len(found) != len(paths):
            return None
        return [
            (path, summary)
            for path, summary in zip(paths, found)
            if isinstance(summary, dict) and type(path) is str
        ]

    def put_stamped(self, path: str, stamp: tuple[int, int], summary: dict) -> None:
        """Remember a summary for a file whose (mtime_ns, size) was ``stamp`` when it was read."""
        if self._db is not None:
            self._pending.append((path, stamp[0], stamp[1], json.dumps(summary, ensure_ascii=False)))

    def put_text(self, path: str, stamp: tuple[int, int], text: str) -> None:
        """:meth:`put_stamped` of a summary already written as JSON (``ensure_ascii=False``)."""
        if self._db is not None:
            self._pending.append((path, stamp[0], stamp[1], text))

    def put_current(self, path: str, summary: dict) -> None:
        """Remember a summary for a file, with the stat taken at lookup (or now)."""
        info = self._stats.get(path)
        try:
            info = info or os.stat(path)
        except OSError:
            return
        self.put(path, info, summary)

    def put(self, path: str, info: os.stat_result, summary: dict) -> None:
        """Remember a summary for the file as it is now."""
        if self._db is not None:
            self._pending.append(
                (path, info.st_mtime_ns, info.st_size, json.dumps(summary, ensure_ascii=False))
            )

    def keep_only(self, paths: set[str]) -> None:
        """Forget files that are gone."""
        if self._db is None:
            return
        gone = [(path,) for path in self._rows if path not in paths]
        try:
            self._db.executemany("DELETE FROM posts WHERE path = ?", gone)
        except sqlite3.Error:  # locked by another program, say: go on without the cache
            self._abandon()

    def _abandon(self) -> None:
        """Close without writing (what was read stays usable)."""
        try:
            if self._db is not None:
                self._db.close()
        except sqlite3.Error:
            pass
        self._db = None
        self._pending = []
        self._listing = []

    def close(self) -> bool:
        """Commit and close; safe to call twice. False when what was put could not be written
        (no index: locked, damaged, an unwritable cache)."""
        written = False
        if self._db is not None:
            try:
                insert = "INSERT OR REPLACE INTO posts VALUES (?, ?, ?, ?)"
                try:
                    self._db.executemany(insert, self._pending)
                except UnicodeEncodeError:  # a file name that is not valid text: row by row
                    for row in self._pending:
                        try:
                            self._db.execute(insert, row)
                        except UnicodeEncodeError:
                            continue
                for listing in self._listing:
                    forget = "DELETE FROM meta WHERE key = ?"
                    try:
                        if listing is None:
                            self._db.execute(forget, (LIST_KEY,))
                        else:
                            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (LIST_KEY, listing))
                    except UnicodeEncodeError:  # a file name that is not valid text: none kept
                        self._db.execute(forget, (LIST_KEY,))
                self._db.commit()
                written = True
            except sqlite3.Error:
                pass  # locked or damaged: the summaries are simply read again next time
            self._abandon()
        return written


def _decode_or_none(text: str) -> object:
    try:
        return _decode(text)
    except (ValueError, TypeError, RecursionError):
        return None


def index_summaries(root: Path) -> list[tuple[str, dict]]:
    """Every summary the index holds for the journal at ``root`` (see :meth:`SummaryIndex.summaries`);
    empty when there is no index."""
    index = SummaryIndex(root)
    try:
        return index.summaries()
    finally:
        index.close()
