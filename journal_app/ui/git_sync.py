"""Git, when the journal is a git working tree: its state in the status bar, Commit, Pull, Push.

``GitSync`` finds the working tree when a journal opens and runs every git command on a worker
thread of its own (one at a time, in order), so the window never waits for git or the network.
It remembers the files saved or renamed through the app since their last commit: Commit
(Ctrl+Alt+C) offers those, with a message written for the user (``Update "AI Expo 후기"``,
editable), and other changed files only unticked. Pull and push use the user's own git
configuration and credentials, never asking on a terminal; the files a pull changed go through
the window's changed-on-disk handling; a conflict is undone and reported with its posts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import JournalError, atomic_write
from ..core.data_folder import journal_data
from ..core.gitrepo import GitError, GitOffline, GitRepo, GitStatus, MergeConflict
from .plain import plain_label
from .handoff import Handoff
from .problem_words import words

if TYPE_CHECKING:
    from .main_window import MainWindow

AUTO_COMMIT = "preferences/git_auto_commit"
AUTO_COMMIT_MINUTES = "preferences/git_auto_commit_minutes"  # 0: not on a timer
STATUS_PAUSE_MS = 1000  # the status bar's git state follows saves after this pause
STATUS_POLL_MS = 30_000  # and changes made outside the app (a commit in a terminal) this often
PATH_ROLE = Qt.ItemDataRole.UserRole
STATUS = "read the git status"
TOUCHED = "git-touched.json"  # the files to offer ticked in the next commit, between runs


def commit_message(titles: list[str]) -> str:
    """The message offered for a commit of posts with these titles."""
    if len(titles) == 1:
        return f'Update "{titles[0]}"'
    if len(titles) == 2:
        return f'Update "{titles[0]}" and "{titles[1]}"'
    return f"Update {len(titles)} posts"


class CommitDialog(QDialog):
    """The message (editable) and the files to commit: those changed through the app ticked,
    the others shown unticked (ticking one is asking for it)."""

    def __init__(self, parent: QWidget, message: str, touched: list[Path], others: list[Path], top: Path):
        super().__init__(parent)
        self.setObjectName("gitCommitDialog")
        self.setWindowTitle(self.tr("Commit"))
        column = QVBoxLayout(self)
        column.addWidget(plain_label(self, self.tr("Message:")))
        self.message = QLineEdit(message, self)
        self.message.setObjectName("gitCommitMessage")
        column.addWidget(self.message)
        column.addWidget(plain_label(self, self.tr("Files (changed through journal_app are ticked):")))
        self.files = QListWidget(self)
        self.files.setObjectName("gitCommitFiles")
        for path, ticked in [(p, True) for p in touched] + [(p, False) for p in others]:
            item = QListWidgetItem(_relative(path, top))
            item.setData(PATH_ROLE, path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.files.addItem(item)
        column.addWidget(self.files)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Commit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(520, 360)

    def chosen(self) -> list[Path]:
        """The ticked files."""
        items = [self.files.item(row) for row in range(self.files.count())]
        return [item.data(PATH_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]


def _relative(path: Path, top: Path) -> str:
    try:
        return path.relative_to(top).as_posix()
    except ValueError:
        return str(path)


def status_text(status: GitStatus) -> str:
    """The status bar's phrase for ``status`` in the interface's language."""
    return " \u00b7 ".join(map(words, status.summary_parts()))


class GitSync(QObject):
    """The git side of one window; ``repo`` is None when the journal is not under git."""

    state = Signal(str)  # the status bar's phrase ("" when not under git)
    message = Signal(str, int)  # a status message and how long it shows
    pulled = Signal(list)  # the files a pull changed
    failed = Signal(str, str)  # a title and a sentence, shown in a dialog
    done = Signal(str)  # "commit", "pull", "push" or STATUS: that piece of work has finished
    _answer = Signal(object)  # a callable from the worker, run on the GUI thread

    def __init__(self, parent: QWidget, title_of: Callable[[Path], str], data_dir: Path | None = None):
        super().__init__(parent)
        self.parent_widget, self.title_of, self.data_dir = parent, title_of, data_dir
        self._touched_file: Path | None = None  # where ``touched`` is kept between runs
        self._touches = 0  # changes of ``touched`` so far
        self.repo: GitRepo | None = None
        self.status: GitStatus | None = None
        self.status_trouble: str | None = None  # why the last status could not be read
        self.touched: set[Path] = set()  # saved or renamed through the app, not committed yet
        self.auto_commit = False
        self.pending = 0  # pieces of git work queued or running, their answers not yet shown
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-app-git")
        self._answer.connect(lambda call: call())
        self._handoff = Handoff(self)  # closed by stop: no answer after it (see handoff.py)
        self._pause = QTimer(self, singleShot=True, interval=STATUS_PAUSE_MS)
        self._pause.timeout.connect(self.refresh)
        self.poll = QTimer(self, interval=STATUS_POLL_MS)
        self.poll.timeout.connect(self.refresh)
        self.every = QTimer(self)  # Commit every N minutes (a preference)
        self.every.timeout.connect(self.commit_touched)

    # -- the worker ------------------------------------------------------------------------
    def _run(self, name: str, work: Callable[[GitRepo], object], then: Callable[[object], None]) -> None:
        """``work(repo)`` on the worker; ``then(result)`` on the GUI thread, or the error said."""
        repo = self.repo
        if repo is None:
            return

        def job() -> None:
            try:
                result = work(repo)
                self._back(lambda: then(result))
            except GitError as exc:
                self._back(partial(self._trouble, name, exc))
            self._back(lambda: self._finished(name))

        try:
            self._pool.submit(job)
            self.pending += 1
        except RuntimeError:  # stopped: the window is closing
            pass

    def _finished(self, name: str) -> None:
        self.pending -= 1
        self.done.emit(name)

    def _back(self, call: Callable[[], None]) -> None:
        self._handoff.send(self._answer, call)

    def _trouble(self, name: str, exc: GitError) -> None:
        if name == STATUS:  # in the status bar, quietly: it is asked again and again
            self.state.emit("\u2387 " + self.tr("git status unknown"))
            self.status_trouble = words(exc)
            return
        if isinstance(exc, GitOffline):  # said in the status bar: commits go on locally
            self.message.emit(words(exc), 0)
            self.refresh()
            return
        if isinstance(exc, MergeConflict):
            top = self.repo.top if self.repo is not None else Path("/")
            posts = "\n".join(f"• {_relative(path, top)}" for path in exc.posts)
            self.failed.emit(self.tr("The pull was undone"), f"{words(exc)}\n\n{posts}")
        else:
            could_not = {
                "commit": self.tr("Could not commit"),
                "pull": self.tr("Could not pull"),
                "push": self.tr("Could not push"),
            }
            self.failed.emit(could_not.get(name, f"Could not {name}"), words(exc))
        self.refresh()

    def wait(self) -> None:
        """Until the git work queued so far is done (tests)."""
        self._pool.submit(lambda: None).result()

    def stop(self) -> None:
        """No more git work (the window closes); a command running finishes on its own."""
        self._pause.stop()
        self.every.stop()
        self.poll.stop()
        self._handoff.close()  # a command still running says nothing (see handoff.py)
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- the journal -----------------------------------------------------------------------
    def set_journal(self, root: Path | None, repo: GitRepo | None) -> None:
        """Follow the journal at ``root``, whose working tree is ``repo`` (None: not under git)."""
        self.repo = repo if root is not None else None
        self.touched.clear()
        self._touched_file = None
        if self.repo is not None and root is not None and self.data_dir is not None:
            self._touched_file = journal_data(self.data_dir, root) / TOUCHED
            self.touched = self._read_touched(self.repo, self._touched_file)
        self.status = None
        self.state.emit("")
        if self.repo is not None:
            self.poll.start()
        else:
            self.poll.stop()
        self.refresh()

    def refresh(self) -> None:
        """Ask git for the branch and the changes (in the background)."""
        asked = self._touches  # a status asked before the latest touch cannot judge it
        self._run(STATUS, lambda repo: repo.status(), lambda status: self._show(status, asked))

    @staticmethod
    def _read_touched(repo: GitRepo, file: Path) -> set[Path]:
        try:
            names = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        return (
            {repo.top / name for name in names if isinstance(name, str)} if isinstance(names, list) else set()
        )

    def _keep_touched(self) -> None:
        """Remember ``touched`` for the next run (a small file in the journal's data folder)."""
        self._touches += 1
        if self._touched_file is None or self.repo is None:
            return
        names = sorted(_relative(path, self.repo.top) for path in self.touched)
        try:
            self._touched_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self._touched_file, json.dumps(names, ensure_ascii=False).encode("utf-8"))
        except (OSError, JournalError):
            pass  # forgotten at the next start: the files still show, unticked, in Commit

    def _show(self, status: object, asked: int | None = None) -> None:
        assert isinstance(status, GitStatus)
        if asked == self._touches and self.touched - set(status.changed):  # committed elsewhere
            self.touched &= set(status.changed)
            self._keep_touched()
        self.status, self.status_trouble = status, None
        self.state.emit("\u2387 " + status_text(status))

    def saved(self, path: Path) -> None:
        """A save through the app wrote ``path``."""
        if self.repo is None:
            return
        if Path(path).absolute() not in self.touched:  # written when it changes, not every save
            self.touched.add(Path(path).absolute())
            self._keep_touched()
        if self.auto_commit:
            self.commit_now([Path(path).absolute()], commit_message([self.title_of(path)]))
        else:
            self._pause.start()

    def touch(self, paths: list[Path]) -> None:
        """Files the app wrote besides posts (images pasted or dropped): offered ticked in the
        next commit, as saved posts are."""
        if self.repo is None:
            return
        new = {Path(path).absolute() for path in paths} - self.touched
        if new:
            self.touched |= new
            self._keep_touched()
            self._pause.start()

    def commit_every(self, minutes: int) -> None:
        """Commit what the app changed every ``minutes`` (0: not on a timer)."""
        self.every.stop()
        if minutes > 0:
            self.every.start(minutes * 60_000)

    def commit_touched(self) -> None:
        """Commit what was saved or renamed through the app, with the message Commit offers."""
        if self.repo is not None and self.touched:
            paths = sorted(self.touched)
            titles = [self.title_of(path) for path in paths if path.exists()] or ["the journal"]
            self.commit_now(paths, commit_message(titles))

    def renamed(self, old: Path, new: Path) -> None:
        """A rename through the app: both names are part of the next commit."""
        if self.repo is not None:
            self.touched.update({Path(old).absolute(), Path(new).absolute()})
            self._keep_touched()
            self._pause.start()

    # -- the commands ----------------------------------------------------------------------
    def commit(self) -> None:
        """Commit (Ctrl+Alt+C): the files changed through the app, with an editable message."""
        if self.repo is None:
            self.message.emit(
                self.tr("The journal is not a git working tree: there is nothing to commit to."), 5000
            )
            return
        # what changed is asked on the worker, as every git command is; the dialog comes after
        self._run("commit", lambda repo: repo.status().changed, self._ask_commit)

    def _ask_commit(self, changed: object) -> None:
        assert isinstance(changed, list)
        repo = self.repo
        if repo is None:
            return
        touched = [path for path in changed if path in self.touched]
        others = [path for path in changed if path not in self.touched]
        if not changed:
            self.message.emit(self.tr("Nothing to commit: every change is committed."), 5000)
            return
        titles = [self.title_of(path) for path in touched if path.exists()] or ["the journal"]
        dialog = CommitDialog(self.parent_widget, commit_message(titles), touched, others, repo.top)
        if not dialog.exec():
            return
        chosen, message = dialog.chosen(), dialog.message.text().strip()
        if chosen and message:
            self.commit_now(chosen, message)

    def commit_now(self, paths: list[Path], message: str) -> None:
        """Commit ``paths`` with ``message`` in the background."""

        def committed(result: object) -> None:
            files = result if isinstance(result, list) else []
            self.touched.difference_update(files)
            self._keep_touched()
            if files:
                self.message.emit(
                    self.tr("Committed {count} file(s): {message}").format(count=len(files), message=message),
                    5000,
                )
            self.refresh()

        self._run("commit", lambda repo: repo.commit(paths, message), committed)

    def pull(self) -> None:
        """Pull in the background, with progress in the status bar."""
        self.message.emit(self.tr("Pulling…"), 0)

        def finished(result: object) -> None:
            changed = result if isinstance(result, list) else []
            self.pulled.emit(changed)  # the open post reloads (or asks) as for any change on disk
            said = (
                self.tr("Pulled: {count} file(s) changed.").format(count=len(changed))
                if changed
                else self.tr("Up to date.")
            )
            self.message.emit(said, 5000)
            self.refresh()

        self._run("pull", lambda repo: repo.pull(self._progress(self.tr("Pulling"))), finished)

    def push(self) -> None:
        """Push in the background, with progress in the status bar."""
        self.message.emit(self.tr("Pushing…"), 0)

        def finished(_result: object) -> None:
            self.message.emit(self.tr("Pushed."), 5000)
            self.refresh()

        self._run("push", lambda repo: repo.push(self._progress(self.tr("Pushing"))), finished)

    def _progress(self, doing: str) -> Callable[[str], None]:
        def said(line: str) -> None:
            self._back(lambda: self.message.emit(f"{doing}: {line}", 0))

        return said


