"""Which platform a journal's posts are written for, read from the journal's folder.

A velog backup (``content/`` and ``images/``, possibly inside a dated backup folder), a Hugo
site (``hugo.toml``, ``config.toml``, ``hugo.yaml``, ``content/``), a Jekyll site
(``_config.yml``, ``_posts``), an MkDocs site (``mkdocs.yml``) or a Pelican site
(``pelicanconf.py``); anything else is plain CommonMark (GitHub's dialect).
"""

from __future__ import annotations

import os
import re
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
