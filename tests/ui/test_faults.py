"""Saving under faults and bad input, in the window: a clear message, the text kept and still
marked modified, the old file intact, and a way to save elsewhere."""

from __future__ import annotations

import os
import subprocess

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import answer_dialog, page_value, type_text, wait_for_page

# the preview's page loads while each test runs (tests/ui/conftest.py)
pytestmark = pytest.mark.page_loads_meanwhile


@pytest.fixture
def read_only_journal(tmpfs):
    """A journal on a tmpfs that the test can remount read-only (root only)."""
    point = tmpfs("1m")
    (point / "글.md").write_text('---\ntitle: "글"\ntags: ["a"]\n---\n본문\n', encoding="utf-8")
    return point


def test_read_only_folder_keeps_the_text_and_allows_save_as(qtbot, env, read_only_journal, tmp_path):
    from journal_app.ui.app import create_window
    from tests.ui.conftest import close_window

    window = create_window(read_only_journal / "글.md", env)
    try:
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
        type_text(window.editor, "잃으면 안 되는 문장")
        subprocess.run(["mount", "-o", "remount,ro", str(read_only_journal)], check=True)
        messages = []

        def read(box):
            messages.append(box.text())
            box.button(QMessageBox.StandardButton.Ok).click()

        answer_dialog(read)
        assert not window.document.save()
        assert "the file system is read-only" in messages[0]
        assert window.editor.document().isModified()
        assert (read_only_journal / "글.md").read_text(encoding="utf-8").endswith("본문\n")
        elsewhere = tmp_path / "elsewhere.md"
        assert window.document.save_as(elsewhere)
        assert elsewhere.read_text(encoding="utf-8").endswith("잃으면 안 되는 문장")
        assert not window.editor.document().isModified() and window.document.post.path == elsewhere
    finally:
        close_window(window)


def test_binary_and_undecodable_posts_open_read_only(qtbot, window, journal_root):
    binary = journal_root / "notes" / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    window.open_post(binary)
    assert window.editor.isReadOnly() and "binary" in window.statusBar().currentMessage()
    assert not window.commands.file_save.isEnabled()
    undecodable = journal_root / "notes" / "latin1.md"
    undecodable.write_bytes("---\ntitle: café\n---\nnaïve\n".encode("latin-1"))
    window.open_post(undecodable)
    assert window.editor.isReadOnly() and "not text" in window.statusBar().currentMessage()
    assert binary.read_bytes().startswith(b"\x89PNG") and undecodable.read_bytes().endswith(b"na\xefve\n")


@pytest.mark.web_view
def test_empty_file_and_huge_post(qtbot, window, journal_root):
    empty = journal_root / "notes" / "empty.md"
    empty.write_bytes(b"")
    window.open_post(empty)
    assert window.document.post.path == empty and window.editor.toPlainText() == ""
    assert "is empty (0 bytes)" in window.statusBar().currentMessage()
    huge = journal_root / "notes" / "huge.md"
    huge.write_text("---\ntitle: 큰 글\n---\n" + ("긴 문단 " * 200 + "\n\n") * 2000, encoding="utf-8")
    window.open_post(huge)
    text = wait_for_page(
        qtbot,
        window,
        "document.getElementById('content').innerText",
        lambda value: "too large to preview" in (value or ""),
    )
    assert "MB" in text
    assert "큰 글" in page_value(qtbot, window, "document.getElementById('post-header').innerText")
    # no per-keystroke work that grows with the post: no word counts, no highlighting
    assert "word counts are off" in window.words_label.text()
    assert window.editor.highlighter.document() is None
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "끝")
    assert window.saved_label.text() == "Unsaved"
    assert window.document.save() and huge.read_text(encoding="utf-8").endswith("\n\n끝")
    window.open_post(journal_root / "content" / "2024년 회고.md")
    assert window.editor.highlighter.document() is window.editor.document()
    assert " words · " in window.words_label.text()
    window.editor.insertPlainText("붙여 넣은 긴 글 " * 300_000)  # a paste past the limit
    assert window.editor.highlighter.document() is None
    window.editor.undo()
    assert window.editor.highlighter.document() is window.editor.document()


def test_legacy_encoding_is_kept_unless_converted(qtbot, window, journal_root):
    path = journal_root / "notes" / "cp949.md"
    window.open_post(path)
    assert "cp949" in window.statusBar().currentMessage()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "추가")
    assert window.document.save()
    assert path.read_bytes().decode("cp949").endswith("한글 본문\n추가")
    window.commands.file_convert_utf8.trigger()
    assert window.document.save()
    assert path.read_bytes().decode("utf-8").endswith("한글 본문\n추가")
    assert not window.commands.file_convert_utf8.isEnabled()


@pytest.fixture
def small_disk(tmpfs):
    """A 64 KiB tmpfs holding one post (root only)."""
    point = tmpfs("64k")
    (point / "글.md").write_text('---\ntitle: "글"\n---\n본문\n', encoding="utf-8")
    return point


def test_disk_full_keeps_the_text(qtbot, env, small_disk):
    from journal_app.ui.app import create_window
    from tests.ui.conftest import close_window

    window = create_window(small_disk / "글.md", env)
    try:
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
        window.editor.insertPlainText("가득 찬 디스크 " * 8000)  # about 170 KB in UTF-8
        messages = []
        answer_dialog(
            lambda box: (messages.append(box.text()), box.button(QMessageBox.StandardButton.Ok).click())
        )
        assert not window.document.save()
        assert "disk is full" in messages[0]
        assert window.editor.document().isModified()
        assert (small_disk / "글.md").read_text(encoding="utf-8") == '---\ntitle: "글"\n---\n본문\n'
        assert [name for name in os.listdir(small_disk) if name.endswith(".tmp")] == []
    finally:
        close_window(window)


def test_path_that_became_a_folder(qtbot, window, journal_root):
    path = journal_root / "content" / "2024년 회고.md"
    window.open_post(path)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "폴더가 되어도")
    path.unlink()
    path.mkdir()
    messages = []
    answer_dialog(
        lambda box: (messages.append(box.text()), box.button(QMessageBox.StandardButton.Ok).click())
    )
    assert not window.document.save()
    assert "is a folder" in messages[0] or "path is a folder" in messages[0]
    assert "폴더가 되어도" in window.editor.toPlainText() and window.editor.document().isModified()
