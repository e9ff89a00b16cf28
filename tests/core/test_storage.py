"""Atomic writes: permissions kept, and nothing partial left behind when the write fails."""

from __future__ import annotations

import os
import subprocess

import pytest

from journal_app.core import SaveError, atomic_write, load_post, save_post


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
