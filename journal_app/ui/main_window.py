"""The main window: sidebar, front matter form and editor, live preview; menus, toolbar and the
status bar. It holds no file rules of its own: every read and write goes through the core."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import (QApplication, QFileDialog, QMainWindow, QMessageBox,
                               QProgressBar, QSizePolicy, QSplitter, QVBoxLayout, QWidget)

from .. import __version__
from ..core import (ConflictError, FieldEditError, HeaderError, Journal, JournalError, Post,
                    SaveError, load_post, save_post)
from ..core.buffer import apply_text, buffer_text, field_edit, header_lines
from ..core.encoding import displayable
from ..core.export import page_lang
from ..core.instances import tidy_in_background
from ..core.post import read_error_message
from ..core.recovery import RecoveryStore
from ..core.render import render_header
from ..core.stats import text_stats
from .actions import Actions
from .file_actions import FileActionsMixin
from .editor import PARAGRAPH_SEPARATOR, FindBar, MarkdownEditor, replace_lines, toggle_wrap
from .preview import Preview
from .limits import HEADER_SHOW_LIMIT, header_too_large, too_long_line, too_long_message
from .plain import menu_text, plain_label, question, warning, window_title
from .properties import PropertiesForm
from .safety import SafetyMixin
from .settings import Environment
from .sidebar import Sidebar
from .watcher import JournalWatcher

RENDER_DELAY_MS = 30
RECOVERY_DELAY_MS = 1000  # unsaved text reaches the recovery file within 2 s of the last key
AUTOSAVE_DELAY_MS = 3000
LIVE_PREVIEW_LIMIT = 2_000_000  # characters; bigger posts are not rendered on every keystroke
PROGRESS_MINIMUM = 400  # files to read when a journal opens before a progress bar shows
LIVE_STATS_LIMIT = 1_000_000  # characters; word counts of bigger posts would stall typing
APP_NAME = "journal_app"


class MainWindow(SafetyMixin, FileActionsMixin, QMainWindow):
    """One journal, one open post."""

    post_opened = Signal(Path)
    post_saved = Signal(Path)

    def __init__(self, env: Environment):
        super().__init__()
        self.env = env
        self.journal: Journal | None = None
        self.post: Post | None = None
        self._hidden_header = ""  # a header too large to show, kept aside from the editor
        self.setObjectName("mainWindow")
        self.actions = Actions(self)
        self.sidebar = Sidebar(self)
        self.form = PropertiesForm(self)
        self.editor = MarkdownEditor(self)
        self.editor.set_font_size(env.settings.get("preferences/font_size"))
        self.find_bar = FindBar(self.editor, self)
        self.preview = Preview(self)
        self.watcher = JournalWatcher(self)
        middle = QWidget(self)
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.form)
        column.addWidget(self.find_bar)
        column.addWidget(self.editor, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.sidebar, middle, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([260, 560, 560])
        self.setCentralWidget(self.splitter)
        self._build_menus()
        self._build_status_bar()
        self._render_timer = QTimer(self, singleShot=True, interval=RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self.refresh_preview)
        self._stats_timer = QTimer(self, singleShot=True, interval=300)
        self._stats_timer.timeout.connect(self.update_status)
        self.recovery = RecoveryStore(env.data_dir / "recovery")
        self._recovery_timer = QTimer(self, singleShot=True, interval=RECOVERY_DELAY_MS)
        self._recovery_timer.timeout.connect(self.write_recovery)
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._connect()
        self.set_post(None)

    # -- layout --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions
        menus = {
            "&File": [a.file_new, a.file_open, None, a.file_save, a.file_save_as, a.file_export,
                      a.file_convert_utf8, None, a.file_quit],
            "&Edit": [a.edit_undo, a.edit_redo, None, a.edit_find, a.edit_find_next, None,
                      a.edit_bold, a.edit_italic],
            "&View": [a.view_by_tag, a.view_by_date, a.view_filter, None, a.view_zoom_in,
                      a.view_zoom_out, None, a.view_remote_images],
            "&Help": [a.help_about],
        }
        for title, items in menus.items():
            menu = self.menuBar().addMenu(title)
            for action in items:
                menu.addSeparator() if action is None else menu.addAction(action)
            if title == "&File":
                self.recent_menu = menu.addMenu("Open &Recent")
                menu.insertMenu(a.file_save, self.recent_menu)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        for action in (a.file_new, a.file_open, a.file_save, a.file_export):
            toolbar.addAction(action)

    def _build_status_bar(self) -> None:
        self.words_label = plain_label(self)
        self.words_label.setObjectName("wordCount")
        self.saved_label = plain_label(self)
        self.saved_label.setObjectName("savedState")
        self.path_label = plain_label(self)
        self.path_label.setObjectName("filePath")
        # a long path gives way (cut at the right) to the counts and the saved state
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.words_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.scan_progress = QProgressBar(self)
        self.scan_progress.setObjectName("scanProgress")
        self.scan_progress.setFixedWidth(240)
        self.scan_progress.setFormat("Reading posts: %v of %m")
        self.scan_progress.hide()
        self.statusBar().addPermanentWidget(self.scan_progress)

    def _connect(self) -> None:
        a = self.actions
        a.file_new.triggered.connect(self.new_post)
        a.file_open.triggered.connect(self.choose_journal)
        a.file_save.triggered.connect(lambda: self.save())
        a.file_save_as.triggered.connect(self.choose_save_as)
        a.file_convert_utf8.triggered.connect(self.convert_to_utf8)
        a.file_export.triggered.connect(self.export_html)
        a.file_quit.triggered.connect(self.close)
        a.edit_undo.triggered.connect(self.editor.undo)
        a.edit_redo.triggered.connect(self.editor.redo)
        a.edit_find.triggered.connect(self.find_bar.open_bar)
        a.edit_find_next.triggered.connect(lambda: self.find_bar.find_next())
        a.edit_bold.triggered.connect(lambda: self._wrap("**"))
        a.edit_italic.triggered.connect(lambda: self._wrap("*"))
        a.view_zoom_in.triggered.connect(lambda: self._zoom(1))
        a.view_zoom_out.triggered.connect(lambda: self._zoom(-1))
        a.view_by_tag.triggered.connect(lambda: self.sidebar.set_grouping("tag"))
        a.view_by_date.triggered.connect(lambda: self.sidebar.set_grouping("date"))
        a.view_filter.triggered.connect(lambda: self.sidebar.filter.setFocus())
        a.help_about.triggered.connect(self._about)
        a.view_remote_images.toggled.connect(self.set_remote_images)
        self.sidebar.post_activated.connect(self.open_post)
        self.sidebar.rename_requested.connect(self.rename_post)
        self.sidebar.delete_requested.connect(self.delete_post)
        self.form.field_edited.connect(self.apply_field)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.document().modificationChanged.connect(self._modification_changed)
        self.editor.verticalScrollBar().valueChanged.connect(self._editor_scrolled)
        self.watcher.changed.connect(self._changed_on_disk)

    # -- journals ------------------------------------------------------------------------
    def open_journal(self, folder: Path, *, select: Path | None = None) -> bool:
        """Open the journal at ``folder`` (asks about unsaved changes first)."""
        if not self.maybe_save():
            return False
        try:
            journal = Journal(folder, progress=self._scan_progress)
        except (OSError, JournalError) as exc:
            self.scan_progress.hide()
            self._error("Could not open the journal", f"{folder}: {exc}")
            return False
        self.scan_progress.hide()
        tidy_in_background(journal)  # what a save killed before its rename left behind
        self.journal = journal
        self.set_post(None)
        self.sidebar.set_journal(journal)
        self.form.set_known_tags([tag for tag, _ in journal.tag_counts()])
        remote = self.env.settings.remote_images(journal.root)
        self.actions.view_remote_images.blockSignals(True)
        self.actions.view_remote_images.setChecked(remote)
        self.actions.view_remote_images.blockSignals(False)
        self.preview.allow_remote_images = remote
        self.preview.load_shell(journal.root)
        self.watcher.set_journal(journal)
        self.env.settings.remember_journal(journal.root)
        self._update_recent_menu()
        target = select or next((info.path for info in journal.posts if info.readable), None)
        if target is not None:
            self.open_post(target)
        if journal.problems:  # folders that could not be read; the rest of the journal works
            self.statusBar().showMessage(f"{len(journal.problems)} folder(s) could not be read: "
                                         + "; ".join(journal.problems[:3]))
        self._update_title()
        return True

    def _scan_progress(self, done: int, total: int) -> None:
        """Files read so far while a journal opens: a progress bar when there are many; the
        window keeps painting, but takes no input until the journal is there."""
        if total < PROGRESS_MINIMUM:
            return
        self.scan_progress.setMaximum(total)
        self.scan_progress.setValue(done)
        self.scan_progress.show()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def set_remote_images(self, allowed: bool) -> None:
        """Allow remote images in the preview for this journal (off by default)."""
        if self.journal is not None:
            self.env.settings.set_remote_images(self.journal.root, allowed)
        self.preview.set_remote_images(allowed)
        self.refresh_preview()

    def choose_journal(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open Journal Folder",
                                                  str(self.journal.root if self.journal else Path.home()))
        if folder:
            self.open_journal(Path(folder))

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for folder in self.env.settings.get("state/recent_journals"):
            action = self.recent_menu.addAction(menu_text(folder))
            action.triggered.connect(lambda _=False, f=folder: self.open_journal(Path(f)))

    # -- posts ---------------------------------------------------------------------------
    def open_post(self, path: Path) -> bool:
        """Open the post at ``path`` (asks about unsaved changes first)."""
        path = Path(path).absolute()
        if self.post is not None and self.post.path == path:
            return True
        if not self.maybe_save():
            if self.post is not None:
                self.sidebar.select_path(self.post.path)
            return False
        try:  # a post that is a link to a place outside the journal is not read
            post = load_post(path, self.journal.root if self.journal is not None else None)
        except OSError as exc:
            self._error("Could not open the post", read_error_message(path, exc))
            return False
        self.set_post(post)
        self.post_opened.emit(path)
        return True

    def set_post(self, post: Post | None) -> None:
        """Show ``post`` in the form, editor and preview (None: nothing open)."""
        self.post = post
        self.editor.blockSignals(True)
        self._hidden_header = ""
        if post is not None and len(post.header_text) > HEADER_SHOW_LIMIT:
            # laying out megabytes of header takes Qt many seconds: it stays aside, unchanged
            self._hidden_header = post.header_text
            text = post.body
        else:
            text = buffer_text(post) if post is not None else ""
        self._match_highlighting(len(text))
        reason = _read_only_reason(post, text) if post is not None else None
        if reason:
            # undecodable bytes shown as U+FFFD, NUL bytes as a visible ␀ (never saved)
            text = displayable(text).replace("\x00", "\u2400")
        self.editor.set_text(text)
        self.editor.blockSignals(False)
        self.editor.document().setModified(False)
        read_only = post is None or reason is not None
        self.editor.setReadOnly(read_only)
        self.actions.file_save.setEnabled(post is not None and not read_only)
        self.actions.file_save_as.setEnabled(post is not None and not read_only)
        legacy = post is not None and not read_only and post.encoding not in ("utf-8", "utf-8-sig")
        self.actions.file_convert_utf8.setEnabled(legacy)
        self.actions.file_export.setEnabled(post is not None)
        self.form.show_post(post)
        self.watcher.watch_file(post.path if post is not None else None)
        if post is not None:
            self.sidebar.select_path(post.path)
            if reason:
                self.statusBar().showMessage(reason)
            elif self._hidden_header:
                self.statusBar().showMessage(header_too_large(self._hidden_header))
            elif not text and post.path.exists():
                self.statusBar().showMessage(f"“{post.path.name}” is empty (0 bytes).")
            elif post.path.exists() and not os.access(post.path, os.W_OK):
                self.statusBar().showMessage(f"“{post.path.name}” is read-only: changes can be kept "
                                             "with File → Save As.")
            elif legacy:
                self.statusBar().showMessage(f"Read as {post.encoding}; it will be saved back in "
                                             f"{post.encoding} (File → Convert to UTF-8 to change that).")
        self._update_title()
        self.update_status()
        self.refresh_preview()

    def maybe_save(self) -> bool:
        """Save (autosave on) or ask to save unsaved changes; False when the user cancels."""
        if self.post is None or not self.editor.document().isModified():
            return True
        if self.autosave():
            return True
        answer = question(
            self, "Unsaved changes", f"Save the changes to “{self.post.title}”?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.recovery.discard(self.post.path)
            self._recovery_timer.stop()
            self._autosave_timer.stop()
            # let go of it now: nothing may save the discarded text while the next post or
            # journal is being opened (a conflict dialog during a scan, say)
            self.editor.document().setModified(False)
            return True
        return False

    def save(self, quiet: bool = False, force: bool = False) -> bool:
        """Save the open post; True when it is on disk. ``quiet``: no dialogs (autosave);
        ``force``: the user already chose to keep this version over a change on disk."""
        if self.post is None or self.editor.isReadOnly():
            return False
        try:
            self.sync_post()
            try:
                save_post(self.post, force=force)
            except ConflictError as exc:
                if quiet:
                    self.statusBar().showMessage(str(exc))
                    return False
                choice = self.resolve_conflict()
                if choice == "theirs":
                    self.take_theirs()
                    return True
                if choice != "mine":
                    return False
                save_post(self.post, force=True)
        except (SaveError, HeaderError) as exc:
            if quiet:
                self.statusBar().showMessage(f"Not saved automatically: {exc}")
            else:
                self._error("Could not save", str(exc))
            return False
        self.editor.document().setModified(False)
        self._autosave_timer.stop()
        self._recovery_timer.stop()
        self.recovery.discard(self.post.path)
        self.watcher.watch_file(self.post.path)
        if self.journal is not None:
            self.sidebar.apply(self.journal.refresh(self.post.path))
            self.form.set_known_tags([tag for tag, _ in self.journal.tag_counts()])
        self.form.show_post(self.post)
        self.statusBar().showMessage(f"Saved {self.post.path.name}", 3000)
        self.update_status()
        self.post_saved.emit(self.post.path)
        return True

    def apply_field(self, name: str, value: object) -> None:
        """A form edit: rewrite only that header key, as one undoable edit in the editor."""
        if self.post is None:
            return
        if self._hidden_header:  # the form is disabled then; nothing may rewrite that header
            self.form.show_post(self.post)
            return
        try:
            count, header = field_edit(self.post, self.editor.text(), name, value)
        except (HeaderError, FieldEditError) as exc:
            self._error("Could not change the field", str(exc))
            self.form.show_post(self.post)
            return
        replace_lines(self.editor.document(), 0, count, header)

    def buffer(self) -> str:
        """The post's whole text as it stands in the window: a header too large to show (kept
        aside, unchanged) and the editor's text."""
        return self._hidden_header + self.editor.text()

    def sync_post(self) -> None:
        """Bring the open post in line with the editor (raises HeaderError like apply_text)."""
        if self._hidden_header:
            self.post.body = self.editor.text()  # its header cannot change here
        else:
            apply_text(self.post, self.editor.text())

    # -- reactions -----------------------------------------------------------------------
    def _match_highlighting(self, length: int) -> None:
        """Highlight unless the post is huge (that would take seconds on every open or paste)."""
        wanted = length <= LIVE_PREVIEW_LIMIT
        if wanted != (self.editor.highlighter.document() is not None):
            blocked = self.editor.blockSignals(True)  # switching re-formats: no textChanged
            self.editor.highlighter.setDocument(self.editor.document() if wanted else None)
            self.editor.blockSignals(blocked)

    def _text_changed(self) -> None:
        self._match_highlighting(self.editor.document().characterCount())
        self._render_timer.start()
        self._stats_timer.start()
        if self.post is not None and self.editor.document().isModified():
            self._recovery_timer.start()
            if self.autosave_enabled():
                self._autosave_timer.start()

    def refresh_preview(self) -> None:
        """Send the editor's text to the renderer (coalesced; never waits for it)."""
        post = self.post
        if post is None:
            self.preview.show_fragment("", "")
            return
        header_before = post.header_text
        try:
            self.sync_post()
        except JournalError:
            pass
        header = render_header(post.title, post.date, post.tags, post.description, page_lang(post))
        if len(post.body) > LIVE_PREVIEW_LIMIT:
            size = len(post.body.encode("utf-8", "surrogateescape")) / 1024 / 1024
            self.preview.show_fragment(header, f'<p class="missing-image">This post is {size:.1f} MB: '
                                       "too large to preview while you type. Export it (Ctrl+E) "
                                       "to see it.</p>")
            return
        long_line = too_long_line(post.body)
        if long_line is not None:
            number, length = long_line
            self.preview.show_fragment(header, too_long_message(post.body_start_line + number, length))
            return
        self.preview.request(post.body, post.body_start_line, post.path,
                             self.journal.root if self.journal else None, header)
        if post.header_text != header_before and not self._form_editing():
            self.form.show_post(post)  # the header was edited as text: the form follows

    def _form_editing(self) -> bool:
        focus = self.focusWidget()
        return focus is not None and self.form.isAncestorOf(focus)

    def _editor_scrolled(self) -> None:
        self.preview.scroll_to_line(self.editor.first_visible_line() + 1)

    def _modification_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if self.post is not None:
            self.saved_label.setText("Unsaved" if modified else "Saved")

    def update_status(self) -> None:
        if self.post is None:
            self.words_label.clear()
            self.saved_label.clear()
            self.path_label.setText(str(self.journal.root) if self.journal else "")
            return
        text = self.editor.text()
        if len(text) > LIVE_STATS_LIMIT:
            self.words_label.setText(f"{len(text):,} characters · word counts are off for a post "
                                     "this large")
        else:
            count = header_lines(text)
            body = text.split("\n", count)[-1] if count else text
            stats = text_stats(body)
            self.words_label.setText(f"{stats.words:,} words · {stats.characters:,} characters "
                                     f"({stats.characters_no_spaces:,} without spaces) · "
                                     f"{stats.reading_minutes} min read")
        self.saved_label.setText("Unsaved" if self.editor.document().isModified() else "Saved")
        self.path_label.setText(str(self.post.path))

    def _update_title(self) -> None:
        name = self.post.title if self.post is not None else (
            self.journal.root.name if self.journal else APP_NAME)
        self.setWindowTitle(f"{window_title(name)}[*] — {APP_NAME}")
        self.setWindowModified(self.post is not None and self.editor.document().isModified())

    def _wrap(self, marker: str) -> None:
        cursor = self.editor.textCursor()
        toggle_wrap(cursor, marker)
        self.editor.setTextCursor(cursor)

    def _zoom(self, step: int) -> None:
        self.editor.set_font_size(self.editor.font_size() + step)
        self.env.settings.set("preferences/font_size", self.editor.font_size())

    def _about(self) -> None:
        QMessageBox.about(self, "About journal_app",
                          f"journal_app {__version__}\nA markdown journal editor that never "
                          "rewrites a byte you did not change.")

    def _error(self, title: str, message: str) -> None:
        warning(self, title, message)

    # -- state ---------------------------------------------------------------------------
    def restore_state(self) -> None:
        """The window as the user left it; on first run, most of the screen, centred."""
        settings = self.env.settings
        restored = set()
        for key, restore in (("state/geometry", self.restoreGeometry),
                             ("state/window_state", self.restoreState),
                             ("state/splitter", self.splitter.restoreState)):
            value = settings.get(key)
            if isinstance(value, QByteArray) and not value.isEmpty() and restore(value):
                restored.add(key)
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if "state/geometry" not in restored and screen is not None:
            screen = screen.availableGeometry()
            width, height = min(1400, screen.width() * 85 // 100), min(900, screen.height() * 85 // 100)
            self.resize(width, height)
            self.move(screen.center().x() - width // 2, screen.center().y() - height // 2)
            if "state/splitter" not in restored:
                self.splitter.setSizes([width * 22 // 100, width * 39 // 100, width * 39 // 100])
        self.sidebar.set_grouping(settings.get("state/grouping"))

    def save_state(self) -> None:
        settings = self.env.settings
        settings.set("state/geometry", self.saveGeometry())
        settings.set("state/window_state", self.saveState())
        settings.set("state/splitter", self.splitter.saveState())
        settings.set("state/grouping", self.sidebar.grouping_key())
        settings.sync()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.type() == event.Type.ActivationChange and not self.isActiveWindow():
            self.autosave()  # leaving the window saves, as Obsidian and Typora do
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if not self.maybe_save():
            event.ignore()
            return
        self.save_state()
        self.preview.shutdown()
        event.accept()


def _read_only_reason(post: Post, text: str) -> str | None:
    """Why a post must not be edited here (bytes or characters the editor could not hold), or
    None. ``text`` is what the editor would show."""
    if any("binary" in problem for problem in post.problems):
        return "Read-only: this looks like a binary file, not a post."
    if any("not valid UTF-8" in problem for problem in post.problems):
        return "Read-only: the file has bytes that are not text; editing it here could lose them."
    if PARAGRAPH_SEPARATOR in text:
        return ("Read-only: the text holds a paragraph separator character (U+2029), which the "
                "editor would turn into a line break; editing it here would change it.")
    return None
