"""The folder watch lists a changed folder on its worker thread: whatever happens on disk while
a listing is under way is still seen, and a listing for a journal no longer open is dropped.

The tests keep the watcher's worker thread busy (a task that waits on an event, put in its
queue first) so that the listing of our own save waits its turn for as long as they need."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import FAST


def hold_the_worker(window) -> threading.Event:
    """Keep the watcher's worker thread busy until the returned event is set."""
    gate = threading.Event()
    window.watcher._pool.submit(gate.wait)
    return gate


def let_the_worker_finish(window) -> None:
    """Wait until the worker thread has nothing left to do, then take its answers."""
    window.watcher._pool.submit(lambda: None).result(timeout=10)
    QApplication.processEvents()


def test_changes_by_another_program_right_after_our_save_are_seen(qtbot, window, journal_root):
    content = journal_root / "content"
    path = content / "2024년 회고.md"
    window.open_post(path)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    window.editor.insertPlainText("우리")
    gate = hold_the_worker(window)
    try:
        assert window.document.save()
        ours = path.read_bytes()
        assert ours.endswith("우리".encode())
        qtbot.waitUntil(lambda: window.watcher._listing)  # our save's listing waits its turn
        theirs = ours[: -len("우리".encode())] + "남의".encode()  # the same size
        with open(path, "r+b") as stream:  # in place: only the file reports it
            stream.write(theirs)
        added = content / "밖에서 쓴 글.md"
        added.write_text('---\ntitle: "밖에서 쓴 글"\ntags: ["외부"]\n---\n본문\n', encoding="utf-8")
        (content / "오늘의 메모.md").rename(content / "어제의 메모.md")
        elsewhere = journal_root / "다른 폴더의 글.md"  # in a folder no listing is under way for
        elsewhere.write_text("---\ntitle: 다른 곳\n---\n", encoding="utf-8")
        qtbot.wait(4 * FAST.settle_ms)  # their events settle while our listing still waits
    finally:
        gate.set()
    qtbot.waitUntil(lambda: window.editor.toPlainText().endswith("남의"), timeout=10000)
    assert not window.editor.document().isModified() and path.read_bytes() == theirs
    assert window.journal.get(added) is not None
    assert window.journal.get(content / "오늘의 메모.md") is None
    assert window.journal.get(content / "어제의 메모.md") is not None
    qtbot.waitUntil(lambda: window.journal.get(elsewhere) is not None, timeout=10000)


def test_a_listing_under_way_when_another_journal_opens_never_reaches_it(
    qtbot, window, journal_root, tmp_path
):
    other = tmp_path / "다른 일기장"
    other.mkdir()
    (other / "하나.md").write_text("---\ntitle: 하나\n---\n", encoding="utf-8")
    gate = hold_the_worker(window)
    try:
        (journal_root / "content" / "늦은 글.md").write_text("---\ntitle: 늦은 글\n---\n", encoding="utf-8")
        qtbot.waitUntil(lambda: window.watcher._listing)  # the old journal's folder, to be listed
        assert window.open_journal(other)
    finally:
        gate.set()
    let_the_worker_finish(window)
    assert [info.path for info in window.journal.posts] == [other / "하나.md"]
    (other / "둘.md").write_text("---\ntitle: 둘\n---\n", encoding="utf-8")  # the new one is watched
    qtbot.waitUntil(lambda: window.journal.get(other / "둘.md") is not None, timeout=10000)
