"""Posts in tabs, driven like a user: each tab keeps its own text, undo history and unsaved mark;
Ctrl+Tab moves, Ctrl+W closes (asking about unsaved changes); a tab put aside is autosaved or
its text kept in the recovery folder, and a crash offers every tab's text back; the tabs open
again at the next start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journal_app.core.recovery import RecoveryStore
from journal_app.ui.app import create_window
from journal_app.ui.tabs import tabs_key
from tests.ui.conftest import answer_dialog, close_window, type_text

REVIEW = "2024년 회고.md"
MEMO = "오늘의 메모.md"
TRIP = "제주도 여행 후기.md"
CONTROL = Qt.KeyboardModifier.ControlModifier
Button = QMessageBox.StandardButton


def post(window, name: str):
    return window.journal.root / "content" / name


def type_at_end(window, text: str) -> None:
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, text)


def key(qtbot, window, code, modifiers=CONTROL) -> None:
    """A shortcut, as the user presses it in the editor (of the active window: a dialog that
    asked has just closed)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, code, modifiers)


def shown_path(window):
    return window.document.post.path


def answer_each(buttons: list[str], seen: list) -> None:
    """Answer the next ``len(buttons)`` modal dialogs, one after the other, with these buttons
    (each dialog's text goes to ``seen``)."""
    answered: list = []

    def handle() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box not in answered:
            answered.append(box)
            seen.append(box.text())
            text = buttons[len(answered) - 1]
            next(button for button in box.buttons() if button.text().replace("&", "") == text).click()
        if len(answered) < len(buttons):
            QTimer.singleShot(20, handle)

    QTimer.singleShot(0, handle)


def test_two_posts_in_two_tabs_keep_their_own_text_undo_and_mark(qtbot, window):
    review, memo = post(window, REVIEW), post(window, MEMO)
    review_text = review.read_text(encoding="utf-8")
    window.open_post(review)
    type_at_end(window, "회고 추가")
    window.open_post(memo)  # something was typed in the review: the memo opens in a new tab
    type_at_end(window, "메모 추가")
    tabs = window.tabs
    assert tabs.paths() == [review, memo] and shown_path(window) == memo
    assert tabs.bar.isVisible()
    assert tabs.bar.tabText(0).startswith("\u25cf 2024년 회고") and tabs.bar.tabText(1).startswith("\u25cf ")
    assert str(review) in tabs.bar.tabToolTip(0)
    assert window.isWindowModified() and window.windowTitle().startswith(window.document.post.title)
    key(qtbot, window, Qt.Key.Key_Tab)  # Ctrl+Tab: the review again, as it was left
    assert shown_path(window) == review
    assert window.editor.toPlainText() == review_text + "회고 추가"
    assert window.editor.document().isModified() and window.isWindowModified()
    assert window.commands.edit_undo.isEnabled()
    while window.editor.document().isUndoAvailable():
        window.editor.undo()
    assert window.editor.toPlainText() == review_text  # its own history: the memo's edit is not in it
    assert not window.editor.document().isModified() and not window.isWindowModified()
    assert not window.commands.edit_undo.isEnabled() and window.commands.edit_redo.isEnabled()
    assert not tabs.bar.tabText(0).startswith("\u25cf")
    key(qtbot, window, Qt.Key.Key_Tab, CONTROL | Qt.KeyboardModifier.ShiftModifier)  # Ctrl+Shift+Tab
    assert shown_path(window) == memo and window.editor.toPlainText().endswith("메모 추가")
    assert window.editor.document().isUndoAvailable() and window.commands.edit_undo.isEnabled()
    assert not window.commands.edit_redo.isEnabled()
    window.open_post(review)  # open already: its tab is shown, no second copy
    assert tabs.paths() == [review, memo] and shown_path(window) == review


def test_a_post_chosen_replaces_an_untouched_tab_and_ctrl_opens_a_new_one(qtbot, window):
    review, memo, trip = post(window, REVIEW), post(window, MEMO), post(window, TRIP)
    window.open_post(review)
    window.open_post(memo)  # nothing typed in the review: the memo takes its tab
    assert window.tabs.paths() == [memo] and not window.tabs.bar.isVisible()
    window.tabs.open_in_new_tab(trip)  # Ctrl+click, a middle click, "Open in New Tab"
    assert window.tabs.paths() == [memo, trip] and shown_path(window) == trip
    tree = window.sidebar.tree
    row = window.sidebar.find_path(review)
    tree.scrollTo(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.MiddleButton, pos=tree.visualRect(row).center())
    assert window.tabs.paths() == [memo, trip, review] and shown_path(window) == review
    window.tabs.open(memo)  # a plain choice of a post open already: its tab
    assert window.tabs.paths() == [memo, trip, review] and shown_path(window) == memo
    menu = window.sidebar.context_menu(window.sidebar.find_path(review))
    assert [action.text() for action in menu.actions()][0] == "Open in New Tab"


