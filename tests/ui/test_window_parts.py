"""Parts the window is wired from, tested on their own: the title and status line that follow
an ``OpenDocument`` (no window around it but a bare QMainWindow), and the About box."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from journal_app import __version__
from journal_app.core.recovery import RecoveryStore
from journal_app.ui.document import OpenDocument
from journal_app.ui.editor import MarkdownEditor
from journal_app.ui.status import DocumentStatus, StatusLine
from journal_app.ui.watcher import JournalWatcher
from tests.ui.conftest import answer_dialog
from tests.ui.documents import FAST, POST, Answers
from tests.ui.test_document import type_at_end


def test_the_title_and_the_status_line_follow_the_document(qtbot, tmp_path):
    path = tmp_path / "일기장" / "하루.md"
    path.parent.mkdir()
    path.write_text(POST, encoding="utf-8")
    main = QMainWindow()
    qtbot.addWidget(main)
    editor = MarkdownEditor(main)
    store = RecoveryStore(tmp_path / "recovery")
    try:
        document = OpenDocument(editor, store, Answers(), JournalWatcher(main), lambda: False, FAST, main)
        line = StatusLine(main.statusBar())
        status = DocumentStatus(main, line, document)  # kept: Qt does not keep it alive
        document.root = path.parent
        document.load(None)
        assert main.windowTitle() == "일기장[*] — journal_app" and line.path.text() == str(path.parent)
        assert line.words.text() == "" and line.saved.text() == ""
        assert document.open(path)
        assert main.windowTitle() == "하루[*] — journal_app" and not main.isWindowModified()
        assert line.path.text() == str(path) and line.saved.text() == "Saved"
        assert line.words.text().startswith("2 words · 7 characters (6 without spaces)")  # 오늘은 맑음.
        type_at_end(document, "저녁엔 비가 왔다.")
        assert main.isWindowModified() and line.saved.text() == "Unsaved"
        qtbot.waitUntil(lambda: line.words.text().startswith("5 words"))  # recounted after a pause
        assert document.save()
        assert not main.isWindowModified() and line.saved.text() == "Saved" and status.line is line
    finally:
        store.close()


def test_the_about_box_names_the_version(qtbot, window):
    seen = []

    def read(box):
        seen.append(box.text.toPlainText())
        box.accept()

    answer_dialog(read)
    window.commands.help_about.trigger()
    assert len(seen) == 1 and f"journal_app {__version__}" in seen[0]
