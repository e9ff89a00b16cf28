"""Closing a window takes nothing from the windows that stay: its preview page goes, the web
profile every preview shares stays, and a window opened after it previews as the first did."""

from __future__ import annotations

import pytest

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


@pytest.mark.web_view
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


CLOSE_DURING_RENDER = """
import sys
from PySide6 import QtWebEngineWidgets  # noqa: F401
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication(["journal-app"])
from journal_app.ui import preview
from journal_app.ui.app import create_window
from journal_app.ui.settings import Environment

def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

from pathlib import Path
window = create_window(sys.argv[1], Environment.in_folder(Path(sys.argv[2])))
while not window.preview.ready:
    spin(50)
window.preview.shutdown_wait_ms = 1
body = "".join(f"- 항목 {n} **굵게** [링크](https://example.com/{n})\\n" for n in range(10000))
window.preview.request(body, 1, None, None, "", "commonmark")
spin(50)  # the render has begun on its thread
window.editor.document().setModified(False)
window.close()
window.deleteLater()
QCoreApplication.sendPostedEvents(window, QEvent.Type.DeferredDelete.value)
print("closed", flush=True)
import shiboken6
def running():
    alive = [t for t in preview._finishing if shiboken6.isValid(t)]
    return [t for t in alive if hasattr(t, "isRunning") and t.isRunning()]
print("still rendering" if running() else "render done", flush=True)
while running():
    spin(50)
spin(50)
print("survived", flush=True)
"""


def test_closing_during_a_long_render_neither_aborts_nor_waits_for_it(journal_root, tmp_path):
    """A render still running when the window closes (a megabyte post on a slow machine) lets
    the window go; before, the render thread was destroyed running and Qt aborted the process."""
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", CLOSE_DURING_RENDER, str(journal_root), str(tmp_path / "env")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-3000:]
    assert "still rendering" in result.stdout  # the close came while the render ran
    assert "Destroyed while thread" not in result.stderr


def test_no_wrapper_of_the_trees_own_items_outlives_its_model(qtbot, journal_root):
    """The tree's invisible top item is made by Qt, so PySide never learns when Qt deletes it.
    A wrapper of it held past the model's end was handed out later for Qt's next object at that
    address: a window's ``viewport()`` came back as a ``QStandardItem``."""
    import gc

    from PySide6.QtGui import QStandardItem

    from journal_app.core import Journal
    from journal_app.ui.tree_model import PostTreeModel

    model = PostTreeModel()
    model.build(Journal(journal_root, use_index=False), "tag")
    top = shiboken6.getCppPointer(model.invisibleRootItem())[0]
    gc.collect()
    shiboken6.delete(model)  # the items go with it, as when a window closes (the model object stays)
    held = [
        wrapper
        for wrapper in shiboken6.getAllValidWrappers()
        if isinstance(wrapper, QStandardItem) and shiboken6.getCppPointer(wrapper)[0] == top
    ]
    assert held == []
