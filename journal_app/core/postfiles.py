"""Which files of a journal are posts and which folders a walk enters, with nothing but ``os``.

The rules every walk of a journal shares (the scan's, the sync's, ``journal-app list``'s): post
files end in ``.md`` or ``.markdown`` and are not hidden; hidden, build output and symlinked
folders are left out, and no walk goes deeper than ``MAX_FOLDER_DEPTH`` folders below the root.
Kept apart from :mod:`.listing` so that a command reading only the summary index loads no more
than this.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

POST_SUFFIXES = (".md", ".markdown")
SKIPPED_FOLDERS = frozenset({"_site", "public", "node_modules"})
MAX_FOLDER_DEPTH = 64  # folders below the root; deeper ones are reported, not read


def split_entries(entries: Iterable[os.DirEntry]) -> tuple[list[os.DirEntry], list[str]]:
    """Of a folder's ``entries``: its post files, and the subfolders a scan reads (hidden,
    build and symlinked folders left out)."""
    files, folders = [], []
    for entry in entries:
        try:
            is_folder = entry.is_dir()
            linked = is_folder and entry.is_symlink()
        except OSError:
            is_folder = linked = False
        if linked:
            continue  # a symlinked folder is never followed
        if is_folder:
            if not entry.name.startswith(".") and entry.name not in SKIPPED_FOLDERS:
                folders.append(entry.path)
        elif entry.name.lower().endswith(POST_SUFFIXES) and not entry.name.startswith("."):
            files.append(entry)
    return files, folders


def more_posts_than(top: str, limit: int, entries_limit: int) -> bool:
    """Whether the walk from ``top`` could find more than ``limit`` post files: True once more
    than ``limit`` are seen, or more than ``entries_limit`` entries were looked at (a journal
    that large is taken as large), without sorting or keeping anything. The folders a walk
    enters, by its rules; no depth limit (the walk finds no more than counted here). A folder
    that cannot be listed counts as empty (the walk records why)."""
    posts = seen = 0
    stack = [top]
    while stack:
        try:
            with os.scandir(stack.pop()) as listing:
                for entry in listing:
                    seen += 1
                    files, folders = split_entries((entry,))
                    posts += len(files)
                    stack.extend(folders)
                    if posts > limit or seen > entries_limit:
                        return True
        except OSError:
            continue
    return False


def walk_posts(top: str) -> tuple[list[os.DirEntry], list[str]]:
    """The post files under ``top`` (the folders a scan reads, none deeper than
    ``MAX_FOLDER_DEPTH``), and the folders holding a name a temporary file could have (a
    ``.tmp``); a folder that cannot be listed is passed over."""
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