def attach_git(window: MainWindow) -> GitSync:
    """The window's git side, wired: the status bar, the Git menu, saves, renames and pulls."""

    def title_of(path: Path) -> str:
        journal = window.journal
        info = journal.get(path) if journal is not None else None
        return info.title if info is not None and info.title else Path(path).stem

    sync = GitSync(window, title_of, window.env.data_dir)
    commands, settings = window.commands, window.env.settings
    sync.auto_commit = bool(settings.get(AUTO_COMMIT))
    commands.git_auto_commit.setChecked(sync.auto_commit)
    sync.commit_every(int(settings.get(AUTO_COMMIT_MINUTES)))

    def auto(on: bool) -> None:
        sync.auto_commit = on
        settings.set(AUTO_COMMIT, on)

    def pulled(paths: list) -> None:
        journal = window.journal
        if journal is None or not paths:
            return
        window._changed_on_disk(journal.sync(paths, deep=False))  # as the file watch does

    def state(text: str) -> None:
        window.status.show_git(text)
        for action in (commands.git_commit, commands.git_pull, commands.git_push):
            action.setEnabled(sync.repo is not None)

    commands.git_commit.triggered.connect(sync.commit)
    commands.git_pull.triggered.connect(sync.pull)
    commands.git_push.triggered.connect(sync.push)
    commands.git_auto_commit.toggled.connect(auto)
    sync.state.connect(state)
    sync.message.connect(window.statusBar().showMessage)
    sync.failed.connect(window.prompts.show_error)
    sync.pulled.connect(pulled)
    sync.done.connect(lambda name: None if name == STATUS else window.history_panel.refresh_if_shown())
    window.document.saved.connect(sync.saved)
    window.editor.kept.connect(sync.touch)
    return sync
