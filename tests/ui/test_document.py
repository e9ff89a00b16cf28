"""OpenDocument without a window: a real editor widget, real files, a real recovery folder, and
a Prompts that answers from a script and writes down what it was asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal_app.core import Journal
from journal_app.core.recovery import RecoveryStore
from journal_app.ui.recovery_offer import offer_recovery
from tests.ui.documents import POST, type_at_end, write_post


@pytest.fixture
def post_path(tmp_path) -> Path:
    return write_post(tmp_path)


def test_open_edit_save_writes_only_the_typed_text_and_says_so(qtbot, made, post_path):
    document, _ = made()
    loaded, saved, modified = [], [], []
    document.loaded.connect(loaded.append)
    document.saved.connect(saved.append)
    document.modified_changed.connect(modified.append)
    assert document.open(post_path)
    assert [post.path for post in loaded] == [post_path]
    assert document.editor.text() == POST and not document.read_only
    type_at_end(document, "저녁엔 비.")
    assert document.save()
    assert post_path.read_text(encoding="utf-8") == POST + "저녁엔 비."
    assert saved == [post_path] and modified == [True, False]


def test_the_post_follows_the_editor_after_a_pause_and_reports_a_header_edit(qtbot, made, post_path):
    document, _ = made()
    document.open(post_path)
    headers, changes = [], []
    document.header_changed.connect(headers.append)
    document.changed.connect(changes.append)
    cursor = document.editor.textCursor()
    cursor.setPosition(POST.index("하루"))
    cursor.insertText("맑은 ")
    qtbot.waitUntil(lambda: changes == [document.post])
    assert document.post.title == "맑은 하루"
    assert [metadata["title"] for metadata in headers] == ["맑은 하루"]
    type_at_end(document, "본문만")
    qtbot.waitUntil(lambda: len(changes) == 2)
    assert len(headers) == 1 and document.post.body.endswith("본문만")


def test_unsaved_changes_are_asked_about_cancel_keeps_them_discard_lets_go(qtbot, made, post_path, tmp_path):
    document, answers = made()
    other = post_path.with_name("다른 날.md")
    other.write_text("---\ntitle: 다른 날\n---\n", encoding="utf-8")
    document.open(post_path)
    type_at_end(document, "버릴 글")
    assert document.write_recovery()
    answers.script["unsaved"] = ["cancel", "discard"]
    assert not document.open(other)
    assert document.post.path == post_path and document.is_modified()
    assert document.open(other)
    assert answers.asked == [("unsaved", "하루"), ("unsaved", "하루")]
    assert document.post.path == other
    assert post_path.read_text(encoding="utf-8") == POST
    assert RecoveryStore(tmp_path / "recovery").pending() == []


@pytest.mark.parametrize("choice", ["mine", "theirs", None])
def test_a_save_over_a_change_on_disk_asks_and_does_what_was_chosen(qtbot, made, post_path, choice):
    document, answers = made()
    document.open(post_path)
    type_at_end(document, "내 글")
    theirs = POST + "그들의 글\n"
    post_path.write_text(theirs, encoding="utf-8")
    answers.script["conflict"] = [choice]
    assert document.save() == (choice is not None)
    assert answers.asked == [("conflict", post_path, theirs, POST + "내 글")]
    on_disk = post_path.read_text(encoding="utf-8")
    assert on_disk == (POST + "내 글" if choice == "mine" else theirs)
    assert document.editor.text() == (theirs if choice == "theirs" else POST + "내 글")
    assert document.is_modified() == (choice is None)


def test_an_untouched_post_reloads_when_it_changes_on_disk(qtbot, made, post_path):
    document, answers = made()
    document.watcher.set_journal(Journal(post_path.parent))
    document.watcher.changed.connect(document.changed_on_disk)  # as the window wires it
    document.open(post_path)
    messages = []
    document.message.connect(lambda text, _timeout: messages.append(text))
    post_path.write_text(POST + "밖에서\n", encoding="utf-8")
    qtbot.waitUntil(lambda: document.editor.text() == POST + "밖에서\n")  # through a real watch
    assert answers.asked == [] and not document.is_modified()
    assert messages == ["Reloaded 하루.md: it changed on disk."]


def test_autosave_after_a_pause_but_never_over_a_change_on_disk(qtbot, made, post_path):
    document, answers = made(autosave=True)
    document.open(post_path)
    type_at_end(document, "저절로")
    qtbot.waitUntil(lambda: not document.is_modified())  # written on the worker thread, then said
    assert post_path.read_text(encoding="utf-8").endswith("저절로")
    messages = []
    document.message.connect(lambda text, _timeout: messages.append(text))
    type_at_end(document, " 또")
    post_path.write_text("다른 프로그램\n", encoding="utf-8")
    qtbot.waitUntil(lambda: any("Not saved automatically" in text for text in messages))
    assert post_path.read_text(encoding="utf-8") == "다른 프로그램\n"
    assert document.is_modified() and answers.asked == []  # autosave never asks


def test_text_left_by_a_crash_is_offered_and_restored_unsaved(qtbot, made, post_path, tmp_path):
    crashed = RecoveryStore(tmp_path / "recovery")
    crashed.write(post_path, POST + "충돌 전의 글")
    crashed.close()
    document, answers = made()
    answers.script["recovery"] = ["restore"]
    offer_recovery(document)
    assert answers.asked == [("recovery", POST + "충돌 전의 글", POST)]
    assert document.post.path == post_path and document.is_modified()
    assert document.editor.text() == POST + "충돌 전의 글"
    store = RecoveryStore(tmp_path / "recovery")
    assert [item.file for item in store.pending()] == [document.recovery.file_for(post_path)]


def test_a_header_kept_aside_stays_whole_and_no_form_edit_reaches_it(qtbot, made, post_path):
    document, _ = made()
    header = "---\ntitle: 큰 머리말\ndescription: " + "x" * 1_100_000 + "\n---\n"
    post_path.write_text(header + "본문\n", encoding="utf-8")
    document.open(post_path)
    assert document.editor.text() == "본문\n"
    assert not document.apply_field("title", "바뀐 제목")
    type_at_end(document, "더")
    assert document.buffer() == header + "본문\n더"
    assert document.save()
    assert post_path.read_text(encoding="utf-8") == header + "본문\n더"


def test_a_form_edit_rewrites_one_line_and_a_bad_one_is_reported(qtbot, made, post_path):
    document, answers = made()
    document.open(post_path)
    assert document.apply_field("title", "새 제목")
    assert document.editor.text() == POST.replace('"하루"', '"새 제목"')
    assert document.is_modified()
    post_path.write_text("---\ntitle: [깨진\n---\n", encoding="utf-8")
    document.take_theirs()
    assert not document.apply_field("title", "x")
    assert answers.asked[-1][:2] == ("error", "Could not change the field")


def test_nul_bytes_show_as_symbols_read_only_and_are_never_saved(qtbot, made, post_path):
    document, _ = made()
    post_path.write_bytes(b"\x00" * 100)
    document.open(post_path)
    assert document.read_only and document.editor.isReadOnly()
    assert document.editor.text() == "\u2400" * 100
    assert not document.save() and post_path.read_bytes() == b"\x00" * 100
