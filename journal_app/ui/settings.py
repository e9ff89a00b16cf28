"""Settings: one schema of defaults; preferences kept apart from window state.

Everything goes through :class:`Settings`, built once in the composition root (``app.py``) and
passed in; nothing reads QSettings at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings, QStandardPaths

from ..core.data_folder import APP, data_folder, journal_key, move_nested_data, moved_path
from ..core.flavor import FLAVORS

PREFERENCES: dict[str, object] = {
    "preferences/font_size": 13,
    "preferences/font_family": "",  # "": the system's font
    "preferences/autosave": True,
    "preferences/git_auto_commit": False,
    "preferences/git_auto_commit_minutes": 0,
    "preferences/spell_check": True,  # when a dictionary is installed
    "preferences/autosave_seconds": 3,
    "preferences/theme": "system",  # or "light", "dark"
    "preferences/line_width": 46,  # the preview's text column, in rem
    "preferences/language": "system",  # or "en", "ko" (ui/i18n.py; applies at the next start)
    "preferences/spell_languages": "ko en",  # the dictionaries F7 checks with: "ko", "en" or both
}
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "ko")  # the interface language (ui/i18n.py)
SPELL_LANGUAGES = ("ko en", "ko", "en")
SEARCH_ORDERS = ("newest", "relevance")  # core/search.py's orders  # what spell check reads (ui/spelling.py)
AUTOSAVE_SECONDS = (1, 60)
LINE_WIDTHS = (30, 90)
STATE: dict[str, object] = {
    "state/last_journal": "",
    "state/recent_journals": [],
    "state/geometry": None,
    "state/window_state": None,
    "state/splitter": None,
    "state/grouping": "tag",
    "state/last_export_folder": "",  # where Export HTML last wrote a page
    "state/last_site_folder": "",  # where Export Site last wrote a site
    "state/typewriter": False,  # View → Typewriter Scrolling
    "state/show_sidebar": True,  # View → Show Sidebar (focus mode hides it, the choice stays)
    "state/show_preview": True,  # View → Show Preview
    "state/maximized_before_full_screen": False,  # what leaving full screen goes back to
    "state/search_order": "newest",  # the search panel's results: "newest" first or "relevance"
}
MAX_RECENT = 8


class Settings:
    """Typed access to a QSettings store, with the defaults above."""

    def __init__(self, store: QSettings):
        self.store = store

    def get(self, key: str):
        default = PREFERENCES.get(key, STATE.get(key))
        value = self.store.value(key, default)
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
        if isinstance(default, int):
            try:  # whatever the store holds: what int() refuses falls back to the default
                return int(cast("str | int", value))
            except (TypeError, ValueError):
                return default
        if key == "preferences/theme":
            return value if value in THEMES else default
        if key == "preferences/language":
            return value if value in LANGUAGES else default
        if key == "preferences/spell_languages":
            return value if value in SPELL_LANGUAGES else default
        if key == "state/search_order":
            return value if value in SEARCH_ORDERS else default
        if isinstance(default, list):
            if value in (None, ""):
                return []
            return [str(item) for item in (value if isinstance(value, list) else [value])]
        return value

    def set(self, key: str, value: object) -> None:
        self.store.setValue(key, value)

    def remember_journal(self, folder: Path) -> None:
        """Make ``folder`` the last journal and the first of the recent ones."""
        text = str(folder)
        recent = [item for item in self.get("state/recent_journals") if item != text]
        self.set("state/recent_journals", [text, *recent][:MAX_RECENT])
        self.set("state/last_journal", text)

    @staticmethod
    def _journal_key(folder: Path) -> str:
        return "journals/" + journal_key(folder)

    def remote_images(self, folder: Path) -> bool:
        """Whether the preview may load remote images for this journal (default: no)."""
        value = self.store.value(self._journal_key(folder) + "/remote_images", False)
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")

    def set_remote_images(self, folder: Path, allowed: bool) -> None:
        self.store.setValue(self._journal_key(folder) + "/remote_images", bool(allowed))

    def flavor(self, folder: Path) -> str | None:
        """The platform this journal's posts are rendered as, when the user chose one."""
        value = self.store.value(self._journal_key(folder) + "/flavor", None)
        return value if value in FLAVORS else None

    def set_flavor(self, folder: Path, flavor: str) -> None:
        self.store.setValue(self._journal_key(folder) + "/flavor", flavor)

    def follow_move(self, folder: Path) -> None:
        """Remembered journals that were in the old data folder (the sample journal's copy):
        their place in ``folder`` now (``data_folder.move_nested_data``)."""
        last = self.get("state/last_journal")
        if last:
            self.set("state/last_journal", moved_path(last, folder))
        recent = self.get("state/recent_journals")
        if recent:
            self.set("state/recent_journals", [moved_path(item, folder) for item in recent])

    def sync(self) -> None:
        self.store.sync()


@dataclass
class Environment:
    """What the window needs from the outside world, built once and passed in."""

    settings: Settings
    data_dir: Path  # where the sample journal copy (and later recovery files) live

    @classmethod
    def default(cls) -> Environment:
        """The user's real settings (``~/.config/journal_app/journal_app.conf``, where they
        always were) and data folder (``~/.local/share/journal_app``; what an earlier version
        kept in ``journal_app/journal_app`` is moved there first)."""
        data_home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
        folder = data_folder(data_home or None)
        moved, _kept = move_nested_data(folder)
        settings = Settings(QSettings(APP, APP))
        if moved:
            settings.follow_move(folder)
        return cls(settings, folder)

    @classmethod
    def in_folder(cls, folder: Path) -> Environment:
        """Settings and data kept in ``folder`` (tests, screenshots)."""
        folder.mkdir(parents=True, exist_ok=True)
        store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        return cls(Settings(store), folder / "data")
