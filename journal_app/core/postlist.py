"""A journal's posts as ``journal-app list`` prints them, read without building a :class:`.Journal`.

The same posts as the journal's scan finds (hidden, build, symlinked and too deep folders left
out), each summary as the journal has it: from the summary index while the file is unchanged
(every entry checked as the journal checks it, a damaged one read again), the others read from
their files, simple headers alone (:func:`.postinfo.read_summary`), and put in the index; newest
first. A warm list stats each file and reads the index: it loads neither the post reader nor
YAML, and makes no :class:`.PostInfo` or :class:`~pathlib.Path` per post. Temporary files a
killed save left are removed as opening the journal removes them.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from .boundary import real_inside
from .index import SummaryIndex
from .listing import MAX_FOLDER_DEPTH, split_entries
from .parallel import chunked_map
from .postinfo import read_summaries, summary_values

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
    files, litter = _walk(top)
    prefix = top + os.sep
    index = SummaryIndex(Path(top))
    try:
        found: list[tuple[str, str, dict]] = []
        missing: list[tuple[str, str, str]] = []
        for entry in files:
            path = entry.path
            relpath = path[len(prefix) :].replace(os.sep, "/")
            # a link out of the journal is never taken from the index: read_summary refuses it
            outside = entry.is_symlink() and not real_inside(path, top)
            cached = None if outside else index.lookup(path)
            if cached is None:
                missing.append((path, relpath, top))
            else:
                found.append((path, relpath, cached))
        listed = [_listed(relpath, data) for _, relpath, data in found]
        damaged = [(path, relpath, top) for (path, relpath, _), item in zip(found, listed) if item is None]
        read, _ = chunked_map(read_summaries, missing + damaged, minimum=PARALLEL_MINIMUM, chunk=CHUNK)
        for (path, relpath, _), data in zip(missing + damaged, read):
            if data["readable"]:
                index.put_current(path, data)
            listed.append(_listed(relpath, data))
        index.keep_only({entry.path for entry in files})
    finally:
        index.close()
    if litter:
        _tidy(top, litter, files)
    posts = [item for item in listed if item is not None]
    posts.sort(key=lambda item: (-item.date.timestamp(), item.relpath))
    return posts


def _listed(relpath: str, data: dict) -> Listed | None:
    """The post's values from a summary dict, or None for a damaged index entry."""
    try:
        title, date, tags, description, problems, *_ = summary_values(data)
    except ValueError:
        return None
    return Listed(relpath, title, date, tags, description, problems)


def _walk(top: str) -> tuple[list[os.DirEntry], list[str]]:
    """The post files under ``top`` (the folders a scan reads, none deeper than
    ``MAX_FOLDER_DEPTH``), and the folders holding a name a temporary file could have."""
    files: list[os.DirEntry] = []
    litter: list[str] = []
    stack = [(top, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue  # the journal records why; the list shows the posts it can read
        posts, folders = split_entries(entries)
        files.extend(posts)
        if any(entry.name.endswith(".tmp") for entry in entries):
            litter.append(folder)
        if depth < MAX_FOLDER_DEPTH:
            stack.extend((path, depth + 1) for path in folders)
    return files, litter


def _tidy(top: str, litter: list[str], files: list[os.DirEntry]) -> None:
    """Remove stale temporary files in the root and the folders holding posts (as
    :func:`.instances.tidy_temporaries`), looking only where the walk saw such a name."""
    from .instances import stale_before
    from .storage import remove_stale_temporaries

    folders = {top, *(os.path.dirname(entry.path) for entry in files)}
    remove_stale_temporaries([folder for folder in litter if folder in folders], stale_before())
