"""Closing a window takes nothing from the windows that stay: its preview page goes, the web
profile every preview shares stays, and a window opened after it previews as the first did."""

from __future__ import annotations

import shiboken6

from journal_app.core.instances import is_running
from journal_app.ui.app import create_window
from journal_app.ui.preview import shared_profile
from tests.ui.conftest import close_window, wait_for_page

HEADING = "document.querySelector('#content h1') && document.querySelector('#content h1').textContent"


def _open(qtbot, root, env, delays):
    window = create_window(root, env, delays)
    qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)
    return window


def test_closing_a_window_keeps_the_shared_profile(qtbot, journal_root, env, delays, tmp_path):
    post = journal_root / "teardown.md"
    post.write_text("---\ntitle: 닫기\n---\n# 남는 창\n", encoding="utf-8")
    first = _open(qtbot, journal_root, env, delays)
    second = None
    try:
        profile = first.preview.page().profile()
        assert profile is shared_profile() and profile.isOffTheRecord()
        second = _open(qtbot, journal_root, env, delays)
        assert second.preview.page().profile() is profile
        assert first.open_post(post) and second.open_post(post)
        first.editor.insertPlainText("x")  # a render under way as the window goes
        ended = first.document.recovery.instance.id
        assert is_running(ended)
        close_window(first)
        assert not is_running(ended)  # the window's instance ends with it
        first = None
        assert shiboken6.isValid(profile)
        second.editor.moveCursor(second.editor.textCursor().MoveOperation.End)
        second.editor.insertPlainText("\n# 새 제목\n")
        found = wait_for_page(
            qtbot,
            second,
            "Array.from(document.querySelectorAll('#content h1')).map(e => e.textContent)",
            lambda value: value == ["남는 창", "새 제목"],
        )
        assert found == ["남는 창", "새 제목"]
    finally:
        for window in (first, second):
            if window is not None:
                close_window(window)


def test_a_window_closed_while_the_page_updates_calls_nothing_back(qtbot, window):
    """The page calls back the scripts still running when Qt deletes it, inside the deletion of
    the view: those answers are dropped (emitting the view's signal there raised a TypeError)."""
    updates = []
    window.preview.updated.connect(lambda: updates.append(1))
    answers = []
    window.preview.run_in_page("1 + 1", answers.append)
    window.preview.show_fragment("", "<p>마지막 렌더</p>")  # its script's answer is still due
    close_window(window)  # the fixture's own close_window then finds the window closed
    assert updates == [] and answers == []
