"""The autosave and the recovery file are written on a worker thread while typing goes on
(``OpenDocument.writes``): each write holds exactly the text of the moment it was taken, the
post is marked saved only as of that moment, and closing or saving waits for a write still
running. The worker is held busy with a job of the test's own (``writes.submit``) so that a
write is in flight at a known point."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from journal_app.core.recovery import RecoveryStore
from tests.ui.documents import POST, type_at_end, write_post


@pytest.fixture
def post_path(tmp_path) -> Path:
    return write_post(tmp_path)


def held_worker(document) -> threading.Event:
    """The document's write worker kept busy until the returned event is set."""
    gate = threading.Event()
    document.writes.submit(lambda: gate.wait(30))
    return gate


def autosave_taken(qtbot, document, text: str) -> threading.Event:
    """``text`` typed and its autosave's bytes taken while the write worker is held (set the
    returned event to let it write)."""
    gate = held_worker(document)
    type_at_end(document, text)
    with qtbot.waitSignal(document.autosave_timer.timeout):  # its bytes are taken now
        pass
    return gate


def test_an_autosave_written_meanwhile_holds_the_text_of_its_moment(qtbot, made, post_path):
    document, answers = made(autosave=True)
    assert document.open(post_path)
    written = []  # the file's bytes each time the document says it was saved
    document.saved.connect(lambda path: written.append(path.read_bytes()))
    gate = autosave_taken(qtbot, document, "첫 문장.")
    document.autosave_timer.setInterval(3_600_000)  # the next autosave when this test says
    type_at_end(document, " 그다음")
    qtbot.waitUntil(lambda: document.post.body.endswith(" 그다음"))  # the post follows the editor
    gate.set()
    qtbot.waitUntil(lambda: not document.writes.busy())
    assert written == [(POST + "첫 문장.").encode("utf-8")]
    assert document.post.saved_bytes == written[0]  # (what the history keeps of this save)
    assert document.is_modified()  # what was typed meanwhile is not saved yet
    document.autosave_timer.start(0)
    qtbot.waitUntil(lambda: not document.is_modified())
    assert post_path.read_bytes() == (POST + "첫 문장. 그다음").encode("utf-8")
    assert written[-1] == post_path.read_bytes() and answers.asked == []
    assert RecoveryStore(document.recovery.folder).pending() == []


def test_the_recovery_file_written_meanwhile_holds_the_text_of_its_moment(qtbot, made, post_path):
    document, _ = made()
    assert document.open(post_path)
    store = RecoveryStore(document.recovery.folder)
    gate = held_worker(document)
    type_at_end(document, "하나")
    with qtbot.waitSignal(document.recovery_timer.timeout):  # its text is taken now
        pass
    document.recovery_timer.setInterval(3_600_000)  # the next write when this test says
    type_at_end(document, " 둘")
    assert store.pending() == []  # still waiting behind the test's job
    gate.set()
    qtbot.waitUntil(lambda: not document.writes.busy())
    assert [item.text for item in store.pending()] == [POST + "하나"]
    document.recovery_timer.start(0)
    qtbot.waitUntil(lambda: [item.text for item in store.pending()] == [POST + "하나 둘"])
    assert document.is_modified()


def test_closing_waits_for_an_autosave_still_being_written(qtbot, made, post_path):
    document, answers = made(autosave=True)
    assert document.open(post_path)
    gate = autosave_taken(qtbot, document, "끝까지 쓴 글")
    threading.Timer(0.3, gate.set).start()  # the worker goes on while the window closes
    document.stop()  # as the window does when it closes, its text saved or let go
    assert post_path.read_bytes() == (POST + "끝까지 쓴 글").encode("utf-8")
    assert not document.writes.busy() and not document.is_modified() and answers.asked == []


def test_leaving_the_post_waits_for_an_autosave_and_asks_nothing(qtbot, made, post_path):
    document, answers = made(autosave=True)
    assert document.open(post_path)
    gate = autosave_taken(qtbot, document, "떠나기 전")
    type_at_end(document, " 마지막 말")  # typed after the autosave took its bytes
    threading.Timer(0.3, gate.set).start()
    assert document.maybe_save()  # quitting or opening another post: nothing is lost
    everything = (POST + "떠나기 전 마지막 말").encode("utf-8")
    assert post_path.read_bytes() == everything
    assert not document.is_modified() and answers.asked == []
    gate.wait(30)
    qtbot.waitUntil(lambda: not document.writes.busy())
    assert post_path.read_bytes() == everything  # the older autosave never lands over it


def test_settling_waits_for_a_write_asked_for_by_one_handed_back(qtbot):
    from journal_app.ui.writes import Writes

    writes, done = Writes(), []

    def second():
        time.sleep(0.2)
        done.append("second")

    writes.submit(lambda: None, lambda _result, _error: writes.submit(second))
    writes.settle()
    assert done == ["second"] and not writes.busy()


def test_opening_and_closing_many_posts_leaves_no_writer_thread_behind(qtbot, made, tmp_path):
    """Each document's writes run on a worker thread; one whose writes are handed back ends it,
    so many posts opened, saved meanwhile and closed leave the thread count where it was."""
    folder = tmp_path / "many"
    folder.mkdir()
    before = threading.active_count()
    for number in range(12):
        path = folder / f"{number}.md"
        path.write_text(POST, encoding="utf-8")
        document, _ = made(autosave=True)
        assert document.open(path)
        type_at_end(document, f" {number}")
        qtbot.waitUntil(lambda: not document.is_modified())  # saved on the worker thread
        document.stop()
        document.editor.close()
        document.editor.deleteLater()  # on this thread (a collection on the writer's would not be)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert threading.active_count() == before
