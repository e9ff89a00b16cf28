"""The window, driven like a user: real widgets, real files in tmp_path."""

from __future__ import annotations

import pytest

import difflib
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from journal_app.ui.app import create_window
from journal_app.ui.sidebar import PATH_ROLE
from tests.ui.conftest import FAST, answer_dialog, close_window, page_value, type_text, wait_for_page

# the preview's page loads while each test runs (tests/ui/conftest.py)
pytestmark = pytest.mark.page_loads_meanwhile

CONTENT_TEXT = "document.getElementById('content').innerText"


def rows(tree, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    model = tree.model()
    return [model.index(row, 0, parent) for row in range(model.rowCount(parent))]


def group_labels(window) -> list[str]:
    return [index.data() for index in rows(window.sidebar.tree)]


def click_index(qtbot, tree, index) -> None:
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def find_group(window, label_start: str):
    return next(index for index in rows(window.sidebar.tree) if index.data().startswith(label_start))


def open_by_title(qtbot, window, tag: str, title: str) -> None:
    group = find_group(window, tag + " (")
    window.sidebar.tree.expand(group)
    post = next(index for index in rows(window.sidebar.tree, group) if index.data() == title)
    click_index(qtbot, window.sidebar.tree, post)


def test_widgets_have_stable_names(window):
    for name in (
        "postTree",
        "groupingSwitch",
        "sidebarFilter",
        "editor",
        "preview",
        "titleField",
        "dateField",
        "tagsField",
        "descriptionField",
    ):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_tree_by_tag_and_by_date(window):
    labels = group_labels(window)
    assert "여행 (2)" in labels and "hugo (2)" in labels  # sample + quirk posts
    assert labels[-2].startswith("Untagged (") and labels[-1] == "Problems (3)"
    window.sidebar.grouping.setCurrentIndex(1)
    labels = group_labels(window)
    assert labels[0].startswith(f"{datetime.now().year} (")  # posts dated by file time
    assert "2025 (3)" in labels and "2016 (1)" in labels
    year = find_group(window, "2024 (")
    months = [index.data() for index in rows(window.sidebar.tree, year)]
    assert months[0].startswith("2024-12") and months[-1].startswith("2024-02")


def test_click_tag_then_post_opens_it(qtbot, window):
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    assert window.document.post.title == "제주도 여행 후기"
    assert "# 제주 동쪽, 사흘" in window.editor.toPlainText()
    assert window.form.title.text() == "제주도 여행 후기"
    assert window.form.tags.text() == "여행, 제주"
    current = window.sidebar.tree.currentIndex()
    assert current.data(PATH_ROLE) == str(window.document.post.path)


@pytest.mark.web_view
def test_typing_updates_the_preview(qtbot, window):
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    wait_for_page(qtbot, window, CONTENT_TEXT, lambda text: "성산에서" in (text or ""))
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(window.editor, "New paragraph typed here")
    wait_for_page(qtbot, window, CONTENT_TEXT, lambda text: "New paragraph typed here" in text)
    assert window.isWindowModified()


@pytest.mark.web_view
def test_preview_shows_journal_images(qtbot, window):
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    script = "Array.from(document.images).map(function (i) { return i.naturalWidth; })"
    assert wait_for_page(qtbot, window, script, lambda widths: widths and widths[0] > 0) == [720]


def test_title_field_changes_exactly_one_line(qtbot, window):
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    path = window.document.post.path
    before = path.read_bytes()
    window.form.title.setFocus()
    window.form.title.selectAll()
    type_text(window.form.title, "제주 여행 (수정)")
    qtbot.keyClick(window.form.title, Qt.Key.Key_Return)
    assert window.editor.toPlainText().split("\n")[1] == 'title: "제주 여행 (수정)"'
    assert window.document.save()
    after = path.read_bytes()
    diff = [
        line
        for line in difflib.ndiff(before.decode().splitlines(), after.decode().splitlines())
        if line[:1] in "+-"
    ]
    assert diff == ['- title: "제주도 여행 후기"', '+ title: "제주 여행 (수정)"']
    assert any(
        index.data() == "제주 여행 (수정)"
        for index in rows(window.sidebar.tree, find_group(window, "제주 ("))
    )


def test_a_header_after_a_blank_line_fills_the_form_and_an_edit_keeps_it(qtbot, window, journal_root):
    path = journal_root / "content" / "two-sum.md"  # as grid47's Hugo posts open: a blank line first
    before = '\n+++\ntitle = "Two Sum"\ntags = ["array"]\n+++\n\n해시 풀이\n'.encode()
    path.write_bytes(before)
    assert window.open_post(path)
    assert window.form.title.text() == "Two Sum" and window.form.tags.text() == "array"
    window.form.title.setFocus()
    window.form.title.selectAll()
    type_text(window.form.title, "두 수의 합")
    qtbot.keyClick(window.form.title, Qt.Key.Key_Return)
    assert window.editor.toPlainText().split("\n")[:3] == ["", "+++", 'title = "두 수의 합"']
    assert window.document.save()
    assert path.read_bytes() == before.replace(b'"Two Sum"', '"두 수의 합"'.encode())


def test_tags_field_moves_the_post_in_the_tree(qtbot, window):
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    window.form.tags.setFocus()
    window.form.tags.setText("여행, 가을")
    qtbot.keyClick(window.form.tags, Qt.Key.Key_Return)
    window.document.save()
    assert 'tags: ["여행","가을"]' in window.document.post.path.read_text()
    assert any(label.startswith("가을 (1)") for label in group_labels(window))
    assert not any(label.startswith("제주 (") for label in group_labels(window))


def test_tags_field_completes_tags_with_their_counts_and_inserts_the_tag(qtbot, window):
    counts = dict(window.journal.tag_counts())
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    field = window.form.tags
    completer = field.completer()
    field.setFocus()
    field.setText("")
    type_text(field, "가을, 여")
    shown = completer.completionModel()
    rows = [shown.index(row, 0).data() for row in range(shown.rowCount())]
    assert f"여행 ({counts['여행']})" in rows  # the popup shows how many posts each tag has
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    popup.setCurrentIndex(shown.index(rows.index(f"여행 ({counts['여행']})"), 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # chosen as a user chooses it
    assert field.text() == "가을, 여행"  # the tag alone goes in, after the tags typed before


def test_the_open_post_stays_the_selected_row_when_another_program_moves_it(qtbot, window):
    """A post changed on disk by another program (its tags, so its row moves to another group)
    stays the highlighted row once the tree has followed the change."""
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    path = window.document.post.path
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tags:", "tags: [겨울여행]\nold_tags:", 1), encoding="utf-8")

    def selected_under_new_group() -> bool:
        index = window.sidebar.tree.currentIndex()
        return index.data(PATH_ROLE) == str(path) and str(index.parent().data()).startswith("겨울여행 (1)")

    qtbot.waitUntil(selected_under_new_group, timeout=10000)


def test_unsaved_changes_prompt(qtbot, window):
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    first = window.document.post.path
    type_text(window.editor, "변경")
    open_by_title(qtbot, window, "회고", "2024년 회고")  # no question: the edited post keeps its tab
    assert window.document.post.title == "2024년 회고" and window.tabs.held(0).is_modified()
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert not window.tabs.close_tab(0)  # closing its tab asks (it is shown for the question)
    assert window.document.post.path == first and window.editor.document().isModified()
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    assert window.tabs.close_tab(0)
    assert window.document.post.title == "2024년 회고"
    assert "변경" not in first.read_text()


def test_unsaved_changes_prompt_save(qtbot, window):
    open_by_title(qtbot, window, "제주", "제주도 여행 후기")
    first = window.document.post.path
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "저장할 내용")
    open_by_title(qtbot, window, "회고", "2024년 회고")
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Save).click())
    assert window.tabs.close_tab(0)
    assert first.read_text().endswith("저장할 내용")


