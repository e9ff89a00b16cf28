"""The outline panel: the open post's headings as a tree, in a dock (View → Outline).

The headings come from :class:`~..core.headings.HeadingIndex` (markdown-it-py's block tokens,
parsed again only around an edit). A pause in typing (``DELAY_MS``) hands it the text; the
parse runs in turns of at most ``TURN_S`` seconds of the event loop, so even a large post's first
parse never holds typing up; the tree is rebuilt only when the headings' levels or texts
changed. The heading of the section holding the cursor is the current row; clicking a row puts
the cursor on that heading, at the top of the editor (the preview follows the editor).
Nothing happens while the panel is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTreeWidget, QTreeWidgetItem, QWidget

from ..core.headings import Heading, HeadingIndex
from .editor import MarkdownEditor
from .plain import plain_tooltip

DELAY_MS = 250  # a pause in typing this long updates the outline
TURN_S = 0.012  # the longest the parse runs in one turn of the event loop
ORDINAL_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's place in the list of headings


class OutlinePanel(QDockWidget):
    """The headings of the text in ``editor``; a click moves the editor there."""

    def __init__(self, editor: MarkdownEditor, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("OutlinePanel", "Outline"), parent)
        self.setObjectName("outlinePanel")
        self.editor = editor
        self.index = HeadingIndex()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setAccessibleName(self.tr("Headings of the post"))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.setWidget(self.tree)
        self._shown: list[tuple[int, str]] = []  # the levels and texts the tree shows
        self._items: list[QTreeWidgetItem] = []
        self._pause = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._pause.timeout.connect(self._take_text)
        self._turn = QTimer(self, singleShot=True, interval=0)
        self._turn.timeout.connect(self._parse)
        editor.contents.changed.connect(self._text_changed)
        editor.cursorPositionChanged.connect(self._follow_cursor)
        self.tree.itemClicked.connect(self._go)
        self.tree.itemActivated.connect(self._go)
        self.visibilityChanged.connect(self._visibility_changed)

    def _visibility_changed(self, shown: bool) -> None:
        if shown:
            self._text_changed()

    def _text_changed(self) -> None:
        if self.isVisible():
            self._pause.start()

    def _take_text(self) -> None:
        self.index.set_text(self.editor.text())
        self._parse()

    def _parse(self) -> None:
        if not self.index.work(TURN_S):
            self._turn.start()  # more in the next turn of the event loop
            return
        self._show(self.index.headings)

    def refresh_now(self) -> None:
        """Bring the outline up to date at once (tests, screenshots)."""
        self._pause.stop()
        self._turn.stop()
        self.index.set_text(self.editor.text())
        self.index.work()
        self._show(self.index.headings)

    def headings(self) -> list[Heading]:
        """The headings shown (their lines as of the last parse)."""
        return list(self.index.headings)

    def _show(self, headings: list[Heading]) -> None:
        shown = [(heading.level, heading.text) for heading in headings]
        if shown != self._shown:
            self._shown = shown
            self._rebuild(headings)
        self._follow_cursor()

    def _rebuild(self, headings: list[Heading]) -> None:
        self.tree.clear()
        self._items = []
        parents: list[tuple[int, QTreeWidgetItem]] = []  # the open levels above the next row
        for ordinal, heading in enumerate(headings):
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            item = QTreeWidgetItem([heading.text])
            item.setData(0, ORDINAL_ROLE, ordinal)
            item.setToolTip(0, plain_tooltip(heading.text))
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append((heading.level, item))
            self._items.append(item)
        self.tree.expandAll()

    def _follow_cursor(self) -> None:
        """Make the heading of the cursor's section the current row."""
        if not self.isVisible() or not self._items or not self.index.done:
            return
        ordinal = self.index.section_at(self.editor.textCursor().blockNumber())
        if ordinal < 0 or ordinal >= len(self._items):
            self.tree.clearSelection()
            return
        item = self._items[ordinal]
        if self.tree.currentItem() is not item:
            blocked = self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(blocked)
            self.tree.scrollToItem(item)

    def _go(self, item: QTreeWidgetItem) -> None:
        ordinal = item.data(0, ORDINAL_ROLE)
        if self._pause.isActive() or self._turn.isActive():
            self.refresh_now()  # lines may have moved since the last parse
        if ordinal is None or ordinal >= len(self.index.headings):
            return
        go_to_line(self.editor, self.index.headings[ordinal].line)


def go_to_line(editor: MarkdownEditor, line: int) -> None:
    """Put the cursor at the start of ``line`` (0-based), shown at the top of the editor."""
    block = editor.document().findBlockByNumber(line)
    if not block.isValid():
        return
    bar = editor.verticalScrollBar()
    bar.setValue(bar.maximum())  # from below, showing the cursor brings its line to the top
    editor.setTextCursor(QTextCursor(block))
    editor.ensureCursorVisible()
    editor.setFocus()


def attach_outline(window: QMainWindow, editor: MarkdownEditor, toggle: QAction) -> OutlinePanel:
    """The outline in a dock on the window's right, shown and hidden by ``toggle``."""
    panel = OutlinePanel(editor, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.hide()
    toggle.setCheckable(True)
    toggle.toggled.connect(panel.setVisible)
    panel.visibilityChanged.connect(lambda _: toggle.setChecked(not panel.isHidden()))
    return panel
