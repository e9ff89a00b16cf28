"""Tags from the tree: a tag row's Rename tag… and Merge into…, across the journal, with the
open post edited through the editor (its unsaved edits kept), a summary of what was skipped,
and the tree, the tag completion and the search index agreeing afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from tests.ui.conftest import type_text
from tests.ui.test_main_window import find_group, group_labels
from tests.ui.test_search_panel import panel_of, search

RETRO = "content/2024년 회고.md"  # tags: ["회고","일상"]
JEJU = "backup/content/제주 여행 후기.md"  # tags: ["여행","일상"]
JSON_POST = b'{"title": "json", "tags": ["\xec\x9d\xbc\xec\x83\x81"]}\nJSON front matter\n'


@pytest.fixture
def with_json(journal_root):  # (named before ``window``: written before it opens)
    (journal_root / "json.md").write_bytes(JSON_POST)  # its header is not edited line by line
    return journal_root


UNEXPECTED: list[str] = []  # the text of dialogs no test expected (a conflict, say)


def answer(name: str, act, seen: list) -> None:
    """When the modal dialog named ``name`` opens, call ``act`` on it; an unexpected message box
    (not the progress dialog) is noted in ``UNEXPECTED`` and closed, so that a test fails."""

    def handle():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox) and dialog.objectName() != name:
            UNEXPECTED.append(dialog.text())
            dialog.reject()
        if dialog is None or dialog.objectName() != name:
            QTimer.singleShot(20, handle)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, handle)


def run_from_menu(window, label_start: str, action: str, tag: str) -> str:
    """Choose ``action`` in the menu of the tag row ``label_start``, type ``tag``, accept; the
    summary's text."""
    menu = window.sidebar.context_menu(find_group(window, label_start))
    assert [item.text() for item in menu.actions()] == ["Rename tag…", "Merge into…"]
    summary: list = []
    asked: list = []

    def name_it(dialog):
        field = dialog.findChild(QLineEdit, "tagName")
        field.setText(tag)
        answer("tagSummary", lambda box: box.accept(), summary)
        dialog.accept()

    answer("tagDialog", name_it, asked)
    UNEXPECTED.clear()
    next(item for item in menu.actions() if item.text() == action).trigger()
    assert asked and summary and not UNEXPECTED
    return summary[0].text()


def completions(window, tag: str) -> list[str]:
    from journal_app.ui.tag_menu import TagDialog

    dialog = TagDialog(window, "t", "p", "", window.journal.tag_counts())
    try:
        dialog.completer.setCompletionPrefix(tag)
        shown = dialog.completer.completionModel()
        first = shown.mapToSource(shown.index(0, 0))
        assert dialog.completer.pathFromIndex(first) == tag  # the tag alone goes in the field
        return [shown.index(row, 0).data() for row in range(shown.rowCount())]
    finally:
        dialog.deleteLater()


def test_merge_into_another_tag_across_the_journal(qtbot, with_json, window):
    root = with_json
    window.open_post(root / "content/Setting up a Hugo blog.md")  # not a post with the tag
    before = {name: (root / name).read_bytes() for name in (RETRO, JEJU)}
    assert completions(window, "여행") == ["여행 (2)"]  # the completion shows the counts
    assert window.form.known_tags()[0] == "일상"  # most used first
    text = run_from_menu(window, "일상 (", "Merge into…", "여행")
    assert (root / RETRO).read_bytes() == before[RETRO].replace(
        'tags: ["회고","일상"]'.encode(), 'tags: ["회고","여행"]'.encode()
    )
    assert (root / JEJU).read_bytes() == before[JEJU].replace(
        'tags: ["여행","일상"]'.encode(), 'tags: ["여행"]'.encode()
    )
    assert (root / "json.md").read_bytes() == JSON_POST
    assert text.startswith("'일상' → '여행': changed in 2 post(s).")
    assert "Skipped 1 post(s):\n  json.md: " in text
    labels = group_labels(window)
    assert "여행 (3)" in labels and "일상 (1)" in labels  # the JSON post keeps its tag
    assert window.form.known_tags()[0] == "여행"  # the form's completion follows
    panel = panel_of(qtbot, window)
    travel = ["2024년 회고.md", "제주 여행 후기.md", "제주도 여행 후기.md"]
    assert sorted(search(qtbot, panel, "tag:여행")) == travel  # the search index agrees


def test_rename_in_the_open_post_with_unsaved_edits_keeps_them(qtbot, window, journal_root):
    path = journal_root / RETRO
    on_disk = path.read_bytes()
    window.open_post(path)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    type_text(window.editor, "저장 안 한 말")
    text = run_from_menu(window, "일상 (", "Rename tag…", "일기")
    editor_text = window.editor.text()
    assert editor_text.endswith("저장 안 한 말") and 'tags: ["회고","일기"]' in editor_text
    assert window.document.is_modified()
    assert path.read_bytes() == on_disk  # nothing written behind the editor's back
    assert "2024년 회고.md has unsaved edits" in text
    assert b'"\xec\x9d\xbc\xea\xb8\xb0"' in (journal_root / JEJU).read_bytes()  # 일기
    window.editor.undo()  # the tag edit is one undo step of its own
    assert 'tags: ["회고","일상"]' in window.editor.text() and window.editor.text().endswith("저장 안 한 말")


def test_rename_in_the_open_post_without_edits_saves_it(qtbot, window, journal_root):
    path = journal_root / RETRO
    on_disk = path.read_bytes()
    window.open_post(path)
    text = run_from_menu(window, "회고 (", "Rename tag…", "돌아보기")
    assert path.read_bytes() == on_disk.replace('"회고","일상"'.encode(), '"돌아보기","일상"'.encode())
    assert not window.document.is_modified() and 'tags: ["돌아보기","일상"]' in window.editor.text()
    assert text == "'회고' → '돌아보기': changed in 1 post(s)."
    labels = group_labels(window)
    assert "돌아보기 (1)" in labels and not any(label.startswith("회고 (") for label in labels)
    assert window.form.tags.text() == "돌아보기, 일상"


def test_only_tag_rows_get_the_tag_menu(window):
    post_row = window.sidebar.find_path(window.document.post.path)
    assert [item.text() for item in window.sidebar.context_menu(post_row).actions()] == [
        "Open in New Tab",
        "Rename…",
        "Move to Trash…",
    ]
    assert window.sidebar.context_menu(find_group(window, "Untagged (")) is None
    window.sidebar.set_grouping("date")
    assert window.sidebar.context_menu(window.sidebar.proxy.index(0, 0)) is None  # a year


@pytest.mark.permissions
def test_a_post_that_cannot_be_written_is_skipped_and_said(qtbot, window, journal_root):
    window.open_post(journal_root / "content/Setting up a Hugo blog.md")
    folder = journal_root / "backup/content"
    jeju = (journal_root / JEJU).read_bytes()
    folder.chmod(0o555)  # the save's temporary file cannot be made there
    try:
        text = run_from_menu(window, "일상 (", "Rename tag…", "일기")
    finally:
        folder.chmod(0o755)
    assert (journal_root / JEJU).read_bytes() == jeju
    assert text.startswith("'일상' → '일기': changed in 1 post(s).")
    assert f"Skipped 1 post(s):\n  {JEJU}: " in text
    labels = group_labels(window)
    assert "일기 (1)" in labels and "일상 (1)" in labels  # the tree says what the files say
