"""Filling the search index: reading posts (in worker processes when there are many) and
writing them in one transaction.

A worker returns each post's row: its summary for ``docs``, its text without markup and the
folded copy the FTS5 table ``terms`` cuts into words (in C, with its "ascii" tokenizer: nothing
is split in Python). The folded copy is not stored: it is made again from the text when a post
is removed or checked. After many posts, the ``words`` table (every distinct word, which a
query looks through for the words holding its pieces) is read back from the FTS5 index itself;
after a few, their words are added to it.

Worker processes can only be forked from a process with one thread. A caller with more (the
window's search thread) hands a large build to a new Python process (``python -m
journal_app.core.searchbuild``, the work on its standard input, progress on its output), which
forks the workers at a lower priority (``NICENESS``); the caller's own thread only waits.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .dates import local
from .boundary import read_file
from .post import MAX_POST_BYTES, Post
from .searchheader import post_fields, simple_fields, simple_post
from .searchtext import fold, plain_lines, words

Progress = Callable[[int, int], None]
HASH_SIZE = 64 * 1024 * 1024  # bytes of words FTS5 gathers in memory before writing a segment
_SURROGATES = re.compile("[\ud800-\udfff]")
_DOCS = "id, path, mtime_ns, size, title, ftitle, date, ts, tags, head, start"
_PROGRESS = "progress "
NICENESS = 10  # how much less processor time the other process asks for than the window
_UNAVAILABLE = 3  # the exit status of the other process when the index cannot be used now


def valid(text: str) -> str:
    """``text`` with undecodable bytes (lone surrogates) as U+FFFD, which SQLite can hold."""
    return _SURROGATES.sub("\ufffd", text)


def read_rows(items: list[tuple[str, str]], quick: bool = True) -> list[tuple | None]:
    """The rows of posts (path, root): the ``docs`` columns after ``id``, then the text and its
    folded copy; None for a file that cannot be read. A simple file is read without building
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
            source = simple if simple is not None else Post(data, Path(path), info)
        except (OSError, ValueError):
            rows.append(None)
            continue
        got = post_fields(source) if isinstance(source, Post) else simple_fields(source, path, info.st_mtime)
        moment = local(got.date)
        tags = [valid(str(tag)) for tag in got.tags]
        title = valid(got.title)
        head = "\n".join([title, valid(got.description), " ".join(tags)])
        body = "\n".join(plain_lines(got.body))
        body = valid(body) if simple is None else body  # strict UTF-8 holds no lone surrogate
        stored_tags = "\n" + "\n".join(fold(tag) for tag in tags) + "\n"
        rows.append(
            (path, info.st_mtime_ns, info.st_size, title, fold(title), moment.isoformat(), moment.timestamp(),
             stored_tags, head, got.start, body, folded(head, body))
        )  # fmt: skip
    return rows


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


def insert_rows(db: sqlite3.Connection, rows: list[tuple], many: bool) -> None:
    """Add rows from :func:`read_rows` (inside the caller's transaction). Into an empty index,
    newest first: then the order of ids is the order of dates up to ``meta.ordered``, which
    FTS5 gives without sorting (ids after it, of posts indexed later, are merged in by date).
    ``many``: read the new words back from the FTS5 index (quicker than in Python for many
    posts), and leave out words no post holds any longer."""
    (first,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM docs").fetchone()
    if first == 1:
        rows = sorted(rows, key=lambda row: -row[6])  # stable: posts of one time in path order
        db.execute("INSERT OR REPLACE INTO meta VALUES ('ordered', ?)", (len(rows),))
    else:  # after the ordered ones even when the last of them was removed
        found = db.execute("SELECT value FROM meta WHERE key = 'ordered'").fetchone()
        first = max(first, int(found[0]) + 1 if found else 1)
    numbered = list(enumerate(rows, first))
    db.executemany(
        f"INSERT INTO docs ({_DOCS}) VALUES ({', '.join('?' * 11)})", [(i, *r[:10]) for i, r in numbered]
    )
    db.executemany("INSERT INTO texts VALUES (?, ?)", [(i, row[10]) for i, row in numbered])
    db.executemany("INSERT INTO terms (rowid, folded) VALUES (?, ?)", [(i, row[11]) for i, row in numbered])
    if many:
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, terms, row)")
        db.execute("DELETE FROM words")
        db.execute("INSERT INTO words SELECT term FROM temp.vocabulary")
    else:
        found = set().union(*(words(row[11]) for row in rows))
        db.executemany("INSERT OR IGNORE INTO words VALUES (?)", [(word,) for word in found])


def can_hand_over() -> bool:
    """Whether a build may go to another process that forks workers (there are cores to use
    and the system forks)."""
    from .parallel import usable_cores

    return usable_cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


def build_elsewhere(root: Path, todo: list[str], stale: list[str], progress: Progress | None) -> str | None:
    """Write ``todo`` and drop ``stale`` in another Python process; returns "" when it did, why
    the index cannot be used now, or None when the process did not start or failed (then
    nothing was written). ``progress`` may raise to stop it (the process is then ended)."""
    package = str(Path(__file__).resolve().parent.parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package, os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "journal_app.core.searchbuild"]
    said: list[str] = []
    try:
        child = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", errors="replace", env=env,
        )  # fmt: skip
    except OSError:
        return None
    with child:
        assert child.stdin is not None and child.stdout is not None
        try:
            try:
                json.dump({"root": str(root), "todo": todo, "stale": stale}, child.stdin)  # in pieces
                child.stdin.close()
            except BrokenPipeError:
                pass  # it ended before reading: what it printed says why
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
    try:
        os.nice(NICENESS)  # the window's GUI thread comes first (the workers inherit it)
    except (AttributeError, OSError):
        pass

    def report(done: int, total: int) -> None:
        print(f"{_PROGRESS}{done} {total}", flush=True)

    try:
        index = SearchIndex(work["root"])
        try:
            index.write(work["todo"], work["stale"], report, here=True)
        finally:
            index.close()
    except SearchUnavailable as exc:
        print(exc, flush=True)
        return _UNAVAILABLE
    return 0


if __name__ == "__main__":
    sys.exit(main())
