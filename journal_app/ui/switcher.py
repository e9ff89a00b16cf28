"""The quick switcher (Ctrl+P): a popup list of the journal's posts, filtered by title as you
type (Korean by initial consonant too: ``ㅅㅍ`` finds ``싸피``; see :mod:`..core.initials`).
Up and Down move in the list, Enter opens the post, Escape closes the popup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..core import PostInfo
from ..core.dates import local
from ..core.initials import Titles
from .plain import plain_tooltip

SHOWN = 200  # rows listed at most
PATH_ROLE = Qt.ItemDataRole.UserRole


class QuickSwitcher(QFrame):
    """The popup: a field and the matching posts (newest first among equal matches)."""

    chosen = Signal(Path)

    def __init__(self, posts: Callable[[], list[PostInfo]], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("quickSwitcher")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.posts = posts
        self.field = QLineEdit(self)
        self.field.setObjectName("quickSwitcherField")
        self.field.setAccessibleName(self.tr("Go to post"))
        self.field.setPlaceholderText(self.tr("Go to post: title, or initial consonants (ㅅㅍ)"))
        self.list = QListWidget(self)
        self.list.setObjectName("quickSwitcherList")
        self.list.setAccessibleName(self.tr("Matching posts"))
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        self._all: list[PostInfo] = []
        self._titles = Titles([])
        self.field.textChanged.connect(self._filter)
        self.field.installEventFilter(self)
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)

    def open_switcher(self) -> None:
        """Show the popup over the top of the parent window, with every post listed."""
        self._all = [info for info in self.posts() if info.readable]
        self._titles = Titles(info.title for info in self._all)  # folded once, matched per key
        parent = self.parentWidget()
        if parent is not None:
            width = min(600, max(300, parent.width() - 40))
            height = min(420, max(200, parent.height() - 80))
            top_left = parent.mapToGlobal(parent.rect().topLeft())
            self.setGeometry(top_left.x() + (parent.width() - width) // 2, top_left.y() + 40, width, height)
        self.field.clear()
        self._filter("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus()

    def titles(self) -> list[str]:
        """The titles listed, top to bottom."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _filter(self, text: str) -> None:
        found = [self._all[number] for number in self._titles.matching(text)]
        self.list.clear()
        for info in found[:SHOWN]:
            item = QListWidgetItem(info.title or info.relpath, self.list)
            item.setData(PATH_ROLE, str(info.path))
            item.setToolTip(plain_tooltip(f"{local(info.date):%Y-%m-%d}  {info.relpath}"))
        if found:
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self._choose(item)
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)

    def _choose(self, item: QListWidgetItem) -> None:
        self.hide()
        self.chosen.emit(Path(item.data(PATH_ROLE)))
