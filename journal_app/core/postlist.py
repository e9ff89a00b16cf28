"""A journal's posts as ``journal-app list`` prints them, read without building a :class:`.Journal`.

The same posts as the journal's scan finds (hidden, build, symlinked and too deep folders left
out), each summary as the journal has it: from the summary index while the file is unchanged
(every entry checked as the journal checks it, a damaged one read again), the others read from
their files, simple headers alone (:func:`.postinfo.read_summary`), and put in the index; newest
first. Temporary files a killed save left are removed as opening the journal removes them.

A list made of readable posts only is kept in the index's database with the modification time
and size of every file it was made from (:meth:`.SummaryIndex.remember_list`). The next list
walks the folder and stats each file; when the walk finds exactly those files, unchanged (and
none is a link), it prints that list again: one row read, and neither the post reader nor the
index's entries loaded. Anything else (a file added, gone or changed, another time zone, a
damaged row) lists the journal the long way and keeps the new list.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from .indexfile import LIST_KEY, LOCK_WAIT, index_file, stamp
from .postfiles import walk_posts

PARALLEL_MINIMUM = 400  # fewer unindexed files than this are read in this process (as a scan)
CHUNK = 200


class Listed(NamedTuple):
    """What the command line prints of one post (the values of its :class:`.PostInfo`); a
    tuple, as ten thousand of them are made in a warm list's few milliseconds."""

    relpath: str
    title: str
    date: datetime
    tags: list[str]
    description: str
    problems: list[str]


def listed_posts(root: str | os.PathLike) -> list[Listed]:
    """Every post under the journal folder ``root``, newest first, then by path (as
    :attr:`.Journal.posts`)."""
    top = str(Path(root).absolute())
    files, litter = walk_posts(top)
    posts = _remembered(top, files)
    if posts is None:
        posts = _listed_anew(top, files)
    if litter:
        _tidy(top, litter, files)
    return posts


def _remembered(top: str, files: list[os.DirEntry]) -> list[Listed] | None:
    """The list the index keeps for the journal at ``top`` when ``files`` are exactly the files
    it was made from, each with the same modification time and size; else None."""
    database = index_file(top)
    if not os.path.isfile(database):
        return None
    try:
        connection = sqlite3.connect(database, timeout=LOCK_WAIT)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = ?", (LIST_KEY,)).fetchone()
        finally:
            connection.close()
        if row is None:
            return None
        kept = json.loads(row[0])
        known = kept["files"]
        if kept["stamp"] != stamp() or len(known) != len(files):
            return None
        for entry in files:
            was = known.get(entry.path)
            if was is None or entry.is_symlink():
                return None
            info = os.stat(entry.path)
            if was[0] != info.st_mtime_ns or was[1] != info.st_size:
                return None
        columns = [kept[name] for name in Listed._fields]
        if not _plausible(columns, len(files)):
            return None
        columns[2] = map(datetime.fromisoformat, columns[2])
        return list(map(Listed, *columns))
    except (sqlite3.Error, OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # gone, locked or damaged: list the long way


def _plausible(columns: list, count: int) -> bool:
    """True when the kept list's columns (as :class:`Listed`'s fields, the dates as text) hold
    ``count`` values each, all of their kind (a damaged row's do not)."""
    relpaths, titles, dates, tags, descriptions, problems = columns
    texts = [relpaths, titles, dates, descriptions, [tag for each in tags for tag in each]]
    texts.append([problem for each in problems for problem in each])
    return (
        all(type(column) is list and len(column) == count for column in columns)
        and set(map(type, tags + problems)) <= {list}
        and all(set(map(type, column)) <= {str} for column in texts)
    )


def _listed_anew(top: str, files: list[os.DirEntry]) -> list[Listed]:
    """Every post of ``files`` from the index or read from its file, newest first; the list
    is kept for the next time when every post was readable and none is a link."""
    from .boundary import real_inside
    from .index import SummaryIndex
    from .parallel import chunked_map
    from .postinfo import read_summaries, summary_values

    prefix = top + os.sep
    index = SummaryIndex(Path(top))
    try:
        found: list[tuple[str, str, dict]] = []
        missing: list[tuple[str, str, str]] = []
        linked = False
        for entry in files:
            path = entry.path
            relpath = path[len(prefix) :].replace(os.sep, "/")
            # a link out of the journal is never taken from the index: read_summary refuses it
            outside = entry.is_symlink() and not real_inside(path, top)
            linked = linked or entry.is_symlink()
            cached = None if outside else index.lookup(path)
            if cached is None:
                missing.append((path, relpath, top))
            else:
                found.append((path, relpath, cached))
        listed = [_listed(relpath, data, summary_values) for _, relpath, data in found]
        stamps = {}
        for (path, _, _), item in zip(found, listed):
            info = index.stat_of(path)
            if item is not None and info is not None:
                stamps[path] = [info.st_mtime_ns, info.st_size]
        damaged = [(path, relpath, top) for (path, relpath, _), item in zip(found, listed) if item is None]
        read, _ = chunked_map(read_summaries, missing + damaged, minimum=PARALLEL_MINIMUM, chunk=CHUNK)
        for (path, relpath, _), data in zip(missing + damaged, read):
            if data["readable"]:
                index.put_current(path, data)
                if data["stamp"] is not None:
                    stamps[path] = data["stamp"]
            listed.append(_listed(relpath, data, summary_values))
        posts = [item for item in listed if item is not None]
        posts.sort(key=lambda item: (-item.date.timestamp(), item.relpath))
        whole = not linked and len(stamps) == len(posts) == len(files)
        index.remember_list(_kept(top, stamps, posts) if whole else None)
        index.keep_only({entry.path for entry in files})
    finally:
        index.close()
    return posts


def _kept(top: str, stamps: dict[str, list[int]], posts: list[Listed]) -> str:
    """The list as the index keeps it: the files it was made from, and each field of its
    posts in a column of its own (the dates as ISO text)."""
    columns: dict[str, object] = {name: [getattr(post, name) for post in posts] for name in Listed._fields}
    columns["date"] = [post.date.isoformat() for post in posts]
    return json.dumps({"stamp": stamp(), "files": stamps, **columns}, ensure_ascii=False)


def _listed(relpath: str, data: dict, values: Callable[[dict], tuple]) -> Listed | None:
    """The post's values from a summary dict (by ``values``, :func:`.postinfo.summary_values`),
    or None for a damaged index entry."""
    try:
        title, date, tags, description, problems, *_ = values(data)
    except ValueError:
        return None
    return Listed(relpath, title, date, tags, description, problems)


def _tidy(top: str, litter: list[str], files: list[os.DirEntry]) -> None:
    """Remove stale temporary files in the root and the folders holding posts (as
    :func:`.instances.tidy_temporaries`), looking only where the walk saw such a name."""
    from .instances import stale_before
    from .storage import remove_stale_temporaries

    folders = {top, *(os.path.dirname(entry.path) for entry in files)}
    remove_stale_temporaries([folder for folder in litter if folder in folders], stale_before())
