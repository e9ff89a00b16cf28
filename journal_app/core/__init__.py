"""The Qt-free core: every rule about post files and the journal lives here.

Nothing in this package imports PySide6; the UI only calls it.
"""

from .checks import check_post
from .errors import ConflictError, FieldEditError, HeaderError, JournalError, SaveError
from .journal import UNTAGGED, Journal, JournalChange
from .post import Post, Problem, load_post, save_post
from .postinfo import PostInfo
from .storage import atomic_write

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
