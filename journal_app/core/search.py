"""Full-text search over a journal: an SQLite index in the cache folder, beside the summaries.

Each post is one row of ``docs`` (path, stamp, title, date, tags: small, so that filters scan
it quickly) and one of ``texts`` (its text without markup and a folded copy). The FTS5 table
``grams`` holds each post's distinct one- and two-character word pieces (``스타트업`` gives
``스 타 트 업 스타 타트 트업``): a query term is looked up as the AND of its pieces, which finds
every post holding it (``후`` and ``후기`` exactly, longer terms then checked with ``instr`` on the
folded text, newest first, until the limit is reached). A trigram table (FTS5's ``trigram``
tokenizer) was measured too: on varied Korean text it took nine times longer to build, for query
times that the pieces already keep under a few milliseconds. See :mod:`.searchtext` for what the
text and a query are.

The index follows the journal through :meth:`SearchIndex.update` (paths added, changed or
removed: a :class:`.JournalChange` iterates over them) and :meth:`SearchIndex.build` (every
post; unchanged files, by modification time and size, are skipped). A database that does not
open, or whose format is older, is deleted and built again; a locked one is waited for at most
``LOCK_WAIT`` seconds, then :class:`SearchUnavailable` is raised.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .dates import local
from .index import LOCK_WAIT, cache_folder
from .parallel import chunked_map
from .post import load_post
from .searchtext import Query, exact, fold, grams, parse_query, pieces_match, plain_lines

FORMAT = "2"
BATCH = 200  # candidates checked at a time
SNIPPET = 60  # characters of context each side of a match
PARALLEL_MINIMUM = 400
CHUNK = 200
Progress = Callable[[int, int], None]
_SURROGATES = re.compile("[\ud800-\udfff]")

_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE docs (id INTEGER PRIMARY KEY, path TEXT UNIQUE, mtime_ns INTEGER, size INTEGER, "
    "title TEXT, ftitle TEXT, date TEXT, ts REAL, tags TEXT, head TEXT, start INTEGER)",
    "CREATE INDEX docs_ts ON docs (ts)",
    "CREATE TABLE texts (id INTEGER PRIMARY KEY, body TEXT, folded TEXT, pieces TEXT)",
    "CREATE VIRTUAL TABLE grams USING fts5(pieces, content='texts', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0', detail=none)",
)
_TABLES = ("grams", "texts", "docs", "meta")
_DOCS = "path, mtime_ns, size, title, ftitle, date, ts, tags, head, start"


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
        tags = [_valid(str(tag)) for tag in post.tags]
        title = _valid(post.title)
        head = "\n".join([title, _valid(post.description), " ".join(tags)])
        body = _valid("\n".join(plain_lines(post.body)))
        folded = fold(head + "\n" + body)
        stored_tags = "\n" + "\n".join(fold(tag) for tag in tags) + "\n"
        rows.append(
            (path, info.st_mtime_ns, info.st_size, title, fold(title), moment.isoformat(),
             moment.timestamp(), stored_tags, head, post.body_start_line, body, folded, grams(folded))
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
            if found is None or found[0] != FORMAT or not set(_TABLES) <= tables:
                with db:
                    for name in (*_TABLES, "tri"):
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
        todo, stale = [path for path in todo if _text(path)], [path for path in stale if _text(path)]
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
            for row in rows:
                if row is not None:
                    found = self._db.execute(
                        f"INSERT INTO docs ({_DOCS}) VALUES ({', '.join('?' * 10)})", row[:10]
                    )
                    self._db.execute("INSERT INTO texts VALUES (?, ?, ?, ?)", (found.lastrowid, *row[10:]))
                    self._db.execute(
                        "INSERT INTO grams (rowid, pieces) VALUES (?, ?)", (found.lastrowid, row[12])
                    )

    def _remove(self, path: str) -> None:
        found = self._db.execute(
            "SELECT id, pieces FROM docs JOIN texts USING (id) WHERE path = ?", (path,)
        ).fetchone()
        if found is None:
            return
        rowid, pieces = found
        self._db.execute("INSERT INTO grams (grams, rowid, pieces) VALUES ('delete', ?, ?)", (rowid, pieces))
        self._db.execute("DELETE FROM docs WHERE id = ?", (rowid,))
        self._db.execute("DELETE FROM texts WHERE id = ?", (rowid,))

    def search(self, text: str, limit: int = 50, order: str = "newest") -> list[SearchResult]:
        """The posts matching the query ``text``, newest first (or ``order="relevance"``: most
        occurrences of the terms first), at most ``limit`` of them."""
        query = parse_query(text)
        if not query or limit <= 0:
            return []
        try:
            relevance = order == "relevance"
            exactly = not relevance and not query.excluded and all(exact(term) for term in query.terms)
            candidates = self._candidates(query, limit if exactly else None)
            checked = candidates if exactly else self._check(query, candidates, limit, relevance)
            rows: list[tuple] = []
            for rowid in checked:
                rows.extend(
                    self._db.execute(
                        "SELECT path, title, date, tags, head, body, start FROM docs JOIN texts USING (id) "
                        "WHERE id = ?",
                        (rowid,),
                    )
                )
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error
        return [_result(row, query.terms or query.titles) for row in rows]

    def _candidates(self, query: Query, limit: int | None) -> list[int]:
        """The ids of posts that pass the filters and hold every piece of the terms, newest first
        (the first ``limit`` of them)."""
        where = ["1"]
        values: list[object] = []
        expression = pieces_match(query.terms)
        if expression is not None:
            where.append("id IN (SELECT rowid FROM grams WHERE grams MATCH ?)")
            values.append(expression)
        for column, wanted, template in (
            ("tags", query.tags, "\n{}\n"),
            ("substr(date, 1, 4)", query.years, None),
            ("substr(date, 1, 7)", query.months, None),
            ("ftitle", query.titles, "{}"),
        ):
            for value in wanted:
                where.append(f"instr({column}, ?) > 0" if template else f"{column} = ?")
                values.append(template.format(value) if template else value)
        sql = f"SELECT id FROM docs WHERE {' AND '.join(where)} ORDER BY ts DESC, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [rowid for (rowid,) in self._db.execute(sql, values)]

    def _check(self, query: Query, candidates: list[int], limit: int, relevance: bool) -> list[int]:
        """The candidates that really hold every term and none of the excluded words, in order,
        at most ``limit``: newest first, or by the number of occurrences."""
        tests = [
            *("instr(folded, ?) > 0" for _ in query.terms),
            *("instr(folded, ?) = 0" for _ in query.excluded),
        ]
        count = " + ".join(
            "(length(folded) - length(replace(folded, ?, ''))) / length(?)" for _ in query.terms
        )
        counted = [value for term in query.terms for value in (term, term)]
        found: list[tuple[int, int]] = []
        rank = {rowid: place for place, rowid in enumerate(candidates)}
        for start in range(0, len(candidates), BATCH):
            batch = candidates[start : start + BATCH]
            sql = (
                f"SELECT id, {count or '0'} FROM texts WHERE id IN ({', '.join('?' * len(batch))}) "
                f"AND {' AND '.join(tests) or '1'}"
            )
            values = [*counted, *batch, *query.terms, *query.excluded]
            found.extend(self._db.execute(sql, values))
            if not relevance and len(found) >= limit:
                break
        found.sort(key=lambda item: (-item[1], rank[item[0]]) if relevance else rank[item[0]])
        return [rowid for rowid, _ in found[:limit]]


def _valid(text: str) -> str:
    """``text`` with undecodable bytes (lone surrogates) as U+FFFD, which SQLite can hold."""
    return _SURROGATES.sub("\ufffd", text)


def _text(path: str) -> bool:
    """Whether SQLite can hold the path (a name that is not valid text cannot be searched)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _result(row: tuple, terms: list[str]) -> SearchResult:
    path, title, date, tags, head, body, start = row
    tag_list = [tag for tag in tags.split("\n") if tag]
    line, snippet, marks, shown = 1, title, [], ""  # the header matched (or only filters were given)
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
