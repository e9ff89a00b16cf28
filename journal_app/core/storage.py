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

TEMP_MARKER = "journal-app-"
# what tempfile.mkstemp makes of our prefix and suffix: 8 characters of its random alphabet
_TEMPORARY = re.compile(r"\..+\." + re.escape(TEMP_MARKER) + r"[a-z0-9_]{8}\.tmp")

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.EISDIR: "the path is a folder",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ELOOP: "the path is a loop of symbolic links",
    errno.EEXIST: "a file of that name is in the way",
}


def describe_os_error(exc: OSError) -> str:
    """A short readable reason for an OSError."""
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    return reason or exc.strerror or str(exc)


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` atomically, keeping its permissions."""
    target = Path(path)
    if target.is_dir():
        raise SaveError(f"Could not save {target}: the path is a folder.")
    folder = target.parent
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise SaveError(f"Could not save {target}: {describe_os_error(exc)}.") from exc
    if mode is not None and not os.access(target, os.W_OK):
        # the rename would replace it anyway; a read-only file is the owner's wish to keep it
        reason = "the file system is read-only" if _read_only_mount(folder) else "the file is read-only"
        raise SaveError(f"Could not save {target}: {reason}; the file on disk was not changed.")
    temp_name = None
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{TEMP_MARKER}", suffix=".tmp", dir=folder
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
        temp_name = None
        _sync_folder(folder)
    except OSError as exc:
        raise SaveError(
            f"Could not save {target}: {describe_os_error(exc)}; the file on disk was not changed."
        ) from exc
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


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
