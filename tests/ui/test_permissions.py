"""Permissions and links in the window: a folder or file we may not write, a folder or post we
may not read, and a loop of symbolic links. Each gets a clear message, the rest of the journal
keeps working, the user's text is kept, and nothing is written.

The tests marked ``permissions`` cannot fail as root; tests/test_without_root_powers.py runs them
again without root's override when the suite runs as root."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import answer_dialog, close_window, type_text


def closing_each(messages: list[str]):
    """A dialog answer that notes the message and presses OK."""

    def act(box):
        messages.append(box.text() + " " + box.informativeText())
        box.button(QMessageBox.StandardButton.Ok).click()

    return act


def group_rows(window, label_start: str) -> list[str]:
    tree = window.sidebar.tree
    model = tree.model()
    group = next(
        model.index(row, 0)
        for row in range(model.rowCount())
        if model.index(row, 0).data().startswith(label_start)
    )
    return [model.index(row, 0, group).data() for row in range(model.rowCount(group))]


def snapshot(root) -> dict[str, tuple[int, int]]:
    """(mtime_ns, size) of every file under ``root`` that the test can see."""
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            try:
                stat = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            found[os.path.join(folder, name)] = (stat.st_mtime_ns, stat.st_size)
    return found


def keep_typing(window, text: str) -> None:
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, text)


@pytest.mark.permissions
def test_permission_denied_keeps_the_text_and_allows_save_as(qtbot, window, journal_root, tmp_path):
    folder = journal_root / "content"
    path = folder / "2024년 회고.md"
    original = path.read_bytes()
    window.open_post(path)
    keep_typing(window, "권한이 없어도 남는 문장")
    folder.chmod(0o555)
    try:
        messages = []
        answer_dialog(closing_each(messages))
        assert not window.document.save()
        assert "permission was denied" in messages[0] and "2024년 회고.md" in messages[0]
        assert window.editor.document().isModified()
        assert path.read_bytes() == original
        assert not [name for name in os.listdir(folder) if name.endswith(".tmp")]
        elsewhere = tmp_path / "다른 곳.md"
        assert window.document.save_as(elsewhere)
        assert elsewhere.read_text(encoding="utf-8").endswith("권한이 없어도 남는 문장")
    finally:
        folder.chmod(0o755)


@pytest.mark.permissions
def test_read_only_file_is_named_and_never_replaced(qtbot, window, journal_root):
    path = journal_root / "content" / "2024년 회고.md"
    original = path.read_bytes()
    path.chmod(0o444)
    window.open_post(path)
    assert "read-only" in window.statusBar().currentMessage()
    keep_typing(window, "읽기 전용")
    messages = []
    answer_dialog(closing_each(messages))
    assert not window.document.save()
    assert "read-only" in messages[0]
    assert path.read_bytes() == original and window.editor.document().isModified()
    assert "읽기 전용" in window.editor.toPlainText()


@pytest.mark.permissions
def test_unreadable_folder_and_post_are_named_and_the_rest_works(qtbot, env, journal_root):
    from journal_app.ui.app import create_window

    locked = journal_root / "잠긴 폴더"
    locked.mkdir()
    (locked / "비밀.md").write_text("---\ntitle: 비밀\n---\n본문\n", encoding="utf-8")
    secret = journal_root / "notes" / "못 읽는 글.md"
    secret.write_text("---\ntitle: 못 읽는 글\n---\n본문\n", encoding="utf-8")
    secret.chmod(0o000)
    locked.chmod(0o000)
    before = snapshot(journal_root)
    window = create_window(journal_root, env)
    try:
        qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)
        problems = group_rows(window, "Problems (")
        assert any("잠긴 폴더" in row and "permission was denied" in row for row in problems)
        assert "못 읽는 글" in problems
        messages = []
        answer_dialog(closing_each(messages))
        assert not window.open_post(secret)
        assert "못 읽는 글.md" in messages[0] and "permission was denied" in messages[0]
        assert window.open_post(journal_root / "content" / "2024년 회고.md")
        assert "회고" in window.editor.toPlainText()
    finally:
        close_window(window)
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert snapshot(journal_root) == {**before, **snapshot(locked)}


def test_symlink_loops_are_named_and_the_rest_works(qtbot, env, journal_root):
    from journal_app.ui.app import create_window

    (journal_root / "a.md").symlink_to(journal_root / "b.md")
    (journal_root / "b.md").symlink_to(journal_root / "a.md")
    (journal_root / "loop").mkdir()
    (journal_root / "loop" / "self").symlink_to(journal_root / "loop")
    before = snapshot(journal_root)
    window = create_window(journal_root, env)
    try:
        qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)
        assert {"a", "b"} <= set(group_rows(window, "Problems ("))
        assert "loop of symbolic links" in window.journal.get(journal_root / "a.md").problems[0]
        messages = []
        answer_dialog(closing_each(messages))
        assert not window.open_post(journal_root / "a.md")
        assert "loop of symbolic links" in messages[0]
        assert window.open_post(journal_root / "content" / "2024년 회고.md")
        assert not window.editor.isReadOnly()
    finally:
        close_window(window)
    assert snapshot(journal_root) == before
