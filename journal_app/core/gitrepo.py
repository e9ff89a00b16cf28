"""A journal that is a git working tree: the ``git`` command line, never a shell.

Every command runs with a timeout, without a terminal (no credential prompt can wait for an
answer: ``GIT_TERMINAL_PROMPT=0``, stdin closed, a session of its own so ssh cannot open the
terminal either) and with the user's own configuration and credential helpers; nothing here
stores a credential. Paths handed in and out are absolute; git's own are relative to the top of
the working tree.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .errors import JournalError
from .words import QT_TRANSLATE_NOOP, Words, words

LOCAL_TIMEOUT = 30.0  # seconds for a command that stays on this computer
NETWORK_TIMEOUT = 300.0  # seconds for fetch, pull and push
_OFFLINE = re.compile(
    r"could not resolve host|unable to access|could not read from remote|connection (refused|timed out)"
    r"|network is unreachable|no route to host|failed to connect|does not appear to be a git repository",
    re.IGNORECASE,
)


SOME_FILES = QT_TRANSLATE_NOOP("Core", "some files")


class GitError(JournalError):
    """A git command failed; the message says why in plain words."""


class GitOffline(GitError):
    """The remote cannot be reached (no network, or the remote is gone)."""


class MergeConflict(GitError):
    """A pull found edits of the same lines on both sides; nothing was changed (``posts``)."""

    def __init__(self, posts: list[Path]):
        names = ", ".join(path.name for path in posts) or Words(SOME_FILES)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Core",
                "The pull was undone: {names} changed both here and on the remote in the same places. "
                "Your version is kept in your last commit; nothing in the journal was changed.",
            ),
            names=names,
        )
        self.posts = posts


@dataclass(frozen=True)
class GitStatus:
    """What ``git status --porcelain=v2 --branch`` says."""

    branch: str | None  # None on a detached HEAD
    upstream: str | None = None
    ahead: int = 0
    behind: int = 0
    changed: list[Path] = field(default_factory=list)  # files with changes to commit (absolute)

    def summary_parts(self) -> list[Words | str]:
        """The status bar's phrase in parts: the branch, then what there is to commit, push or
        pull (in words the window translates)."""
        parts: list[Words | str] = [self.branch or words(QT_TRANSLATE_NOOP("Core", "detached HEAD"))]
        if self.changed:
            parts.append(words(QT_TRANSLATE_NOOP("Core", "{count} to commit"), count=len(self.changed)))
        if self.ahead:
            parts.append(words(QT_TRANSLATE_NOOP("Core", "{count} to push"), count=self.ahead))
        if self.behind:
            parts.append(words(QT_TRANSLATE_NOOP("Core", "{count} to pull"), count=self.behind))
        if self.upstream is None and self.branch is not None:
            parts.append(words(QT_TRANSLATE_NOOP("Core", "no remote branch")))
        return parts

    def summary(self) -> str:
        """One short phrase for the status bar: ``main · 2 to commit · 1 to push``."""
        return " · ".join(map(str, self.summary_parts()))


@dataclass(frozen=True)
class Commit:
    """One commit that changed a file: its revision, time, subject, the file's path then and
    how many lines it added and removed."""

    rev: str
    when: datetime
    subject: str
    path: str  # relative to the top of the working tree
    added: int
    removed: int


def git_available() -> bool:
    """True when the ``git`` command is installed."""
    return shutil.which("git") is not None


def _environment() -> dict[str, str]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C", LANGUAGE="C")
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return env


def run_git(
    folder: Path,
    *args: str,
    timeout: float = LOCAL_TIMEOUT,
    check: bool = True,
    progress: Callable[[str], None] | None = None,
    input: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git ARGS`` in ``folder`` (no shell, no terminal, a timeout); raises GitError when it
    fails (``check``) or cannot run. ``progress`` gets git's progress lines as they come;
    ``input`` is written to its standard input."""
    command = ["git", "-c", "core.quotePath=false", *args]
    try:
        process = subprocess.Popen(
            command,
            cwd=folder,
            env=_environment(),
            stdin=subprocess.DEVNULL if input is None else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        raise GitError(
            QT_TRANSLATE_NOOP("Core", "git could not be run: {reason}."), reason=exc.strerror or exc
        ) from exc
    killer = threading.Timer(timeout, process.kill)
    killer.start()
    try:
        if progress is None:
            out, err = process.communicate(input)
        else:
            out, err = _with_progress(process, progress)
    finally:
        killer.cancel()
    if process.returncode < 0:
        raise GitError(
            QT_TRANSLATE_NOOP(
                "Core", "git {command} took longer than {seconds:.0f} seconds and was stopped."
            ),
            command=args[0],
            seconds=timeout,
        )
    result = subprocess.CompletedProcess(command, process.returncode, out, err)
    if check and result.returncode != 0:
        raise _error(args[0], err.decode("utf-8", "replace"))
    return result


def _with_progress(process: subprocess.Popen[bytes], progress: Callable[[str], None]) -> tuple[bytes, bytes]:
    """Read stderr as it comes (git writes progress there, ended by CR or LF), stdout after."""
    assert process.stderr is not None and process.stdout is not None
    collected = bytearray()
    out: list[bytes] = []
    reader = threading.Thread(target=lambda: out.append(process.stdout.read() if process.stdout else b""))
    reader.start()
    line = bytearray()
    while chunk := os.read(process.stderr.fileno(), 4096):
        collected += chunk
        for byte in chunk:
            if byte in (10, 13):
                if line:
                    progress(line.decode("utf-8", "replace").strip())
                line.clear()
            else:
                line.append(byte)
    process.wait()
    reader.join()
    return (out[0] if out else b""), bytes(collected)


def _error(command: str, stderr: str) -> GitError:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    reason = next(
        (line for line in lines if line.startswith(("fatal:", "error:"))), lines[-1] if lines else ""
    )
    reason = reason.removeprefix("fatal: ").removeprefix("error: ")
    if command == "push" and re.search(r"\[rejected\]|non-fast-forward|fetch first", stderr):
        return GitError(
            QT_TRANSLATE_NOOP(
                "Core", "The remote has commits this computer does not have yet: pull first, then push."
            )
        )
    if _OFFLINE.search(stderr):
        return GitOffline(
            QT_TRANSLATE_NOOP(
                "Core", "The remote cannot be reached ({reason}); commits stay on this computer."
            ),
            reason=reason,
        )
    said = reason or Words(QT_TRANSLATE_NOOP("Core", "no reason given"))
    return GitError(
        QT_TRANSLATE_NOOP("Core", "git {command} failed: {reason}."), command=command, reason=said
    )


def find_repo(folder: Path) -> GitRepo | None:
    """The git working tree ``folder`` is in, or None (not under git, or git not installed)."""
    if not git_available() or not Path(folder).is_dir() or not _below_a_git_entry(Path(folder)):
        return None
    try:
        result = run_git(Path(folder), "rev-parse", "--show-toplevel", check=False)
    except GitError:
        return None
    if result.returncode != 0:
        return None
    real = Path(os.fsdecode(result.stdout.rstrip(b"\n")))
    # the top as the caller names it (through a link, say), so paths in and out compare equal
    for candidate in [Path(folder).absolute(), *Path(folder).absolute().parents]:
        if os.path.realpath(candidate) == os.path.realpath(real):
            return GitRepo(candidate)
    return GitRepo(real)


def _below_a_git_entry(folder: Path) -> bool:
    """Whether ``folder`` or a folder above it (as named, or as it really is: git starts from the
    real one) holds a ``.git`` (a repository's folder, or the file of a linked working tree).
    Git looks for a working tree only there: without one it finds none, and is not started
    (most journals are not under git; each start costs a process)."""
    named = Path(folder).absolute()
    real = Path(os.path.realpath(named))
    return any(
        os.path.lexists(above / ".git") for start in (named, real) for above in (start, *start.parents)
    )


class GitRepo:
    """One working tree (``top``)."""

    def __init__(self, top: Path):
        self.top = Path(top)

    def git(self, *args: str, **options) -> subprocess.CompletedProcess[bytes]:
        """``run_git`` at the top of the working tree."""
        return run_git(self.top, *args, **options)

    def relative(self, path: Path) -> str:
        """``path`` as git names it (relative to the top, with forward slashes)."""
        real = Path(os.path.realpath(path))
        try:
            return real.relative_to(os.path.realpath(self.top)).as_posix()
        except ValueError:
            return Path(path).absolute().relative_to(self.top).as_posix()

    def status(self) -> GitStatus:
        """The branch, its upstream, commits ahead and behind, and the files with changes."""
        out = self.git("status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all").stdout
        branch: str | None = None
        upstream: str | None = None
        ahead = behind = 0
        changed: list[Path] = []
        records = out.decode("utf-8", "surrogateescape").split("\0")
        skip = False
        for record in records:
            if skip:  # the original path of a rename
                skip = False
                continue
            if record.startswith("# branch.head "):
                head = record.removeprefix("# branch.head ")
                branch = None if head == "(detached)" else head
            elif record.startswith("# branch.upstream "):
                upstream = record.removeprefix("# branch.upstream ")
            elif record.startswith("# branch.ab "):
                plus, minus = record.removeprefix("# branch.ab ").split()
                ahead, behind = int(plus), -int(minus)
            elif record[:2] in ("1 ", "u "):
                changed.append(self.top / record.split(" ", 8 if record[0] == "1" else 10)[-1])
            elif record.startswith("2 "):
                changed.append(self.top / record.split(" ", 9)[-1])
                skip = True
            elif record.startswith("? "):
                changed.append(self.top / record[2:])
        return GitStatus(branch, upstream, ahead, behind, changed)

    def log(self, path: Path) -> list[Commit]:
        """The commits that changed the file at ``path``, newest first, following renames."""
        out = self.git(
            "log", "--follow", "--numstat", "--format=%x01%H%x00%at%x00%s", "--", self.relative(path)
        ).stdout.decode("utf-8", "surrogateescape")
        commits = []
        for chunk in out.split("\x01")[1:]:
            head, _, rest = chunk.partition("\n")
            rev, stamp, subject = head.split("\0", 2)
            added = removed = 0
            name = ""
            for line in rest.splitlines():
                if line.count("\t") >= 2:
                    plus, minus, name = line.split("\t", 2)
                    added += int(plus) if plus.isdigit() else 0
                    removed += int(minus) if minus.isdigit() else 0
            when = datetime.fromtimestamp(int(stamp), timezone.utc).astimezone()
            commits.append(Commit(rev, when, subject, _renamed_to(name), added, removed))
        return commits

    def read(self, rev: str, path: str) -> bytes:
        """The bytes of ``path`` (as git names it) at ``rev``, as a checkout would write them."""
        return self.git("cat-file", "--filters", f"{rev}:{path}").stdout

    def sizes(self, objects: list[str]) -> list[int]:
        """The size in bytes of each ``REV:PATH`` (-1 for one that is missing), in one call."""
        if not objects:
            return []
        answer = self.git(
            "cat-file", "--batch-check=%(objectsize)", input="\n".join(objects).encode() + b"\n"
        )
        lines = answer.stdout.decode("utf-8", "replace").splitlines()
        return [int(line) if line.isdigit() else -1 for line in lines]

    def commit(self, paths: Iterable[Path], message: str) -> list[Path]:
        """Commit the changes of ``paths`` only (added, changed or deleted), nothing else the
        index holds; returns the files committed (none: nothing had changed)."""
        wanted = {Path(path).absolute() for path in paths}
        changed = [path for path in self.status().changed if path in wanted]
        if not changed:
            return []
        names = [self.relative(path) for path in changed]
        self.git("add", "-A", "--", *names)
        self.git("commit", "--quiet", "--no-verify", "-m", message, "--", *names)
        return changed

    def pull(self, progress: Callable[[str], None] | None = None) -> list[Path]:
        """Fetch and merge the upstream branch; returns the files the pull changed. On a
        conflict the merge is undone and MergeConflict lists the files (nothing half-written)."""
        status = self.status()
        if status.branch is None:
            raise GitError(
                QT_TRANSLATE_NOOP(
                    "Core", "The journal is on a detached HEAD (no branch), so there is nothing to pull into."
                )
            )
        if status.upstream is None:
            raise GitError(
                QT_TRANSLATE_NOOP("Core", "The branch {branch} has no remote branch to pull from."),
                branch=status.branch,
            )
        self.git("fetch", "--progress", timeout=NETWORK_TIMEOUT, progress=progress)
        before = self.git("rev-parse", "HEAD").stdout.strip().decode()
        # merged in memory first (git 2.38+): a conflict is found before any file of the working
        # tree is touched, so the window's file watch never sees a half-merged post
        probe = self.git(
            "merge-tree",
            "--write-tree",
            "--name-only",
            "--no-messages",
            "-z",
            "HEAD",
            "@{upstream}",
            check=False,
        )
        if probe.returncode == 1:  # conflicts: the tree's id, then the conflicted files
            names = probe.stdout.decode("utf-8", "surrogateescape").split("\0")[1:]
            if any(names):
                raise MergeConflict([self.top / name for name in dict.fromkeys(names) if name])
        merged = self.git("merge", "--no-edit", "--no-stat", "@{upstream}", check=False)
        if merged.returncode != 0:
            conflicted = self.git("diff", "--name-only", "-z", "--diff-filter=U").stdout
            names = [name for name in conflicted.decode("utf-8", "surrogateescape").split("\0") if name]
            if names:
                self.git("merge", "--abort", check=False)
                raise MergeConflict([self.top / name for name in names])
            said = merged.stderr.decode("utf-8", "replace") + merged.stdout.decode("utf-8", "replace")
            if "would be overwritten" in said:
                files = [line.strip() for line in said.splitlines() if line.startswith(("\t", "    "))]
                raise GitError(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "Nothing was pulled: it would overwrite changes not committed yet in "
                        "{names}. Commit them first.",
                    ),
                    names=", ".join(files) if files else Words(SOME_FILES),
                )
            raise _error("merge", said)
        out = self.git("diff", "--name-only", "-z", before, "HEAD").stdout
        return [self.top / name for name in out.decode("utf-8", "surrogateescape").split("\0") if name]

    def push(self, progress: Callable[[str], None] | None = None) -> None:
        """Push the branch to its upstream (or, with no upstream and one remote, to a branch of
        the same name there, which becomes its upstream)."""
        status = self.status()
        if status.branch is None:
            raise GitError(
                QT_TRANSLATE_NOOP(
                    "Core", "The journal is on a detached HEAD (no branch), so there is nothing to push."
                )
            )
        args = ["push", "--progress"]
        if status.upstream is None:
            remotes = self.git("remote").stdout.decode().split()
            if len(remotes) != 1:
                raise GitError(
                    QT_TRANSLATE_NOOP(
                        "Core", "The branch has no remote branch to push to and there is no remote."
                    )
                    if not remotes
                    else QT_TRANSLATE_NOOP(
                        "Core", "The branch has no remote branch to push to; choose one with git push -u."
                    )
                )
            args += ["--set-upstream", remotes[0], status.branch]
        self.git(*args, timeout=NETWORK_TIMEOUT, progress=progress)


def _renamed_to(name: str) -> str:
    """The new path of a ``--numstat`` rename (``a/{old => new}.md`` or ``old => new``)."""
    braces = re.fullmatch(r"(.*)\{(.*) => (.*)\}(.*)", name)
    if braces:
        head, _, new, tail = braces.groups()
        return (head + new + tail).replace("//", "/")
    return name.split(" => ")[-1]
