"""The desktop's menu entry and icon: ``journal-app --install-desktop`` puts them in the user's
data folder ($XDG_DATA_HOME, else ~/.local/share) as the freedesktop specifications say:
``applications/journal-app.desktop`` (started by the path of this very command, so a program
installed in a virtual environment starts too), ``icons/hicolor/scalable/apps/journal-app.svg``
and beside it the PNG sizes (``icons/hicolor/NxN/apps/journal-app.png``, rendered from the SVG
by docs/render_icons.py) for the desktops and the small sizes that want a bitmap."""

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
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)  # the app icon's bitmaps in resources/icons/hicolor


def png_icon(size: int) -> str:
    """Where the app icon's PNG of ``size`` pixels is, in the resources and in a hicolor theme."""
    return f"icons/hicolor/{size}x{size}/apps/journal-app.png"


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
    """Write the menu entry and the icons (the SVG, the PNG sizes) into ``home`` (the user's data
    folder); their paths."""
    home = home or data_home()
    entry = home / "applications" / ENTRY
    icons = {home / "icons" / "hicolor" / "scalable" / "apps" / "journal-app.svg": ICON}
    icons.update({home / png_icon(size): png_icon(size) for size in PNG_SIZES})
    for folder in (entry.parent, *(icon.parent for icon in icons)):
        folder.mkdir(parents=True, exist_ok=True)
    atomic_write(entry, entry_text(command or command_path()).encode("utf-8"))
    for icon, resource in icons.items():
        atomic_write(icon, resource_path(resource).read_bytes())
    return [entry, *icons]