def test_new_post(qtbot, window, journal_root):
    def fill(dialog):
        type_text(dialog.title_field, "새 글: 테스트/1")
        type_text(dialog.tags_field, "일상, 새 태그")
        dialog.ok_button.click()

    answer_dialog(fill)
    window.commands.file_new.trigger()
    created = list(journal_root.rglob("새 글 테스트1.md"))  # in the folder holding the most posts
    assert len(created) == 1
    path = created[0]
    assert window.document.post.path == path and window.document.post.title == "새 글: 테스트/1"
    assert path.read_text().startswith('---\ntitle: "새 글: 테스트/1"\n')
    assert window.document.post.tags == ["일상", "새 태그"]
    assert any(label.startswith("새 태그 (1)") for label in group_labels(window))


def test_filter_narrows_the_tree(qtbot, window):
    open_title = window.sidebar.tree.currentIndex().data()
    assert "제주" not in open_title and "python" not in open_title.lower()
    type_text(window.sidebar.filter, "제주")
    # two posts with 제주 in the title, each under two tags, and the open post (always shown)
    assert window.sidebar.post_count_shown() == 4 + 1
    window.sidebar.filter.clear()
    qtbot.keyClicks(window.sidebar.filter, "PYTHON")
    titles = {
        index.data() for group in rows(window.sidebar.tree) for index in rows(window.sidebar.tree, group)
    }
    assert titles == {"snake\u00a0case 이야기", open_title}  # its tag "python", matched whatever the case
    window.sidebar.filter.clear()
    assert window.sidebar.post_count_shown() > 20


