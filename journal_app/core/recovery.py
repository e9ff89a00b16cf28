"""Recovery files: unsaved editor text kept outside the journal, so a crash loses nothing.

One JSON file per post in the recovery folder (in the user's data folder, never the journal),
written atomically. After a crash, ``pending()`` lists what was not saved; the window offers
each back, showing how it differs from the file on disk.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .storage import atomic_write


@dataclass(frozen=True)
class Recovery:
    """Text typed into a post and not saved."""

    path: Path
    text: str
    saved_at: datetime
    file: Path | None = None  # the recovery file it was read from


class RecoveryStore:
    """The recovery folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def file_for(self, post_path: Path) -> Path:
        """The post's current recovery file (a postponed one is kept under another name)."""
        key = hashlib.sha1(str(Path(post_path).absolute()).encode("utf-8", "surrogateescape"))
        return self.folder / f"{key.hexdigest()[:20]}.json"

    def write(self, post_path: Path, text: str) -> None:
        """Keep ``text`` as the unsaved state of the post at ``post_path`` (atomic)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {"path": str(Path(post_path).absolute()), "text": text,
                  "saved_at": datetime.now().astimezone().isoformat()}
        atomic_write(self.file_for(post_path), json.dumps(record, ensure_ascii=False).encode("utf-8"))

    def discard(self, post_path: Path) -> None:
        """Forget the unsaved state of a post (it was saved, or the user let it go)."""
        try:
            os.unlink(self.file_for(post_path))
        except FileNotFoundError:
            pass

    def set_aside(self) -> list[Recovery]:
        """Every recovery left behind, newest first, each moved to a file of its own.

        This session writes and deletes only each post's current recovery file, so what was
        set aside survives until the user restores or discards it (or asks again next start).
        """
        found = []
        for item in self.pending():
            if item.file == self.file_for(item.path):
                stamp = item.saved_at.strftime("%Y%m%d%H%M%S%f")
                for number in range(1000):
                    target = item.file.with_name(f"{item.file.stem}.{stamp}.{number}.json")
                    if not target.exists():
                        break
                os.replace(item.file, target)
                item = Recovery(item.path, item.text, item.saved_at, target)
            found.append(item)
        return sorted(found, key=lambda item: item.saved_at, reverse=True)

    def drop(self, item: Recovery) -> None:
        """Forget one recovery read by ``pending()`` (restored or let go)."""
        try:
            os.unlink(item.file or self.file_for(item.path))
        except FileNotFoundError:
            pass

    def pending(self) -> list[Recovery]:
        """Every recovery left behind, oldest first; unreadable ones are skipped."""
        found = []
        for file in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                record = json.loads(file.read_text(encoding="utf-8"))
                found.append(Recovery(Path(record["path"]), record["text"],
                                      datetime.fromisoformat(record["saved_at"]), file))
            except (OSError, ValueError, KeyError):
                continue
        return sorted(found, key=lambda item: item.saved_at)


def describe_difference(disk_text: str | None, recovered: str, path: Path) -> str:
    """A unified diff from the file on disk to the recovered text (for the restore dialog)."""
    if disk_text is None:
        return f"{path} no longer exists on disk; restoring will create it when you save."
    diff = difflib.unified_diff(disk_text.splitlines(keepends=True), recovered.splitlines(keepends=True),
                                fromfile="on disk", tofile="recovered", n=2)
    return "".join(diff) or "The recovered text is the same as the file on disk."
