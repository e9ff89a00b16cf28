"""A post -> a standalone HTML page that opens anywhere: no script, no CDN, images embedded.

The page uses the same renderer and CSS as the live preview. Local images are embedded as
``data:`` URIs (or, with ``copy_images``, copied into a folder beside the page and linked
relatively); remote images stay remote; missing ones become visible placeholders.
"""

from __future__ import annotations

import base64
import hashlib
import html
import mimetypes
import re
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Template
from urllib.parse import quote

from pygments.formatters import HtmlFormatter

from .. import __version__
from ..resources import resource_text
from .post import Post
from .render import ImageUrl, render_header, render_post
from .scan import find_image, is_remote
from .encoding import displayable
from .storage import atomic_write

LIGHT_CODE_STYLE = "default"
DARK_CODE_STYLE = "github-dark"
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_NOT_PROSE = re.compile(r"(?ms)^(`{3,}|~{3,}).*?^\1|`[^`\n]*`|<[^>\n]*>|\]\([^)\n]*\)|"
                        r"(?:https?|ftp)://\S+|www\.\S+")
_IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                ".gif": "image/gif", ".webp": "image/webp", ".svg": "image/svg+xml",
                ".avif": "image/avif", ".bmp": "image/bmp", ".ico": "image/x-icon"}
_MAGIC = [(b"\x89PNG", "image/png"), (b"\xff\xd8", "image/jpeg"), (b"GIF8", "image/gif"),
          (b"RIFF", "image/webp"), (b"<svg", "image/svg+xml"), (b"<?xml", "image/svg+xml")]


@dataclass
class ExportResult:
    """What an export wrote and what it could not find."""

    path: Path
    images: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@cache
def page_css() -> str:
    """The page CSS: the shared style plus Pygments classes for light and dark schemes."""
    light = HtmlFormatter(style=LIGHT_CODE_STYLE).get_style_defs(".highlight")
    dark = HtmlFormatter(style=DARK_CODE_STYLE).get_style_defs(".highlight")
    return (resource_text("style.css") + "\n/* code: Pygments */\n" + light
            + "\n@media (prefers-color-scheme: dark) {\n" + dark + "\n}\n")


def page_lang(post: Post) -> str:
    """The page language: the header's ``lang``, else ``ko`` when the prose is mostly Korean.

    Code, URLs, link targets and HTML tags are left out; a third of the words in Hangul is
    enough (Korean technical writing is full of English terms).
    """
    declared = post.metadata.get("lang") or post.metadata.get("language")
    if isinstance(declared, str) and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", declared):
        return declared.replace("_", "-")
    prose = _NOT_PROSE.sub(" ", post.title + "\n" + post.body[:20000])
    hangul = len(_HANGUL_WORD.findall(prose))
    latin = len(_LATIN_WORD.findall(prose))
    return "ko" if hangul and hangul * 2 >= latin else "en"


def image_mime(path: Path) -> str:
    """The MIME type of an image file, by extension or by its first bytes."""
    known = _IMAGE_TYPES.get(path.suffix.lower())
    if known:
        return known
    with open(path, "rb") as stream:
        head = stream.read(16)
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def data_uri(path: Path) -> str:
    """The file as a ``data:`` URI."""
    return f"data:{image_mime(path)};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


class ImageCollector:
    """Resolves images for an export: embedded, or copied into a folder with unique names."""

    def __init__(self, post: Post, root: Path | None, copy_to: Path | None = None,
                 link_prefix: str = "", mirror: bool = False):
        self.post, self.root = post, root
        self.copy_to, self.link_prefix = copy_to, link_prefix
        self.mirror = mirror and root is not None  # name copies by their path in the journal
        self.images: list[Path] = []
        self.missing: list[str] = []
        self.copied: dict[Path, str] = {}

    def __call__(self, src: str) -> str | None:
        if is_remote(src):
            return src
        found = find_image(src, self.post.path, self.root) if self.post.path else None
        if found is None:
            self.missing.append(src)
            return None
        self.images.append(found)
        if self.copy_to is None:
            return data_uri(found)
        if self.mirror:
            return self.link_prefix + quote(self.mirror_copy(found))
        return self.link_prefix + quote(self.copy_name(found))

    def mirror_copy(self, source: Path) -> str:
        """Copy ``source`` to the same relative path under the image folder (once); returns it.

        Names are fixed by the source path, so concurrent exporters never pick the same name for
        different files, and a copy is written through a temporary file and a rename.
        """
        source = source.resolve()
        try:
            relative = source.relative_to(Path(self.root).resolve()).as_posix()
        except ValueError:
            digest = hashlib.sha1(str(source).encode("utf-8", "surrogateescape")).hexdigest()[:10]
            relative = f"external/{digest}/{source.name}"
        target = self.copy_to / relative
        try:
            fresh = target.stat().st_size == source.stat().st_size and \
                target.stat().st_mtime_ns >= source.stat().st_mtime_ns
        except OSError:
            fresh = False
        if not fresh:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, source.read_bytes())
        return relative

    def copy_name(self, source: Path) -> str:
        """Copy ``source`` into the image folder once; returns its name there."""
        source = source.resolve()
        if source in self.copied:
            return self.copied[source]
        self.copy_to.mkdir(parents=True, exist_ok=True)
        name, number = source.name, 1
        while (self.copy_to / name).exists() and not _same_file(self.copy_to / name, source):
            number += 1
            name = f"{source.stem}-{number}{source.suffix}"
        target = self.copy_to / name
        if not target.exists():
            shutil.copyfile(source, target)
        self.copied[source] = name
        return name


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


EXPORT_CSP = "default-src 'none'; img-src 'self' data: https: http: file:; style-src 'unsafe-inline'; font-src data:"


def build_document(*, title: str, lang: str, description: str, header: str, content: str,
                   nav: str = "", csp: str = EXPORT_CSP) -> str:
    """A complete HTML5 page from already escaped or rendered parts (no script can run in it)."""
    return Template(resource_text("page.html")).substitute(
        lang=html.escape(lang), title=html.escape(title), description=html.escape(description),
        css=page_css(), version=__version__, nav=nav, header=header, content=content,
        csp=html.escape(csp, quote=False).replace("\"", "&quot;"))


def build_page(post: Post, content: str, *, nav: str = "", tag_url=None) -> str:
    """The complete HTML5 page for a post around an already rendered ``content`` fragment."""
    lang = page_lang(post)
    header = render_header(post.title, post.date, post.tags, post.description, lang, tag_url)
    return build_document(title=post.title, lang=lang, description=post.description,
                          header=header, content=content, nav=nav)


def export_post(post: Post, out_path: str | Path, journal_root: str | Path | None = None, *,
                copy_images: bool = False, image_url: ImageUrl | None = None) -> ExportResult:
    """Write ``post`` as a standalone page at ``out_path`` (atomically)."""
    out_path = Path(out_path)
    root = Path(journal_root) if journal_root is not None else None
    folder_name = f"{out_path.stem}_files"
    collector = ImageCollector(post, root, out_path.parent / folder_name if copy_images else None,
                               quote(folder_name) + "/")
    content = render_post(post, root, image_url=image_url or collector)
    atomic_write(out_path, displayable(build_page(post, content)).encode("utf-8"))
    return ExportResult(out_path, collector.images, collector.missing)
