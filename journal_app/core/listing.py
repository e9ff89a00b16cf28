"""Listing one folder of a journal again and comparing it with what the journal knows, without
touching the journal, so that it can run on another thread.

A folder watch says only that names in a folder came, went or were replaced. Listing a folder
of thousands of posts and comparing it name by name takes tens of milliseconds, so the window
does it on a worker thread: :meth:`.Journal.begin_sync` copies, for each folder, the posts the
journal knows in it and their inode numbers into a :class:`FolderLook`; :func:`list_folder`
lists the folder and notes what differs; :meth:`.Journal.finish_sync`, back on the journal's
thread, reads the posts it names, each checked against the journal as it is by then.

:class:`Walker` is the walk of a whole journal (the scan's, the sync's, and a :class:`.ScanWork`'s
on another thread), noting the folders it listed and those it could not read in sets of its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .postfiles import MAX_FOLDER_DEPTH as MAX_FOLDER_DEPTH  # (these four lived here)
from .postfiles import POST_SUFFIXES as POST_SUFFIXES
from .postfiles import SKIPPED_FOLDERS as SKIPPED_FOLDERS
from .postfiles import split_entries as split_entries
from .problems import Problem, ProblemKind, folder_error_kind
from .words import QT_TRANSLATE_NOOP


def maybe_link(entry: os.DirEntry) -> bool:
    """True when the listed file is a symbolic link, or could not be told apart from one (the
    caller then looks at where it leads, as it does for a link)."""
    try:
        return entry.is_symlink()
    except OSError:
        return True


@dataclass
class FolderLook:
    """One folder to list again: what the journal knew of it (a copy), then what the listing
    found (filled in by :func:`list_folder`)."""

    folder: str
    known: frozenset[str]  # the journal's posts in the folder (not those below)
    inodes: dict[str, int]  # post -> its inode number when it was listed or read
    listed: bool = False  # False: not listed yet, or it could not be listed
    gone: list[str] = field(default_factory=list)  # known posts no longer there
    files: list[os.DirEntry] = field(default_factory=list)  # post files new by name or inode
    folders: list[str] = field(default_factory=list)  # every subfolder a scan reads
    others: list[str] = field(default_factory=list)  # known posts replaced by something else


def list_folder(look: FolderLook) -> None:
    """List ``look.folder`` one level and note in ``look`` what differs from what the journal
    knew; ``look.listed`` stays False when the folder cannot be listed. Reads no journal."""
    try:
        with os.scandir(look.folder) as listing:
            entries = {entry.path: entry for entry in listing}
    except OSError:
        return
    # names compared as sets (in C): the few names that came or went, and each known name
    # only for its inode number
    listed = entries.keys()
    look.gone = list(look.known - listed)
    inodes = look.inodes
    replaced = [entries[path] for path in look.known & listed if inodes.get(path) != entries[path].inode()]
    look.files, look.folders = split_entries([entries[path] for path in listed - look.known] + replaced)
    posts = {entry.path for entry in look.files}
    look.others = [entry.path for entry in replaced if entry.path not in posts]
    look.listed = True


@dataclass
class SyncWork:
    """A sync split in two (:meth:`.Journal.begin_sync`, :meth:`.Journal.finish_sync`): the
    folders to list, which :meth:`run` lists on any thread, and the other paths."""

    looks: list[FolderLook] = field(default_factory=list)
    paths: list[os.PathLike] = field(default_factory=list)  # files, and folders new to the journal

    def run(self) -> None:
        """List the folders (any thread; the journal is not touched). A folder that fails in
        any way is left unlisted, and finishing the sync walks it on the journal's thread."""
        for look in self.looks:
            try:
                list_folder(look)
            except Exception:  # never a lost change: the walk records why it failed
                look.listed = False


class Walker:
    """The walk of a journal's folders for post files, noting the folders it listed (or tried
    to) in ``folders`` and why some could not be read in ``unreadable``; it touches nothing
    else, so a walk can run on any thread with sets of its own."""

    def __init__(self, root: Path, folders: set[str], unreadable: dict[str, Problem]):
        self.root = root
        self.folders = folders
        self.unreadable = unreadable

    def walk(
        self,
        top: Path,
        folders_seen: list[str] | None = None,
        inodes: dict[str, int] | None = None,
        links: set[str] | None = None,
    ) -> list[str]:
        """Post files under ``top``, each folder's files before its subfolders, names sorted:
        an explicit stack, so no depth of folders can exhaust Python's recursion. The folders
        read are added to ``folders_seen``, the files' inode numbers to ``inodes``, the files
        that are symbolic links (or may be: see :func:`maybe_link`) to ``links``."""
        found: list[str] = []
        start = len(top.parts) - len(self.root.parts) if self.root in top.parents else 0
        stack = [(str(top), start)]
        while stack:
            folder, depth = stack.pop()
            if folders_seen is not None:
                folders_seen.append(folder)
            listed = self.list_one(folder, depth)
            if listed is None:
                continue
            files, folders = listed
            found.extend(entry.path for entry in files)
            if inodes is not None:
                inodes.update((entry.path, entry.inode()) for entry in files)
            if links is not None:
                links.update(entry.path for entry in files if maybe_link(entry))
            stack.extend((path, depth + 1) for path in reversed(folders))
        return found

    def list_one(self, folder: str, depth: int) -> tuple[list[os.DirEntry], list[str]] | None:
        """One folder's post files and the subfolders the scan reads (none deeper than
        MAX_FOLDER_DEPTH), names sorted; None when it cannot be listed (a problem recorded)."""
        self.folders.add(folder)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            from .post import read_error_words  # (only here: listing reads no post)

            where = str(error.filename or folder)
            said = read_error_words(Path(where), error)
            self.unreadable[where] = Problem.saying(said, kind=folder_error_kind(error))
            return None
        files, folders = split_entries(entries)
        return files, self.not_too_deep(folders, folder, depth)

    def not_too_deep(self, folders: list[str], folder: str, depth: int) -> list[str]:
        """The subfolders of ``folder`` the scan reads: none deeper than MAX_FOLDER_DEPTH (a
        problem recorded if there are some)."""
        if folders and depth >= MAX_FOLDER_DEPTH:
            self.unreadable[folder] = Problem.of(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Did not read the folders in {folder}: they lie more "
                    "than {depth} folders deep in the journal.",
                ),
                kind=ProblemKind.FOLDER_TOO_DEEP,
                folder=folder,
                depth=MAX_FOLDER_DEPTH,
            )
            folders = []
        return folders
