"""Which platform a journal's posts are written for, read from the journal's folder.

A velog backup (``content/`` and ``images/``, possibly inside a dated backup folder), a Hugo
site (``hugo.toml``, ``config.toml``, ``hugo.yaml``, ``content/``), a Jekyll site
(``_config.yml``, ``_posts``), an MkDocs site (``mkdocs.yml``) or a Pelican site
(``pelicanconf.py``); anything else is plain CommonMark (GitHub's dialect).

A Hugo site's configuration also says whether its pages show raw HTML (goldmark's
``markup.goldmark.renderer.unsafe``, off by default): :func:`raw_html_shown`.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

FLAVORS = ("velog", "hugo", "jekyll", "commonmark", "python-markdown")
_DATED = re.compile(r"\d{4}-?\d{2}-?\d{2}")  # a velog-backup run folder, e.g. 2021-03-28


def _velog_layout(folder: Path) -> bool:
    return (folder / "content").is_dir() and (folder / "images").is_dir()


def _hugo_config(root: Path) -> bool:
    names = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml")
    return any((root / name).is_file() for name in names) or (root / "config" / "_default").is_dir()


def detect_flavor(root: str | os.PathLike) -> str:
    """The flavor of the journal at ``root``: one of :data:`FLAVORS`."""
    root = Path(root)
    # a site's configuration file says the most; then velog-backup's layout; then folder names
    if (root / "_config.yml").is_file() or (root / "_config.yaml").is_file():
        return "jekyll"
    if any((root / name).is_file() for name in ("mkdocs.yml", "mkdocs.yaml", "pelicanconf.py")):
        return "python-markdown"
    if _hugo_config(root):
        return "hugo"
    if _velog_layout(root):
        return "velog"
    try:
        dated = [child for child in root.iterdir() if _DATED.match(child.name) and child.is_dir()]
    except OSError:
        dated = []
    if any(_velog_layout(child) for child in dated):
        return "velog"
    if (root / "_posts").is_dir():
        return "jekyll"
    if (root / "content").is_dir():
        return "hugo"
    return "commonmark"


ROOT_MARKERS = (
    "_config.yml",
    "config.toml",
    "hugo.toml",
    "config.yaml",
    "hugo.yaml",
    "_config.yaml",
    "hugo.yml",
    "hugo.json",
    "mkdocs.yml",  # MkDocs and Pelican: their flavor is told by these files too
    "mkdocs.yaml",
    "pelicanconf.py",
    ".git",
    "_posts",
    ".obsidian",
)


def find_journal_root(post_path: str | os.PathLike) -> Path:
    """The journal folder a post belongs to: the nearest folder above it that looks like a blog
    (a Jekyll/Hugo/MkDocs/Pelican/Obsidian/git root: every file :func:`detect_flavor` reads; or
    a velog backup with content/ and images/), else the post's own folder."""
    folder = Path(post_path).absolute().parent
    for candidate in [folder, *folder.parents][:4]:
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
        if (candidate / "content").is_dir() and (candidate / "images").is_dir():
            return candidate
    return folder


_HUGO_CONFIGS = ("hugo", "config")
_HUGO_FORMATS = (".toml", ".yaml", ".yml", ".json")


def _lower_keys(value: object) -> object:
    """Hugo's configuration keys are case-insensitive."""
    if isinstance(value, dict):
        return {str(key).lower(): _lower_keys(item) for key, item in value.items()}
    return value


def _parse(suffix: str, text: str) -> object:
    import tomllib  # (here: a command that never reads a site's settings loads neither parser)

    import yaml

    if suffix == ".toml":
        return tomllib.loads(text)
    if suffix == ".json":
        return json.loads(text)
    return yaml.safe_load(text)


@lru_cache(maxsize=16)
def _read_cached(path: Path, stamp: tuple[int, int]) -> dict:
    try:
        data = _parse(path.suffix, path.read_text(encoding="utf-8"))
    except Exception:  # a file that does not read or parse (Hugo stops there): its default holds
        return {}
    lowered = _lower_keys(data)
    return lowered if isinstance(lowered, dict) else {}


def _read_config(path: Path) -> dict:
    """A Hugo configuration file as a dictionary (empty when it does not read); read again
    only when the file changes."""
    try:
        status = path.stat()
    except OSError:
        return {}
    return _read_cached(path, (status.st_mtime_ns, status.st_size))


def _config_files(root: Path) -> list[tuple[Path, tuple[str, ...]]]:
    """Each Hugo configuration file of the site, with the key path its ``markup`` table is at."""
    markup: tuple[str, ...] = ("markup",)
    found = [
        (root / f"{name}{suffix}", markup)
        for name in _HUGO_CONFIGS
        for suffix in _HUGO_FORMATS
        if (root / f"{name}{suffix}").is_file()
    ][:1]  # Hugo reads the first of these it finds
    folder = root / "config" / "_default"
    for name, path in (("hugo", markup), ("config", markup), ("markup", ())):
        for suffix in _HUGO_FORMATS:
            if (folder / f"{name}{suffix}").is_file():
                found.append((folder / f"{name}{suffix}", path))
    return found


def hugo_raw_html(root: str | os.PathLike | None) -> bool:
    """Whether the Hugo site at ``root`` shows raw HTML: goldmark's
    ``markup.goldmark.renderer.unsafe`` (off unless the site's configuration turns it on)."""
    if root is None:
        return False
    shown = False
    for path, prefix in _config_files(Path(root)):
        value: object = _read_config(path)
        for key in (*prefix, "goldmark", "renderer", "unsafe"):
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, bool):
            shown = value
    return shown


def require_flavor(flavor: str) -> str:
    """``flavor`` when it is one of FLAVORS; raises ValueError naming them otherwise."""
    if flavor not in FLAVORS:
        raise ValueError(f"unknown flavor {flavor!r} (one of: {', '.join(FLAVORS)})")
    return flavor


def raw_html_shown(root: str | os.PathLike | None, flavor: str) -> bool:
    """Whether posts of ``flavor`` in the journal at ``root`` show their raw HTML on the site
    (every platform does but Hugo, whose site settings decide)."""
    return hugo_raw_html(root) if flavor == "hugo" else True
