"""The journal's own name for itself, for the title of an exported site.

A Hugo site's configuration ``title`` (``hugo.toml``, ``config.toml``, ``config/_default/…``),
a Jekyll site's ``_config.yml`` ``title``, a velog backup's user name (from the velog image
addresses in its posts: the blog is ``NAME.log``), else the folder's name. Reads are bounded:
a few small files, the first posts' first bytes.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import yaml

from .boundary import read_regular
from .flavor import _config_files, _read_config, detect_flavor

MAX_CONFIG_BYTES = 1024 * 1024
POSTS_LOOKED_AT = 40
POST_BYTES_READ = 256 * 1024
_VELOG_IMAGE = re.compile(r"(?:velog\.velcdn\.com|images\.velog\.io)/images/([^/\s)\"'<>]+)/")
_TITLE_LIMIT = 200


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())[:_TITLE_LIMIT]
    return text or None


def hugo_title(root: Path) -> str | None:
    """The ``title`` of the Hugo site at ``root``, from the configuration Hugo reads."""
    for path, _markup in _config_files(root):
        title = _clean(_read_config(path).get("title"))
        if title:
            return title
    return None


def jekyll_title(root: Path) -> str | None:
    """The ``title`` in the Jekyll site's ``_config.yml``."""
    for name in ("_config.yml", "_config.yaml"):
        try:
            data = yaml.safe_load(read_regular(root / name, MAX_CONFIG_BYTES).decode("utf-8"))
        except (OSError, ValueError, yaml.YAMLError):
            continue
        if isinstance(data, dict):
            return _clean(data.get("title"))
    return None


def velog_user(posts: list[Path]) -> str | None:
    """The velog user whose images the first posts show (the most common one), or None."""
    users: Counter[str] = Counter()
    for path in posts[:POSTS_LOOKED_AT]:
        try:
            text = read_regular(path, POST_BYTES_READ, head=True).decode("utf-8", "replace")
        except OSError:
            continue
        users.update(unquote(user) for user in _VELOG_IMAGE.findall(text))
    return _clean(users.most_common(1)[0][0]) if users else None


def journal_title(root: str | os.PathLike, posts: list[Path] | None = None) -> str:
    """The title a site made from the journal at ``root`` should carry (``posts``: its post
    files, newest first, where a velog backup's user name is looked for)."""
    root = Path(root)
    flavor = detect_flavor(root)
    found: str | None = None
    if flavor == "hugo":
        found = hugo_title(root)
    elif flavor == "jekyll":
        found = jekyll_title(root)
    elif flavor == "velog":
        user = velog_user(posts or [])
        found = f"{user}.log" if user else None
    return found or root.name
