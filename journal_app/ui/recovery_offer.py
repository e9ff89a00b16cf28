"""After a crash: the unsaved text other sessions left in the recovery folder, offered back
one post at a time through the open document (newest first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..core.buffer import buffer_text
from ..core.recovery import Recovery
from ..core.storage import os_error_words
from .document import OpenDocument
from .problem_words import words

translate = QCoreApplication.translate


def offer_recovery(document: OpenDocument) -> None:
    """Offer each post's unsaved text back, showing what differs on disk.

    Newest first; Later keeps a text for the next start. Once one text of a post is restored,
    older ones of the same post wait for the next start. Texts of another window still running
    are never offered: they are that window's.
    """
    store = document.recovery
    try:
        items = store.set_aside()
    except OSError as exc:
        document.message.emit(
            translate("Recovery", "Could not read the recovery folder ({folder}): {error}.").format(
                folder=store.folder, error=words(os_error_words(exc))
            ),
            0,
        )
        return
    restored: set[Path] = set()
    for item in items:
        if item.path in restored:
            continue
        try:
            disk = buffer_text(document.read(item.path)) if item.path.exists() else None
        except OSError:
            disk = None
        if disk == item.text:
            _drop(document, item)
            continue
        choice = document.prompts.ask_recovery(item, disk)
        if choice == "restore" and document.restore_text(item.path, item.text):
            restored.add(item.path)
            if document.write_recovery():  # the text is safe in this session's recovery file
                _drop(document, item)
        elif choice == "discard":
            _drop(document, item)
        else:
            document.message.emit(
                translate(
                    "Recovery",
                    "The unsaved text of “{name}” is kept; you will be asked again at the next start.",
                ).format(name=item.path.name),
                0,
            )


def _drop(document: OpenDocument, item: Recovery) -> None:
    try:
        document.recovery.drop(item)
    except OSError as exc:
        document.message.emit(
            translate("Recovery", "Could not remove a recovery file ({file}): {error}.").format(
                file=item.file, error=words(os_error_words(exc))
            ),
            0,
        )
