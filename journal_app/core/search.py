"""Full-text search over a journal: an SQLite index in the cache folder, beside the summaries.

Each post is one row of ``docs`` (path, stamp, title, date, tags, its text without markup and a
folded copy). Two FTS5 tables over that row narrow a query down before the exact check
(``instr`` on the folded text): ``tri`` (the trigram tokenizer, without positions: smaller and
three times faster to build) for terms of three characters or more, and ``grams`` (each word's
distinct one- and two-character pieces) for shorter ones, so that ``후`` and ``후기`` do not scan
every post. See :mod:`.searchtext` for what the text and a query are.

The index follows the journal through :meth:`SearchIndex.update` (paths added, changed or
removed: a :class:`.JournalChange` iterates over them) and :meth:`SearchIndex.build` (every
post; unchanged files, by modification time and size, are skipped). A database that does not
open, or whose format is older, is deleted and built again; a locked one is waited for at most
``LOCK_WAIT`` seconds, then :class:`SearchUnavailable` is raised.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .dates import local
from .index import LOCK_WAIT, cache_folder
from .parallel import chunked_map
from .post import load_post
from .searchtext import fold, gram_match, grams, parse_query, plain_lines, trigram_match

FORMAT = "1"
SNIPPET = 60  # characters of context each side of a match
PARALLEL_MINIMUM = 400
CHUNK = 200
Progress = Callable[[int, int], None]

_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE docs (id INTEGER PRIMARY KEY, path TEXT UNIQUE, mtime_ns INTEGER, size INTEGER, "
    "title TEXT, date TEXT, ts REAL, tags TEXT, head TEXT, body TEXT, start INTEGER, "
    "folded TEXT, pieces TEXT)",
    "CREATE VIRTUAL TABLE tri USING fts5(folded, content='docs', content_rowid='id', "
    "tokenize='trigram', detail=none)",
    "CREATE VIRTUAL TABLE grams USING fts5(pieces, content='docs', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0', detail=none)",
)
_COLUMNS = "path, mtime_ns, size, title, date, ts, tags, head, body, start, folded, pieces"


class SearchUnavailable(Exception):
    """The index cannot be used now (locked by another program, or the disk refuses it)."""


@dataclass
class SearchResult:
    """One post that matched: where, what it is, and the first matching line."""

    path: Path
    title: str
    date: str  # ISO 8601, local time
    tags: list[str]
    line: int  # 1-based line of the file
    snippet: str  # the text around the match
    marks: list[tuple[int, int]] = field(default_factory=list)  # (start, end) in snippet
    term: str = ""  # the term the snippet shows

    def to_json(self) -> dict:
        """The result as plain JSON values."""
        return {
            "path": str(self.path),
            "title": self.title,
            "date": self.date,
            "tags": self.tags,
            "line": self.line,
            "snippet": self.snippet,
            "marks": [list(mark) for mark in self.marks],
        }


def database_path(root: Path) -> Path:
    """Where the index of the journal at ``root`` lives."""
    name = hashlib.sha1(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_folder() / f"search-{name}.sqlite"


def read_rows(items: list[tuple[str, str]]) -> list[tuple | None]:
    """The ``docs`` rows of posts (path, root), None for a file that cannot be read."""
    rows: list[tuple | None] = []
    for path, root in items:
        try:
            post = load_post(path, root)
            info = os.stat(path)
        except (OSError, ValueError):
            rows.append(None)
            continue
        moment = local(post.date)
        tags = [str(tag) for tag in post.tags]
        head = "\n".join([post.title, post.description, " ".join(tags)])
        body = "\n".join(plain_lines(post.body))
        folded = fold(head + "\n" + body)
        stored_tags = "\n" + "\n".join(fold(tag) for tag in tags) + "\n"
        rows.append(
            (path, info.st_mtime_ns, info.st_size, post.title, moment.isoformat(), moment.timestamp(),
             stored_tags, head, body, post.body_start_line, folded, grams(folded))
        )  # fmt: skip
    return rows


class SearchIndex:
    """The search index of the journal at ``root``; one per thread (SQLite connections are)."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root).absolute()
        self.path = database_path(self.root)
        self.fresh = False  # True when the database was (re)created empty by this object
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except sqlite3.DatabaseError:  # damaged, or not a database at all: start again
            self._delete_files()
            try:
                self._db = self._open()
            except sqlite3.Error as error:
                raise SearchUnavailable(str(error)) from error
        except (sqlite3.Error, OSError) as error:
            raise SearchUnavailable(str(error)) from error

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=LOCK_WAIT, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            found = None
            if "meta" in tables:
                found = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
            if found is None or found[0] != FORMAT or not {"docs", "tri", "grams"} <= tables:
                with db:
                    for name in ("tri", "grams", "docs", "meta"):
                        db.execute(f"DROP TABLE IF EXISTS {name}")
                    for statement in _SCHEMA:
                        db.execute(statement)
                    db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                self.fresh = True
            db.execute("PRAGMA quick_check(1)")
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _delete_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(f"{self.path}{suffix}")
            except OSError:
                pass

    def close(self) -> None:
        """Close the database; safe to call twice."""
        self._db.close()

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM docs").fetchone()[0]

    def _stamps(self) -> dict[str, tuple[int, int]]:
        return {
            path: (mtime, size)
            for path, mtime, size in self._db.execute("SELECT path, mtime_ns, size FROM docs")
        }

    def build(self, paths: Iterable[str | os.PathLike], progress: Progress | None = None) -> int:
        """Make the index hold exactly the posts at ``paths`` (the journal's posts), reading only
        files that are new or changed; returns how many were read."""
        wanted = {str(Path(path).absolute()) for path in paths}
        try:
            stamps = self._stamps()
            stale = [path for path in stamps if path not in wanted]
            todo = []
            for path in sorted(wanted):
                try:
                    info = os.stat(path)
                except OSError:
                    stale.append(path)
                    continue
                if stamps.get(path) != (info.st_mtime_ns, info.st_size):
                    todo.append(path)
            self._write(todo, stale, progress)
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error
        return len(todo)

    def update(self, paths: Iterable[str | os.PathLike]) -> None:
        """Index the posts at ``paths`` again: read those that are files, drop the others."""
        present: list[str] = []
        gone: list[str] = []
        for path in {str(Path(path).absolute()) for path in paths}:
            post = os.path.isfile(path) and path.lower().endswith((".md", ".markdown"))
            (present if post else gone).append(path)
        try:
            self._write(present, gone, None)
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error

    def _write(self, todo: list[str], stale: list[str], progress: Progress | None) -> None:
        report = (lambda done: progress(done, len(todo))) if progress is not None else None
        rows, _ = chunked_map(
            read_rows,
            [(path, str(self.root)) for path in todo],
            minimum=PARALLEL_MINIMUM,
            chunk=CHUNK,
            progress=report,
        )
        with self._db:
            for path in [*stale, *todo]:
                self._remove(path)
            last = self._db.execute("SELECT coalesce(max(id), 0) FROM docs").fetchone()[0]
            self._db.executemany(
                f"INSERT INTO docs ({_COLUMNS}) VALUES ({', '.join('?' * 12)})",
                [row for row in rows if row is not None],
            )
            self._db.execute(
                "INSERT INTO tri (rowid, folded) SELECT id, folded FROM docs WHERE id > ?", (last,)
            )
            self._db.execute(
                "INSERT INTO grams (rowid, pieces) SELECT id, pieces FROM docs WHERE id > ?", (last,)
            )

    def _remove(self, path: str) -> None:
        found = self._db.execute("SELECT id, folded, pieces FROM docs WHERE path = ?", (path,)).fetchone()
        if found is None:
            return
        rowid, folded, pieces = found
        self._db.execute("INSERT INTO tri (tri, rowid, folded) VALUES ('delete', ?, ?)", (rowid, folded))
        self._db.execute("INSERT INTO grams (grams, rowid, pieces) VALUES ('delete', ?, ?)", (rowid, pieces))
        self._db.execute("DELETE FROM docs WHERE id = ?", (rowid,))

    def search(self, text: str, limit: int = 50, order: str = "newest") -> list[SearchResult]:
        """The posts matching the query ``text``, newest first (or ``order="relevance"``: most
        occurrences of the first term first), at most ``limit`` of them."""
        query = parse_query(text)
        if not query:
            return []
        where: list[str] = []
        values: list[object] = []
        for term in query.terms:
            for table, expression in (("tri", trigram_match(term)), ("grams", gram_match(term))):
                if expression is not None:
                    where.append(f"id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
                    values.append(expression)
            where.append("instr(folded, ?) > 0")
            values.append(term)
        for term in query.excluded:
            where.append("instr(folded, ?) = 0")
            values.append(term)
        for tag in query.tags:
            where.append("instr(tags, ?) > 0")
            values.append(f"\n{tag}\n")
        for year in query.years:
            where.append("substr(date, 1, 4) = ?")
            values.append(year)
        for month in query.months:
            where.append("substr(date, 1, 7) = ?")
            values.append(month)
        for title in query.titles:
            where.append("instr(lower(title), ?) > 0")
            values.append(title)
        ranking = "ts DESC"
        if order == "relevance" and query.terms:
            first = query.terms[0]
            ranking = "(length(folded) - length(replace(folded, ?, ''))) DESC, ts DESC"
            values.append(first)
        sql = (
            f"SELECT path, title, date, tags, head, body, start FROM docs WHERE {' AND '.join(where)} "
            f"ORDER BY {ranking} LIMIT ?"
        )
        try:
            rows = self._db.execute(sql, [*values, limit]).fetchall()
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error
        terms = query.terms or query.titles
        return [_result(row, terms) for row in rows]


def _result(row: tuple, terms: list[str]) -> SearchResult:
    path, title, date, tags, head, body, start = row
    tag_list = [tag for tag in tags.split("\n") if tag]
    line, snippet, marks, shown = start, title, [], ""
    body_lines = body.split("\n")
    for term in terms:
        for number, text in enumerate(body_lines):
            at = fold(text).find(term)
            if at >= 0:
                left = max(0, at - SNIPPET)
                snippet = ("…" if left else "") + text[left : at + len(term) + SNIPPET]
                offset = at - left + (1 if left else 0)
                marks, line, shown = [(offset, offset + len(term))], start + number, term
                break
        if shown:
            break
    else:
        for term in terms:  # only the header matched: show the title, or the description
            for text in head.split("\n"):
                at = fold(text).find(term)
                if at >= 0:
                    snippet, marks, line, shown = (
                        text[: at + len(term) + SNIPPET],
                        [(at, at + len(term))],
                        1,
                        term,
                    )
                    break
            if shown:
                break
    return SearchResult(Path(path), title, date, tag_list, line, snippet, marks, shown)
