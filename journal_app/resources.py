"""Where the shipped resources live: the one place that knows.

In an installed wheel they sit inside the package (``journal_app/resources``); in a source
checkout or an editable install they are the repository's top-level ``resources/`` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resource_folder() -> Path:
    """The folder holding style.css, page.html, the sample journal and icons."""
    package = Path(__file__).resolve().parent  # (what importlib.resources would find, unimported)
    packaged = package / "resources"
    if (packaged / "style.css").is_file():
        return packaged
    return package.parent / "resources"


def resource_path(name: str) -> Path:
    """The path of one shipped resource, e.g. ``resource_path("style.css")``."""
    return resource_folder() / name


def resource_text(name: str) -> str:
    """The text of one shipped resource."""
    return resource_path(name).read_text(encoding="utf-8")
