"""Git on the real window, with real repositories: a bare remote and two clones as two
machines. The status bar's git state, Commit (only what the app touched, an editable message),
Pull and Push in the background, a pulled change reaching the open post, a conflict reported
and undone, auto-commit, and a journal that is not under git."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QLabel, QMessageBox

from journal_app.core.gitrepo import find_repo
from journal_app.ui.app import create_window
from tests.gitrepos import git, two_machines
from tests.ui.conftest import answer_dialog, close_window, type_text, wait_for_page

POST = "posts/ai-expo.md"
TEXT = '---\ntitle: "AI Expo 후기"\ntags: ["행사"]\n---\n첫 줄\n'


@pytest.fixture
def machines(tmp_path):
    return two_machines(tmp_path, {POST: TEXT, "posts/other.md": "---\ntitle: other\n---\nx\n"})


@pytest.fixture
def opened(qtbot, env, delays):
    windows = []

    def open_on(path):
        window = create_window(path, env, delays)
        windows.append(window)
        settled(qtbot, window)
        return window

    yield open_on
    for window in windows:
        close_window(window)


def settled(qtbot, window):
    """After the git work queued so far (and what it queued) has finished and its answers
    reached the window."""
    qtbot.waitUntil(lambda: window.git.pending == 0, timeout=20000)


def git_state(window):
    return window.findChild(QLabel, "gitState")


def append_and_save(window, text):
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, text)
    assert window.document.save()


def test_edit_push_on_one_machine_pull_on_the_other_shows_in_the_open_window(qtbot, machines, opened):
    _, laptop, desktop = machines
    window = opened(desktop / POST)
    qtbot.waitUntil(lambda: git_state(window).text() == "\u2387 main", timeout=10000)
    assert git_state(window).isVisible()
    (laptop / POST).write_text(TEXT + "노트북에서 쓴 줄\n", encoding="utf-8")
    on_laptop = find_repo(laptop)
    assert on_laptop is not None
    on_laptop.commit([laptop / POST], 'Update "AI Expo 후기"')
    on_laptop.push()
    window.commands.git_pull.trigger()
    settled(qtbot, window)
    qtbot.waitUntil(lambda: "노트북에서 쓴 줄" in window.editor.text(), timeout=10000)
    assert not window.document.is_modified()
    assert "1 file(s) changed" in window.statusBar().currentMessage()
    wait_for_page(qtbot, window, "document.body.innerText", lambda text: "노트북에서 쓴 줄" in (text or ""))


def test_commit_takes_what_the_app_saved_with_an_editable_message_then_push(qtbot, machines, opened):
    remote, laptop, _ = machines
    window = opened(laptop / POST)
    assert window.commands.git_commit.shortcut() == QKeySequence("Ctrl+Alt+C")
    (laptop / "posts/other.md").write_text("changed outside the app\n", encoding="utf-8")
    append_and_save(window, "둘째 줄\n")
    window.git.refresh()
    settled(qtbot, window)
    assert git_state(window).text() == "\u2387 main · 2 to commit"
    seen = {}

    def commit(dialog):
        files = dialog.findChild(type(dialog.files), "gitCommitFiles")
        seen["message"] = dialog.message.text()
        seen["files"] = {
            files.item(row).text(): files.item(row).checkState() == Qt.CheckState.Checked
            for row in range(files.count())
        }
        dialog.message.setText(dialog.message.text() + " (오후)")
        dialog.accept()

    answer_dialog(commit)
    window.commands.git_commit.trigger()
    settled(qtbot, window)
    assert seen == {
        "message": 'Update "AI Expo 후기"',
        "files": {POST: True, "posts/other.md": False},
    }
    assert git(laptop, "log", "-1", "--format=%s").strip() == 'Update "AI Expo 후기" (오후)'
    assert git(laptop, "show", "--name-only", "--format=", "HEAD").split() == [POST]
    assert git_state(window).text() == "\u2387 main · 1 to commit · 1 to push"
    window.commands.git_push.trigger()
    settled(qtbot, window)
    assert git_state(window).text() == "\u2387 main · 1 to commit"
    assert "둘째 줄" in git(remote, "show", f"main:{POST}")


def test_a_conflicting_pull_is_reported_with_the_posts_and_undone(qtbot, machines, opened):
    _, laptop, desktop = machines
    (laptop / POST).write_text(TEXT.replace("첫 줄", "노트북"), encoding="utf-8")
    on_laptop = find_repo(laptop)
    assert on_laptop is not None
    on_laptop.commit([laptop / POST], "laptop")
    on_laptop.push()
    window = opened(desktop / POST)
    window.commands.git_auto_commit.setChecked(True)  # each save is committed
    editor = window.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.movePosition(cursor.MoveOperation.StartOfLine)
    cursor.movePosition(cursor.MoveOperation.Up)
    cursor.movePosition(cursor.MoveOperation.EndOfLine, cursor.MoveMode.KeepAnchor)
    cursor.insertText("데스크톱")
    assert window.document.save()
    settled(qtbot, window)
    assert git(desktop, "log", "-1", "--format=%s").strip() == 'Update "AI Expo 후기"'
    said = []

    def read(box):
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer_dialog(read)
    window.commands.git_pull.trigger()
    settled(qtbot, window)
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "ai-expo.md" in said[0] and "nothing in the journal was changed" in said[0]
    assert "데스크톱" in (desktop / POST).read_text(encoding="utf-8")  # nothing half-written
    assert "<<<<<<<" not in window.editor.text()
    assert git(desktop, "status", "--porcelain") == ""
    assert "노트북" in git(desktop, "show", f"origin/main:{POST}")  # both texts kept


def test_a_journal_not_under_git_shows_no_git_state(qtbot, journal_root, opened):
    window = opened(journal_root)
    settled(qtbot, window)
    assert not git_state(window).isVisible()
    assert not window.commands.git_commit.isEnabled()
    window.git.commit()
    assert "not a git working tree" in window.statusBar().currentMessage()


def test_no_remote_says_so_plainly(qtbot, machines, opened):
    _, laptop, _ = machines
    git(laptop, "remote", "remove", "origin")
    window = opened(laptop / POST)
    settled(qtbot, window)
    assert git_state(window).text() == "\u2387 main · no remote branch"
    said = []
    answer_dialog(lambda box: (said.append(box.text()), box.button(QMessageBox.StandardButton.Ok).click()))
    window.commands.git_push.trigger()
    settled(qtbot, window)
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "there is no remote" in said[0]


def test_commit_every_n_minutes_takes_what_the_app_saved(qtbot, machines, opened, env):
    _, laptop, _ = machines
    env.settings.set("preferences/git_auto_commit_minutes", 15)
    window = opened(laptop / POST)
    assert window.git.every.isActive() and window.git.every.interval() == 15 * 60_000
    (laptop / "posts/other.md").write_text("changed outside the app\n", encoding="utf-8")
    append_and_save(window, "둘째 줄\n")
    window.git.every.timeout.emit()  # as when the quarter hour is up
    settled(qtbot, window)
    assert git(laptop, "show", "--name-only", "--format=%s", "HEAD").split("\n")[:3] == [
        'Update "AI Expo 후기"',
        "",
        POST,
    ]
    assert git(laptop, "status", "--porcelain").strip() == "M posts/other.md"
    window.git.every.timeout.emit()  # nothing touched since: no empty commit
    settled(qtbot, window)
    assert git(laptop, "rev-list", "--count", "HEAD").strip() == "2"


def test_a_pull_under_unsaved_edits_asks_which_version_to_keep(qtbot, machines, opened):
    _, laptop, desktop = machines
    window = opened(desktop / POST)
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "아직 저장 안 한 줄")
    (laptop / POST).write_text(TEXT + "노트북에서\n", encoding="utf-8")
    on_laptop = find_repo(laptop)
    assert on_laptop is not None
    on_laptop.commit([laptop / POST], "laptop")
    on_laptop.push()
    asked = []

    def keep_mine(box):
        asked.append(box.objectName())
        next(button for button in box.buttons() if button.text() == "Keep Mine").click()

    answer_dialog(keep_mine)
    window.commands.git_pull.trigger()
    settled(qtbot, window)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert asked == ["conflictDialog"]
    assert (desktop / POST).read_text(encoding="utf-8") == TEXT + "아직 저장 안 한 줄"  # mine kept, saved
    assert "노트북에서" in git(desktop, "show", f"HEAD:{POST}")  # theirs kept in the commit


def test_a_status_git_cannot_read_is_said_quietly(qtbot, machines, opened):
    _, laptop, _ = machines
    window = opened(laptop / POST)
    (laptop / ".git" / "HEAD").write_text("not a ref\n")  # a damaged repository
    window.git.refresh()
    settled(qtbot, window)
    assert git_state(window).text() == "\u2387 git status unknown"
    assert window.git.status_trouble
    window.git.refresh()  # asked again (the poll): no dialog, no loop
    settled(qtbot, window)


def test_the_files_saved_through_the_app_are_remembered_for_the_next_commit(qtbot, machines, opened):
    _, laptop, _ = machines
    window = opened(laptop / POST)
    append_and_save(window, "둘째 줄\n")
    close_window(window)
    again = opened(laptop / POST)
    assert again.git.touched == {laptop / POST}
    git(laptop, "commit", "-qam", "committed in a terminal")
    again.git.refresh()
    settled(qtbot, again)
    assert again.git.touched == set()
    assert git_state(again).text() == "\u2387 main · 1 to push"


def test_the_history_of_a_post_under_git_is_its_commits(qtbot, machines, opened):
    _, laptop, _ = machines
    window = opened(laptop / POST)
    append_and_save(window, "둘째 줄\n")
    window.commands.file_history.trigger()
    panel = window.history_panel
    window.history.wait()
    qtbot.waitUntil(lambda: panel.versions.count() == 2, timeout=10000)
    assert "saved, not committed" in panel.versions.item(0).text()
    window.git.commit_now([laptop / POST], 'Update "AI Expo 후기"')
    settled(qtbot, window)
    window.history.wait()
    newest = panel.versions.item
    qtbot.waitUntil(lambda: newest(0) is not None and 'Update "AI Expo' in newest(0).text(), timeout=10000)
    assert panel.versions.count() == 2
    assert not list(window.env.data_dir.glob("journals/*/history"))  # git is the history


def test_an_image_pasted_through_the_app_is_committed_with_its_post(qtbot, machines, opened, env):
    """A picture pasted into the post is a file the app wrote: Commit offers it ticked, beside
    the post, and the Preferences' "commit every" sets the timer."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_paste import image_mime, png

    _, laptop, _ = machines
    window = opened(laptop / POST)
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QApplication.clipboard().setMimeData(image_mime(png()))
    editor.paste()
    assert window.document.save()
    images = [path for path in window.git.touched if path.suffix == ".png"]
    assert len(images) == 1 and images[0].is_file() and laptop in images[0].parents
    seen = {}

    def commit(dialog):
        files = dialog.findChild(type(dialog.files), "gitCommitFiles")
        seen.update(
            {
                files.item(row).text(): files.item(row).checkState() == Qt.CheckState.Checked
                for row in range(files.count())
            }
        )
        dialog.accept()

    window.git.refresh()
    settled(qtbot, window)
    answer_dialog(commit)
    window.commands.git_commit.trigger()
    settled(qtbot, window)
    image = images[0].relative_to(laptop).as_posix()
    assert seen == {POST: True, image: True}
    assert sorted(git(laptop, "show", "--name-only", "--format=", "HEAD").split()) == sorted([POST, image])

    from journal_app.ui.preferences import show_preferences

    dialog = show_preferences(window)
    dialog.git_every.setValue(10)
    assert window.git.every.isActive() and window.git.every.interval() == 10 * 60_000
    assert env.settings.get("preferences/git_auto_commit_minutes") == 10
    dialog.git_every.setValue(0)
    assert not window.git.every.isActive()
    dialog.close()
