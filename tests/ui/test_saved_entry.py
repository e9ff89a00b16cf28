"""After a save the journal's entry of the post comes from what the save wrote (its bytes and
the file's stamp), not from reading the file again; the watcher's event of that write changes
nothing, and a change another program makes a moment later is still seen."""

from __future__ import annotations

import os
import time

from tests.ui.conftest import FAST, type_text

TITLE = "2024년 회고".encode()


def autosave_written(qtbot, window, env):
    """The open post autosaved after an edit, its bytes on disk but not yet handed back to the
    GUI thread (no event is handled meanwhile); returns the post's path and those bytes."""
    env.settings.set("preferences/autosave", True)
    path = window.journal.root / "content" / "2024년 회고.md"
    window.open_post(path)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "끝.")
    with qtbot.waitSignal(window.document.autosave_timer.timeout, timeout=10000):
        pass  # (its bytes are asked of the worker thread now)
    for _ in range(1000):  # up to 10 s: a plain wait, so the save is not handed back yet
        data = path.read_bytes()
        if "끝.".encode() in data:
            return path, data
        time.sleep(0.01)
    raise AssertionError("the autosave never reached the disk")


def test_a_saved_posts_entry_comes_from_the_bytes_saved(qtbot, window, env):
    path, data = autosave_written(qtbot, window, env)
    # the same size and time, other bytes: only a read of the file would see them
    stat = os.stat(path)
    path.write_bytes(data.replace(TITLE, "2024년 후기".encode(), 1))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    qtbot.waitUntil(lambda: not window.document.writes.busy())
    assert not window.document.is_modified()
    assert window.journal.get(path).title == "2024년 회고"
    assert window.journal.get(path).stamp == (stat.st_mtime_ns, stat.st_size)


def test_a_change_by_another_program_right_after_a_save_is_seen(qtbot, window, env):
    path, data = autosave_written(qtbot, window, env)
    path.write_bytes(data.replace(TITLE, "2024년 회고 (고침)".encode(), 1))
    qtbot.waitUntil(lambda: not window.document.writes.busy())
    assert window.journal.get(path).title == "2024년 회고 (고침)"  # read: the file differs


def test_the_watcher_sees_no_change_in_our_own_save(qtbot, window):
    path = window.journal.root / "content" / "2024년 회고.md"
    window.open_post(path)
    type_text(window.editor, "내 편집 ")
    qtbot.wait(4 * FAST.settle_ms)  # (the open's own events are handled)
    seen = []
    window.watcher.changed.connect(lambda change: seen.append(path in change))
    assert window.document.save()
    qtbot.wait(6 * FAST.settle_ms)  # long enough for the watcher to act on the save's events
    assert True not in seen and window.journal.get(path).stamp == window.document.post.stamp
