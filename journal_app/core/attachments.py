"""Images brought into a post (pasted, dropped): where the journal keeps them, under which
name, and the link the post gets.

The folder is the one the platform expects: velog backups keep ``images/`` beside
``content/``; a Hugo page bundle (``index.md``) keeps its images beside it, other Hugo posts
``static/images`` (served at ``/images``); Jekyll ``assets/images``; anything else
``images/`` at the journal's root. The name is made of the post's name and a short hash of the
bytes, so the same image brought in twice is one file. Links are relative to the post, except
where the platform serves the folder at the site's root (Hugo's ``static``, Jekyll's
``assets``): those start with ``/``, as the platform and the preview read them. Never a path of
this machine.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .boundary import HEAD_BYTES, MAX_IMAGE_BYTES, image_type, read_regular, real_inside
from .storage import atomic_write
from .words import QT_TRANSLATE_NOOP, Words

EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/avif": "avif",
    "image/bmp": "bmp",
    "image/x-icon": "ico",
    "image/svg+xml": "svg",
}
_UNSAFE = re.compile(r"[^\w.-]+")
NAME_LENGTH = 40  # characters of the post's name kept in an image's name


class NotAnImage(ValueError):
    """The bytes are not an image's (or too many to keep); its sentence is kept as ``words``
    too (a marked template and its values, as :class:`.errors.JournalError` keeps it)."""

    def __init__(self, template: str, /, **values: object):
        super().__init__(template.format(**values))
        self.words = Words(template, values)


@dataclass(frozen=True)
class ImageHome:
    """Where a post's images go: the folder, and how a link from the post names a file there
    (``prefix`` + file name)."""

    folder: Path
    prefix: str


def image_home(post: Path, root: Path, flavor: str) -> ImageHome:
    """The folder for the images of the post at ``post`` in the journal at ``root``."""
    folder = post.parent
    if flavor == "hugo":
        if post.stem in ("index", "_index"):
            return ImageHome(folder, "")
        return ImageHome(root / "static" / "images", "/images/")
    if flavor == "jekyll":
        return ImageHome(root / "assets" / "images", "/assets/images/")
    if flavor == "velog" and folder.name == "content":
        home = folder.parent / "images"
    else:
        home = root / "images"
    relative = Path(os.path.relpath(home, folder)).as_posix()
    return ImageHome(home, "" if relative == "." else relative + "/")


def image_name(post: Path, data: bytes, mime: str) -> str:
    """``<post name>-<hash of the bytes>.<extension>``: the same bytes get the same name."""
    stem = post.parent.name if post.stem in ("index", "_index") else post.stem
    stem = _UNSAFE.sub("-", stem).strip("-.")[:NAME_LENGTH] or "image"
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{stem}-{digest}.{EXTENSIONS[mime]}"


def keep_image(data: bytes, post: Path, root: Path, flavor: str, kept: list[Path] | None = None) -> str:
    """Save the image ``data`` where the post's images go (once: the same bytes again reuse the
    file) and return the link to it; the file goes on ``kept`` when given. Raises NotAnImage,
    or OSError when it cannot be written."""
    mime = image_type(data[:HEAD_BYTES])
    if mime is None:
        raise NotAnImage(QT_TRANSLATE_NOOP("Core", "not an image"))
    if len(data) > MAX_IMAGE_BYTES:
        raise NotAnImage(QT_TRANSLATE_NOOP("Core", "larger than {size} MB"), size=MAX_IMAGE_BYTES // 2**20)
    home = image_home(post, root, flavor)
    name = image_name(post, data, mime)
    target = home.folder / name
    if not (target.is_file() and not target.is_symlink() and target.read_bytes() == data):
        if not real_inside(home.folder, root):
            raise OSError(f"{home.folder.name}: the folder lies outside the journal")
        home.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
    if kept is not None:
        kept.append(target)
    return home.prefix + name


def link_to_file(path: Path, post: Path, root: Path, flavor: str, kept: list[Path] | None = None) -> str:
    """The markdown for a file dropped on the post: an image is kept in the journal (copied in
    when it comes from outside it, linked where it is when it is inside) and shown; a file
    inside the journal that is not an image gets a link. Raises NotAnImage for any other file
    (only images are copied in), OSError when it cannot be read or written. An image copied in
    goes on ``kept`` when given."""
    inside = real_inside(path, root)
    head = read_regular(path, HEAD_BYTES, head=True)
    if image_type(head) is None:
        if not inside:
            raise NotAnImage(
                QT_TRANSLATE_NOOP("Core", "{name}: only images are copied into the journal"), name=path.name
            )
        relative = Path(os.path.relpath(os.path.realpath(path), os.path.realpath(post.parent)))
        return f"[{path.name}]({_link_target(relative.as_posix())})"
    if inside:
        relative = Path(os.path.relpath(os.path.realpath(path), os.path.realpath(post.parent)))
        return f"![]({_link_target(relative.as_posix())})"
    return f"![]({keep_image(read_regular(path, MAX_IMAGE_BYTES), post, root, flavor, kept)})"


def _link_target(target: str) -> str:
    """A link target as markdown reads it: in angle brackets when it holds spaces or parens."""
    return f"<{target}>" if re.search(r"[\s()<>]", target) else target
