"""Opening a journal without waiting on its files: from the summary index alone when it holds
the journal (the files checked afterwards, off the GUI thread), else read on a worker in batches.

Real windows on real files in tmp_path: the tree filled batch by batch ends as the tree a full
scan makes (both groupings, the counts, the tag list, broken headers under Problems), and a
post changed, added or removed while the app was closed shows so after a warm open.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QProgressBar

from journal_app.core import Journal
from journal_app.core.journal import READ_NOW
from journal_app.core.parallel import usable_cores
from journal_app.core.scanwork import PARALLEL_MINIMUM
from journal_app.ui import scanner
from journal_app.ui.app import create_window
from journal_app.ui.sidebar import PATH_ROLE, Sidebar
from tests.ui.conftest import FAST, close_window

TAGS = ["일상", "개발", "여행", "Dev", "책"]


def tree(sidebar: Sidebar, parent: QModelIndex = QModelIndex()) -> list:
    """The model's rows as (text, path, children), in order."""
    model = sidebar.model
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append((index.data(), index.data(PATH_ROLE), tree(sidebar, index)))
    return rows


def whole_tree(qtbot, journal: Journal, grouping: str) -> list:
    """The tree a sidebar builds at once from ``journal``."""
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_grouping(grouping)
    sidebar.set_journal(journal)
    return tree(sidebar)


def write_journal(root, count: int) -> None:
    """``count`` posts with random dates and tags in two folders; every 37th header broken."""
    chooser = random.Random(17)
    for number in range(count):
        folder = root / ("velog" if number % 3 else "notes")
        folder.mkdir(parents=True, exist_ok=True)
        tags = ", ".join(chooser.sample(TAGS, chooser.randrange(3)))
        day = f"20{chooser.randrange(20, 25)}-{chooser.randrange(1, 13):02}-{chooser.randrange(1, 29):02}"
        title = f'"글 {number}' if number % 37 == 0 else f"글 {number}"  # an unclosed quote: broken
        (folder / f"글 {number:04}.md").write_text(
            f"---\ntitle: {title}\ndate: {day}T09:00:00+09:00\ntags: [{tags}]\n---\n본문 {number}\n",
            encoding="utf-8",
        )


def open_window(qtbot, root, env):
    window = create_window(root, env, FAST)
    qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)
    return window


def test_a_cold_open_fills_the_tree_in_batches_to_the_tree_of_a_full_scan(qtbot, tmp_path, env):
    root = tmp_path / "일기장"
    write_journal(root, READ_NOW * 3)
    window = create_window(root, env, FAST)
    try:
        assert window.scan.reading and len(window.journal.posts) == 0  # shown before any is read
        counts = []
        window.scan.arrived.connect(lambda _: counts.append(len(window.journal.posts)))
        qtbot.waitUntil(lambda: not window.scan.running, timeout=30000)
        assert len(counts) >= 2 and counts[-1] == READ_NOW * 3  # batch by batch
        full = Journal(root, use_index=False)
        assert [info.path for info in window.journal.posts] == [info.path for info in full.posts]
        assert window.journal.tag_counts() == full.tag_counts()
        broken = [info for info in full.posts if info.header_invalid]
        assert broken  # (the journal has some) and they are listed, under Problems too
        assert tree(window.sidebar) == whole_tree(qtbot, full, "tag")
        window.sidebar.set_grouping("date")
        assert tree(window.sidebar) == whole_tree(qtbot, full, "date")
        assert window.journal.known_folders() == full.known_folders()
        qtbot.waitUntil(lambda: window.document.post is not None)  # the newest, once all are read
    finally:
        close_window(window)


def test_what_was_taken_is_shown_when_the_scan_ends_without_waiting_for_a_repaint(
    qtbot, tmp_path, env, monkeypatch
):
    root = tmp_path / "일기장"
    write_journal(root, READ_NOW * 3)
    monkeypatch.setattr(scanner, "REPAINT_MS", 600_000)  # never due again once the first went out
    window = create_window(root, env, FAST)
    try:
        sent: list[int] = []
        window.scan.arrived.connect(lambda change: sent.append(len(change.paths)))
        qtbot.waitUntil(lambda: not window.scan.running, timeout=30000)
        assert sum(sent) == READ_NOW * 3  # every post went out (the last ones at the end)
        full = Journal(root, use_index=False)
        assert tree(window.sidebar) == whole_tree(qtbot, full, "tag")
    finally:
        close_window(window)


