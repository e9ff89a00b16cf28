"""The journal's boundary: what a post names is used only when it really lies inside.

A post is untrusted input. Anything it points at (an image, a linked file, the post file itself
when it is a symbolic link) counts as inside the journal only when its real path, with every
symbolic link resolved, lies under the journal's real root. Preview, export, the site and the
journal scan all ask this one function.
"""

from __future__ import annotations

import os
from pathlib import Path


def real_inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """True when the real path of ``path`` (symlinks resolved) is ``folder`` or lies under it."""
    try:
        real = Path(os.path.realpath(path))
        top = Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return False
    return real == top or top in real.parents
