"""The user's data folder, and the move out of the folder earlier versions used.

Versions up to 0.1 kept their data in ``~/.local/share/journal_app/journal_app/`` (Qt's
application data folder, with the organization and the application both named journal_app);
the data folder is now ``~/.local/share/journal_app/``. ``move_nested_data`` moves what the old
folder holds (recovery files, each journal's ``journals/<key>/`` files, the sample journal) into
the new one on start. Nothing is overwritten and nothing is lost: a file whose name is taken in
the new folder keeps both (the moved one under a ``.moved`` name, unless the two are the same
bytes); whatever could not be moved stays where it was, to be tried again at the next start.
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import sys
from pathlib import Path

APP = "journal_app"


def data_home() -> Path:
    """Where this platform keeps programs' data, as Qt's GenericDataLocation names it:
    $XDG_DATA_HOME or ~/.local/share, ~/Library/Application Support, %LOCALAPPDATA%."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    if sys.platform == "darwin":
        return home / "Library" / "Application Support"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")


def data_folder(data_home_folder: str | os.PathLike | None = None) -> Path:
    """The data folder: ``APP`` in ``data_home_folder`` (default: :func:`data_home`)."""
    return Path(data_home_folder or data_home()) / APP


def journal_key(root: Path) -> str:
    """The name of the journal at ``root`` among the app's journals (in the data folder and
    the settings)."""
    return hashlib.sha1(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def journal_data(data_dir: Path, root: Path) -> Path:
    """The journal's own folder in the data folder (its template, its dictionary, its history
    and git's list of touched files live there)."""
    return Path(data_dir) / "journals" / journal_key(root)


def _free_name(target: Path) -> Path:
    """``target`` or, when taken, NAME.moved.SUFFIX (numbered when that is taken too)."""
    candidate, number = target.with_name(f"{target.stem}.moved{target.suffix}"), 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = target.with_name(f"{target.stem}.moved{number}{target.suffix}")
    return candidate


def _merge(source: Path, target: Path, moved: list[Path], kept: list[Path]) -> None:
    """Move everything in folder ``source`` into folder ``target``, never over a file."""
    for child in sorted(source.iterdir()):
        destination = target / child.name
        try:
            if child.is_dir() and not child.is_symlink():
                if not destination.exists():
                    child.rename(destination)
                    moved.append(destination)
                    continue
                if destination.is_dir() and not destination.is_symlink():
                    _merge(child, destination, moved, kept)
                    child.rmdir()
                    continue
                destination = _free_name(destination)
                child.rename(destination)
            elif destination.exists() or destination.is_symlink():
                if (
                    destination.is_file()
                    and child.is_file()
                    and filecmp.cmp(child, destination, shallow=False)
                ):
                    child.unlink()  # the same bytes are there already
                    continue
                destination = _free_name(destination)
                child.rename(destination)
            else:
                child.rename(destination)
            moved.append(destination)
        except OSError:
            kept.append(child)  # stays in the old folder; tried again at the next start


def move_nested_data(folder: Path) -> tuple[list[Path], list[Path]]:
    """Move the old data folder ``folder/APP`` into ``folder``; (what was moved, what stayed).

    The old folder is first renamed aside (``.APP-moving``: a child of it named APP would
    otherwise meet the folder itself); a move cut short is finished at the next start. The
    folder aside is removed when it is empty afterwards."""
    old, holding = folder / APP, folder / f".{APP}-moving"
    moved: list[Path] = []
    kept: list[Path] = []
    for _ in range(2):  # what was aside first, then an old folder made again meanwhile
        if old.is_dir() and not old.is_symlink() and not holding.exists():
            try:
                old.rename(holding)
            except OSError:
                kept.append(old)
                break
        if not holding.is_dir() or holding.is_symlink():
            break
        _merge(holding, folder, moved, kept)
        try:
            holding.rmdir()
        except OSError:
            break  # something stayed: tried again at the next start
    return moved, kept


def moved_path(text: str, folder: Path) -> str:
    """``text`` (a remembered path) as it reads after the move: inside the old folder → the
    same place in ``folder``; any other path unchanged."""
    old = folder / APP
    try:
        return str(folder / Path(text).relative_to(old))
    except ValueError:
        return text
