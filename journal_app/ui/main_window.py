"""The main window: sidebar, front matter form and editor, live preview; menus, toolbar and the
status bar. It lays out the widgets and wires their signals; the open post, its text and its
safety (autosave, recovery, conflicts) belong to ``OpenDocument``, every file rule to the core.
The post actions are ``PostFiles``', the preview is fed by ``PreviewFeed``, the title and the
status line follow the document through ``DocumentStatus``."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QSplitter, QVBoxLayout, QWidget

from ..core import Journal, JournalChange, JournalError, Post
from ..core.data_folder import journal_data
from ..core.gitrepo import find_repo
from ..core.instances import tidy_in_background
from ..core.recovery import RecoveryStore
from .actions import FLAVOR_LABELS, Actions, fill_recent, lay_out
from .checks_panel import ChecksPanel, attach_checks
from .document import Delays, OpenDocument, file_of
from .edit_actions import EditCommands
from .editor import MarkdownEditor
from .find_replace import FindBar
from .focus import FocusModes
from .git_sync import attach_git
from .history_panel import HistoryKeeper, HistoryPanel
from .monthchart import JournalMonths
from .outline import attach_outline
from .paste import Place
from .post_files import PostFiles
from .preferences import apply_editor_font, apply_look
from .preview import Preview
from .preview_feed import PreviewFeed
from .problem_words import message, words
from .prompts import DialogPrompts
from .properties import PropertiesForm
from .search_panel import attach_search
from .settings import Environment
from .spelling import attach_spelling
from .sidebar import Sidebar
from .status import DocumentStatus, StatusLine
from .switcher import QuickSwitcher
from .tabs import Tabs
from .theme import ThemeFollower
from .scanner import JournalScan
from .watcher import JournalWatcher
from .window_state import remember_window, restore_window


def later(module: str, name: str) -> Callable:
    """``name`` of the ui module ``module``, imported when first asked for (the dialogs and
    commands that the first paint of the window does not need)."""
    return getattr(import_module(f"{__package__}.{module}"), name)


class MainWindow(QMainWindow):
    """One journal, one open post (``self.document``)."""

    def __init__(self, env: Environment, recovery: RecoveryStore, delays: Delays = Delays()):
        super().__init__()
        self.env = env
        self.journal: Journal | None = None
        self.setObjectName("mainWindow")
        self.commands = Actions(self)
        self.sidebar = Sidebar(self)
        self.form = PropertiesForm(self)
        self.editor = MarkdownEditor(self)
        self.find_bar = FindBar(self.editor, self)
        self.search = attach_search(self, self.open_post, self.editor)
        self.search.set_order(env.settings.get("state/search_order"))
        self.search.order_changed.connect(lambda order: env.settings.set("state/search_order", order))
        self.outline = attach_outline(self, self.editor, self.commands.view_outline)
        self.speller = attach_spelling(
            self.editor,
            self.commands.edit_spelling,
            bool(env.settings.get("preferences/spell_check")),
            lambda on: env.settings.set("preferences/spell_check", on),
        )
        self.speller.check_languages(set(env.settings.get("preferences/spell_languages").split()))
        self.preview = Preview(self)
        self.watcher = JournalWatcher(self, settle_ms=delays.settle_ms)
        self.prompts = DialogPrompts(self)
        self.document = OpenDocument(
            self.editor,
            recovery,
            self.prompts,
            self.watcher,
            lambda: bool(env.settings.get("preferences/autosave")),
            delays,
            self,
        )
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
        self.recent_menu = lay_out(self, self.commands)
        self.status = StatusLine(self.statusBar())
        # the status bar's parts under the names they had (tests read them)
        self.words_label, self.saved_label = self.status.words, self.status.saved
        self.path_label, self.scan_progress = self.status.path, self.status.progress
        self.scan = JournalScan(self.status.progress, self)
        self.document_status = status = DocumentStatus(self, self.status, self.document)
        self.feed = PreviewFeed(self.preview, self.document)
        self.post_files = PostFiles(
            self, self.document, self.sidebar, lambda: self.journal, status, self.env.settings
        )
        self.theme = ThemeFollower(self)
        self.checks = attach_checks(self, self._repaired)
        self.switcher = QuickSwitcher(lambda: self.journal.posts if self.journal else [], self)
        self.history = HistoryKeeper(env.data_dir, self)
        self.history.follow(self.document)
        self.history_panel = HistoryPanel(self, self.document, self.history)
        self.git = attach_git(self)
        self.post_files.renamed += [self.history.renamed, self.git.renamed]
        self.tabs = Tabs(self)  # the other open posts, each in a tab over the editor
        column.insertWidget(0, self.tabs.bar)
        self._connect()
        self.edit_commands = EditCommands(self)
        self.focus_modes = FocusModes(self)
        apply_look(self)
        self.document.load(None)

    def _connect(self) -> None:
        a, doc, files = self.commands, self.document, self.post_files
        slots = {
            "file_new": files.new,
            "file_today": lambda: later("today", "open_today")(self),
            "file_open": self.choose_journal,
            "file_save": lambda: doc.save(),
            "file_save_as": files.save_as,
            "file_convert_utf8": doc.convert_to_utf8,
            "file_export": files.export,
            "file_history": self.history_panel.open_panel,
            "file_export_site": files.export_site,
            "file_quit": self.close,
            "edit_find": self.find_bar.open_bar,
            "edit_find_next": lambda: self.find_bar.find_next(),
            "edit_find_previous": lambda: self.find_bar.find_next(backward=True),
            "edit_replace": self.find_bar.open_replace,
            "edit_search": self.search.open_panel,
            "edit_switcher": self.switcher.open_switcher,
            "edit_bold": lambda: self.editor.toggle_markup("**"),
            "edit_italic": lambda: self.editor.toggle_markup("*"),
            "edit_code": lambda: self.editor.toggle_markup("`"),
            "edit_link": self.editor.toggle_link,
            "edit_paste_plain": self.editor.paste_plain,
            "view_zoom_in": lambda: self._zoom(1),
            "view_zoom_out": lambda: self._zoom(-1),
            "view_by_tag": lambda: self.sidebar.set_grouping("tag"),
            "view_by_date": lambda: self.sidebar.set_grouping("date"),
            "view_filter": lambda: self.sidebar.filter.setFocus(),
            "view_statistics": lambda: later("statistics", "show_statistics")(self.document_status),
            "view_checks": self.checks.open_panel,
            "edit_preferences": lambda: later("preferences", "show_preferences")(self),
            "help_guide": lambda: later("guide", "show_guide")(self),
            "help_shortcuts": lambda: later("help", "show_shortcuts")(self),
            "help_about": lambda: later("help", "show_about")(
                self, self.env.data_dir, self.env.settings.store
            ),
        }
        for name, slot in slots.items():
            getattr(a, name).triggered.connect(slot)
        a.file_convert_utf8.triggered.connect(lambda: a.file_convert_utf8.setEnabled(doc.legacy()))
        a.view_remote_images.toggled.connect(self.set_remote_images)
        a.flavors.triggered.connect(lambda action: self.set_flavor(action.data()))
        self.sidebar.post_activated.connect(self.open_post)
        self.switcher.chosen.connect(self.open_post)
        self.search.open_requested.connect(lambda _path, _line, term: self.find_bar.take_term(term))
        self.find_bar.match_shown.connect(self.feed.show_line)
        self.sidebar.rename_requested.connect(files.rename)
        self.sidebar.delete_requested.connect(files.delete)
        self.sidebar.tag_rename_requested.connect(
            lambda tag: later("tag_menu", "rename_from_tree")(self, tag)
        )
        self.sidebar.tag_merge_requested.connect(
            lambda tag: later("tag_menu", "rename_from_tree")(self, tag, merge=True)
        )
        self.form.field_edited.connect(self._field_edited)
        self.watcher.changed.connect(self._changed_on_disk)
        self.scan.arrived.connect(lambda change: self.sidebar.apply(change, heat_later=True))
        self.scan.finished.connect(self._scanned)
        doc.loaded.connect(self._loaded)  # the preview and the status line follow doc themselves
        doc.saved.connect(self._saved)
        doc.header_changed.connect(self._header_changed)
        doc.message.connect(self.statusBar().showMessage)
        self.history.trouble.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.editor.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.editor.place = self._paste_place

    # -- journals ------------------------------------------------------------------------
    _launched = False  # a journal has been opened in this window (see open_journal)

    def open_journal(self, folder: Path, *, select: Path | None = None) -> bool:
        """Open the journal at ``folder`` (asks about unsaved changes first)."""
        if not self.tabs.leave():
            return False
        try:
            journal = Journal.opened(folder)  # the index alone, or the walk: the rest on a thread
        except (OSError, JournalError) as exc:
            self.prompts.show_error(self.tr("Could not open the journal"), f"{folder}: {words(exc)}")
            return False
        scanning = self.scan.start(journal)
        self.commands.file_export_site.setEnabled(not scanning)  # (a site of every post, once read)
        tidy_in_background(journal)  # what a save killed before its rename left behind
        self.journal = journal
        self.document.root = journal.root
        repo = find_repo(journal.root)  # one look for the working tree: history and git share it
        self.history.set_journal(journal.root, repo)
        self.git.set_journal(journal.root, repo)
        self.document.chosen_flavor = self.env.settings.flavor(journal.root)
        self.speller.use_words(journal_data(self.env.data_dir, journal.root) / "dictionary.txt")
        self._show_flavor()
        self.document.load(None)
        launching, self._launched = not self._launched, True  # (the first journal a window opens)
        if launching:  # the tree fills once the window shows the post
            QTimer.singleShot(0, self, lambda: self._fill_sidebar(journal))
        else:
            self.sidebar.set_journal(journal)
        if not scanning:  # (else once the files are read or checked)
            self.search.set_journal(journal.root, [info.path for info in journal.posts if info.readable])
        self._update_known_tags()
        remote = self.env.settings.remote_images(journal.root)
        self.commands.check_remote_images(remote)
        self.preview.allow_remote_images = remote
        self.preview.load_shell(journal.root)
        self.watcher.set_journal(journal)  # (a change while the files are checked is not lost)
        self.env.settings.remember_journal(journal.root)
        recent = self.env.settings.get("state/recent_journals")
        fill_recent(self.recent_menu, recent, lambda chosen: self.open_journal(Path(chosen)))
        target = select or next((info.path for info in journal.posts if info.readable), None)
        if not self.tabs.restore(journal.root, select) and target is not None:
            self.open_post(target)
        if not scanning:
            self._show_folder_problems()
        return True

    def _scanned(self, change: JournalChange, read_all: bool) -> None:
        """The journal's files are read (``read_all``) or checked against the index."""
        journal = self.journal
        if journal is None:
            return
        self.sidebar.apply(change)
        self.search.set_journal(journal.root, [info.path for info in journal.posts if info.readable])
        self._update_known_tags()
        self.document.changed_on_disk(change)
        target = next((info.path for info in journal.posts if info.readable), None)
        if read_all and self.document.post is None and target is not None:  # (a turn later)
            QTimer.singleShot(0, self, lambda: self.journal is journal and self.open_post(target))
        if read_all:
            self.watcher.set_journal(journal)  # its files too, now that there are posts
        else:  # and the folders the index did not name
            unseen = journal.known_folders() - set(self.watcher.watcher.directories())
            if unseen:
                self.watcher.watcher.addPaths(sorted(unseen))
        self.commands.file_export_site.setEnabled(True)
        self._show_folder_problems()

    def _show_folder_problems(self) -> None:
        journal = self.journal
        if journal is not None and journal.problems:  # the rest of the journal works
            self.statusBar().showMessage(
                self.tr("{count} folder(s) could not be read: {folders}").format(
                    count=len(journal.problems),
                    folders="; ".join(message(problem) for problem in journal.folder_problems[:3]),
                )
            )

    def _fill_sidebar(self, journal: Journal) -> None:
        if self.journal is journal:  # (not a journal opened after it meanwhile)
            self.sidebar.set_journal(journal)

    def set_flavor(self, flavor: str) -> None:
        """Render this journal's posts as ``flavor``'s platform does (remembered per journal)."""
        if self.journal is not None:
            self.env.settings.set_flavor(self.journal.root, flavor)
        self.document.chosen_flavor = flavor
        self._show_flavor()
        self.feed.refresh()

    def _show_flavor(self) -> None:
        flavor = self.document.flavor()
        self.editor.highlighter.set_flavor(flavor)
        self.commands.check_flavor(flavor)
        self.status.flavor.setText(FLAVOR_LABELS[flavor])

    def set_remote_images(self, allowed: bool) -> None:
        """Allow remote images in the preview for this journal (off by default)."""
        if self.journal is not None:
            self.env.settings.set_remote_images(self.journal.root, allowed)
        self.preview.set_remote_images(allowed)
        self.feed.refresh()

    def choose_journal(self) -> None:
        """Ask for a journal folder and open it."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open Journal Folder"), str(self.journal.root if self.journal else Path.home())
        )
        if folder:
            self.open_journal(Path(folder))

    def _update_known_tags(self) -> None:
        if self.journal is not None:
            self.form.set_known_tags(self.journal.tag_counts())

    # -- posts ---------------------------------------------------------------------------
    def open_post(self, path: Path) -> bool:
        """Open the post at ``path`` (in its tab, this one or a new one: ``Tabs.open``); True
        when it is open."""
        return self.tabs.open(path)

    # -- reactions -----------------------------------------------------------------------
    def _loaded(self, post: Post | None) -> None:
        editable = not self.document.read_only
        for action in (self.commands.file_save, self.commands.file_save_as):
            action.setEnabled(editable)
        self.commands.file_convert_utf8.setEnabled(self.document.legacy())
        self.commands.file_export.setEnabled(post is not None)
        self.commands.file_export_site.setEnabled(self.journal is not None and not self.scan.running)
        self.form.show_post(post)
        if post is not None:
            self.sidebar.select_path(file_of(post))

    def _saved(self, path: Path) -> None:
        if self.journal is not None:
            self.sidebar.apply(self.journal.refresh(path, self.document.written(path)))
            self.search.reindex([path])
            self._update_known_tags()
        self.form.show_post(self.document.post)

    def _changed_on_disk(self, paths: JournalChange) -> None:
        self.sidebar.apply(paths)
        self.search.reindex(paths)
        self._update_known_tags()
        self.document.changed_on_disk(paths)

    def _repaired(self, path: Path) -> None:
        if self.journal is not None:
            self._changed_on_disk(self.journal.refresh(path))

    def _field_edited(self, name: str, value: object) -> None:
        if not self.document.apply_field(name, value):
            self.form.show_post(self.document.post)

    def _header_changed(self, _metadata: dict) -> None:
        focus = self.focusWidget()
        if focus is None or not self.form.isAncestorOf(focus):
            self.form.show_post(self.document.post)  # the header was edited as text: the form follows

    def _paste_place(self) -> Place | None:
        """Where images pasted or dropped into the open post go (none for a read-only post)."""
        doc = self.document
        if doc.post is None or doc.root is None or doc.read_only:
            return None
        return Place(file_of(doc.post), doc.root, doc.flavor())

    def _zoom(self, step: int) -> None:
        family = self.env.settings.get("preferences/font_family")
        apply_editor_font(self.editor, family, self.editor.font_size() + step)
        self.env.settings.set("preferences/font_size", self.editor.font_size())

    # -- state ---------------------------------------------------------------------------
    def restore_state(self) -> None:
        """The window as the user left it; on first run, most of the screen, centred."""
        restore_window(self, self.splitter, self.env.settings)
        self.sidebar.set_grouping(self.env.settings.get("state/grouping"))

    def save_state(self) -> None:
        """Keep the window's shape and the sidebar's grouping for the next run."""
        remember_window(self, self.splitter, self.env.settings)
        self.env.settings.set("state/grouping", self.sidebar.grouping_key())
        self.env.settings.sync()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.type() == event.Type.ActivationChange and not self.isActiveWindow():
            self.document.autosave()  # leaving the window saves, as Obsidian and Typora do
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if not self.tabs.leave():
            event.ignore()
            return
        self.save_state()
        # nothing of ours runs while Qt takes the window apart: no timer, no file watch, no render
        self.document_status.stop()
        self.document.stop()
        self.watcher.stop()
        self.find_bar.stop()
        for checks in self.findChildren(ChecksPanel):
            checks.stop()
        for months in self.findChildren(JournalMonths):  # (the Statistics dialog's, once opened)
            months.stop()
        self.scan.shutdown()
        self.preview.shutdown()
        self.search.shutdown()
        self.history.stop()
        self.git.stop()
        self.sidebar.model.release()  # before Qt deletes the items (see PostTreeModel.release)
        self.document.recovery.close()  # this instance ends with its window
        event.accept()
