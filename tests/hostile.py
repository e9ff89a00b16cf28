"""Hostile files for tests: special files named like posts, an alias bomb, folders nested deeper
than Python recurses or with a path longer than the system takes, and a child process that turns
a hang into a failure."""

from __future__ import annotations

import json
import math
import os
import resource
import socket
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
GOOD = "---\ntitle: Good\ntags: [ok]\n---\nbody\n"
BOMB = "---\nlol1: &a1 [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"lol{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 10) + "]\n" for level in range(2, 10)
)


WAIT_FACTOR = 12  # how much longer than its processor time a child may take on the clock


def run_python(
    *args: str, timeout: float = 10, memory: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """This project's Python with ``args``, within ``timeout`` seconds of processor time (and,
    with ``memory``, at most 2 GB of address space): a child that spins past it is killed
    (SIGXCPU), one blocked (on a pipe, say) raises TimeoutExpired after ``WAIT_FACTOR`` times as
    long on the clock, failing the test instead of stalling the run. Processor time, not the
    clock, so a busy machine does not fail a child that needs 3 of its 10 seconds (it did).
    ``env`` adds variables to the child's environment."""

    def limit() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
        seconds = math.ceil(timeout)
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))

    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=timeout * WAIT_FACTOR,
        preexec_fn=limit,
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT), **(env or {})},
    )


def bounded(code: str, timeout: float = 10) -> dict:
    """Run ``code`` with :func:`run_python` and return the JSON it prints last."""
    result = run_python("-c", textwrap.dedent(code), timeout=timeout)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.splitlines()[-1])


def special_files(folder: Path) -> socket.socket:
    """A named pipe, a socket and a link to a device, each named like a post."""
    os.mkfifo(folder / "pipe.md")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.md"))
    os.symlink("/dev/zero", folder / "zero.md")
    return server


def hostile_journal(tmp_path: Path, *, bomb_title: str, tags: int) -> tuple[Path, socket.socket]:
    """A journal of one good post and one of each hostile file: special files, a link to a
    private key outside it, an alias bomb, a post of ``tags`` tags and a 2 MB header.
    Returns the root and the socket to close."""
    root = tmp_path / "journal"
    root.mkdir()
    (root / "good.md").write_text(GOOD)
    server = special_files(root)
    secret = tmp_path / "id_rsa"
    secret.write_text("PRIVATE KEY\n")
    (root / "key.md").symlink_to(secret)
    (root / "bomb.md").write_text(BOMB + f"title: {bomb_title}\n---\nbody\n")
    (root / "tags.md").write_text("---\ntags: [" + ", ".join(f"t{n}" for n in range(tags)) + "]\n---\n")
    (root / "big.md").write_text("---\ntitle: Big\n" + ("note: " + "x" * 63 + "\n") * 30_000 + "---\n")
    return root, server


@contextmanager
def deep_folders(root: Path, levels: int, posts_at: tuple[int, ...] = ()):
    """``levels`` folders ``d`` inside each other under ``root``, a post at each of ``posts_at``;
    removed again afterwards from the bottom up (shutil.rmtree, and so pytest, recurses)."""
    folder = str(root)
    try:
        for level in range(1, levels + 1):
            folder += "/d"
            os.mkdir(folder)
            if level in posts_at:
                Path(folder, f"at {level}.md").write_text(f"# level {level}\n")
        yield
    finally:
        while folder != str(root):
            if os.path.isdir(folder):
                for name in os.listdir(folder):
                    os.unlink(os.path.join(folder, name))
                os.rmdir(folder)
            folder = os.path.dirname(folder)


LONG_NAME = "아주긴폴더이름" * 12  # 84 characters, 252 bytes: as long as a name may be


def long_folders(root: Path) -> Path:
    """Folders of LONG_NAME inside each other under ``root`` until the path is longer than the
    system takes (made relative to an open folder, as only that reaches them); the first one
    whose path is too long to list."""
    limit = os.pathconf(root, "PC_PATH_MAX")
    parent = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    path = root
    try:
        while len(os.fsencode(path)) < limit:  # the limit counts the closing NUL
            os.mkdir(LONG_NAME, dir_fd=parent)
            child = os.open(LONG_NAME, os.O_RDONLY | os.O_DIRECTORY, dir_fd=parent)
            os.close(parent)
            parent, path = child, path / LONG_NAME
    finally:
        os.close(parent)
    return path
