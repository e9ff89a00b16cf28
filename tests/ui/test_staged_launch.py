"""The window starts in stages: the editor shows the post first, the preview's web view and the
sidebar's tree come a moment later, with the splitter's sizes and the open post as they were."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject

from journal_app.ui.app import create_window
from journal_app.ui.status import window_title
from tests.ui.conftest import close_window, wait_for_page


@pytest.mark.web_view
def test_the_post_shows_first_and_the_preview_and_tree_follow_as_they_were(qtbot, window, env):
    window.resize(760, 600)  # within the offscreen screen, so its geometry comes back whole
    window.splitter.setSizes([150, 400, 200])
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] != 0 and window.preview.ready, timeout=20000)
    sizes, text = window.splitter.sizes(), window.editor.toPlainText()
    post = window.document.post
    assert post is not None and text
    close_window(window)  # keeps the window's shape, as closing it does

    again = create_window(None, env)
    try:
        # as create_window returns: the post is in the editor, the web view and the tree are not yet
        assert again.editor.toPlainText() == text and window_title(post.title) in again.windowTitle()
        assert again.preview.view is None and again.sidebar.model.rowCount() == 0
        qtbot.waitUntil(lambda: again.preview.ready and again.sidebar.model.rowCount() > 0, timeout=20000)
        wait_for_page(
            qtbot, again, "document.getElementById('post-header').textContent", lambda t: post.title in t
        )
        assert again.splitter.sizes() == sizes
        assert again.document.post is not None and again.sidebar.current_path == again.document.post.path
        assert again.sidebar.tree.currentIndex().isValid()  # the open post is the selected row
    finally:
        close_window(again)


def editor_top(window) -> int:
    """Where the editor starts in the window (below the post's form)."""
    return window.editor.mapTo(window, window.editor.rect().topLeft()).y()


def test_the_editor_is_painted_with_the_post_and_its_form_laid_out_before_the_web_view_is_made(
    qtbot, journal_root, env
):
    window = create_window(journal_root, env)
    try:
        seen: list[tuple[bool, int]] = []  # at each paint of the editor: the web view made, its top

        class Watch(QObject):
            def eventFilter(self, watched, event):  # noqa: N802 (Qt name)
                if event.type() == QEvent.Type.Paint and window.editor.toPlainText():
                    seen.append((window.preview.view is not None, editor_top(window)))
                return False

        watch = Watch()
        window.editor.viewport().installEventFilter(watch)
        qtbot.waitUntil(lambda: window.preview.ready and bool(seen), timeout=20000)
        window.editor.viewport().removeEventFilter(watch)
        made, top = seen[0]
        assert not made  # the first paint showed the post, with the web engine not started
        assert top == editor_top(window)  # and the form as it stays (no jump a frame later)
    finally:
        close_window(window)
