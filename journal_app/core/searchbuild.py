"""Filling the search index: reading posts (in worker processes when there are many) and
writing them in one transaction.

A worker returns each post's row: its summary for ``docs``, its text without markup (as UTF-8,
which goes into SQLite as it is, never decoded by the writer) and, where the text has letters
other than ASCII ones with a lower case, the folded copy the FTS5 table ``terms`` cuts into
words (in C, with its "ascii" tokenizer, which folds ASCII itself: nothing is split in
Python). The folded copy is not stored: it is made again from the text when a post is removed
or checked. Rows are written as the workers send them (ids follow the dates, not the order of
writing). During a large write FTS5 merges no segments: they are merged into one at the end.
After many posts, the ``words`` table (every distinct word, which a query looks through for the
words holding its pieces) is read back from the FTS5 index itself; after a few, their words are
added to it.

Worker processes can only be forked from a process with one thread. A caller with more (the
window's search thread) hands a large build to a new Python process (``python -m
journal_app.core.searchbuild``, the work on its standard input, progress on its output), which
forks the workers at a lower priority (``NICENESS``) and writes at the caller's own, so that the
writer, the one step no other process shares, keeps up with the reading; the caller's thread
only waits. When the new posts alone make a large build, that process is started before the
caller checks which files changed (:func:`start_builder`), so that its start overlaps the check.
"""

from __future__ import annotations

import itertools
import json
import math
import multiprocessing
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .dates import local
from .boundary import MAX_POST_BYTES, read_file
from .searchheader import Simple, post_fields, simple_fields, simple_post
from .searchtext import fold, plain_lines, words

if TYPE_CHECKING:
    from .post import Post

Progress = Callable[[int, int], None]
HASH_SIZE = 64 * 1024 * 1024  # bytes of words FTS5 gathers in memory before writing a segment
_SURROGATES = re.compile("[\ud800-\udfff]")
_DOCS = "id, path, mtime_ns, size, title, ftitle, date, ts, tags, head, start, text"
# the folded copy, or else the text (which FTS5 folds alike), joined in SQLite
_TERMS = (
    "INSERT INTO terms (rowid, folded) "
    "VALUES (?, coalesce(CAST(? AS TEXT), ? || char(10) || CAST(? AS TEXT)))"
)
_PROGRESS = "progress "
_SPAN = 2**21  # seconds (about 24 days): the posts of a span have ids in one run
_SPAN_BITS = 20  # the low bits of an id: the posts of one span
AUTOMERGE = 4  # FTS5's own: how many segments of a level it merges as words are added
TERMS_AT_ONCE = 2500  # posts whose words FTS5 is given at a time in a large build
NICENESS = 10  # how much less processor time the other process's workers ask for than the window
_UNAVAILABLE = 3  # the exit status of the other process when the index cannot be used now


def valid(text: str) -> str:
    """``text`` with undecodable bytes (lone surrogates) as U+FFFD, which SQLite can hold."""
    return _SURROGATES.sub("\ufffd", text)


def read_rows(items: list[tuple[str, str]], quick: bool = True) -> list[tuple | None]:
    """The rows of posts (path, root): the ``docs`` columns after ``id``, then the text and its
    folded copy (as UTF-8: bytes cross to the writer and into SQLite without being decoded and
    encoded again); None for a file that cannot be read. A simple file is read without building
    a :class:`.Post` (:mod:`.searchheader`), to the same row; ``quick=False`` reads every file
    through a :class:`.Post` (the reference the quick way is tested against)."""
    rows: list[tuple | None] = []
    folders: dict[str, str] = {}  # folder: its real path
    for path, root in items:
        try:
            if not _inside(path, root, folders):
                raise OSError("the file is a link to a place outside the journal")
            data, info = read_file(path, MAX_POST_BYTES)  # as load_post reads it
            simple = simple_post(data) if quick else None
            source = simple if simple is not None else _full_post(data, path, info)
        except (OSError, ValueError):
            rows.append(None)
            continue
        if isinstance(source, Simple):
            got = simple_fields(source, path, info.st_mtime)
        else:
            got = post_fields(source)
        moment = local(got.date)
        tags = [valid(str(tag)) for tag in got.tags]
        title = valid(got.title)
        head = "\n".join([title, valid(got.description), " ".join(tags)])
        body = "\n".join(plain_lines(got.body))
        body = valid(body) if simple is None else body  # strict UTF-8 holds no lone surrogate
        stored_tags = "\n" + "\n".join(fold(tag) for tag in tags) + "\n"
        rows.append(
            (path, info.st_mtime_ns, info.st_size, title, fold(title), moment.isoformat(), moment.timestamp(),
             stored_tags, head, got.start, body.encode(), _for_terms(head + "\n" + body))
        )  # fmt: skip
    return rows


