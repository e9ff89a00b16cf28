"""Where the caches live and which file holds a journal's summary index, and the stamp its
entries are valid under, with nothing heavier than ``os``, ``hashlib`` and ``datetime``.

Kept apart from :mod:`.index` so that a warm ``journal-app list`` (see :mod:`.postlist`) finds
the database and checks its stamp without loading the rest of the core.
"""

from __future__ import annotations

import os
from datetime import datetime

FORMAT = "6"  # 3: categories count as tags; 4: drafts; 5: problem kinds; 6: problem words
LOCK_WAIT = 0.5  # seconds to wait for a lock before going on without the cache
LIST_KEY = "list"  # the meta row holding the journal's last list (see .postlist)


def cache_folder_name() -> str:
    """Where caches go: $JOURNAL_APP_CACHE_DIR, else $XDG_CACHE_HOME/journal_app, else ~/.cache."""
    explicit = os.environ.get("JOURNAL_APP_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "journal_app")


def index_file(root: str) -> str:
    """The summary index's database for the journal folder ``root`` (absolute, as
    ``Path(root).absolute()`` spells it)."""
    import hashlib  # (here: a command that only asks for the cache folder never loads it)

    name = hashlib.sha1(root.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return os.path.join(cache_folder_name(), f"summaries-{name}.sqlite")


def stamp() -> str:
    """The format and this computer's time zone (dates without an offset read in local time):
    the offset now and in January and July, so a change of zone with the same offset today
    still drops the cache."""
    year = datetime.now().year
    offsets = [
        moment.astimezone().utcoffset()
        for moment in (datetime.now(), datetime(year, 1, 1), datetime(year, 7, 1))
    ]
    return f"{FORMAT}:" + ",".join(str(offset.total_seconds() if offset else 0) for offset in offsets)
