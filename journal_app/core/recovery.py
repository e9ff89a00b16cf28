"""Recovery files: unsaved editor text kept outside the journal, so a crash loses nothing.

One JSON file per post and running instance in the recovery folder (in the user's data folder,
never the journal), written atomically and named ``KEY.INSTANCE.json``, so two windows on one
post never overwrite or delete each other's text. After a crash, ``set_aside()`` takes over what
instances that are no longer running left behind (never a live one's); the window offers each
back, showing how it differs from the file on disk.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import cast

from .errors import JournalError, SaveError
from .instances import Instance, is_running, stale_before
from .storage import atomic_write, os_error_words, remove_stale_temporaries
from .words import QT_TRANSLATE_NOOP, Words, words

_INSTANCE = re.compile(r"\d+-[0-9a-f]{8}")


class RecoveryError(JournalError):
    """The recovery folder cannot be written; the message says why in plain words."""


@dataclass(frozen=True)
class Recovery:
    """Text typed into a post and not saved."""

    path: Path
    text: str
    saved_at: datetime
    file: Path | None = None  # the recovery file it was read from


def owner_of(file: Path) -> str | None:
    """The id of the instance a recovery file belongs to (None for files of older versions)."""
    parts = Path(file).name.split(".")
    return parts[1] if len(parts) > 2 and _INSTANCE.fullmatch(parts[1]) else None


class RecoveryStore:
    """The recovery folder, as one running instance sees it: it writes and removes only its
    own files. ``close()`` ends the instance (its files are then offered at the next start)."""

    def __init__(self, folder: Path, registry: Path | None = None):
        self.folder = Path(folder)
        self.registry = registry
        self.instance = Instance(registry)

    def close(self) -> None:
        """This instance is ending: what it set aside goes back to whoever starts next."""
        self.instance.close()

    @staticmethod
    def _key(post_path: Path) -> str:
        key = hashlib.sha1(str(Path(post_path).absolute()).encode("utf-8", "surrogateescape"))
        return key.hexdigest()[:20]

    def file_for(self, post_path: Path) -> Path:
        """This instance's recovery file of the post (one set aside is kept under another name)."""
        return self.folder / f"{self._key(post_path)}.{self.instance.id}.json"

    def write(self, post_path: Path, text: str) -> None:
        """Keep ``text`` as the unsaved state of the post at ``post_path`` (atomic); raises
        RecoveryError saying in plain words why the recovery folder cannot take it."""
        record = {
            "path": str(Path(post_path).absolute()),
            "text": text,
            "saved_at": datetime.now().astimezone().isoformat(),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write(self.file_for(post_path), json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except (OSError, SaveError) as exc:
            raise RecoveryError(
                QT_TRANSLATE_NOOP("Core", "{reason} ({folder})"), reason=self._reason(exc), folder=self.folder
            ) from exc

    def _reason(self, exc: Exception) -> Words:
        cause = exc if isinstance(exc, OSError) else exc.__cause__
        if self.folder.exists() and not self.folder.is_dir():
            return Words(QT_TRANSLATE_NOOP("Core", "the recovery folder is a file, not a folder"))
        if isinstance(cause, OSError):
            return os_error_words(cause)
        return exc.words if isinstance(exc, JournalError) else Words("{reason}", {"reason": str(exc)})

    def discard(self, post_path: Path) -> None:
        """Forget this instance's unsaved state of a post (it was saved, or the user let it go)."""
        try:
            os.unlink(self.file_for(post_path))
        except FileNotFoundError:
            pass

    def set_aside(self) -> list[Recovery]:
        """Every recovery left by an instance that is no longer running, newest first, each
        taken over by this instance under a name of its own (recoveries of running instances
        are never offered).

        This session writes and deletes only each post's current recovery file, so what was
        set aside survives until the user restores or discards it (or asks again next start).
        """
        remove_stale_temporaries([self.folder], stale_before(self.registry))
        found = []
        for item in self.pending():
            file = cast(Path, item.file)  # pending() reads every item from its file
            owner = owner_of(file)
            if owner == self.instance.id:
                if item.file == self.file_for(item.path):
                    continue  # being typed in this session
            elif is_running(owner, self.registry):
                continue
            else:
                taken = self._take_over(item, file)
                if taken is None:
                    continue  # another instance took it first
                item = taken
            found.append(item)
        return sorted(found, key=lambda item: item.saved_at, reverse=True)

    def _take_over(self, item: Recovery, file: Path) -> Recovery | None:
        stamp = item.saved_at.strftime("%Y%m%d%H%M%S%f")
        for number in range(1000):
            target = self.folder / f"{self._key(item.path)}.{self.instance.id}.{stamp}.{number}.json"
            if not target.exists():
                break
        try:
            os.rename(file, target)
        except FileNotFoundError:
            return None
        except OSError:
            return item  # offered where it is (it cannot be moved)
        return Recovery(item.path, item.text, item.saved_at, target)

    def drop(self, item: Recovery) -> None:
        """Forget one recovery read by ``pending()`` (restored or let go)."""
        try:
            os.unlink(item.file or self.file_for(item.path))
        except FileNotFoundError:
            pass

    def pending(self) -> list[Recovery]:
        """Every recovery file in the folder, any instance's, oldest first; unreadable ones are
        skipped."""
        found = []
        for file in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                record = json.loads(file.read_text(encoding="utf-8"))
                found.append(
                    Recovery(
                        Path(record["path"]), record["text"], datetime.fromisoformat(record["saved_at"]), file
                    )
                )
            except (OSError, ValueError, KeyError):
                continue
        return sorted(found, key=lambda item: item.saved_at)


def difference(
    disk_text: str | None, recovered: str, path: Path, label: str = "Recovered", disk_label: str = "On disk"
) -> str | Words:
    """A unified diff from the file on disk to the recovered text (for the restore dialog), or
    to ``label``'s text (the editor's unsaved text, for the compare dialog); a sentence the
    window translates when there is no diff to show."""
    if disk_text is None:
        return words(
            QT_TRANSLATE_NOOP(
                "Core", "{path} no longer exists on disk; restoring will create it when you save."
            ),
            path=path,
        )
    diff = difflib.unified_diff(
        disk_text.splitlines(keepends=True),
        recovered.splitlines(keepends=True),
        fromfile=disk_label,
        tofile=label,
        n=2,
    )
    return "".join(diff) or words(QT_TRANSLATE_NOOP("Core", "The two texts are the same."))


def describe_difference(
    disk_text: str | None, recovered: str, path: Path, label: str = "Recovered", disk_label: str = "On disk"
) -> str:
    """:func:`difference` as English text."""
    return str(difference(disk_text, recovered, path, label, disk_label))
