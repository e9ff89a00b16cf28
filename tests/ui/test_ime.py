"""A Hangul syllable still being composed (an input method's preedit) is committed before the
text is saved, autosaved, let go for another post or the window closes: the last syllable is
never lost. The syllables are sent as the input method sends them, QInputMethodEvent."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from journal_app.ui.document import OpenDocument
from tests.ui.conftest import type_text
from tests.ui.documents import POST


def compose(editor, preedit: str) -> None:
    """The input method shows ``preedit`` under the cursor, not committed."""
    QApplication.sendEvent(editor, QInputMethodEvent(preedit, []))


def commit(editor, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


@pytest.fixture
def journal(tmp_path):
    folder = tmp_path / "journal"
    folder.mkdir()
    for name in ("하루.md", "이틀.md"):
        (folder / name).write_text(POST, encoding="utf-8")
    return folder


def start_typing(document: OpenDocument, path) -> None:
    """Open ``path``, type 안녕 at the end and leave 하 composing."""
    assert document.open(path)
    document.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(document.editor, "안녕")
    compose(document.editor, "하")
    assert document.editor.composing() == "하"
    assert not document.editor.text().endswith("하")  # not in the text yet


def test_save_commits_the_syllable_being_composed(made, journal):
    document, _ = made()
    start_typing(document, journal / "하루.md")
    assert document.save()
    assert (journal / "하루.md").read_text(encoding="utf-8") == POST + "안녕하"
    assert document.editor.composing() == "" and not document.is_modified()


def test_a_syllable_composed_alone_is_saved_too(made, journal):
    """Nothing else typed: the document does not count as changed until it is committed."""
    document, _ = made()
    assert document.open(journal / "하루.md")
    document.editor.moveCursor(QTextCursor.MoveOperation.End)
    compose(document.editor, "끝")
    assert document.save()
    assert (journal / "하루.md").read_text(encoding="utf-8") == POST + "끝"


def test_switching_posts_commits_it_before_asking(made, journal):
    document, answers = made()
    start_typing(document, journal / "하루.md")
    answers.script["unsaved"].append("save")
    assert document.open(journal / "이틀.md")
    assert (journal / "하루.md").read_text(encoding="utf-8") == POST + "안녕하"


def test_autosave_commits_it(qtbot, made, journal):
    document, _ = made(autosave=True)
    start_typing(document, journal / "하루.md")
    path = journal / "하루.md"
    qtbot.waitUntil(lambda: path.read_text(encoding="utf-8") == POST + "안녕하")


def test_a_committed_syllable_is_not_added_twice(made, journal):
    document, _ = made()
    start_typing(document, journal / "하루.md")
    commit(document.editor, "하")  # the input method finished it itself
    assert document.editor.composing() == ""
    assert document.save()
    assert (journal / "하루.md").read_text(encoding="utf-8") == POST + "안녕하"


def test_closing_the_window_commits_it(qtbot, window, env, journal_root):
    env.settings.set("preferences/autosave", True)
    path = journal_root / "content" / "2024년 회고.md"
    before = path.read_text(encoding="utf-8")
    window.open_post(path)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor, "안녕")
    compose(window.editor, "하")
    window.close()
    assert path.read_text(encoding="utf-8") == before + "안녕하"