def _full_post(data: bytes, path: str, info: os.stat_result) -> Post:
    """The post at ``path`` read as :func:`.load_post` reads it (the post module is imported
    by the first file the quick reader leaves, not by every process that reads posts)."""
    from .post import Post

    return Post(data, Path(path), info)


def _for_terms(text: str) -> bytes | None:
    """The folded copy of a post's text for the FTS5 table, or None when the text as written
    gives the same words (the "ascii" tokenizer folds ASCII letters itself: only other letters
    with a lower case, such as ``É`` or ``Σ``, need the copy): half the bytes to send back."""
    lowered = fold(text)
    if lowered == text:
        return None
    encoded = lowered.encode()
    return None if encoded == text.encode().lower() else encoded


def _inside(path: str, root: str, folders: dict[str, str]) -> bool:
    """Whether the real path of ``path`` lies in the journal's (as :func:`.real_inside`), with
    the real path of each folder found once, not once per file."""
    try:
        if os.path.islink(path):
            real = os.path.realpath(path)
        else:
            folder, name = os.path.split(path)
            if folder not in folders:
                folders[folder] = os.path.realpath(folder)
            real = os.path.join(folders[folder], name)
        if root not in folders:
            folders[root] = os.path.realpath(root)
    except (OSError, ValueError):
        return False
    top = folders[root]
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def folded(head: str, body: str) -> str:
    """The text the FTS5 table holds and a query is checked against."""
    return fold(head + "\n" + body)


def span_of(ts: float) -> int:
    """The high bits of the ids of posts at ``ts``: its span of ``_SPAN`` seconds, newest first."""
    return -math.floor(ts / _SPAN)


def row_id(ts: float, taken: set[int], start: int = 0) -> int:
    """A new post's id: its span of time, newest first, in the high bits (ids in order are in the
    order of dates, to the span, which FTS5 gives without sorting: see :func:`by_date`; spans
    of weeks, not seconds, keep the gaps between ids small, which FTS5 stores), and in the low
    bits the lowest number no other post of that span (in ``taken``) has, from ``start`` (every
    number below it is taken)."""
    low = span_of(ts) << _SPAN_BITS
    number = start
    while low + number in taken:
        number += 1
    if number >> _SPAN_BITS:
        raise sqlite3.DataError("too many posts in one span of time")
    return low + number


def by_date(rows: Iterable[tuple[int, float, str]]) -> Iterator[tuple[int, float, str]]:
    """Rows (id, time, path) in the order of ids made by :func:`row_id`, newest first, then by
    path (the rows of one span, one run of ids, are sorted as they come)."""
    for _, run in itertools.groupby(rows, key=lambda row: row[0] >> _SPAN_BITS):
        yield from sorted(run, key=lambda row: (-row[1], row[2]))


class RowWriter:
    """Adds rows from :func:`read_rows` to the index as they are read, inside the caller's
    transaction. Their words go to FTS5 a few thousand at a time, in the order of ids (each
    time FTS5 is given a lower id it writes out what it has gathered: a segment), and sooner
    as the ``coming`` rows still to come run out, so that little is left to do after the last
    (the work no other process shares). ``many``: at the end merge the segments into one
    (FTS5's ``optimize``: a query reads one list per word) and read the words back from the
    FTS5 index (quicker than in Python for many posts), leaving out words no post holds any
    longer; on the way FTS5 merges no segments."""

    def __init__(self, db: sqlite3.Connection, many: bool, coming: int = 0):
        self.db, self.many, self.coming = db, many, coming
        self.empty = db.execute("SELECT 1 FROM docs LIMIT 1").fetchone() is None
        (self.text,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM texts").fetchone()  # appended
        self.taken: dict[int, set[int]] = {}  # span: the ids of its posts
        self.free: dict[int, int] = {}  # span: the number of its ids all below which are taken
        self.pending: list[tuple[int, bytes | None, str, bytes]] = []  # (id, folded, head, body)
        self.words: set[str] = set()
        if many:  # no merging of segments on the way: they are all merged into one at the end
            self._automerge(0)

    def add(self, rows: list[tuple]) -> None:
        """Write ``rows``; their words go to FTS5 when enough are pending."""
        numbered = [(self._id(row[6]), row) for row in rows]
        self.coming -= len(rows)
        texts = range(self.text, self.text + len(rows))
        self.text += len(rows)
        self.db.executemany(
            f"INSERT INTO docs ({_DOCS}) VALUES ({', '.join('?' * 12)})",
            [(i, *r[:10], text) for (i, r), text in zip(numbered, texts)],
        )
        self.db.executemany(
            "INSERT INTO texts VALUES (?, CAST(? AS TEXT))",
            [(text, r[10]) for (_, r), text in zip(numbered, texts)],
        )
        for rowid, row in numbered:
            self.pending.append((rowid, row[11], row[8], row[10]))
            if not self.many:
                self.words |= words(folded(row[8], row[10].decode()))
        if len(self.pending) >= min(TERMS_AT_ONCE, self.coming):
            self._terms()

    def finish(self) -> None:
        """Write what is pending and the words of the index."""
        self._terms()
        if self.many:
            self.db.execute("INSERT INTO terms (terms) VALUES ('optimize')")
            self._automerge(AUTOMERGE)  # later updates merge as they go
            self.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, terms, row)"
            )
            self.db.execute("DELETE FROM words")
            self.db.execute("INSERT INTO words SELECT term FROM temp.vocabulary")
        else:
            self.db.executemany("INSERT OR IGNORE INTO words VALUES (?)", [(word,) for word in self.words])

    def _automerge(self, segments: int) -> None:
        self.db.execute("INSERT INTO terms (terms, rank) VALUES ('automerge', ?)", (segments,))

    def _id(self, ts: float) -> int:
        span = span_of(ts)
        taken = self.taken.get(span)
        if taken is None:
            low = span << _SPAN_BITS
            found = () if self.empty else self.db.execute(
                "SELECT id FROM docs WHERE id >= ? AND id < ?", (low, low + (1 << _SPAN_BITS))
            )  # fmt: skip
            taken = self.taken[span] = {rowid for (rowid,) in found}
        rowid = row_id(ts, taken, self.free.get(span, 0))
        taken.add(rowid)
        self.free[span] = rowid - (span << _SPAN_BITS) + 1
        return rowid

    def _terms(self) -> None:
        self.pending.sort(key=lambda item: item[0])
        self.db.executemany(_TERMS, self.pending)
        self.pending = []


