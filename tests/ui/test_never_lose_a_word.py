"""Autosave and crash recovery, driven like a user (and a crash: SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from journal_app.core.recovery import RecoveryStore
from journal_app.ui.document import Delays
from tests.ui.conftest import FAST, answer_dialog, type_text


@pytest.mark.parametrize("delays", [Delays()])  # the real recovery delay
def test_unsaved_text_reaches_the_recovery_file_within_two_seconds(qtbot, window, env):
    """The last key starts the recovery write's timer, due in at most 2 s (not measured here:
    benchmarks/bench_hostile.py times it), and when it fires the text goes to the file (written
    on the worker thread, a moment later)."""
    window.open_post(window.journal.root / "content" / "2024년 회고.md")
    store = RecoveryStore(env.data_dir / "recovery")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "복구될 문장")
    timer = window.document.recovery_timer
    assert timer.isActive() and timer.isSingleShot() and 0 <= timer.remainingTime() <= 2000
    with qtbot.waitSignal(timer.timeout, timeout=20000):
        pass
    qtbot.waitUntil(lambda: any("복구될 문장" in item.text for item in store.pending()))
    assert not str(store.folder).startswith(str(window.journal.root))
    assert window.document.save()
    assert store.pending() == []


def type_with_autosave(window, env, text: str):
    """Autosave on, the sample's 2024 review open, ``text`` typed at its end; returns its path."""
    env.settings.set("preferences/autosave", True)
    path = window.journal.root / "content" / "2024년 회고.md"
    window.open_post(path)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, text)
    return path


@pytest.mark.page_loads_meanwhile
def test_autosave_after_a_pause_and_when_switching(qtbot, window, env):
    path = type_with_autosave(window, env, "자동 저장")
    # written on the worker thread, then said (the unsaved mark goes)
    qtbot.waitUntil(lambda: not window.editor.document().isModified(), timeout=6000)
    assert path.read_text(encoding="utf-8").endswith("자동 저장")
    type_text(window.editor, " 그리고 전환")
    window.open_post(window.journal.root / "content" / "오늘의 메모.md")  # no prompt: it saves
    assert path.read_text(encoding="utf-8").endswith("자동 저장 그리고 전환")


@pytest.mark.page_loads_meanwhile
def test_autosave_never_touches_a_form_field_being_typed_in(qtbot, window, env):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    path = type_with_autosave(window, env, "본문 수정")  # an autosave is now due
    tags = window.form.tags
    window.activateWindow()
    tags.setFocus()
    tags.end(False)
    type_text(tags, ", 그래프 이론")
    qtbot.waitUntil(lambda: path.read_text(encoding="utf-8").endswith("본문 수정"), timeout=6000)
    assert tags.text().endswith(", 그래프 이론")  # the save did not refresh the field under us
    QTest.keyClick(tags, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "그래프 이론" in path.read_text(encoding="utf-8"), timeout=6000)
    assert '"그래프 이론"' in path.read_text(encoding="utf-8").split("---")[1]


@pytest.mark.page_loads_meanwhile
def test_autosave_never_overwrites_a_file_changed_on_disk(qtbot, window, env):
    path = type_with_autosave(window, env, "내 편집")
    asked = []
    answer_dialog(lambda box: (asked.append(box.objectName()), box.button(box.StandardButton.Cancel).click()))
    path.write_text(path.read_text(encoding="utf-8") + "\n다른 프로그램이 쓴 줄\n", encoding="utf-8")
    qtbot.waitUntil(lambda: asked == ["conflictDialog"], timeout=10000)
    # the autosave came due and was refused
    qtbot.waitUntil(lambda: "Not saved automatically" in window.statusBar().currentMessage())
    assert "다른 프로그램이 쓴 줄" in path.read_text(encoding="utf-8")
    assert "내 편집" not in path.read_text(encoding="utf-8")
    assert window.editor.document().isModified()
    assert "changed on disk" in window.statusBar().currentMessage()


