"""The journal's boundary: what a post names is used only when it really lies inside.

A post is untrusted input. Anything it points at (an image, the post file itself when it is a
symbolic link) counts as inside the journal only when its real path, with every symbolic link
resolved, lies under the journal's real root (for a post opened on its own: under the post's
own folder). An image is used only when it is also a regular file whose first bytes are those of
an image (PNG, JPEG, GIF, WebP, AVIF, BMP, ICO or SVG text), whatever its name says.

Preview, page export, the site, ``check`` and the journal scan all ask these functions. The
signatures are written out here (eight formats, a few bytes each) because the image libraries
that sniff types either leave SVG out or decode whole files.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .problems import ProblemKind, RefusedFile
from .words import QT_TRANSLATE_NOOP, Words

MAX_IMAGE_BYTES = 64 * 1024 * 1024  # larger files are never embedded or copied
MAX_POST_BYTES = 64 * 1024 * 1024  # larger posts are refused (read here, so that a reader of posts
# that does not build a Post needs no import of the post module)
HEAD_BYTES = 4096  # enough to see an SVG's root element after an XML prolog and comments
_SVG = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*"
    rb"<svg[\s>/]",
    re.DOTALL | re.IGNORECASE,
)


def real_inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """True when the real path of ``path`` (symlinks resolved) is ``folder`` or lies under it."""
    try:
        return _under(os.path.realpath(path), os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def _under(real: str, top: str) -> bool:
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


_FILE_TYPES = (
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("Core", "a named pipe (FIFO)")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("Core", "a socket")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("Core", "a device")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("Core", "a device")),
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("Core", "a folder")),
)
_SPECIAL = QT_TRANSLATE_NOOP("Core", "a special file")
# why an image file that is there is not used (LocalImage.refused)
CANNOT_BE_READ = QT_TRANSLATE_NOOP("Core", "it cannot be read")
LIES_OUTSIDE = QT_TRANSLATE_NOOP("Core", "it lies outside the journal")
NOT_REGULAR = QT_TRANSLATE_NOOP("Core", "it is not a regular file")
NOT_AN_IMAGE = QT_TRANSLATE_NOOP("Core", "it is not an image")
_LARGER = QT_TRANSLATE_NOOP("Core", "it is larger than {size} MB")
_IMAGE_LIMIT = {"size": MAX_IMAGE_BYTES // 2**20}


def _refuse(info: os.stat_result, limit: int, head: bool) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _FILE_TYPES if test(info.st_mode)), _SPECIAL)
        reason = Words(
            QT_TRANSLATE_NOOP("Core", "it is {kind}, not a regular file; it is not read"),
            {"kind": Words(kind)},
        )
        raise RefusedFile(reason, ProblemKind.NOT_REGULAR)
    if not head and info.st_size > limit:
        template = QT_TRANSLATE_NOOP("Core", "the file is {size} MB, larger than the {limit} MB it may be")
        values = {"size": info.st_size // 2**20, "limit": limit // 2**20 or 1}
        raise RefusedFile(Words(template, values), ProblemKind.TOO_LARGE)


def read_file(path: str | os.PathLike, limit: int, *, head: bool = False) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its stat, at most ``limit`` bytes (``head``: the first
    ``limit`` bytes of a file of any size; otherwise a larger file is refused).

    A pipe, socket, device or folder is refused before it is opened (opening a device can do
    things), and again after a non-blocking open (it may have been swapped in between), so a file
    a post names, or one put in a site folder, cannot hang or flood the app. Raises OSError
    (:class:`RefusedFile` for what is refused on purpose).
    """
    _refuse(os.stat(path), limit, head)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    with os.fdopen(os.open(path, flags), "rb") as stream:
        info = os.fstat(stream.fileno())
        _refuse(info, limit, head)
        # one byte past what fstat says shows a file that grew; never more than the limit + 1
        data = stream.read(min(limit + (0 if head else 1), info.st_size + 1))
    if not head and len(data) > limit:
        template = QT_TRANSLATE_NOOP("Core", "the file grew past the {limit} MB it may be while it was read")
        raise RefusedFile(Words(template, {"limit": limit // 2**20 or 1}), ProblemKind.TOO_LARGE)
    return data, info


def read_regular(path: str | os.PathLike, limit: int, *, head: bool = False) -> bytes:
    """The bytes of :func:`read_file`."""
    return read_file(path, limit, head=head)[0]


def image_type(head: bytes) -> str | None:
    """The MIME type of an image by its first bytes, or None when they are not an image's."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:12] in (b"ftypavif", b"ftypavis"):
        return "image/avif"
    if head[:2] == b"BM" and len(head) >= 26:
        return "image/bmp"
    if head[:4] == b"\x00\x00\x01\x00":
        return "image/x-icon"
    if b"\x00" not in head and _SVG.match(head):
        return "image/svg+xml"
    return None


@dataclass(frozen=True)
class LocalImage:
    """What a post's local image source comes to: a usable file, a refusal, or nothing."""

    src: str
    path: Path | None = None  # the real path of the file to use
    mime: str = ""
    refused: str = ""  # why a file that is there is not used (no path then)

    @property
    def missing(self) -> bool:
        """True when no file is there at all."""
        return self.path is None and not self.refused


def vet_image(src: str, candidate: Path, top: str) -> LocalImage | None:
    """``candidate`` as a usable image, a refusal with its reason, or None when nothing is there.

    ``top`` is the real path of the boundary (the journal root, or the post's folder).
    """
    if not os.path.lexists(candidate):
        return None
    try:
        real = os.path.realpath(candidate)
    except (OSError, ValueError):
        return LocalImage(src, refused=CANNOT_BE_READ)
    if not _under(real, top):
        return LocalImage(src, refused=LIES_OUTSIDE)
    try:
        head, info = read_file(real, HEAD_BYTES, head=True)
    except RefusedFile:
        return LocalImage(src, refused=NOT_REGULAR)
    except OSError:
        return LocalImage(src, refused=CANNOT_BE_READ)
    if info.st_size > MAX_IMAGE_BYTES:
        return LocalImage(src, refused=_LARGER.format(**_IMAGE_LIMIT))
    mime = image_type(head)
    if mime is None:
        return LocalImage(src, refused=NOT_AN_IMAGE)
    return LocalImage(src, Path(real), mime)


def refusal_words(reason: str) -> Words:
    """A ``LocalImage.refused`` reason as :class:`Words` (its template and values)."""
    if reason == _LARGER.format(**_IMAGE_LIMIT):
        return Words(_LARGER, _IMAGE_LIMIT)
    return (
        Words(reason)
        if reason in (CANNOT_BE_READ, LIES_OUTSIDE, NOT_REGULAR, NOT_AN_IMAGE)
        else Words("{reason}", {"reason": reason})
    )


def read_image(image: LocalImage) -> bytes:
    """The bytes of a vetted image, checked again as they are read (the file may have changed).

    Raises OSError when it is no longer a regular image file of a sensible size.
    """
    if image.path is None:
        raise OSError(f"{image.src}: {image.refused or 'not found'}")
    data = read_regular(image.path, MAX_IMAGE_BYTES)
    if image_type(data[:HEAD_BYTES]) is None:
        raise OSError(f"{image.src}: it is not an image")
    return data
