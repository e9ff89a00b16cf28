"""Atomic writes: permissions kept, and nothing partial left behind when the write fails."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.clirun import run_in_process
from journal_app.core import SaveError, atomic_write, load_post, save_post
from journal_app.core.storage import is_temporary_name, remove_stale_temporaries


def leftovers(folder) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


@pytest.fixture
def small_tmpfs(tmpfs):
    """A 64 KiB tmpfs mounted for the test (root only), unmounted afterwards."""
    return tmpfs("64k")


def test_write_replaces_and_keeps_mode(tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"
    assert (os.stat(path).st_mode & 0o777) == 0o640
    assert leftovers(tmp_path) == []


def test_new_file_gets_default_mode(tmp_path):
    atomic_write(tmp_path / "n.md", b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert (os.stat(tmp_path / "n.md").st_mode & 0o777) == 0o666 & ~umask


def test_disk_full_leaves_old_file_intact(small_tmpfs):
    path = small_tmpfs / "post.md"
    original = b"---\ntitle: t\n---\n" + "가".encode() * 10000
    path.write_bytes(original)
    post = load_post(path)
    post.body = post.body * 3
    with pytest.raises(SaveError, match="disk is full"):
        save_post(post)
    assert path.read_bytes() == original
    assert leftovers(small_tmpfs) == []
    assert post.modified


def test_read_only_folder_leaves_old_file_intact(small_tmpfs):
    path = small_tmpfs / "post.md"
    path.write_bytes(b"---\ntitle: t\n---\nbody\n")
    post = load_post(path)
    post.body = "changed\n"
    subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], check=True)
    with pytest.raises(SaveError, match="the file system is read-only"):
        save_post(post)
    assert path.read_bytes() == b"---\ntitle: t\n---\nbody\n"
    assert leftovers(small_tmpfs) == []


@pytest.mark.permissions
def test_permission_denied(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "p.md"
    path.write_bytes(b"old")
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="permission"):
            atomic_write(path, b"new")
        assert path.read_bytes() == b"old"
    finally:
        folder.chmod(0o755)


@pytest.mark.permissions
def test_read_only_file_is_not_replaced(tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(SaveError, match="read-only"):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_path_that_is_a_folder(tmp_path):
    (tmp_path / "dir.md").mkdir()
    with pytest.raises(SaveError, match="folder"):
        atomic_write(tmp_path / "dir.md", b"x")


def test_missing_folder(tmp_path):
    with pytest.raises(SaveError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "p.md", b"x")


KILLED_SAVE = """
import os, signal, sys
from journal_app.core import load_post, save_post
post = load_post(sys.argv[1])
post.body = post.body + "저장 도중에 끊긴 글\\n"
os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)  # killed just before the rename
save_post(post)
"""


def killed_save(path) -> str:
    """Save the post at ``path`` in a process killed between the write and the rename;
    returns the name of the temporary file it left."""
    before = set(os.listdir(path.parent))
    result = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(path)], capture_output=True)
    assert result.returncode == -signal.SIGKILL, result.stderr
    [left] = set(os.listdir(path.parent)) - before
    return left


def age(path, seconds: float) -> None:
    moment = time.time() - seconds
    os.utime(path, (moment, moment), follow_symlinks=False)


def test_a_killed_save_leaves_a_temporary_file_named_as_ours(tmp_path):
    path = tmp_path / "글.md"
    path.write_text("---\ntitle: 글\n---\n본문\n", encoding="utf-8")
    left = killed_save(path)
    assert left.startswith(".글.md.journal-app-") and left.endswith(".tmp")
    assert is_temporary_name(left)
    assert path.read_text(encoding="utf-8") == "---\ntitle: 글\n---\n본문\n"


def test_only_our_own_stale_temporary_files_are_removed(tmp_path):
    ours_old = tmp_path / ".a.md.journal-app-abcd_123.tmp"
    ours_new = tmp_path / ".b.md.journal-app-x1y2z3w4.tmp"
    theirs = [
        tmp_path / ".a.md.abcd_123.tmp",
        tmp_path / ".a.md.journal-app-abcd_12345.tmp",
        tmp_path / "a.md.journal-app-abcd_123.tmp",
        tmp_path / ".a.md.journal-app-ABCD_123.tmp",
        tmp_path / ".a.md.journal-app-abcd_123.tmp.bak",
    ]
    for path in [ours_old, ours_new, *theirs]:
        path.write_text("남의 파일")
    folder = tmp_path / ".c.md.journal-app-folder12.tmp"
    folder.mkdir()
    target = tmp_path / "important.md"
    target.write_text("지우면 안 되는 글")
    link = tmp_path / ".d.md.journal-app-symlink1.tmp"
    link.symlink_to(target)
    deeper = tmp_path / "sub" / ".e.md.journal-app-deeper12.tmp"
    deeper.parent.mkdir()
    deeper.write_text("")
    for path in [ours_old, *theirs, folder, link, target, deeper]:
        age(path, 3600)
    removed = remove_stale_temporaries([tmp_path, tmp_path / "missing"], time.time() - 60)
    assert removed == [ours_old]
    assert not ours_old.exists()
    assert all(path.exists() for path in [ours_new, *theirs, folder, link, target, deeper])
    assert target.read_text() == "지우면 안 되는 글"


def test_opening_a_journal_clears_what_a_killed_save_left(tmp_path):
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    post = root / "_posts" / "2024-01-01-글.md"
    post.write_text("---\ntitle: 글\n---\n본문\n", encoding="utf-8")
    left = root / "_posts" / killed_save(post)
    fresh = root / "_posts" / killed_save(post)  # a save that may still be running
    built = root / "_site" / left.name  # not a folder of the journal
    built.parent.mkdir()
    built.write_text("")
    for path in (left, built):
        age(path, 3600)
    result = run_in_process("list", root)
    assert result.returncode == 0, result.stderr
    assert not left.exists()
    assert fresh.exists() and built.exists()
    assert post.read_text(encoding="utf-8") == "---\ntitle: 글\n---\n본문\n"


def test_temporary_files_of_a_running_instance_are_never_stale(tmp_path, monkeypatch):
    from journal_app.core import instances

    assert instances.stale_before() <= time.time() - instances.GRACE_SECONDS
    monkeypatch.setattr(instances, "GRACE_SECONDS", 0)  # only the running instances count
    old, new = tmp_path / ".a.md.journal-app-oldold12.tmp", tmp_path / ".b.md.journal-app-newnew12.tmp"
    old.write_text("")
    age(old, 3600)
    with instances.Instance() as running:
        new.write_text("")  # a save of the running instance, killed or not
        assert instances.stale_before() <= running.started - instances.CLOCK_SLACK
        assert remove_stale_temporaries([tmp_path], instances.stale_before()) == [old]
        assert new.exists()
    assert remove_stale_temporaries([tmp_path], instances.stale_before()) == [new]