# a window that types a few words into the post, then waits to be killed
DRIVER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtWebEngineWidgets
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWidgets import QApplication
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    from journal_app.ui.app import create_window
    from journal_app.ui.document import Delays
    from journal_app.ui.settings import Environment
    post, env_dir = Path(sys.argv[1]), Path(sys.argv[2])
    env = Environment.in_folder(env_dir)
    env.settings.set("preferences/autosave", False)
    window = create_window(post, env, Delays(recovery_ms=50))  # the recovery file soon after a key
    words = ["첫째 줄 ", "둘째 줄 ", "셋째 줄\\n", "마지막 문장까지"]
    def type_next():
        if words:
            window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
            window.editor.insertPlainText(words.pop(0))
            QTimer.singleShot(20, type_next)
        else:
            print("TYPED", flush=True)
    QTimer.singleShot(20, type_next)
    app.exec()
""")


def test_restore_after_sigkill(qtbot, journal_root, tmp_path):
    """The window is killed (SIGKILL) once the recovery file holds what was typed; the next
    start (here, in this process: the kill is what needs a process of its own) offers it back."""
    from journal_app.ui.app import create_window
    from journal_app.ui.settings import Environment
    from tests.ui.conftest import close_window

    post = journal_root / "content" / "2024년 회고.md"
    before = post.read_text(encoding="utf-8")
    env_dir = tmp_path / "crash-env"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(post), str(env_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=environment,
    )
    typed = "첫째 줄 둘째 줄 셋째 줄\n마지막 문장까지"
    store = RecoveryStore(env_dir / "data" / "recovery")
    try:
        line = child.stdout.readline()
        assert line.strip() == "TYPED"
        # the crash comes once the recovery file holds every word (its own delay, not a guess)
        deadline = time.monotonic() + 30
        while not any(item.text.endswith(typed) for item in store.pending()):
            assert time.monotonic() < deadline, "the typed text never reached the recovery file"
            time.sleep(0.01)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        store.close()
    assert post.read_text(encoding="utf-8") == before  # nothing was saved: the crash came first
    env = Environment.in_folder(env_dir)
    env.settings.set("preferences/autosave", False)
    seen = []
    answer_dialog(click_button("Restore", seen))
    window = create_window(post, env, FAST)
    try:
        assert len(seen) == 1 and "never saved" in seen[0]
        assert window.editor.toPlainText() == before + typed
        assert window.editor.document().isModified()
    finally:
        close_window(window)


def click_button(text: str, seen: list[str]):
    def act(box):
        seen.append(box.text())
        next(button for button in box.buttons() if button.text() == text).click()

    return act


def crashed_session(env) -> RecoveryStore:
    """The recovery store of a window that is no longer running, once ``close()`` is called."""
    return RecoveryStore(env.data_dir / "recovery")


def test_recovery_later_keeps_the_text_for_the_next_start(qtbot, env, journal_root):
    from journal_app.ui.app import create_window
    from tests.ui.conftest import close_window

    post = journal_root / "content" / "2024년 회고.md"
    before = post.read_text(encoding="utf-8")
    store = crashed_session(env)
    store.write(post, before + "충돌 전에 쓴 문장")
    store.close()
    seen = []
    answer_dialog(click_button("Later", seen))
    window = create_window(post, env, FAST)
    try:
        assert "never saved" in seen[0]
        assert window.editor.toPlainText() == before  # not restored, and nothing asked twice
        # this session edits and saves the same post: the postponed text must survive that
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
        type_text(window.editor, "오늘 쓴 줄")
        qtbot.waitUntil(lambda: len(store.pending()) == 2, timeout=3000)
        assert window.document.save()
        assert [item.text for item in store.pending()] == [before + "충돌 전에 쓴 문장"]
    finally:
        close_window(window)
    answer_dialog(click_button("Restore", seen))
    window = create_window(post, env)
    try:
        assert len(seen) == 2
        assert window.editor.toPlainText() == before + "충돌 전에 쓴 문장"
        assert window.editor.document().isModified()
        assert [item.file for item in store.pending()] == [window.document.recovery.file_for(post)]
    finally:
        close_window(window)
    answer_dialog(click_button("Discard", seen))
    window = create_window(post, env)
    try:
        assert len(seen) == 3 and store.pending() == []
    finally:
        close_window(window)


def test_two_recoveries_of_one_post_never_overwrite_each_other(qtbot, env, journal_root):
    from journal_app.ui.app import create_window
    from tests.ui.conftest import close_window

    post = journal_root / "content" / "2024년 회고.md"
    before = post.read_text(encoding="utf-8")
    first = crashed_session(env)
    first.write(post, before + "미뤄 둔 글")
    first.close()
    store = crashed_session(env)
    store.set_aside()  # "Later" at an earlier start ...
    store.write(post, before + "충돌 직전 글")  # ... then more typing and another crash
    store.close()
    seen = []
    answer_dialog(click_button("Restore", seen))  # the newest is offered first
    window = create_window(post, env)
    try:
        assert len(seen) == 1 and window.editor.toPlainText() == before + "충돌 직전 글"
        assert sorted(item.text for item in store.pending()) == [
            before + "미뤄 둔 글",
            before + "충돌 직전 글",
        ]
    finally:
        close_window(window)
    answer_dialog(click_button("Discard", seen))
    answer_dialog(click_button("Later", seen), timeout_ms=10000)
    window = create_window(post, env)
    try:
        qtbot.waitUntil(lambda: len(seen) == 3)
        assert [item.text for item in store.pending()] == [before + "미뤄 둔 글"]
    finally:
        close_window(window)


def test_two_windows_on_one_post_never_lose_each_others_unsaved_text(qtbot, env, journal_root):
    from journal_app.ui.app import create_window
    from tests.ui.conftest import close_window

    post = journal_root / "content" / "2024년 회고.md"
    before = post.read_text(encoding="utf-8")
    first, second = create_window(post, env, FAST), create_window(post, env, FAST)
    third = None
    try:
        for window, words in ((first, "첫 창의 글"), (second, "둘째 창의 글")):
            window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
            type_text(window.editor, words)
        store = RecoveryStore(env.data_dir / "recovery")
        qtbot.waitUntil(
            lambda: (
                sorted(item.text for item in store.pending())
                == [before + "둘째 창의 글", before + "첫 창의 글"]
            ),
            timeout=3000,
        )
        asked = []
        answer_dialog(
            lambda box: (asked.append(box.objectName()), box.button(box.StandardButton.Cancel).click())
        )
        assert first.document.save()  # the second window is asked about the change on disk: later
        qtbot.waitUntil(lambda: asked == ["conflictDialog"], timeout=5000)
        assert [item.text for item in store.pending()] == [before + "둘째 창의 글"]
        seen = []
        answer_dialog(
            lambda box: (seen.append(box.objectName()), box.reject()), timeout_ms=1000, required=False
        )
        third = create_window(post, env, FAST)  # the second still runs: nothing of it is offered
        qtbot.wait(100)
        assert seen == []
        assert [item.text for item in store.pending()] == [before + "둘째 창의 글"]
        assert second.editor.toPlainText() == before + "둘째 창의 글"
    finally:
        for window in (first, second, third):
            if window is not None:
                close_window(window)


@pytest.mark.page_loads_meanwhile
def test_an_unusable_recovery_folder_is_said_once_in_plain_words(qtbot, window, env):
    env.data_dir.mkdir(parents=True, exist_ok=True)
    (env.data_dir / "recovery").write_text("a file where the folder should be")
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    window.open_post(window.journal.root / "content" / "2024년 회고.md")
    before = window.editor.toPlainText()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "지켜야 할 글")
    qtbot.waitUntil(lambda: any("cannot be kept safe" in text for text in messages), timeout=3000)
    for more in (" 더", " 쓰기"):  # the message went by; typing on does not bring it back
        window.statusBar().clearMessage()
        type_text(window.editor, more)
        assert not window.document.write_recovery()
    said = [text for text in messages if "cannot be kept safe" in text]
    assert said == [
        f"Unsaved text cannot be kept safe: the recovery folder is a file, not a "
        f"folder ({env.data_dir / 'recovery'}). Save to keep it."
    ]
    assert window.editor.toPlainText() == before + "지켜야 할 글 더 쓰기"
    assert window.editor.document().isModified()


@pytest.mark.page_loads_meanwhile
def test_opening_a_journal_clears_what_a_killed_save_left(qtbot, window):
    from tests.core.test_storage import age, killed_save

    post = window.journal.root / "content" / "오늘의 메모.md"
    left = post.parent / killed_save(post)
    age(left, 3600)
    assert window.open_journal(window.journal.root)
    qtbot.waitUntil(lambda: not left.exists(), timeout=3000)
