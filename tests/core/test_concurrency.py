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


@pytest.mark.skipif(
    not os.path.isdir("/proc/self/task") or (os.cpu_count() or 1) < 2,
    reason="needs /proc, and two cores for the command to fork workers",
)
@pytest.mark.parametrize("command", ["list", "export"])
def test_workers_exit_when_their_parent_is_killed(tmp_path, command):
    root = tmp_path / "journal"
    write_posts(root / "content", 2000 if command == "list" else 300)
    args = (
        ["list", str(root)]
        if command == "list"
        else ["export", "--all", str(root), "-o", str(tmp_path / "site")]
    )
    parent = subprocess.Popen(
        [sys.executable, "-m", "journal_app", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
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


REGISTER = """
import sys, time
from journal_app.core.instances import Instance
instance = Instance()
print(instance.id, flush=True)
time.sleep(60)
"""


def test_an_instance_is_running_until_it_closes_or_is_killed():
    from journal_app.core.instances import Instance, is_running, registry_folder, running

    here = Instance()
    assert here.registered and is_running(here.id) and here.id in running()
    child = subprocess.Popen([sys.executable, "-c", REGISTER], stdout=subprocess.PIPE, text=True)
    try:
        other = child.stdout.readline().strip()
        assert is_running(other) and set(running()) == {here.id, other}
    finally:
        child.kill()
        child.wait(10)
    assert not is_running(other)  # the kernel dropped its lock
    here.close()
    assert not is_running(here.id) and running() == {}
    Instance().close()  # registering clears the files of instances that are gone
    assert list(registry_folder().iterdir()) == []


def test_two_instances_on_one_post_keep_and_remove_only_their_own_text(tmp_path):
    from journal_app.core.recovery import RecoveryStore

    folder, post = tmp_path / "recovery", tmp_path / "journal" / "글.md"
    first, second = RecoveryStore(folder), RecoveryStore(folder)
    first.write(post, "첫 창의 글")
    second.write(post, "둘째 창의 글")
    assert sorted(item.text for item in first.pending()) == ["둘째 창의 글", "첫 창의 글"]
    first.discard(post)  # the first window saved
    assert [item.text for item in second.pending()] == ["둘째 창의 글"]
    third = RecoveryStore(folder)  # a window started while the second still runs
    assert third.set_aside() == []
    assert [item.text for item in second.pending()] == ["둘째 창의 글"]
    second.close()  # ... and then the second is gone (crashed, say)
    assert [item.text for item in third.set_aside()] == ["둘째 창의 글"]
    fourth = RecoveryStore(folder)
    assert fourth.set_aside() == []  # the third took it over and still runs
    third.close()
    assert [item.text for item in fourth.set_aside()] == ["둘째 창의 글"]


def test_recoveries_of_earlier_versions_are_offered(tmp_path):
    import json

    from journal_app.core.recovery import RecoveryStore

    folder = tmp_path / "recovery"
    folder.mkdir()
    record = {"path": str(tmp_path / "글.md"), "text": "예전 형식", "saved_at": "2026-01-02T03:04:05+09:00"}
    (folder / "0123456789abcdef0123.json").write_text(json.dumps(record), encoding="utf-8")
    store = RecoveryStore(folder)
    [item] = store.set_aside()
    assert item.text == "예전 형식" and store.instance.id in item.file.name


def test_an_unusable_recovery_folder_is_said_in_plain_words(tmp_path):
    from journal_app.core.recovery import RecoveryError, RecoveryStore

    folder = tmp_path / "recovery"
    folder.write_text("not a folder")
    with pytest.raises(RecoveryError) as caught:
        RecoveryStore(folder).write(tmp_path / "글.md", "안전하지 않은 글")
    assert str(caught.value) == f"the recovery folder is a file, not a folder ({folder})"
    inside = tmp_path / "file" / "recovery"
    inside.parent.write_text("")
    with pytest.raises(RecoveryError, match=r"^a part of the path is not a folder \("):
        RecoveryStore(inside).write(tmp_path / "글.md", "안전하지 않은 글")


def test_a_read_only_recovery_folder_is_said_in_plain_words(tmp_path, tmpfs):
    from journal_app.core.recovery import RecoveryError, RecoveryStore

    mount = tmpfs("64k")
    (mount / "recovery").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    with pytest.raises(RecoveryError, match=r"^the file system is read-only \("):
        RecoveryStore(mount / "recovery").write(tmp_path / "글.md", "안전하지 않은 글")


@pytest.mark.permissions
def test_a_locked_recovery_folder_is_said_in_plain_words(tmp_path):
    from journal_app.core.recovery import RecoveryError, RecoveryStore

    folder = tmp_path / "recovery"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(RecoveryError, match=r"^permission was denied \("):
            RecoveryStore(folder).write(tmp_path / "글.md", "안전하지 않은 글")
    finally:
        folder.chmod(0o755)
