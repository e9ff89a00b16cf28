"""Atomic file writes: a temporary file in the same folder, flushed, synced, then renamed over.

The old file is untouched until the final rename, and no temporary file is left behind when
anything fails (disk full, read-only folder, permission denied).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import SaveError

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
}


def describe_os_error(exc: OSError) -> str:
    """A short readable reason for an OSError."""
    return _REASONS.get(exc.errno, exc.strerror or str(exc))


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
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
        raise SaveError(f"Could not save {target}: {describe_os_error(exc)}; "
                        "the file on disk was not changed.") from exc
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


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
