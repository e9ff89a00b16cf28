"""Atomic file writes: a temporary file in the same folder, flushed, synced, then renamed over.

The old file is untouched until the final rename, and no temporary file is left behind when
anything fails (disk full, read-only folder, permission denied). Only a process killed between
the write and the rename leaves one: ``.NAME.journal-app-XXXXXXXX.tmp``, a name no other
program uses, so ``remove_stale_temporaries`` can clear exactly those and nothing else.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import SaveError
from .words import QT_TRANSLATE_NOOP, Words

TEMP_MARKER = "journal-app-"
# what tempfile.mkstemp makes of our prefix and suffix: 8 characters of its random alphabet
_TEMPORARY = re.compile(r"\..+\." + re.escape(TEMP_MARKER) + r"[a-z0-9_]{8}\.tmp")


def cache_folder() -> Path:
    """Where caches go: $JOURNAL_APP_CACHE_DIR, else $XDG_CACHE_HOME/journal_app, else ~/.cache."""
    from .indexfile import cache_folder_name

    return Path(cache_folder_name())


_REASONS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("Core", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Core", "the disk quota is exceeded"),
    errno.EROFS: QT_TRANSLATE_NOOP("Core", "the file system is read-only"),
    errno.EACCES: QT_TRANSLATE_NOOP("Core", "permission was denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("Core", "permission was denied"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Core", "the path is a folder"),
    errno.ENOENT: QT_TRANSLATE_NOOP("Core", "the folder does not exist"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Core", "a part of the path is not a folder"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Core", "the file name is too long"),
    errno.ELOOP: QT_TRANSLATE_NOOP("Core", "the path is a loop of symbolic links"),
    errno.EEXIST: QT_TRANSLATE_NOOP("Core", "a file of that name is in the way"),
}
_READ_ONLY_FILE = QT_TRANSLATE_NOOP("Core", "the file is read-only")
UNCHANGED = QT_TRANSLATE_NOOP("Core", "Could not save {path}: {reason}; the file on disk was not changed.")


def describe_os_error(exc: OSError) -> str:
    """A short readable reason for an OSError."""
    return str(os_error_words(exc))


def os_error_words(exc: OSError) -> Words:
    """:func:`describe_os_error` as :class:`Words`: one of the reasons above, else the system's
    own words (``strerror``, English)."""
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    if reason:
        return Words(reason)
    return Words("{reason}", {"reason": exc.strerror or str(exc)})


def atomic_write(path: str | os.PathLike, data: bytes, *, durable: bool = True) -> os.stat_result:
    """Replace the file at ``path`` with ``data`` atomically, keeping its permissions; with
    ``durable`` (the default) the file and its folder are on disk before this returns. Returns
    the file written as it was when it took the place of the old one (its time and size: a stat
    of ``path`` afterwards could already see another program's write)."""
    target = Path(path)
    folder = target.parent
    mode = writable_mode(target)
    temp_name = None
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{TEMP_MARKER}", suffix=".tmp", dir=folder
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
            written = os.fstat(stream.fileno())  # (the rename and chmod keep its time and size)
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
        temp_name = None
        if durable:
            _sync_folder(folder)
        return written
    except OSError as exc:
        raise SaveError(UNCHANGED, path=target, reason=os_error_words(exc)) from exc
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


def writable_mode(target: Path) -> int | None:
    """The permissions of the file at ``target`` (None when there is none), once it is checked
    that :func:`atomic_write` may replace it: raises SaveError for a folder or a read-only file."""
    if target.is_dir():
        raise SaveError(
            QT_TRANSLATE_NOOP("Core", "Could not save {path}: the path is a folder."), path=target
        )
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise SaveError(
            QT_TRANSLATE_NOOP("Core", "Could not save {path}: {reason}."),
            path=target,
            reason=os_error_words(exc),
        ) from exc
    if mode is not None and not os.access(target, os.W_OK):
        # the rename would replace it anyway; a read-only file is the owner's wish to keep it
        reason = Words(_REASONS[errno.EROFS] if _read_only_mount(target.parent) else _READ_ONLY_FILE)
        raise SaveError(UNCHANGED, path=target, reason=reason)
    return mode


def is_temporary_name(name: str) -> bool:
    """True for the name of a temporary file ``atomic_write`` makes."""
    return _TEMPORARY.fullmatch(name) is not None


def remove_stale_temporaries(folders: Iterable[str | os.PathLike[str]], before: float) -> list[Path]:
    """Remove our own temporary files last modified before ``before`` (a time.time() value)
    directly in each of ``folders``; returns the files removed.

    Only regular files named as ``atomic_write`` names them are touched; a symlink, a folder
    or any other name is left alone, and a file that cannot be removed is left for next time.
    """
    removed = []
    for folder in folders:
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        with entries:
            for entry in entries:
                if not (entry.name.endswith(".tmp") and is_temporary_name(entry.name)):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and info.st_mtime < before:
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
                except OSError:
                    continue
    return removed


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