def test_a_change_made_while_the_app_was_closed_shows_after_a_warm_open(qtbot, tmp_path, env):
    root = tmp_path / "일기장"
    write_journal(root, 12)
    first = open_window(qtbot, root, env)
    assert not first.scan.running  # a small journal is read at once
    shown = first.document.post.path if first.document.post is not None else None
    close_window(first)
    others = sorted(path for path in (root / "velog").glob("*.md") if path != shown)  # (not reopened)
    changed, gone = others[0], others[1]
    changed.write_text("---\ntitle: 고친 제목\ntags: [새 태그]\n---\n고쳤다\n", encoding="utf-8")
    os.utime(changed, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    gone.unlink()
    (root / "notes" / "새 글.md").write_text("---\ntitle: 새 글\n---\n새로 썼다\n", encoding="utf-8")
    window = create_window(root, env, FAST)
    try:
        assert window.journal.unchecked  # from the index alone: the files are checked later
        assert window.journal.get(gone) is not None  # (as the index had it)
        qtbot.waitUntil(lambda: not window.scan.running, timeout=30000)
        assert not window.journal.unchecked
        info = window.journal.get(changed)
        assert info is not None and info.title == "고친 제목" and info.tags == ["새 태그"]
        assert window.journal.get(gone) is None
        assert window.journal.get(root / "notes" / "새 글.md") is not None
        full = Journal(root, use_index=False)
        assert tree(window.sidebar) == whole_tree(qtbot, full, "tag")
        assert window.sidebar.find_path(changed).data() == "고친 제목"
        assert ("새 태그", 1) in window.journal.tag_counts()
        assert window.journal.known_folders() == full.known_folders()
    finally:
        close_window(window)


def clear_index() -> None:
    for path in Path(os.environ["JOURNAL_APP_CACHE_DIR"]).glob("summaries-*"):
        path.unlink()


def wait_for(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def ended(pid: int) -> bool:
    """True once the process is gone (or a zombie no one has reaped yet)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z"
    except OSError:
        return True


LEAVE_AS_THE_INDEX_IS_WRITTEN = """
import os, signal, sys
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QProgressBar
from journal_app.core import Journal
from journal_app.ui.scanner import JournalScan

app = QApplication([])
scan = JournalScan(QProgressBar())
assert scan.start(Journal.opened(sys.argv[1]))
work = scan._work
frozen = []

def arrived(number, batch):  # on the scan's thread, as the last batch comes
    if work._all_sent and work._child is not None and not frozen:
        try:
            os.kill(work._child.pid, signal.SIGSTOP)  # writing the index, given no time
            frozen.append(work._child.pid)
        except ProcessLookupError:
            pass

scan._batch.connect(arrived, Qt.ConnectionType.DirectConnection)

def leave():
    if not work._all_sent:
        QTimer.singleShot(10, leave)
        return
    scan.shutdown()  # the window closing
    print(frozen[0] if frozen else "too late", flush=True)
    app.quit()

QTimer.singleShot(0, leave)
app.exec()
"""


@pytest.mark.skipif(usable_cores() < 2, reason="the other process reads only where there are cores")
def test_a_window_closed_as_its_tree_fills_leaves_at_once_and_opens_warm_the_next_time(tmp_path):
    # the other process writes the index once it has sent every post: the exit does not wait for
    # it (it may be given no processor time), and it is not ended, so the index it writes makes
    # the next open warm (ended, a large journal would open cold every time it was closed early)
    root = tmp_path / "일기장"
    write_journal(root, PARALLEL_MINIMUM + 100)
    for _ in range(5):
        child = subprocess.run(
            [sys.executable, "-c", LEAVE_AS_THE_INDEX_IS_WRITTEN, str(root)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert child.returncode == 0, child.stderr[-2000:]  # (a wait for the thread: the timeout)
        said = child.stdout.strip()
        if said != "too late":
            if Journal.opened(root).unwalked:  # (frozen: nothing written yet)
                break
            os.kill(int(said), signal.SIGCONT)  # (it wrote before the stop reached it)
            assert wait_for(lambda: ended(int(said)), 30)  # (then nothing writes as it is cleared)
        clear_index()  # (it wrote before it could be frozen: again, from cold)
    else:
        pytest.fail("the other process wrote the index before it could be frozen, five times")
    os.kill(int(said), signal.SIGCONT)  # (frozen until here: never left so)
    assert wait_for(lambda: not Journal.opened(root).unwalked, 30), "the index was never written"
    assert len(Journal.opened(root).posts) == PARALLEL_MINIMUM + 100


def test_a_scan_whose_window_closed_after_its_last_batch_ends_quietly(qtbot, tmp_path, monkeypatch):
    # the window closing between the last batch and the answer that the scan is done: the
    # scan's thread has no one to tell and ends (it raised, unhandled, on its thread)
    failures: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    root = tmp_path / "일기장"
    write_journal(root, READ_NOW + 50)  # (one batch, read on the scan's thread)
    progress = QProgressBar()
    qtbot.addWidget(progress)
    scan = scanner.JournalScan(progress)
    scan._batch.connect(lambda number, batch: scan._handoff.close(), Qt.ConnectionType.DirectConnection)
    started: list[threading.Thread] = []

    class Kept(threading.Thread):  # (the scan's own thread, however soon it ends)
        def start(self) -> None:
            started.append(self)
            super().start()

    monkeypatch.setattr(threading, "Thread", Kept)
    assert scan.start(Journal.opened(root))
    (thread,) = started
    thread.join(30)
    assert not thread.is_alive() and failures == []