def test_ctrl_w_asks_about_unsaved_changes_and_shows_the_neighbour(qtbot, window):
    review, memo = post(window, REVIEW), post(window, MEMO)
    before = memo.read_text(encoding="utf-8")
    window.open_post(review)
    window.tabs.open_in_new_tab(memo)
    type_at_end(window, "버릴 글")
    asked = []
    answer_dialog(lambda box: (asked.append(box.text()), box.button(Button.Cancel).click()))
    key(qtbot, window, Qt.Key.Key_W)
    assert asked and window.tabs.paths() == [review, memo] and window.editor.document().isModified()
    answer_dialog(lambda box: box.button(Button.Discard).click())
    key(qtbot, window, Qt.Key.Key_W)
    assert window.tabs.paths() == [review] and shown_path(window) == review
    assert memo.read_text(encoding="utf-8") == before
    key(qtbot, window, Qt.Key.Key_W)  # nothing unsaved: no question; the last tab leaves nothing open
    assert window.tabs.paths() == [] and window.document.post is None


def test_closing_the_window_asks_about_every_unsaved_tab(qtbot, window):
    review, memo = post(window, REVIEW), post(window, MEMO)
    before = review.read_text(encoding="utf-8")
    window.open_post(review)
    type_at_end(window, "첫 탭")
    window.open_post(memo)
    type_at_end(window, "둘째 탭")
    seen: list[str] = []
    answer_each(["Discard", "Cancel"], seen)
    assert not window.close()
    assert seen == ["Save the changes to “2024년 회고”?", "Save the changes to “오늘의 메모”?"]
    assert window.isVisible() and shown_path(window) == memo and window.editor.document().isModified()
    assert not window.tabs.is_modified(0) and review.read_text(encoding="utf-8") == before


def test_a_tab_put_aside_is_autosaved(qtbot, window, env):
    env.settings.set("preferences/autosave", True)
    review, memo = post(window, REVIEW), post(window, MEMO)
    window.open_post(review)
    type_at_end(window, "자동 저장")
    window.tabs.open_in_new_tab(memo)  # before the autosave came due
    assert review.read_text(encoding="utf-8").endswith("자동 저장")  # saved as it went to the back
    assert not window.tabs.held(0).is_modified() and shown_path(window) == memo


def test_a_crash_offers_every_tabs_unsaved_text_back(qtbot, env, journal_root):
    review, memo = journal_root / "content" / REVIEW, journal_root / "content" / MEMO
    texts = {path: path.read_text(encoding="utf-8") for path in (review, memo)}
    first = create_window(journal_root, env)
    try:
        first.open_post(review)
        type_at_end(first, "회고 복구")
        first.open_post(memo)  # a new tab: the review's text goes to the recovery file
        type_at_end(first, "메모 복구")
        store = RecoveryStore(env.data_dir / "recovery")
        wanted = sorted([texts[review] + "회고 복구", texts[memo] + "메모 복구"])
        qtbot.waitUntil(lambda: sorted(item.text for item in store.pending()) == wanted, timeout=5000)
    finally:
        close_window(first)  # its recovery files stay, as after a crash ...
    env.settings.store.remove(tabs_key(journal_root))  # ... which remembers no tabs
    seen: list[str] = []
    answer_each(["Restore", "Restore"], seen)
    second = create_window(journal_root, env)
    try:
        assert len(seen) == 2
        tabs = second.tabs
        assert review in tabs.paths() and memo in tabs.paths()
        for path, typed in ((review, "회고 복구"), (memo, "메모 복구")):
            second.open_post(path)
            assert second.editor.toPlainText() == texts[path] + typed
            assert second.editor.document().isModified()
        assert all(path.read_text(encoding="utf-8") == text for path, text in texts.items())
    finally:
        close_window(second)


def test_the_open_tabs_open_again_at_the_next_start(qtbot, env, journal_root):
    paths = [journal_root / "content" / name for name in (REVIEW, MEMO, TRIP)]
    first = create_window(journal_root, env)
    try:
        for path in paths:
            first.tabs.open_in_new_tab(path)
        first.open_post(paths[1])
        assert first.tabs.paths()[-3:] == paths
    finally:
        close_window(first)
    QCoreApplication.processEvents()
    second = create_window(journal_root, env)
    try:
        assert second.tabs.paths()[-3:] == paths
        assert shown_path(second) == paths[1]
    finally:
        close_window(second)
