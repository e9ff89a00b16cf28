"""Looking through a post body's lines: fenced code, the first heading, images and their files.

velog-backup writes image links two ways, ``../images/x.png`` (relative to the post) and
``/images/x.png`` (relative to the backup root, which may be a dated folder below the journal).
Both resolve here, for the checker and the renderer alike; what a source may use is decided
by :mod:`.boundary` (inside the journal, a regular file, an image by its bytes).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from .boundary import LocalImage, vet_image

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_MD_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*(?P<src><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
HTML_IMAGE = re.compile(
    r"<img\b[^>]*?\bsrc\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))", re.IGNORECASE
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class ImageRef:
    """An image reference in a body: its source text and 0-based body line."""

    src: str
    line: int


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """Yield (0-based line index, line) for lines outside fenced code blocks."""
    fence = ""
    for index, line in enumerate(body.split("\n")):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip()[len(marker) :]:
                fence = ""
            continue
        if not fence:
            yield index, line


def first_heading(body: str) -> str:
    """The text of the first level-one ATX heading outside fenced code, or ""."""
    for _, line in prose_lines(body):
        match = _HEADING.match(line)
        if match:
            return match.group(1).strip()
    return ""


def image_refs(body: str) -> Iterator[ImageRef]:
    """Every markdown or HTML image in the body, outside fenced code."""
    for index, line in prose_lines(body):
        if "![" in line:
            for match in _MD_IMAGE.finditer(line):
                src = match["src"]
                yield ImageRef(src[1:-1] if src.startswith("<") else src, index)
        if "<img" in line.lower():
            for match in HTML_IMAGE.finditer(line):
                yield ImageRef(match["dq"] or match["sq"] or match["bare"] or "", index)


def is_remote(src: str) -> bool:
    """True for sources with a scheme (http:, https:, data:) or protocol-relative ``//host``."""
    return bool(_SCHEME.match(src)) or src.startswith("//")


def image_candidates(src: str, post_path: Path, root: Path | None = None) -> list[Path]:
    """Where a local image source may live, most likely first."""
    return list(_candidates(src, post_path, root))


@lru_cache(maxsize=256)
def _candidates(src: str, post_path: Path, root: Path | None) -> tuple[Path, ...]:
    """(image_candidates, remembered: a site export asks twice for each image it misses, as
    it is rendered and for the manifest)"""
    clean = re.split(r"[?#]", src, maxsplit=1)[0]
    if not clean or is_remote(clean):
        return ()
    names = [clean] if unquote(clean) == clean else [unquote(clean), clean]
    folder = post_path.parent
    found: list[Path] = []
    for name in names:
        if name.startswith("/"):
            relative = name.lstrip("/")
            bases = [folder, *folder.parents]
            if root is not None:
                root = Path(root)
                bases = [base for base in bases if base == root or root in base.parents] or [root]
            else:
                bases = bases[:4]
            found.extend(base / relative for base in bases)
            # Hugo serves static/ (and assets/) at the site root: /night.jpg is static/night.jpg
            found.extend(
                base / folder_name / relative for base in bases for folder_name in ("static", "assets")
            )
        else:
            found.append(folder / name)
    return tuple(Path(os.path.normpath(path)) for path in found)


def image_top(post_path: Path, root: Path | None = None) -> str:
    """The real path of the folder a post's local images must lie in: the journal's, else the
    post's own."""
    return os.path.realpath(root if root is not None else post_path.parent)


def locate_image(
    src: str, post_path: Path, root: Path | None = None, *, top: str | None = None
) -> LocalImage:
    """What a local image source comes to: the first candidate that is a usable image inside the
    journal (the post's own folder when no journal is known), else the first refusal, else missing.
    ``top``: that folder's real path, when the caller already has it (a post with many images).
    """
    top = top or image_top(post_path, root)
    refusal = None
    for candidate in image_candidates(src, post_path, root):
        found = vet_image(src, candidate, top)
        if found is not None and found.path is not None:
            return found
        refusal = refusal or found
    return refusal or LocalImage(src)
