"""File → History on the real window: each save keeps a version (outside the journal), the
panel lists them, shows a coloured side-by-side diff as plain text, and Restore is an ordinary,
undoable edit that saves like any other; a rename keeps the history."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDockWidget

from journal_app.ui.history_panel import COLOURS, VERSION_ROLE
from tests.ui.conftest import answer_dialog, type_text

pytestmark = pytest.mark.page_loads_meanwhile

POST = '---\ntitle: "AI Expo 후기"\ntags: ["행사"]\n---\n첫 줄\n<b>둘째</b> 줄\n'


@pytest.fixture
def expo(journal_root):
    path = journal_root / "content" / "AI Expo 후기.md"
    path.write_text(POST, encoding="utf-8")
    return path


def listed(qtbot, window, count):
    panel = window.findChild(QDockWidget, "historyPanel")
    window.history.wait()
    qtbot.waitUntil(lambda: panel.versions.count() == count, timeout=10000)
    return panel


def save_with(qtbot, window, text):
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, text)
    assert window.document.save()
    window.history.wait()


def test_history_lists_saves_diffs_and_restores_as_an_undoable_edit(qtbot, expo, window, journal_root):
    window.open_post(expo)
    save_with(qtbot, window, "셋째 줄\n")
    window.commands.file_history.trigger()
    panel = listed(qtbot, window, 2)
    assert panel.isVisible()
    first = panel.versions.item(0).text()
    assert "+1 \u22120 lines" in first and "earliest kept version" in panel.versions.item(1).text()

    panel.versions.setCurrentRow(1)  # the post as it was before the first save
    qtbot.waitUntil(lambda: panel.shown_text is not None, timeout=10000)
    assert panel.shown_text == POST
    assert "<b>둘째</b> 줄" in panel.old.toPlainText()  # markup shown as text
    assert panel.old.document().blockCount() == panel.new.document().blockCount()  # aligned
    added = panel.new.document().findBlockByNumber(panel.new.document().blockCount() - 1)
    assert added.text() == "셋째 줄"
    assert added.blockFormat().background().color().name() == COLOURS["added"]
    same = panel.new.document().findBlockByNumber(1)
    assert same.blockFormat().background().style().name == "NoBrush"

    assert panel.restore.isEnabled()
    panel.restore.click()
    assert window.document.buffer() == POST
    assert window.document.is_modified()
    window.editor.undo()
    assert window.document.buffer() == POST + "셋째 줄\n"
    window.editor.redo()
    assert window.document.save()  # saved like any other edit
    window.history.wait()
    assert expo.read_text(encoding="utf-8") == POST
    panel = listed(qtbot, window, 3)
    assert [panel.versions.item(row).data(VERSION_ROLE).number for row in range(3)] == [1, 2, 3]
    assert sorted(p.name for p in journal_root.rglob("*AI Expo*")) == ["AI Expo 후기.md"]  # nothing beside it


def test_history_follows_a_rename(qtbot, expo, window):
    window.open_post(expo)
    save_with(qtbot, window, "더\n")

    def rename(dialog):
        dialog.setTextValue("새 이름")
        dialog.accept()

    answer_dialog(rename)
    window.post_files.rename(expo)
    renamed = expo.with_name("새 이름.md")
    assert window.document.post.path == renamed
    window.commands.file_history.trigger()
    listed(qtbot, window, 2)
    save_with(qtbot, window, "또\n")
    listed(qtbot, window, 3)


def test_a_post_never_saved_has_no_versions_yet(qtbot, expo, window):
    window.open_post(expo)
    window.commands.file_history.trigger()
    panel = listed(qtbot, window, 0)
    qtbot.waitUntil(lambda: "none yet" in panel.heading.text(), timeout=10000)
    assert not panel.restore.isEnabled()


def test_a_tab_shown_again_keeps_the_version_it_opened_with(qtbot, expo, window, journal_root):
    """Edited, put aside in its tab while another post is open, shown again and saved: the
    version on disk before the save is kept, as it is without tabs."""
    window.open_post(expo)
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "셋째 줄\n")
    other = journal_root / "content" / "다른 글.md"
    other.write_text("---\ntitle: 다른 글\n---\n본문\n", encoding="utf-8")
    window.open_post(other)  # something was typed in the expo: the other post opens in a new tab
    assert window.tabs.paths() == [expo, other]
    window.open_post(expo)  # its tab again, with its edit
    assert window.document.is_modified()
    assert window.document.save()
    window.history.wait()
    window.commands.file_history.trigger()
    panel = listed(qtbot, window, 2)
    panel.versions.setCurrentRow(1)
    qtbot.waitUntil(lambda: panel.shown_text is not None, timeout=10000)
    assert panel.shown_text == POST  # the version the save replaced