def can_hand_over() -> bool:
    """Whether a build may go to another process that forks workers (there are cores to use
    and the system forks)."""
    from .parallel import usable_cores

    return usable_cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


def start_builder() -> subprocess.Popen | None:
    """The other process of :func:`build_elsewhere`, started before it is given the work (it
    imports its modules meanwhile); None when it could not be started. End one that is not
    given work with :func:`end_builder`."""
    from .parallel import start_module

    return start_module("journal_app.core.searchbuild", stderr=subprocess.STDOUT, errors="replace")


def end_builder(child: subprocess.Popen) -> None:
    """End a process from :func:`start_builder` (nothing happens to one that has ended)."""
    with child:
        child.kill()


def build_elsewhere(
    root: Path,
    todo: list[str],
    stale: list[str],
    progress: Progress | None,
    child: subprocess.Popen | None = None,
) -> str | None:
    """Write ``todo`` and drop ``stale`` in another Python process (``child``, from
    :func:`start_builder`, or a new one); returns "" when it did, why the index cannot be used
    now, or None when the process did not start or failed (then nothing was written).
    ``progress`` may raise to stop it (the process is then ended)."""
    said: list[str] = []
    child = child or start_builder()
    if child is None:
        return None
    with child:
        assert child.stdin is not None and child.stdout is not None
        try:
            try:
                json.dump({"root": str(root), "todo": todo, "stale": stale}, child.stdin)  # in pieces
                child.stdin.close()
            except BrokenPipeError:  # it ended before reading: what it printed says why
                try:  # (closed now, what is left of the input dropped: a close at the end would
                    child.stdin.close()  # try to send it again and raise)
                except BrokenPipeError:
                    pass
            for line in child.stdout:
                if not line.startswith(_PROGRESS):
                    said.append(line)
                elif progress is not None:
                    done, total = line[len(_PROGRESS) :].split()
                    progress(int(done), int(total))
            child.wait()
        except BaseException:
            child.kill()
            raise
    if child.returncode == 0:
        return ""
    lines = "".join(said).strip().splitlines()
    return lines[-1] if child.returncode == _UNAVAILABLE and lines else None


def main() -> int:
    """The other process of :func:`build_elsewhere`: the work as JSON on standard input."""
    from .search import SearchIndex, SearchUnavailable

    work = json.load(sys.stdin)

    def report(done: int, total: int) -> None:
        print(f"{_PROGRESS}{done} {total}", flush=True)

    try:
        index = SearchIndex(work["root"])
        try:
            # the workers are niced: the window's GUI thread comes first, then this writer,
            # the one part no other process shares, which so keeps up with their reading
            index.write(work["todo"], work["stale"], report, here=True, niceness=NICENESS)
        finally:
            index.close()
    except SearchUnavailable as exc:
        print(exc, flush=True)
        return _UNAVAILABLE
    return 0


if __name__ == "__main__":
    sys.exit(main())
