"""The Qt-free core: every rule about post files and the journal lives here.

Nothing in this package imports PySide6; the UI only calls it. The names below are imported
when first used (PEP 562), so that a command that needs one module of the core (``list``,
``export``) does not load all of them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .errors import ConflictError, FieldEditError, HeaderError, JournalError, SaveError
    from .checks import check_post
    from .journal import UNTAGGED, Journal, JournalChange
    from .post import Post, Problem, load_post, save_post
    from .postinfo import PostInfo
    from .storage import atomic_write

_LAZY = {
    "ConflictError": "errors",
    "FieldEditError": "errors",
    "HeaderError": "errors",
    "JournalError": "errors",
    "SaveError": "errors",
    "check_post": "checks",
    "UNTAGGED": "journal",
    "Journal": "journal",
    "JournalChange": "journal",
    "Post": "post",
    "Problem": "post",
    "load_post": "post",
    "save_post": "post",
    "PostInfo": "postinfo",
    "atomic_write": "storage",
}

__all__ = [
    "ConflictError",
    "FieldEditError",
    "HeaderError",
    "Journal",
    "JournalChange",
    "JournalError",
    "Post",
    "PostInfo",
    "Problem",
    "SaveError",
    "UNTAGGED",
    "atomic_write",
    "check_post",
    "load_post",
    "save_post",
]


def __getattr__(name: str) -> object:
    """The core's public names, each imported from its module when first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
