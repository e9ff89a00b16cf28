"""Real git repositories for tests: a bare repository as the remote and clones of it as the
machines a user writes on (each with its own user.name and user.email)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(folder: Path, *args: str) -> str:
    """Run git in ``folder`` (as a user would; the test fails when it fails); its output."""
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout


def identify(folder: Path, name: str = "Tester") -> None:
    """Give the repository a committer of its own (the test machine may have none)."""
    git(folder, "config", "user.name", name)
    git(folder, "config", "user.email", f"{name.lower()}@example.com")
    git(folder, "config", "commit.gpgsign", "false")


def new_repo(folder: Path, files: dict[str, str] | None = None) -> Path:
    """A working tree at ``folder`` on branch main, its ``files`` committed (when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q", "-b", "main")
    identify(folder)
    if files:
        for name, text in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        git(folder, "add", "-A")
        git(folder, "commit", "-q", "-m", "first")
    return folder


def two_machines(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Path, Path]:
    """(remote, laptop, desktop): a bare remote holding ``files`` and two clones of it."""
    seed = new_repo(tmp_path / "seed", files)
    remote = tmp_path / "remote.git"
    git(tmp_path, "clone", "-q", "--bare", str(seed), str(remote))
    machines = []
    for name in ("laptop", "desktop"):
        clone = tmp_path / name
        git(tmp_path, "clone", "-q", str(remote), str(clone))
        identify(clone, name.title())
        machines.append(clone)
    return remote, machines[0], machines[1]
