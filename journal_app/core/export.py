"""A post -> a standalone HTML page that opens anywhere: no script, no CDN, images embedded.

The page uses the same renderer and CSS as the live preview. Local images are embedded as
``data:`` URIs (or, with ``copy_images``, copied into a folder beside the page and linked
relatively); remote images stay remote; missing ones become visible placeholders, and so do
files outside the journal, files that are not regular and files that are not images.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Template
from typing import cast
from urllib.parse import quote

from .. import __version__
from ..resources import resource_text
from .post import Post
from .boundary import LocalImage, read_image, read_regular, real_inside
from .encoding import displayable, displayable_bytes
from .errors import JournalError, SaveError
from .render import ImageUrl, NotShown, render_header, render_post
from .scan import image_top, is_remote, locate_image
from .storage import atomic_write
from .words import QT_TRANSLATE_NOOP

LIGHT_CODE_STYLE = "default"
DARK_CODE_STYLE = "github-dark"
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
# a text's UTF-8 with each ASCII letter as "a", every other byte as a space (a character of
# another script is made of bytes above 0x7f): its Latin words are then what split() gives
_LATIN_BYTES = bytes(97 if 65 <= byte <= 90 or 97 <= byte <= 122 else 32 for byte in range(256))
# fenced code (a fence at a line's start, closed by the same fence), code spans, tags, link
# targets and URLs; every alternative starts with a literal character, so the regex engine
# skips to the next candidate instead of trying each alternative at every position (4x faster)
_NOT_PROSE = re.compile(
    r"(?ms)`(?<=^`)(`{2,}).*?^`\1|~(?<=^~)(~{2,}).*?^~\2|`[^`\n]*`|<[^>\n]*>|\]\([^)\n]*\)|"
    r"https?://\S+|ftp://\S+|www\.\S+"
)
_UNSAFE = re.compile(r'[\\/:*?"<>|#%&{}$!\'`@+=\x00-\x1f\x7f]+')  # not in a file name


def safe_name(text: str, taken: set[str]) -> str:
    """A file name from ``text``: Korean kept, unsafe characters dropped, unique (casefolded)."""
    base = _UNSAFE.sub("", displayable(text)).strip().strip(".").replace(" ", "-")
    base = base.encode("utf-8")[:150].decode("utf-8", "ignore") or "page"  # names are bytes
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name.casefold())
    return name


@dataclass
class ExportResult:
    """What an export wrote and what it could not find."""

    path: Path
    images: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "src (why)": there, but not used


@cache
def page_css() -> str:
    """The page CSS: the shared style plus Pygments classes for light and dark schemes."""
    from pygments.formatters.html import HtmlFormatter

    light = HtmlFormatter(style=LIGHT_CODE_STYLE).get_style_defs(".highlight")
    dark = HtmlFormatter(style=DARK_CODE_STYLE).get_style_defs(".highlight")
    return (
        resource_text("style.css")
        + "\n/* code: Pygments */\n"
        + light
        + "\n@media (prefers-color-scheme: dark) {\n"
        + dark
        + "\n}\n"
    )


def page_lang(post: Post) -> str:
    """The page language: the header's ``lang``, else ``ko`` when the prose is mostly Korean.

    Code, URLs, link targets and HTML tags are left out; a third of the words in Hangul is
    enough (Korean technical writing is full of English terms).
    """
    return text_lang(post.metadata.get("lang") or post.metadata.get("language"), post.title, post.body)


def text_lang(declared: object, title: str, body: str) -> str:
    """``page_lang`` of a post's values (free to run on another thread): its header's ``lang``
    (``declared``), its title and its body."""
    if isinstance(declared, str) and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", declared):
        return declared.replace("_", "-")
    prose = _NOT_PROSE.sub(" ", title + "\n" + body[:20000])
    # the number of words ([A-Za-z]+), counted in C: a regex over the text was most of the time
    latin = len(prose.encode("utf-8", "surrogatepass").translate(_LATIN_BYTES).split())
    # Korean when there is a Hangul word and at least half as many as Latin ones: Hangul words
    # are counted only up to that many (a Korean post holds a thousand; counting them all was
    # most of this function's time)
    needed = max(1, (latin + 1) // 2)
    return "ko" if _HANGUL_WORD.subn("", prose, count=needed)[1] >= needed else "en"


def data_uri(mime: str, data: bytes) -> str:
    """Image bytes as a ``data:`` URI."""
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


class ImageCollector:
    """Resolves images for an export: embedded, or copied into a folder with unique names.

    Only images :func:`.scan.locate_image` allows are used (inside the journal, regular files,
    images by their bytes); their bytes are read once and checked again as they are read.
    """

    def __init__(
        self,
        post: Post,
        root: Path | None,
        copy_to: Path | None = None,
        link_prefix: str = "",
        mirror: bool = False,
    ):
        self.post, self.root = post, root
        self.copy_to, self.link_prefix = copy_to, link_prefix
        self.mirror = mirror and root is not None  # name copies by their path in the journal
        self.images: list[Path] = []
        self.missing: list[str] = []
        self.refused: list[str] = []
        self.copied: dict[Path, str] = {}
        self.top: str | None = None  # the real folder images must lie in (at the first image)

    def __call__(self, src: str) -> str | NotShown | None:
        if is_remote(src):
            return src
        if self.post.path is None:
            image = LocalImage(src)
        else:
            if self.top is None:
                self.top = image_top(self.post.path, self.root)
            image = locate_image(src, self.post.path, self.root, top=self.top)
        if image.missing:
            self.missing.append(src)
            return None
        if image.path is None:
            return self.refuse(src, image.refused)
        name = self.copied.get(image.path)
        if name is None and self.mirror:
            name = self.fresh_copy(image.path)
        if name is not None:
            self.images.append(image.path)
            return self.link_prefix + quote(name)
        try:
            data = read_image(image)  # checked again as it is read
        except OSError:
            return self.refuse(src, "it changed while it was read")
        self.images.append(image.path)
        if self.copy_to is None:
            return data_uri(image.mime, data)
        if self.mirror:
            name = self.relative(image.path)
            self.write(name, data)
        else:
            name = self.unique_name(image.path, data)
        self.copied[image.path] = name
        return self.link_prefix + quote(name)

    def refuse(self, src: str, reason: str) -> NotShown:
        """Note an image that is there but not used, and why."""
        self.refused.append(f"{src} ({reason})")
        return NotShown(reason)

    def relative(self, source: Path) -> str:
        """The site name of a vetted image: its path in the journal (so concurrent exporters
        never pick the same name for different files)."""
        root = cast(Path, self.root)  # called only when mirroring, which needs a root
        return source.relative_to(Path(root).resolve()).as_posix()

    @property
    def _folder(self) -> Path:
        """The image folder, for the methods that copy (they run only with ``copy_to`` set)."""
        return cast(Path, self.copy_to)

    def fresh_copy(self, source: Path) -> str | None:
        """The site name of an image whose copy is already as new as the file, else None."""
        name = self.relative(source)
        try:
            copy, original = (self._folder / name).stat(), source.stat()
        except OSError:
            return None
        fresh = copy.st_size == original.st_size and copy.st_mtime_ns >= original.st_mtime_ns
        return name if fresh else None

    def unique_name(self, source: Path, data: bytes) -> str:
        """Write ``data`` (read from ``source``) into the image folder once; returns its name."""
        name, number = source.name, 1
        while (self._folder / name).exists() and not _holds(self._folder / name, data):
            number += 1
            name = f"{source.stem}-{number}{source.suffix}"
        if not (self._folder / name).exists():
            self.write(name, data)
        return name

    def write(self, name: str, data: bytes) -> None:
        """Write a copy, never outside the folder that holds the image folder (the page's or
        the site's)."""
        # a site's copies reach the disk with its pages, in one wait (see .site.export_site)
        write_inside(self._folder.parent, f"{self._folder.name}/{name}", data, durable=not self.mirror)


def write_inside(folder: Path, relative: str, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` atomically at ``folder/relative``, never outside ``folder`` (a symbolic
    link in the way is refused); ``durable``: on disk before this returns (see
    :func:`.storage.atomic_write`)."""
    target = target_inside(folder, relative)
    atomic_write(target, data, durable=durable)
    return target


def target_inside(
    folder: Path, relative: str, *, make: bool = True, checked: set[Path] | None = None
) -> Path:
    """``folder/relative``, its folders made (unless not ``make``), once it is checked to lie
    really inside ``folder``: raises SaveError where a symbolic link in the way leads out.
    ``checked``: the folders already checked (and made) by the caller, updated."""
    target = folder / relative
    inside = checked is not None and target.parent in checked
    if not inside:
        existing = target.parent
        while not existing.exists() and existing != folder and existing.parent != existing:
            existing = existing.parent
        if make and real_inside(existing, folder):
            target.parent.mkdir(parents=True, exist_ok=True)
        inside = real_inside(target.parent, folder)
        if inside and checked is not None:
            checked.add(target.parent)
    if not inside or target.is_symlink():
        raise SaveError(
            QT_TRANSLATE_NOOP("Core", "Could not write {path}: a symbolic link there leads out of {folder}."),
            path=target,
            folder=folder,
        )
    return target


def _holds(path: Path, data: bytes) -> bool:
    try:
        return read_regular(path, len(data)) == data
    except OSError:
        return False


EXPORT_CSP = (
    "default-src 'none'; img-src 'self' data: https: http: file:; style-src 'unsafe-inline'; font-src data:"
)


@cache
def _page_template() -> Template:
    """The page around every export, read once a process (a site writes a thousand pages)."""
    return Template(resource_text("page.html"))


def build_document(
    *,
    title: str,
    lang: str,
    description: str,
    header: str,
    content: str,
    nav: str = "",
    csp: str = EXPORT_CSP,
) -> str:
    """A complete HTML5 page from already escaped or rendered parts (no script can run in it)."""
    return _page_template().substitute(
        lang=html.escape(lang),
        title=html.escape(title),
        description=html.escape(description),
        css=page_css(),
        version=__version__,
        nav=nav,
        header=header,
        content=content,
        csp=html.escape(csp, quote=False).replace('"', "&quot;"),
    )


def build_page(post: Post, content: str, *, nav: str = "", tag_url=None) -> str:
    """The complete HTML5 page for a post around an already rendered ``content`` fragment."""
    lang = page_lang(post)
    header = render_header(post.title, post.date, post.tags, post.description, lang, tag_url)
    return build_document(
        title=post.title, lang=lang, description=post.description, header=header, content=content, nav=nav
    )


def refuse_outside(post: Post, root: Path | None) -> None:
    """Raise JournalError when the post's file really lies outside the journal (a symbolic link
    to a file elsewhere): such a file is never published."""
    if post.path is not None and not real_inside(post.path, root or post.path.parent):
        raise JournalError(
            QT_TRANSLATE_NOOP("Core", "{path} is a link to a file outside the journal; it is not exported."),
            path=post.path,
        )


def export_post(
    post: Post,
    out_path: str | Path,
    journal_root: str | Path | None = None,
    *,
    copy_images: bool = False,
    image_url: ImageUrl | None = None,
    flavor: str = "commonmark",
) -> ExportResult:
    """Write ``post`` as a standalone page at ``out_path`` (atomically), rendered as ``flavor``."""
    out_path = Path(out_path)
    root = Path(journal_root) if journal_root is not None else None
    folder_name = f"{out_path.stem}_files"
    collector = ImageCollector(
        post, root, out_path.parent / folder_name if copy_images else None, quote(folder_name) + "/"
    )
    refuse_outside(post, root)
    content = render_post(post, root, image_url=image_url or collector, flavor=flavor)
    atomic_write(out_path, displayable_bytes(build_page(post, content)))
    return ExportResult(out_path, collector.images, collector.missing, collector.refused)