def test_watcher_shows_a_file_written_behind_our_back(qtbot, window, journal_root):
    (journal_root / "content" / "밖에서 쓴 글.md").write_text(
        '---\ntitle: "밖에서 쓴 글"\ndate: 2025-12-01T00:00:00.000Z\ntags: ["외부"]\n---\n본문\n'
    )
    qtbot.waitUntil(
        lambda: any(label.startswith("외부 (1)") for label in group_labels(window)), timeout=10000
    )
    (journal_root / "content" / "밖에서 쓴 글.md").unlink()
    qtbot.waitUntil(
        lambda: not any(label.startswith("외부 (") for label in group_labels(window)), timeout=10000
    )


def test_watcher_sees_an_edit_made_in_place(qtbot, window, journal_root):
    path = journal_root / "content" / "Reading notes - Deep Work.md"
    with open(path, "a", encoding="utf-8") as stream:  # in place: the folder does not change
        stream.write("")
    text = path.read_text(encoding="utf-8").replace('tags: ["reading","habits"]', 'tags: ["reading","습관"]')
    with open(path, "r+", encoding="utf-8") as stream:
        stream.write(text)
        stream.truncate()
    qtbot.waitUntil(
        lambda: any(label.startswith("습관 (1)") for label in group_labels(window)), timeout=10000
    )


def test_korean_input_method(qtbot, window):
    open_by_title(qtbot, window, "회고", "2024년 회고")
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    preedit = QInputMethodEvent("한", [])
    QApplication.sendEvent(window.editor, preedit)
    commit = QInputMethodEvent("", [])
    commit.setCommitString("한글")
    QApplication.sendEvent(window.editor, commit)
    assert window.editor.toPlainText().endswith("한글")
    assert window.words_label.text().startswith(f"{window.words_label.text().split()[0]} words")


