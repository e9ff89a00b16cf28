"""A document without a window: the scripted user (``Answers``), a post and short delays, for
the tests that drive ``OpenDocument`` directly (the ``made`` fixture in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from journal_app.core.recovery import Recovery
from journal_app.ui.document import Delays

POST = '---\ntitle: "하루"\ntags: ["일기"]\n---\n오늘은 맑음.\n'
FAST = Delays(sync_ms=5, recovery_ms=20, autosave_ms=50, settle_ms=20)


def write_post(tmp_path: Path) -> Path:
    """POST as a journal's one file, 하루.md."""
    path = tmp_path / "journal" / "하루.md"
    path.parent.mkdir()
    path.write_text(POST, encoding="utf-8")
    return path


def type_at_end(document, text: str) -> None:
    """Type ``text`` at the end of the document's editor."""
    document.editor.moveCursor(document.editor.textCursor().MoveOperation.End)
    document.editor.insertPlainText(text)


class Answers:
    """The user, scripted: each question pops the next answer given for it."""

    def __init__(self):
        self.script: dict[str, list] = {"unsaved": [], "conflict": [], "recovery": []}
        self.asked: list[tuple] = []

    def ask_unsaved(self, title: str) -> str:
        self.asked.append(("unsaved", title))
        return self.script["unsaved"].pop(0)

    def ask_conflict(self, path: Path, theirs: str | None, mine: str) -> str | None:
        self.asked.append(("conflict", path, theirs, mine))
        return self.script["conflict"].pop(0)

    def ask_recovery(self, item: Recovery, disk: str | None) -> str:
        self.asked.append(("recovery", item.text, disk))
        return self.script["recovery"].pop(0)

    def show_error(self, title: str, message: str) -> None:
        self.asked.append(("error", title, message))
