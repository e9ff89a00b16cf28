"""Two things at once: worker processes die with their parent, instances know of each other,
and our own stale temporary files are cleaned up (never anything else)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            state = process_state(int(entry))
            if state is not None and state[1] == pid:
                found.append(int(entry))
    return found


def process_state(pid: int) -> tuple[str, int] | None:
    """(state letter, parent pid) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            fields = stream.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return fields[0].decode(), int(fields[1])


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    state = process_state(pid)
    return state is not None and state[0] not in ("Z", "X")


def write_posts(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    text = "---\ntitle: 글 {n}\ntags: [일상]\n---\n" + "오늘의 기록. " * 200 + "\n"
    for number in range(count):
        (folder / f"post-{number:05}.md").write_text(text.format(n=number), encoding="utf-8")


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc")
@pytest.mark.parametrize("command", ["list", "export"])
def test_workers_exit_when_their_parent_is_killed(tmp_path, command):
    root = tmp_path / "journal"
    write_posts(root / "content", 2000 if command == "list" else 300)
    args = ["list", str(root)] if command == "list" else \
        ["export", "--all", str(root), "-o", str(tmp_path / "site")]
    parent = subprocess.Popen([sys.executable, "-m", "journal_app", *args],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 20
        while len(workers) < 2 and parent.poll() is None and time.monotonic() < deadline:
            workers = children_of(parent.pid)
            time.sleep(0.002)
        assert len(workers) >= 2, "the command never forked its workers"
        for pid in workers:  # hold them mid-run, so the parent cannot have finished
            os.kill(pid, signal.SIGSTOP)
        assert parent.poll() is None
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        for pid in workers:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.02)
        left = [pid for pid in workers if alive(pid)]
        assert left == [], f"workers {left} outlived their parent"
    finally:
        parent.kill()
        for pid in workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