def test_bold_italic_and_undo(qtbot, window):
    open_by_title(qtbot, window, "회고", "2024년 회고")
    original = window.editor.toPlainText()
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.movePosition(cursor.MoveOperation.PreviousBlock)
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    cursor.movePosition(cursor.MoveOperation.StartOfBlock, cursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    selected = cursor.selectedText()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert selected == "글을 더 짧게, 더 자주 쓰기."
    assert window.editor.toPlainText().endswith(f"**{selected}**\n")
    qtbot.keyClick(window.editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == original
    qtbot.keyClick(window.editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText().endswith(f"*{selected}*\n")
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == original


def test_standard_shortcuts(window):
    expected = {
        "file_new": "Ctrl+N",
        "file_open": "Ctrl+O",
        "file_save": "Ctrl+S",
        "file_export": "Ctrl+E",
        "edit_find": "Ctrl+F",
        "edit_bold": "Ctrl+B",
        "edit_italic": "Ctrl+I",
        "edit_undo": "Ctrl+Z",
        "edit_redo": "Ctrl+Shift+Z",
        "file_quit": "Ctrl+Q",
    }
    for name, key in expected.items():
        action = getattr(window.commands, name)
        assert QKeySequence(key) in action.shortcuts(), name


def test_invalid_header_shows_message_and_stays_untouched(qtbot, window, journal_root):
    path = journal_root / "backup/content/윈도우 경로.md"
    before = path.read_bytes()
    window.open_post(path)
    assert window.form.problem.isVisible() or not window.form.problem.isHidden()
    assert "line 3" in window.form.problem.text()
    assert not window.form.title.isEnabled()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "추가")
    assert window.document.save()
    assert path.read_bytes() == before + "추가".encode()  # typed after the final line break


def test_export_writes_a_page(window, tmp_path):
    window.open_post(window.journal.posts[0].path)
    target = tmp_path / "out.html"
    assert window.document.export_to(target)
    assert "<!DOCTYPE html>" in target.read_text()


@pytest.mark.web_view
def test_settings_are_remembered(qtbot, window, env, journal_root):
    window.sidebar.grouping.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)  # closed as the fixture would close it
    window.close()
    again = create_window(None, env)
    try:
        assert again.journal.root == journal_root
        assert again.sidebar.grouping_key() == "date"
        assert env.settings.get("state/recent_journals")[0] == str(journal_root)
    finally:
        close_window(again)


@pytest.mark.web_view
def test_link_click_opens_browser_not_preview(qtbot, window):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtCore import QObject, Slot

    class Catcher(QObject):
        def __init__(self):
            super().__init__()
            self.urls = []

        @Slot("QUrl")
        def open(self, url):
            self.urls.append(url.toString())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        open_by_title(qtbot, window, "파이썬", "파이썬 asyncio 정리")
        wait_for_page(qtbot, window, "document.links.length", lambda count: count and count > 0)
        before = window.preview.url().toString()
        page_value(qtbot, window, "(document.links[0].click(), true)")
        qtbot.waitUntil(lambda: bool(catcher.urls), timeout=5000)
        assert catcher.urls == ["https://docs.python.org/3/library/asyncio.html"]
        assert window.preview.url().toString() == before
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_rename_from_the_tree(qtbot, window, journal_root):
    open_by_title(qtbot, window, "회고", "2024년 회고")
    old = window.document.post.path

    def rename(dialog):
        dialog.setTextValue("2024년을 돌아보며: 회고")
        dialog.accept()

    answer_dialog(rename)
    window.post_files.rename(old)
    new = old.with_name("2024년을 돌아보며 회고.md")
    assert new.is_file() and not old.exists()
    assert window.document.post.path == new
    assert window.sidebar.tree.currentIndex().data(PATH_ROLE) == str(new)
    assert "2024년을 돌아보며 회고.md" in window.statusBar().currentMessage()
    assert window.path_label.text() == str(new)


def test_find_wraps_and_says_when_nothing_matches(qtbot, window, journal_root):
    window.open_post(journal_root / "content" / "2024년 회고.md")
    window.commands.edit_find.trigger()
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    type_text(bar.field, "회고")
    assert bar.find_next() and window.editor.textCursor().selectedText() == "회고"  # wrapped
    position = window.editor.textCursor().position()
    bar.field.clear()
    type_text(bar.field, "존재하지않는말")
    assert not bar.find_next()
    assert bar.result.text() == "Not found" and window.editor.textCursor().position() == position
    type_text(bar.field, "x")
    assert bar.result.text() == ""


def test_delete_moves_to_trash(qtbot, window, journal_root, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    open_by_title(qtbot, window, "회고", "2024년 회고")
    path = window.document.post.path
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    window.post_files.delete(path)
    assert path.exists()
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.post_files.delete(path)
    assert not path.exists()
    assert window.document.post is None
    assert not any(label.startswith("회고 (") for label in group_labels(window))
    assert [item.name for item in tmp_path.glob("xdg-data/Trash/files/*")] == ["2024년 회고.md"]


def test_problems_group_lists_unreadable_headers(window):
    problems = find_group(window, "Problems (")
    titles = {index.data() for index in rows(window.sidebar.tree, problems)}
    assert titles == {'책 "데미안" 읽고', "윈도우 경로", "list-header"}


@pytest.mark.web_view
def test_preview_follows_the_editor_scroll(qtbot, window, journal_root):
    sections = "".join(f"## 절 {n}\n\n" + "긴 문단입니다. " * 40 + "\n\n" for n in range(40))
    path = journal_root / "long.md"
    path.write_text("---\ntitle: 긴 글\n---\n" + sections)
    window.open_post(path)
    window.resize(1200, 600)
    wait_for_page(qtbot, window, CONTENT_TEXT, lambda text: "절 39" in (text or ""))
    bar = window.editor.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    first = window.editor.first_visible_line()  # 0-based block = file line - 1
    lines = window.editor.toPlainText().split("\n")
    heading = max(n for n in range(first + 1) if lines[n].startswith("## "))
    following = min(n for n in range(first + 1, len(lines)) if lines[n].startswith("## "))
    top = "document.querySelector('[data-line=\"%d\"]').getBoundingClientRect().top"
    wait_for_page(qtbot, window, top % (following + 1), lambda value: value is not None and value > 0)
    assert page_value(qtbot, window, top % (heading + 1)) <= 40
    assert page_value(qtbot, window, "window.scrollY") > 1000


def test_closing_with_unsaved_changes_asks(qtbot, window):
    open_by_title(qtbot, window, "회고", "2024년 회고")
    type_text(window.editor, "닫기 전")
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert not window.close()
    assert window.isVisible()


def test_post_row_tooltip_shows_date_tags_path_and_problems(qtbot, window):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    tree = window.sidebar.tree
    window.sidebar.set_grouping("tag")
    problems = find_group(window, "Problems (")
    tree.expand(problems)
    row = next(index for index in rows(tree, problems) if index.data() == "윈도우 경로")
    tree.scrollTo(row)
    point = tree.visualRect(row).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, tree.viewport().mapToGlobal(point))
    QApplication.sendEvent(tree.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    assert "backup/content/윈도우 경로.md" in text and "a backslash that starts no escape" in text
    QToolTip.hideText()


def test_opening_a_large_journal_fills_the_tree_in_batches_with_progress(qtbot, window, tmp_path):
    big = tmp_path / "큰 일기장"
    big.mkdir()
    for number in range(450):
        (big / f"글 {number:03}.md").write_text(
            f"---\ntitle: 글 {number}\ntags: [태그{number % 7}]\n---\n본문 {number}\n", encoding="utf-8"
        )
    seen, shown = [], []
    window.scan_progress.valueChanged.connect(
        lambda value: seen.append((value, window.scan_progress.isVisible()))
    )
    window.scan.arrived.connect(lambda _: shown.append(window.sidebar.post_count_shown()))
    assert window.open_journal(big)
    assert window.scan.reading  # the window is there before the posts are read
    qtbot.waitUntil(lambda: not window.scan.running, timeout=30000)
    assert seen and seen[0][1] and 0 < seen[0][0] < 450  # shown while the posts came in
    assert not window.scan_progress.isVisible()
    assert window.journal.scan_workers >= 1
    assert len(shown) >= 2 and shown == sorted(shown) and shown[-1] == 450  # batch by batch
    assert window.sidebar.post_count_shown() == 450
    qtbot.waitUntil(lambda: window.document.post is not None)  # the newest, once there are posts
    seen.clear()
    assert window.open_journal(big)  # now from the index: nothing to read, no progress
    assert window.sidebar.post_count_shown() == 450
    qtbot.waitUntil(lambda: not window.scan.running, timeout=30000)
    assert seen == [] and window.sidebar.post_count_shown() == 450


def test_first_run_fills_most_of_the_screen_and_a_long_path_never_hides_the_counts(
    qtbot, window, journal_root
):
    screen = window.screen().availableGeometry()
    assert window.width() == min(1400, screen.width() * 85 // 100)
    assert window.height() == min(900, screen.height() * 85 // 100)
    deep = journal_root.joinpath(*["아주 긴 폴더 이름 " + str(level) for level in range(12)])
    deep.mkdir(parents=True)
    path = deep / "긴 경로의 글.md"
    path.write_text("---\ntitle: 긴 경로\n---\n짧은 글\n", encoding="utf-8")
    window.open_post(path)
    qtbot.waitUntil(lambda: window.words_label.width() >= window.words_label.sizeHint().width())
    assert window.saved_label.width() >= window.saved_label.sizeHint().width()
    assert window.path_label.text() == str(path)


@pytest.mark.web_view
def test_dates_show_on_the_local_clock_and_save_in_the_files_own_form(qtbot, window, journal_root, seoul):
    from PySide6.QtCore import QDate, QDateTime, QTime

    path = journal_root / "docker.md"
    path.write_text(
        '---\ntitle: "Docker CheatSheet"\ndate: 2023-03-14T23:13:00.000Z\n---\n본문\n', encoding="utf-8"
    )
    window.journal.refresh(path)
    window.open_post(path)
    form = window.form
    assert form.date.dateTime().toString("yyyy-MM-dd HH:mm") == "2023-03-15 08:13"
    assert form.zone.text() == "UTC+09:00"
    wait_for_page(
        qtbot,
        window,
        "document.getElementById('post-header').innerText",
        lambda text: "2023년 3월 15일 08:13 (UTC+09:00)" in (text or ""),
    )
    form.date.setDateTime(QDateTime(QDate(2023, 3, 15), QTime(9, 0)))
    form.date.editingFinished.emit()
    assert window.document.save()
    assert path.read_text(encoding="utf-8").splitlines()[2] == "date: 2023-03-15T00:00:00.000Z"


def test_tags_field_keeps_jekyll_categories_under_their_key(qtbot, window, journal_root):
    path = journal_root / "_posts" / "2016-02-29-leap-day.md"
    window.open_post(path)
    assert window.form.tags.text() == "jekyll, leap, blog"
    window.form.tags.setText("jekyll, leap, blog, 윤년")
    window.form.tags.editingFinished.emit()
    assert window.document.save()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[4:6] == ["tags: jekyll leap 윤년", "categories: [blog]"]
    assert any(label.startswith("blog (") for label in group_labels(window))


def test_discarded_text_is_let_go_at_once(qtbot, window, journal_root):
    path = journal_root / "content" / "2024년 회고.md"
    window.open_post(path)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "버릴 글")
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    assert window.document.maybe_save()
    # nothing (a conflict dialog, an autosave) may save it while the next post or journal opens
    assert not window.editor.document().isModified()
    assert not window.document.autosave_timer.isActive() and not window.document.recovery_timer.isActive()
    assert "버릴 글" not in path.read_text(encoding="utf-8")


def test_changes_seen_in_one_journal_never_reach_the_next(qtbot, window, journal_root, tmp_path):
    other = tmp_path / "다른 일기장"
    other.mkdir()
    (other / "하나.md").write_text("---\ntitle: 하나\n---\n", encoding="utf-8")
    old_post = journal_root / "content" / "2024년 회고.md"
    window.watcher._touched(str(old_post))  # an event from the old journal, not yet handled
    assert window.open_journal(other)
    qtbot.wait(4 * FAST.settle_ms)  # long enough for the watcher to act on it, were it kept
    assert [info.path for info in window.journal.posts] == [other / "하나.md"]


def test_leaving_the_date_unchanged_in_a_repeated_dst_hour_changes_nothing(
    qtbot, window, journal_root, london
):
    path = journal_root / "dst.md"
    path.write_text("---\ntitle: 시간\ndate: 2026-10-25T01:30:00+00:00\n---\n", encoding="utf-8")
    window.journal.refresh(path)
    window.open_post(path)
    assert window.form.date.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-10-25 01:30"
    window.form.date.editingFinished.emit()  # tabbing out without a change
    assert not window.editor.document().isModified()


def test_a_window_without_a_web_view_fills_the_tree_of_another_journal_at_once(window, tmp_path):
    """Only the journal a window opens while it launches waits for the next turn of the event
    loop to fill the tree; a window made without the preview's web view is launching no more."""
    other = tmp_path / "또 다른 일기장"
    other.mkdir()
    (other / "둘.md").write_text("---\ntitle: 둘\n---\n", encoding="utf-8")
    assert window.preview.view is None  # (the fixture's window has no web view)
    assert window.open_journal(other)
    assert window.sidebar.journal is window.journal
