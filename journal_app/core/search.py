"""Full-text search over a journal: an SQLite index in the cache folder, beside the summaries.

Each post is one row of ``docs`` (path, stamp, title, date, tags: small, so that filters scan
it quickly) and one of ``texts`` (its text without markup, numbered in the order of writing, so
that its pages are filled). The FTS5 table ``terms`` holds the
words of each post's folded text, once each (``detail=none``, no text of its own: contentless),
and ``words`` every distinct word of the journal (read into one string, searched with
``str.find``). A query term is cut into pieces where it has spaces or ASCII punctuation
(:func:`.pieces`); each piece stands for the words that contain it (begin or end with it where
the term goes on), and a post holds the term only if it has one of those words for every piece.
A post's id holds its date to some weeks, newest first (ties by path: :func:`.by_date`), so FTS5 hands
the candidates over in order. A term that is
one piece (``후``, ``후기``, ``스타트업에``) is then answered by the index alone, up to the
limit; a phrase, an excluded word of more than one piece, or a piece found in more than
``WORDS_CAP`` words is checked against the folded text of the candidates, newest first, until
the limit is reached. See :mod:`.searchtext` for
what the text and a query are, and :mod:`.searchbuild` for how posts are read and written.

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
import threading
import subprocess
from itertools import islice
from collections.abc import Iterable, Iterator
from pathlib import Path

from .index import LOCK_WAIT
from .storage import cache_folder
from .listing import POST_SUFFIXES
from .parallel import ChunkedResults, can_fork
from .searchbuild import (
    HASH_SIZE,
    Progress,
    build_elsewhere,
    can_hand_over,
    end_builder,
    start_builder,
    folded,
    RowWriter,
    by_date,
    read_rows,
    valid,
)
from .searchresult import SearchResult, result_of
from .searchtext import Piece, Query, exact, fold, parse_query, pieces

FORMAT = "4"  # 4: ids in the order of dates (to some weeks)
BATCH = 200  # candidates checked at a time
WORDS_CAP = 500  # words one piece may stand for; beyond, its posts are checked one by one
PARALLEL_MINIMUM = 400
PAGE_SIZE = 16384  # bytes; with 4096, most pages held one post's text (3 KB) and room left over
CHUNK = 200
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, path TEXT UNIQUE, mtime_ns INTEGER, "
    "size INTEGER, title TEXT, ftitle TEXT, date TEXT, ts REAL, tags TEXT, head TEXT, start INTEGER, "
    "text INTEGER)",
    "CREATE TABLE IF NOT EXISTS texts (id INTEGER PRIMARY KEY, body TEXT)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(folded, content='', tokenize='ascii', "
    "detail=none, columnsize=0)",
    "CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY) WITHOUT ROWID",
)
_TABLES = ("meta", "docs", "texts", "terms", "words")


class _Outdated(Exception):
    """The database holds an index of another format."""


class SearchStopped(Exception):
    """A build or write ended by :meth:`SearchIndex.stop` before it was done (what it had not
    committed is not in the index)."""


class SearchUnavailable(Exception):
    """The index cannot be used now (locked by another program, or the disk refuses it)."""


def database_path(root: Path) -> Path:
    """Where the index of the journal at ``root`` lives."""
    name = hashlib.sha1(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_folder() / f"search-{name}.sqlite"


class SearchIndex:
    """The search index of the journal at ``root``; one per thread (SQLite connections are)."""

    words_cap = WORDS_CAP  # words one piece may stand for in a query

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root).absolute()
        self.path = database_path(self.root)
        self.fresh = False  # True when the database was (re)created empty by this object
        self.elsewhere = False  # True when the last write was handed to another process
        self._words_text = ""  # see _vocabulary
        self._words_read: int | None = None  # the data_version it was read at
        self._stopping = threading.Event()  # set by stop(): builds end
        self._builder: subprocess.Popen | None = None  # the other process of a build, while it runs
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except (sqlite3.DatabaseError, _Outdated) as error:
                if getattr(error, "sqlite_errorcode", None) in _BUSY:
                    raise
                self._delete_files()  # damaged, not a database at all, or older: start again
                self._db = self._open()
        except (sqlite3.Error, OSError, _Outdated) as error:
            raise SearchUnavailable(str(error)) from error

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=LOCK_WAIT, check_same_thread=False)
        try:
            db.execute(f"PRAGMA page_size={PAGE_SIZE}")  # a new file's: a text fills its page
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if tables:
                found = (
                    db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
                    if "meta" in tables
                    else None
                )
                if found is None or found[0] != FORMAT or not set(_TABLES) <= tables:
                    raise _Outdated(f"the search index has format {found[0] if found else None}")
            else:
                with db:
                    for statement in _SCHEMA:
                        db.execute(statement)
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
                    db.execute("INSERT INTO terms (terms, rank) VALUES ('hashsize', ?)", (HASH_SIZE,))
                self.fresh = True
            db.execute("PRAGMA quick_check(1)")
        except (sqlite3.Error, _Outdated):
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

    def stop(self) -> None:
        """(Any thread) End a build or write in progress at once, and those asked for later: the
        other process doing one is ended (at its lower priority on a busy machine it reports
        seldom, and a closing window waits for the thread that waits for it); they raise
        :class:`SearchStopped`."""
        self._stopping.set()
        builder = self._builder
        if builder is not None:
            builder.kill()

    def _handed(self, builder: subprocess.Popen | None) -> None:
        """Note the other process a build runs in (None: none now); ended at once when stopped."""
        self._builder = builder
        if builder is not None and self._stopping.is_set():
            builder.kill()

    def build(self, paths: Iterable[str | os.PathLike], progress: Progress | None = None) -> int:
        """Make the index hold exactly the posts at ``paths`` (the journal's posts), reading only
        files that are new or changed; returns how many were read."""
        wanted = {_absolute(path) for path in paths}
        builder = None
        try:
            stamps = self._stamps()
            if self._hands_over(sum(path not in stamps for path in wanted)):  # new ones are read
                builder = start_builder()  # it starts while the files are checked
                self._handed(builder)
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
            self.write(todo, stale, progress, builder=builder)
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error
        finally:
            self._handed(None)
            if builder is not None:
                end_builder(builder)
        return len(todo)

    def update(self, paths: Iterable[str | os.PathLike]) -> None:
        """Index the posts at ``paths`` again: read those that are files, drop the others."""
        present: list[str] = []
        gone: list[str] = []
        for path in sorted({_absolute(path) for path in paths}):
            post = os.path.isfile(path) and path.lower().endswith(POST_SUFFIXES)
            (present if post else gone).append(path)
        try:
            self.write(present, gone, None)
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error

    def _hands_over(self, reads: int) -> bool:
        """Whether a write that reads ``reads`` posts goes to another process."""
        return reads >= PARALLEL_MINIMUM and not can_fork() and can_hand_over()

    def write(
        self,
        todo: list[str],
        stale: list[str],
        progress: Progress | None,
        here: bool = False,
        builder: subprocess.Popen | None = None,
        niceness: int = 0,
    ) -> None:
        """Read the posts at ``todo`` into the index and drop those at ``stale``, in one
        transaction; many posts in worker processes (in another process when this one has
        threads, unless ``here``: ``builder``, when it was started already), which ask for
        ``niceness`` less processor time than this one, the writer."""
        todo, stale = [path for path in todo if _text(path)], [path for path in stale if _text(path)]
        self._words_read = None
        many = len(todo) >= PARALLEL_MINIMUM
        self.elsewhere = not here and self._hands_over(len(todo))
        if self._stopping.is_set():
            raise SearchStopped
        if self.elsewhere:
            builder = builder or start_builder()
            self._handed(builder)
            try:
                problem = (
                    None if builder is None else build_elsewhere(self.root, todo, stale, progress, builder)
                )
            except OSError:  # (its pipes broken by a stop's kill: a stop, said below)
                if not self._stopping.is_set():
                    raise
                problem = None
            finally:
                self._handed(None)
            if self._stopping.is_set():
                raise SearchStopped
            if problem:
                raise SearchUnavailable(problem)
            if problem is not None:
                return
            self.elsewhere = False  # it could not run there: here, then
        parts = ChunkedResults(
            read_rows,
            [(path, str(self.root)) for path in todo],
            minimum=PARALLEL_MINIMUM,
            chunk=CHUNK,
            niceness=niceness,
        )
        if many:  # a cache, checked when opened: a crash of the system costs a rebuild, no more
            self._db.execute("PRAGMA synchronous=OFF")
            self._db.execute("PRAGMA cache_size=-65536")
        try:
            with self._db:
                self._remove([*stale, *todo])
                writer = RowWriter(self._db, many, len(todo))
                done = 0
                for part in parts:  # written as the workers read them
                    writer.add([row for row in part if row is not None])
                    done += len(part)
                    if progress is not None:
                        progress(done, len(todo))
                writer.finish()
        finally:
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA cache_size=-2000")

    def _remove(self, paths: list[str]) -> None:
        if not paths or self._db.execute("SELECT 1 FROM docs LIMIT 1").fetchone() is None:
            return  # an empty index (a cold build): nothing to look up 10,000 times
        for path in paths:
            found = self._db.execute(
                "SELECT docs.id, text, head, body FROM docs JOIN texts ON texts.id = text WHERE path = ?",
                (path,),
            ).fetchone()
            if found is None:
                continue
            rowid, text, head, body = found
            self._db.execute(
                "INSERT INTO terms (terms, rowid, folded) VALUES ('delete', ?, ?)",
                (rowid, folded(head, body)),
            )
            self._db.execute("DELETE FROM docs WHERE id = ?", (rowid,))
            self._db.execute("DELETE FROM texts WHERE id = ?", (text,))

    def search(self, text: str, limit: int = 50, order: str = "newest") -> list[SearchResult]:
        """The posts matching the query ``text``, newest first (or ``order="relevance"``: most
        occurrences of the terms first), at most ``limit`` of them."""
        query = parse_query(valid(text))
        if not query or limit <= 0:
            return []
        try:
            relevance = order == "relevance"
            plan = self._plan(query)
            if plan is None:
                return []
            match, unmatch, checked = plan
            exactly = not relevance and not checked
            candidates = self._candidates(query, match, unmatch, limit if exactly else None)
            found = candidates if exactly else self._check(query, candidates, limit, relevance)
            rows = self._rows(list(found))
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error
        return [result_of(row, query.terms or query.titles) for row in rows]

    def _rows(self, ids: list[int]) -> list[tuple]:
        """What a result shows of the posts ``ids``, in that order."""
        fetched: dict[int, tuple] = {}
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            sql = (
                "SELECT docs.id, path, title, date, tags, head, body, start FROM docs "
                f"JOIN texts ON texts.id = text WHERE docs.id IN ({', '.join('?' * len(batch))})"
            )
            fetched.update((row[0], row[1:]) for row in self._db.execute(sql, batch))
        return [fetched[rowid] for rowid in ids if rowid in fetched]

    def _plan(self, query: Query) -> tuple[str | None, str | None, bool] | None:
        """The FTS5 expressions posts must match and must not match, and whether candidates
        must still be checked against their text; None when no post can match."""
        needed: list[str] = []
        checked = False
        for term in query.terms:
            for piece in pieces(term):
                found = self._words(piece)
                if found is not None and not found:
                    return None
                if found is None:
                    checked = True
                else:
                    needed.append(found)
            checked = checked or not exact(term)
        refused: list[str] = []
        for term in query.excluded:
            found = self._words(pieces(term)[0]) if exact(term) else None
            if found is None:
                checked = True
            elif found:
                refused.append(found)
        return (
            " AND ".join(sorted(set(needed))) or None,
            " OR ".join(refused) or None,
            checked,
        )

    def _words(self, piece: Piece) -> str | None:
        """The FTS5 expression for the words holding ``piece`` ("" when none does, None when
        more than :attr:`words_cap` do), found in :meth:`_vocabulary` with ``str.find``."""
        vocabulary = self._vocabulary()
        before = "\n" if piece.begins else ""
        needle = before + piece.text + ("\n" if piece.ends else "")
        found: list[str] = []
        at = vocabulary.find(needle)
        while at >= 0:
            if len(found) == self.words_cap:
                return None
            end = vocabulary.find("\n", at + len(before) + len(piece.text))
            found.append(vocabulary[vocabulary.rfind("\n", 0, at + 1) + 1 : end])
            at = vocabulary.find(needle, end)
        return "(" + " OR ".join(f'"{word}"' for word in found) + ")" if found else ""

    def _vocabulary(self) -> str:
        """Every word of the index, each between line ends; read again after a write, here or
        by another connection (``PRAGMA data_version``)."""
        (version,) = self._db.execute("PRAGMA data_version").fetchone()
        if self._words_read != version:  # joined by SQLite: a third of the time of a join here
            (listed,) = self._db.execute(
                "SELECT coalesce(group_concat(word, char(10)), '') FROM words"
            ).fetchone()
            self._words_text, self._words_read = f"\n{listed}\n", version
        return self._words_text

    def prepare(self) -> None:
        """Read what every query needs (the words of the index) now, so that the next query
        does not wait for it."""
        try:
            self._vocabulary()
        except sqlite3.Error as error:
            raise SearchUnavailable(str(error)) from error

    def _candidates(
        self, query: Query, match: str | None, unmatch: str | None, limit: int | None
    ) -> Iterator[int]:
        """The ids of posts that pass the filters, have the words of the terms and none of the
        excluded ones, newest first (the first ``limit`` of them), read as they are asked for:
        FTS5 gives ids in order, which is the order of dates to some weeks (see
        :func:`.row_id`)."""
        where = []
        values: list[object] = []
        source, key = "docs", "docs.id"
        if match is not None:
            source, key = "terms JOIN docs ON docs.id = terms.rowid", "terms.rowid"
            where.append("terms MATCH ?")
            values.append(match)
        if unmatch is not None:
            where.append("docs.id NOT IN (SELECT rowid FROM terms WHERE terms MATCH ?)")
            values.append(unmatch)
        for column, wanted, template in (
            ("tags", query.tags, "\n{}\n"),
            ("substr(date, 1, 4)", query.years, None),
            ("substr(date, 1, 7)", query.months, None),
            ("ftitle", query.titles, "{}"),
        ):
            for value in wanted:
                where.append(f"instr({column}, ?) > 0" if template else f"{column} = ?")
                values.append(template.format(value) if template else value)
        condition = " AND ".join(where) or "1"
        rows = self._db.execute(
            f"SELECT docs.id, docs.ts, docs.path FROM {source} WHERE {condition} ORDER BY {key}", values
        )
        ids = (rowid for rowid, _, _ in by_date(rows))  # read as they are asked for
        return islice(ids, limit) if limit is not None else ids

    def _check(self, query: Query, candidates: Iterator[int], limit: int, relevance: bool) -> list[int]:
        """The candidates whose folded text really holds every term and none of the excluded
        words, in order, at most ``limit``: newest first, or by the number of occurrences."""
        found: list[tuple[int, int, int]] = []  # id, occurrences, place
        place = 0
        while batch := list(islice(candidates, BATCH)):
            rank = {rowid: place + number for number, rowid in enumerate(batch)}
            place += len(batch)
            marks = ", ".join("?" * len(batch))
            # a post whose text as written has an excluded word has it folded: left in SQLite
            written = "".join(" AND instr(head, ?) = 0 AND instr(body, ?) = 0" for _ in query.excluded)
            sql = (
                "SELECT docs.id, head, body FROM docs JOIN texts ON texts.id = text "
                f"WHERE docs.id IN ({marks}){written}"
            )
            excluded = [word for word in query.excluded for _ in "hb"]
            for rowid, head, body in self._db.execute(sql, [*batch, *excluded]):
                text = head + "\n" + body
                if _holds(text, query.terms, query.excluded):
                    count = sum(fold(text).count(term) for term in query.terms) if relevance else 0
                    found.append((rowid, count, rank[rowid]))
            if not relevance and len(found) >= limit:
                break
        found.sort(key=lambda item: (-item[1], item[2]))
        return [rowid for rowid, _, _ in found[:limit]]


def _holds(text: str, terms: list[str], excluded: list[str]) -> bool:
    """Whether the folded ``text`` holds every term and none of the excluded words; folded only
    when the text as written does not tell (a folded term found in it is in the folded text)."""
    lowered: str | None = None
    for word, wanted in [*((term, True) for term in terms), *((word, False) for word in excluded)]:
        present = word in text
        if not present:
            lowered = fold(text) if lowered is None else lowered
            present = word in lowered
        if present != wanted:
            return False
    return True


def _absolute(path: str | os.PathLike) -> str:
    """The path as the index keys it (``Path.absolute``: symbolic links and ``..`` are kept)."""
    text = os.fspath(path)
    return text if os.path.isabs(text) else str(Path(text).absolute())


def _text(path: str) -> bool:
    """Whether SQLite can hold the path (a name that is not valid text cannot be searched)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
