"""The status bar's permanent parts: the open post's path, its counts (어절 and 글자수 of the
post, and of the selection when there is one) and saved state, and the progress bar shown while
a large journal is read; and ``DocumentStatus``, which keeps them and the window's title in step
with the open document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressBar, QSizePolicy, QStatusBar

from ..core import Post
from ..core.stats import Counts
from .counting import LiveCounts, Report
from .plain import plain_label, window_title

if TYPE_CHECKING:
    from .document import OpenDocument

APP_NAME = "journal_app"
STATS_PAUSE_MS = 300  # word counts follow typing after this pause

LIVE_STATS_LIMIT = 1_000_000  # characters; word counts of bigger posts would stall typing
PROGRESS_MINIMUM = 400  # files to read when a journal opens before a progress bar shows
translate = QCoreApplication.translate


class StatusLine:
    """Labels added to ``bar``: ``path``, ``flavor``, ``words``, ``saved``, ``git``; and
    ``progress``."""

    def __init__(self, bar: QStatusBar):
        self.words = plain_label(bar)
        self.words.setObjectName("wordCount")
        self.saved = plain_label(bar)
        self.saved.setObjectName("savedState")
        self.path = plain_label(bar)
        self.path.setObjectName("filePath")
        # a long path gives way (cut at the right) to the counts and the saved state
        self.path.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.path, 1)
        self.flavor = plain_label(bar)
        self.flavor.setObjectName("flavor")
        self.flavor.setToolTip(
            translate("StatusLine", "How the preview and exports render: View → Render As")
        )
        bar.addPermanentWidget(self.flavor)
        bar.addPermanentWidget(self.words)
        bar.addPermanentWidget(self.saved)
        self.git = plain_label(bar)
        self.git.setObjectName("gitState")
        self.git.setToolTip(
            translate("StatusLine", "The journal's git branch: changes to commit, commits to push and pull")
        )
        self.git.hide()
        bar.addPermanentWidget(self.git)
        self.progress = QProgressBar(bar)
        self.progress.setObjectName("scanProgress")
        self.progress.setFixedWidth(240)
        self.progress.setFormat(translate("StatusLine", "Reading posts: %v of %m"))
        self.progress.hide()
        bar.addPermanentWidget(self.progress)

    def show_post(self, post: Post | None, length: int, modified: bool, root: Path | None) -> None:
        """Counts of ``post`` (whose text in the editor is ``length`` characters), whether it
        is saved, and its path; with no post, the journal's folder ``root``."""
        if post is None:
            self.words.clear()
            self.saved.clear()
            self.path.setText(str(root) if root else "")
            return
        if length > LIVE_STATS_LIMIT:
            self.words.setText(
                translate(
                    "StatusLine", "{length} characters · word counts are off for a post this large"
                ).format(length=f"{length:,}")
            )
        self.show_saved(modified)
        self.path.setText(str(post.path))

    def show_counts(self, report: Report | None) -> None:
        """어절 and 글자수 (with and without spaces) of the post, its reading time, and
        어절 and 글자수 of the selection when there is one (None: nothing to add)."""
        if report is None:
            return
        post = report.post
        text = translate("StatusLine", "{counts} ({characters} without spaces) · {minutes} min read").format(
            counts=_words(post), characters=f"{post.characters_no_spaces:,}", minutes=post.reading_minutes
        )
        if report.selection is not None:
            text += translate("StatusLine", " · selected: {counts}").format(counts=_words(report.selection))
        self.words.setText(text)

    def show_saved(self, modified: bool) -> None:
        """ "Unsaved" or "Saved"."""
        self.saved.setText(
            translate("StatusLine", "Unsaved") if modified else translate("StatusLine", "Saved")
        )

    def show_git(self, state: str) -> None:
        """The git branch and what waits to be committed, pushed or pulled ("": not under git)."""
        self.git.setText(state)
        self.git.setVisible(bool(state))

    def show_progress(self, done: int, total: int) -> None:
        """Files read so far while a journal opens: a progress bar when there are many; the
        window keeps painting, but takes no input until the journal is there."""
        if total < PROGRESS_MINIMUM:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.show()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def _words(counts: Counts) -> str:
    if counts.eojeol == 1:
        text = translate("StatusLine", "{words} word · {characters} characters")
    else:
        text = translate("StatusLine", "{words} words · {characters} characters")
    return text.format(words=f"{counts.eojeol:,}", characters=f"{counts.characters:,}")


class DocumentStatus:
    """The window's title and ``line`` following ``document`` (connected on construction): the
    post's title (else the journal's folder), whether it is saved, its counts and those of the
    selection (``counts``, recounted a pause after typing or selecting). ``show_file`` when the
    document cannot tell (its file renamed)."""

    def __init__(self, window: QMainWindow, line: StatusLine, document: OpenDocument):
        self.window, self.line, self.document = window, line, document
        self.counts = LiveCounts(window)
        self.counts.counted.connect(line.show_counts)
        self.recount = QTimer(window, singleShot=True, interval=STATS_PAUSE_MS)
        self.recount.timeout.connect(lambda: self.show_counts(at_once=False))
        document.loaded.connect(self.refresh)
        document.saved.connect(self.show_file)
        document.changed.connect(self.recount.start)
        document.editor.selectionChanged.connect(self.recount.start)
        document.modified_changed.connect(self.show_modified)

    def refresh(self) -> None:
        """Title, counts, saved state and path, all of them now."""
        self._show_title()
        self.show_counts()

    def show_file(self) -> None:
        """Title, saved state and path after a save or a rename (possibly under another name): the
        text, and so its counts, did not change."""
        self._show_title()
        self._show_post(self.document.editor.text())

    def _show_title(self) -> None:
        document, root = self.document, self.document.root
        post = document.post
        name = post.title if post is not None else (root.name if root is not None else APP_NAME)
        self.window.setWindowTitle(f"{window_title(name)}[*] — {APP_NAME}")
        self.window.setWindowModified(document.is_modified())

    def _show_post(self, text: str) -> None:
        document = self.document
        self.line.show_post(document.post, len(text), document.is_modified(), document.root)

    def show_counts(self, at_once: bool = True) -> None:
        """Counts (of the selection too), saved state and path of the open post in the status
        bar; the counts of a long post (and all of them unless ``at_once``: a recount after
        typing) follow when the worker thread has them."""
        document = self.document
        text = document.editor.text()
        self._show_post(text)
        if document.post is None or len(text) > LIVE_STATS_LIMIT:
            self.counts.forget()
            return
        cursor = document.editor.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n") if cursor.hasSelection() else ""
        first_line = document.editor.document().findBlock(cursor.selectionStart()).blockNumber()
        self.counts.request(text, first_line, selected, at_once)

    def stop(self) -> None:
        """No more counts (the window closes)."""
        self.recount.stop()
        self.counts.stop()

    def show_modified(self, modified: bool) -> None:
        """The ``[*]`` in the title and "Unsaved" or "Saved"."""
        self.window.setWindowModified(modified)
        if self.document.post is not None:
            self.line.show_saved(modified)
