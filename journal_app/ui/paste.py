"""What a paste or a drop puts in the post, from the clipboard's (or the drag's) QMimeData.

- Files (dropped, or copied in a file manager): images are kept in the journal
  (:mod:`..core.attachments`: copied in from outside it, under a name from the post and a hash)
  and shown with ``![](path)``; other files inside the journal get a link.
- An image (a screenshot): saved the same way, in its own format when the clipboard offers
  one we know by its bytes, else as PNG.
- HTML (a browser's copy) that has structure (links, headings, lists, emphasis, tables...)
  becomes markdown through markdownify; scripts and styles go with their content, links to
  ``javascript:`` and ``data:`` images go. Nothing of it is ever shown as markup.
- Anything else: its plain text, unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMimeData

from ..core.attachments import NotAnImage, keep_image, link_to_file
from ..core.boundary import HEAD_BYTES, image_type
from .problem_words import words

# tags that make a copied piece of HTML worth converting; a copy of plain text from an app
# that puts it in <span>s and <p>s is pasted as its text
_STRUCTURE = re.compile(
    r"<(?:a|h[1-6]|ul|ol|li|strong|b|em|i|table|img|blockquote|pre|code|del|s|hr)[\s>/]", re.IGNORECASE
)
_ONE_IMAGE = re.compile(
    r"(?is)\s*(?:<meta[^>]*>\s*)?(?:<html>\s*<body>\s*)?<img\b[^>]*>\s*(?:</body>\s*</html>)?\s*"
)
_SAFE_LINK = re.compile(r"(?:https?|mailto|ftp):|[^:]*$", re.IGNORECASE)  # a scheme we know, or none


@dataclass(frozen=True)
class Place:
    """The post the paste goes into: its file, its journal and the platform (flavor)."""

    post: Path
    root: Path
    flavor: str


@dataclass(frozen=True)
class Pasted:
    """What to insert (``text``; ``block`` when it goes on lines of its own) and what to say."""

    text: str
    block: bool = False
    message: str = ""
    kept: tuple[Path, ...] = ()  # image files written into the journal for it


@cache
def _converter_class() -> type:
    """markdownify's converter, keeping nothing that could run or that points at a script or
    inline data (made on the first HTML paste: markdownify and Beautiful Soup take a tenth of a
    second to import, which the window's start does not need)."""
    from markdownify import MarkdownConverter

    class Converter(MarkdownConverter):
        def convert_a(self, el, text, parent_tags):  # noqa: D102 (markdownify's hook)
            if not _SAFE_LINK.match(el.get("href", "")):
                return text
            return super().convert_a(el, text, parent_tags)

        def convert_img(self, el, text, parent_tags):  # noqa: D102 (markdownify's hook)
            if not _SAFE_LINK.match(el.get("src", "")):
                return el.get("alt", "")
            return super().convert_img(el, text, parent_tags)

    return Converter


def html_to_markdown(html: str) -> str:
    """Markdown for a copied piece of HTML (scripts and styles dropped with their content)."""
    converter = _converter_class()(
        heading_style="ATX",
        bullets="-",
        escape_underscores=False,
        strip=["script", "style", "iframe", "object", "embed", "form", "input", "button"],
    )
    html = re.sub(r"(?is)<(script|style|template|noscript)\b.*?</\1\s*>", "", html)
    return converter.convert(html).strip("\n")


def has_structure(html: str) -> bool:
    """True when the HTML says more than its text (a link, a heading, a list ...)."""
    return _STRUCTURE.search(html) is not None


def image_bytes(mime: QMimeData) -> bytes | None:
    """The image on the clipboard: its own bytes when offered in a format known by its bytes,
    else the decoded image as PNG; None when there is none."""
    for name in mime.formats():
        if name.startswith("image/"):
            data = bytes(mime.data(name).data())
            if image_type(data[:HEAD_BYTES]) is not None:
                return data
    if mime.hasImage():
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image = mime.imageData()
        if image is not None and not image.isNull() and image.save(buffer, "PNG"):
            return bytes(buffer.data().data())
    return None


def is_picture(mime: QMimeData) -> bool:
    """Whether the clipboard holds a picture rather than text that comes with a picture of
    itself (office programs put a rendering of the copied text beside it): no text, or HTML
    that is one image (a browser's Copy Image)."""
    if not mime.hasText() or not mime.text().strip():
        return True
    return mime.hasHtml() and _ONE_IMAGE.fullmatch(mime.html()) is not None


def local_files(mime: QMimeData) -> list[Path]:
    """The local files among the URLs (dropped files, files copied in a file manager)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def can_insert(mime: QMimeData) -> bool:
    """Whether a paste or drop of ``mime`` gives something to insert (asked on every move of a
    drag: the image, copied or encoded, is looked for last)."""
    return bool(local_files(mime)) or mime.hasHtml() or mime.hasText() or image_bytes(mime) is not None


def pasted(mime: QMimeData, place: Place | None, plain: bool = False) -> Pasted:
    """What pasting (or dropping) ``mime`` into the post at ``place`` inserts; ``plain``: the
    text only (Paste as Plain Text)."""
    if plain:
        return Pasted(mime.text())
    files = local_files(mime)
    image = None if files or not is_picture(mime) else image_bytes(mime)
    if files or image is not None:
        if place is None:
            return Pasted(
                "",
                message=QCoreApplication.translate(
                    "Paste", "Images can be added to a post saved in a journal."
                ),
            )
        return _attached(files, image, place)
    if mime.hasHtml() and has_structure(mime.html()):
        converted = html_to_markdown(mime.html())
        if converted.strip():
            return Pasted(converted)
    return Pasted(mime.text())


def _attached(files: list[Path], image: bytes | None, place: Place) -> Pasted:
    lines, problems = [], []
    kept: list[Path] = []
    if image is not None:
        try:
            lines.append(f"![]({keep_image(image, place.post, place.root, place.flavor, kept)})")
        except (OSError, NotAnImage) as error:
            problems.append(
                QCoreApplication.translate("Paste", "Could not keep the image: {error}").format(
                    error=words(error)
                )
            )
    for path in files:
        try:
            lines.append(link_to_file(path, place.post, place.root, place.flavor, kept))
        except NotAnImage as error:
            problems.append(words(error))
        except OSError as error:
            said = QCoreApplication.translate("Paste", "Could not add {name}: {error}")
            problems.append(said.format(name=path.name, error=error.strerror or error))
    return Pasted("\n".join(lines), block=True, message="; ".join(problems), kept=tuple(kept))
