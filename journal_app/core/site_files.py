"""The files of an exported site: written aside, then moved into place together.

Every page an export makes new or changed is first written into a hidden folder of the site
(:class:`Staging`, made afresh for each export and only ever written by it), one plain write a
page, and moved over the old pages only once every page, the index and the tag pages are
written: a failed or cancelled export leaves the site as it was (never new pages beside an old
index that links them wrong), and the next export renders what it did not finish. Also here:
the removal of the pages of posts that are gone, and the stamps the manifest keeps.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from .boundary import read_regular, real_inside
from .encoding import displayable_bytes
from .errors import SaveError
from .export import target_inside
from .storage import os_error_words, writable_mode
from .words import QT_TRANSLATE_NOOP

STAGING_PREFIX = ".journal-export-"
STALE_STAGING_SECONDS = 3600  # a staging folder older than this was left by an export that died
MARK = ".journal-export-staging"  # in each staging folder: "journal_app PID" of the export
_PAGE_NAME = re.compile(r"posts/[^/\\\x00]+\.html")
NOT_STAGED = QT_TRANSLATE_NOOP("Core", "Could not write the site into {folder}: {reason}.")


class Staging:
    """The files an export writes into ``out``, held aside until :meth:`commit`."""

    def __init__(self, out: Path):
        self.out = out
        remove_stale_staging(out)
        try:
            self.folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        except OSError as exc:
            raise SaveError(NOT_STAGED, folder=out, reason=os_error_words(exc)) from exc
        try:
            (self.folder / MARK).write_text(f"journal_app {os.getpid()}", encoding="ascii")
        except OSError as exc:
            self.discard()
            raise SaveError(NOT_STAGED, folder=out, reason=os_error_words(exc)) from exc
        self.made: set[Path] = set()  # the folders already made in the staging folder
        self.checked: set[Path] = set()  # the site's folders seen to lie inside it (this process)

    def put(self, relative: str, text: str) -> bool:
        """Hold ``text`` for ``out/relative``; False when that file already holds exactly it.
        Raises SaveError when the file could not be replaced (a symbolic link leading out of
        the site, a folder or a read-only file in its place), before any page is moved."""
        data = displayable_bytes(text)
        target = self.out / relative
        try:  # only a regular file is read (a FIFO or a link put there must not hang or lead out)
            if not os.path.islink(target) and read_regular(target, len(data)) == data:
                return False
        except OSError:
            pass
        mode = writable_mode(target_inside(self.out, relative, make=False, checked=self.checked))
        staged = self.folder / relative
        try:
            if staged.parent not in self.made:
                staged.parent.mkdir(parents=True, exist_ok=True)
                self.made.add(staged.parent)
            with open(staged, "wb") as stream:  # (a folder of this export's own: no one else's file)
                stream.write(data)
            if mode is not None:
                os.chmod(staged, mode)
        except OSError as exc:
            raise SaveError(NOT_STAGED, folder=self.out, reason=os_error_words(exc)) from exc
        return True

    def commit(self, names: list[str]) -> None:
        """Move the files held for ``names`` (each given to :meth:`put`, which said True) into
        place, their folders made and checked once each."""
        ready: set[Path] = set()  # (checked again: the site is not ours while this runs)
        for relative in names:
            target = target_inside(self.out, relative, checked=ready)
            try:
                os.replace(self.folder / relative, target)
            except OSError as exc:
                raise SaveError(NOT_STAGED, folder=self.out, reason=os_error_words(exc)) from exc

    def discard(self) -> None:
        """Remove the staging folder and whatever it still holds."""
        shutil.rmtree(self.folder, ignore_errors=True)


def remove_stale_staging(out: Path) -> None:
    """Remove the staging folders that exports which died left in ``out``: only real folders
    of our name holding our mark, whose export's process is gone and which were not touched for
    an hour (a folder of the user's that happens to share the name is never touched, nor one an
    export still writes into)."""
    try:
        entries = list(os.scandir(out))
    except OSError:
        return
    for entry in entries:
        try:
            if (
                entry.name.startswith(STAGING_PREFIX)
                and entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < time.time() - STALE_STAGING_SECONDS
                and _left_by_the_dead(Path(entry.path) / MARK)
            ):
                shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            continue


def _left_by_the_dead(mark: Path) -> bool:
    """Whether ``mark`` is an export's mark (a regular file) naming a process that is gone."""
    if mark.is_symlink() or not mark.is_file():
        return False
    try:
        word, pid = read_regular(mark, 64).decode("ascii").split(" ")
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return word == "journal_app"
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return False  # (alive, or not ours to ask about)


def remove_page(out: Path, page: object) -> None:
    """Remove a post page the manifest names, only when it is one of ours: ``posts/NAME.html``,
    a regular file really inside ``out`` (the manifest may come from someone else)."""
    if not isinstance(page, str) or not _PAGE_NAME.fullmatch(page):
        return
    target = out / page
    if target.is_symlink() or not real_inside(target.parent, out) or not target.is_file():
        return
    try:
        target.unlink()
    except OSError:
        pass


def stamp(path: Path) -> list[int] | None:
    """What the manifest remembers of a file a page depends on: its modification time and
    size (None when it is not there)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_mtime_ns, status.st_size]


def images_changed(entry: dict, root: Path, out: Path) -> bool:
    """Whether a page's images changed since it was written (or their copies in the site are
    gone), or a missing one appeared."""
    for path, stamped in entry.get("images", {}).items():
        if stamp(Path(path)) != stamped:
            return True
        try:
            copy = out / "images" / Path(path).resolve().relative_to(root.resolve())
        except ValueError:
            continue
        if not copy.is_file():
            return True
    return any(map(os.path.isfile, entry.get("missing", [])))
