"""The desktop's menu entry and icon: ``journal-app --install-desktop`` puts them in the user's
data folder ($XDG_DATA_HOME, else ~/.local/share) as the freedesktop specifications say:
``applications/journal-app.desktop`` (started by the path of this very command, so a program
installed in a virtual environment starts too) and
``icons/hicolor/scalable/apps/journal-app.svg``."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from ..resources import resource_path, resource_text
from .data_folder import data_home
from .storage import atomic_write

ENTRY = "journal-app.desktop"
ICON = "icons/journal-app.svg"


def command_path() -> str:
    """How the desktop should start the program: the ``journal-app`` beside this Python (a
    virtual environment's), else the one on PATH, else ``python -m journal_app``."""
    beside = Path(sys.executable).parent / "journal-app"
    if beside.is_file() and os.access(beside, os.X_OK):
        return shlex.quote(str(beside))
    found = shutil.which("journal-app")
    return shlex.quote(found) if found else f"{shlex.quote(sys.executable)} -m journal_app"


def entry_text(command: str) -> str:
    """The shipped .desktop entry with ``Exec`` starting ``command``."""
    lines = []
    for line in resource_text(ENTRY).splitlines():
        lines.append(f"Exec={command} %F" if line.startswith("Exec=") else line)
    return "\n".join(lines) + "\n"


def install_desktop_entry(home: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the menu entry and the icon into ``home`` (the user's data folder); their paths."""
    home = home or data_home()
    entry = home / "applications" / ENTRY
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / "journal-app.svg"
    for folder in (entry.parent, icon.parent):
        folder.mkdir(parents=True, exist_ok=True)
    atomic_write(entry, entry_text(command or command_path()).encode("utf-8"))
    atomic_write(icon, resource_path(ICON).read_bytes())
    return [entry, icon]
