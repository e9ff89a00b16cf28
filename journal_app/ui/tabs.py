"""Several posts open at once, one tab each: ``Tabs``.

The window keeps one editor and one ``OpenDocument``, the owner of the post shown. Every other
tab holds its post aside as a ``document.Held``: its text in a QTextDocument of its own, so its
undo history and unsaved mark stay with it. Showing another tab puts the shown post aside,
saved first when autosave is on, else its unsaved text written to the recovery file, so every
open post's unsaved text is saved or in the recovery folder; a crash offers each back.

Which tab a post opens in (as VS Code does with its preview tabs): a post open already is shown
in its tab; another replaces the shown post when nothing was typed there since it opened, and
opens in a new tab next to it when something was, or when asked (Ctrl held while choosing it, a
middle click or "Open in New Tab" in the sidebar). Ctrl+W closes a tab (asking about unsaved
changes as closing the window does), Ctrl+Tab and Ctrl+Shift+Tab go to the next and previous
tab, a middle click on a tab closes it. The open tabs of each journal are remembered and open
again with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QTabBar

from ..core.data_folder import journal_key
from .document import Held, file_of
from .plain import menu_text, plain_tooltip
from .tree_model import PATH_ROLE

if TYPE_CHECKING:
    from .main_window import MainWindow

TITLE_WIDTH = 160  # pixels; a longer title is elided in its tab
UNSAVED = "\u25cf "  # before the title of a tab with unsaved changes


def tabs_key(root: Path) -> str:
    """The settings key of the open tabs of the journal at ``root`` (``_shown`` after it: the
    index of the tab shown)."""
    return f"journals/{journal_key(root)}/tabs"


class Tabs(QObject):
    """The tab bar over the editor of ``window`` and the posts its tabs hold (each tab's data:
    its ``Held`` post, or None for the tab shown, whose post is the window's document's)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.document = window, window.document
        self.bar = QTabBar(window)
        self.bar.setObjectName("postTabs")
        self.bar.setAccessibleName(self.tr("Open posts"))
        self.bar.setDocumentMode(True)
        self.bar.setTabsClosable(True)
        self.bar.setMovable(True)
        self.bar.setAutoHide(True)  # one post open: no bar, the window as it always was
        self.bar.setElideMode(Qt.TextElideMode.ElideNone)  # titles come elided: the bar scrolls
        self.bar.setUsesScrollButtons(True)
        self._new_tab = False  # the post being opened goes to a new tab whatever was done here
        self._quiet = False  # the tabs change themselves: not the user choosing one
        self.bar.currentChanged.connect(self._chosen)
        self.bar.tabCloseRequested.connect(self.close_tab)
        self.bar.installEventFilter(self)
        window.sidebar.tree.viewport().installEventFilter(self)
        document = self.document
        document.tabs = self
        document.loaded.connect(self._loaded)
        for signal in (document.changed, document.saved, document.modified_changed):
            signal.connect(lambda *_: self._label(self.shown()))
        window.post_files.renamed.append(self.renamed)
        window.sidebar.open_in_tab_requested.connect(self.open_in_new_tab)
        commands = window.commands
        commands.file_close_tab.triggered.connect(lambda: self.close_tab(self.shown()))
        commands.view_next_tab.triggered.connect(lambda: self._step(1))
        commands.view_previous_tab.triggered.connect(lambda: self._step(-1))
        self._enable()

    # -- what the tabs hold ----------------------------------------------------------------
    def held(self, index: int) -> Held | None:
        """The post tab ``index`` holds aside (None: the tab shown, or no such tab)."""
        data = self.bar.tabData(index)
        return data if isinstance(data, Held) else None

    def shown(self) -> int:
        """The index of the tab whose post the document shows (-1: none)."""
        return next((index for index in range(self.bar.count()) if self.held(index) is None), -1)

    def paths(self) -> list[Path]:
        """The files of the open tabs, in the order of the tabs."""
        found = []
        for index in range(self.bar.count()):
            held = self.held(index)
            post = held.post if held is not None else self.document.post
            if post is not None:
                found.append(file_of(post))
        return found

    def is_modified(self, index: int) -> bool:
        """True when tab ``index`` has unsaved changes."""
        held = self.held(index)
        return held.is_modified() if held is not None else self.document.is_modified()

    # -- opening -----------------------------------------------------------------------------
    def open(self, path: Path) -> bool:
        """Open the post at ``path`` as the user chose it in the sidebar, the switcher or the
        search (Ctrl held: in a new tab); True when it is shown."""
        control = QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
        return self._open(path, bool(control))

    def open_in_new_tab(self, path: Path) -> bool:
        """Open the post at ``path`` in a new tab (its own tab when it is open already)."""
        return self._open(path, True)

    def _open(self, path: Path, new_tab: bool) -> bool:
        self._new_tab = new_tab
        try:
            return self.window.post_files.open(path)
        finally:
            self._new_tab = False

    def show_open(self, path: Path) -> bool:
        """True when the post at ``path`` is held in another tab, which is now shown."""
        for index in range(self.bar.count()):
            held = self.held(index)
            if held is not None and held.post.path == path:
                self.bar.setCurrentIndex(index)
                return True
        return False

    def make_room(self, new: bool = False) -> None:
        """Before another post replaces the shown one: keep the shown post in its tab and show
        a new, empty tab next to it, when something was typed in it since it opened (or
        ``new``, or the user asked for a new tab)."""
        shown = self.shown()
        if self.document.post is None or shown < 0:
            return
        text = self.document.text
        if not (new or self._new_tab or text.isModified() or text.isUndoAvailable()):
            return
        self.bar.setTabData(shown, self.document.hold())
        self._label(shown)
        with self._quietly():
            self.bar.setCurrentIndex(self.bar.insertTab(shown + 1, ""))

    def _loaded(self, post: object) -> None:
        """A post is shown (opened, reloaded, a tab shown again), or none (the post was moved
        to the trash, the journal closes): the shown tab follows."""
        shown = self.shown()
        if post is None:
            if shown >= 0:
                with self._quietly():
                    self.bar.removeTab(shown)
                if self.bar.count():
                    self._show(min(shown, self.bar.count() - 1))
        elif shown < 0:
            with self._quietly():
                self.bar.setCurrentIndex(self.bar.addTab(""))
        self._label(self.shown())
        self._enable()

    # -- showing, closing --------------------------------------------------------------------
    def _chosen(self, index: int) -> None:
        if not self._quiet:
            self._show(index)

    def _show(self, index: int) -> None:
        """Show the post of tab ``index``, holding the shown one aside."""
        held = self.held(index)
        if held is None:
            return  # shown already
        shown = self.shown()
        if shown >= 0:
            self.bar.setTabData(shown, self.document.hold())
        self.bar.setTabData(index, None)
        with self._quietly():
            self.bar.setCurrentIndex(index)
        self.document.show_held(held)
        if shown >= 0:
            self._label(shown)

    def _step(self, step: int) -> None:
        if self.bar.count() > 1:
            self.bar.setCurrentIndex((self.bar.currentIndex() + step) % self.bar.count())

    def close_tab(self, index: int) -> bool:
        """Close tab ``index``, asking about its unsaved changes first (it is shown for the
        question); False when the user keeps it."""
        if index < 0 or index >= self.bar.count():
            return False
        held = self.held(index)
        if held is not None and not held.is_modified():
            self.bar.removeTab(index)
            held.text.deleteLater()  # (its highlighter with it)
            self._enable()
            return True
        self.bar.setCurrentIndex(index)  # shown: the question is about what the user sees
        if not self.document.maybe_save():
            return False
        self.document.stop()
        if self.bar.count() == 1:
            self.document.load(None)  # the last tab: nothing open
            return True
        neighbour = index + 1 if index + 1 < self.bar.count() else index - 1
        with self._quietly():
            self.bar.removeTab(index)  # the shown post is let go with its tab
        self._show(neighbour if neighbour < index else index)
        self._enable()
        return True

    def settle(self) -> bool:
        """Ask about every tab with unsaved changes (each shown in turn; with autosave on they
        are saved); False when the user cancels. The tab shown before is shown again."""
        shown = self.shown()
        for index in range(self.bar.count()):
            if self.is_modified(index):
                self.bar.setCurrentIndex(index)
                if not self.document.maybe_save():
                    return False
        if shown >= 0:
            self.bar.setCurrentIndex(shown)
        return True

    def leave(self) -> bool:
        """The window closes or opens another journal: ask about every unsaved tab, remember
        the open tabs for the journal's next opening, and close all but the shown one (the
        window then lets it go); False when the user cancels."""
        if not self.settle():
            return False
        self.remember()
        for index in reversed(range(self.bar.count())):
            held = self.held(index)
            if held is not None:
                with self._quietly():
                    self.bar.removeTab(index)
                held.text.deleteLater()
        self._enable()
        return True

    def renamed(self, old: Path, new: Path) -> None:
        """A post's file was renamed: a tab holding it saves it under the new name."""
        for index in range(self.bar.count()):
            held = self.held(index)
            if held is not None and held.post.path == old:
                held.post.path = new
                self._label(index)

    # -- between runs --------------------------------------------------------------------
    def remember(self) -> None:
        """Keep the open tabs (and which one is shown) of the window's journal for its next
        opening."""
        journal = self.window.journal
        if journal is None:
            return
        store = self.window.env.settings.store
        store.setValue(tabs_key(journal.root), [str(path) for path in self.paths()])
        store.setValue(tabs_key(journal.root) + "_shown", max(self.shown(), 0))

    def restore(self, root: Path, select: Path | None = None) -> bool:
        """Open the tabs remembered for the journal at ``root`` (those whose files are still
        there), and ``select`` in a tab of its own; False when none was remembered."""
        store = self.window.env.settings.store
        value = store.value(tabs_key(root), [])
        names = value if isinstance(value, list) else [value] if value else []
        paths = [Path(str(name)) for name in names if Path(str(name)).is_file()]
        opened = [path for path in paths if self.open_in_new_tab(path)]
        if not opened:
            return False
        try:
            shown = int(cast("str | int", store.value(tabs_key(root) + "_shown", 0)))
        except (TypeError, ValueError):
            shown = 0
        self.bar.setCurrentIndex(max(0, min(shown, self.bar.count() - 1)))
        if select is not None:
            self.open_in_new_tab(select)
        return True

    # -- looks -----------------------------------------------------------------------------
    def _label(self, index: int) -> None:
        """Tab ``index`` shows its post's title (elided), a mark when unsaved, its file as tip."""
        if index < 0:
            return
        held = self.held(index)
        post = held.post if held is not None else self.document.post
        if post is None:
            return
        path = file_of(post)
        title = post.title or path.name
        elided = self.bar.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, TITLE_WIDTH)
        mark = UNSAVED if self.is_modified(index) else ""
        text, tip = menu_text(mark + elided), plain_tooltip(f"{title}\n{path}")
        # on every pause in typing: the bar is laid out anew only when its label changes
        if self.bar.tabText(index) != text:
            self.bar.setTabText(index, text)
        if self.bar.tabToolTip(index) != tip:
            self.bar.setTabToolTip(index, tip)

    def _enable(self) -> None:
        commands = self.window.commands
        commands.file_close_tab.setEnabled(self.bar.count() > 0)
        for action in (commands.view_next_tab, commands.view_previous_tab):
            action.setEnabled(self.bar.count() > 1)

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """The tabs change themselves (not the user choosing one) inside this."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """A middle click closes a tab, and opens a post of the sidebar in a new tab."""
        if event.type() == QEvent.Type.MouseButtonRelease:
            click = cast(QMouseEvent, event)
            if click.button() == Qt.MouseButton.MiddleButton:
                point = click.position().toPoint()
                if watched is self.bar:
                    self.close_tab(self.bar.tabAt(point))
                    return True
                path = self.window.sidebar.tree.indexAt(point).data(PATH_ROLE)
                if path:
                    self.open_in_new_tab(Path(path))
                    return True
        return super().eventFilter(watched, event)
