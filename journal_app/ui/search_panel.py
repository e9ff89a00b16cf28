"""The search panel (Ctrl+Shift+F): results as you type over the whole journal.

Every query runs on a worker thread, on its own connection to the core's search index
(:class:`.SearchIndex`), so typing never waits for SQLite: a query overtaken by a newer one is
skipped, and the answer of an old one is dropped. The same thread builds the index in the
background when the journal opens (with progress in the panel; unchanged files are skipped, so
an existing index is only brought up to date; a large build goes to another Python process,
which forks the workers this one cannot, and the thread only waits for it) and indexes the posts
a save or the file watch reports. Enter or a click on a result emits ``open_requested(path,
line, term)``; the window opens the post and :func:`select_match` selects the match in the
editor.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QThread, Signal, SignalInstance, Slot
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the index (SQLite, the text and header readers) loads on the search thread
    from ..core.search import SearchIndex, SearchResult

LIMIT = 100  # results shown
RESULT_ROLE = Qt.ItemDataRole.UserRole


class _Stopped(Exception):
    """The window is closing: a build in progress gives up."""


class SearchWorker(QObject):
    """Runs on the search thread: the index connection, builds, updates and queries."""

    results = Signal(int, list)  # generation, [SearchResult]
    progress = Signal(int, int)  # files read, files to read
    built = Signal(str)  # "" when the index is ready, else why it is not

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # the newest query's generation (set from the GUI thread)
        self.stopping = False
        self._index: SearchIndex | None = None

    @Slot(str, list)
    def build(self, root: str, paths: list) -> None:
        """Open the index of the journal at ``root`` and bring it up to date with ``paths``."""
        from ..core.search import SearchIndex, SearchStopped, SearchUnavailable

        self.close()
        try:
            self._index = SearchIndex(root)
            if self.stopping:  # (the window closed while it opened: see stop)
                self._index.stop()
            self._index.build(paths, self._report)
            self._index.prepare()  # the first query does not read the words
            self.built.emit("")
        except SearchUnavailable as exc:
            self.built.emit(str(exc))
        except (_Stopped, SearchStopped):
            pass

    def stop(self) -> None:
        """(The GUI thread, as the window closes) Give up what is being built or updated, at once:
        the other process a large build runs in is ended, not waited for."""
        self.stopping = True
        index = self._index
        if index is not None:
            index.stop()

    def _report(self, done: int, total: int) -> None:
        if self.stopping:
            raise _Stopped
        self.progress.emit(done, total)

    @Slot(list)
    def update(self, paths: list) -> None:
        """Index these posts again (saved, changed on disk, added or removed)."""
        from ..core.search import SearchStopped, SearchUnavailable

        if self._index is not None and not self.stopping:
            try:
                self._index.update(paths)
                self._index.prepare()
            except (SearchUnavailable, SearchStopped):
                pass

    @Slot(int, str, str)
    def search(self, generation: int, text: str, order: str) -> None:
        """Answer a query (``order``: "newest" first or by "relevance") unless a newer one is
        already waiting."""
        if generation != self.latest or self._index is None or self.stopping:
            return
        from ..core.search import SearchUnavailable

        try:
            found = self._index.search(text, limit=LIMIT, order=order)
        except SearchUnavailable:
            found = []
        self.results.emit(generation, found)

    @Slot()
    def close(self) -> None:
        """Close the index connection (on this thread, where it was opened)."""
        if self._index is not None:
            self._index.close()
            self._index = None


class SearchPanel(QWidget):
    """The field, a status line and the results; a worker thread does the searching."""

    open_requested = Signal(Path, int, str)  # path, line, term
    _build = Signal(str, list)
    _update = Signal(list)
    _search = Signal(int, str, str)
    order_changed = Signal(str)  # "newest" or "relevance", chosen by the user
    _close = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(
            self.tr('Search: words, "a phrase", -word, tag:, year:, month:, title:')
        )
        self.field.setClearButtonEnabled(True)
        self.order = QComboBox(self)
        self.order.setObjectName("searchOrder")
        self.order.setAccessibleName(self.tr("Order of the results"))
        self.order.addItem(self.tr("Newest first"), "newest")
        self.order.addItem(self.tr("Most relevant"), "relevance")
        self.note = QLabel(self)
        self.note.setObjectName("searchNote")
        self.list = QListWidget(self)
        self.list.setObjectName("searchResults")
        self.list.setItemDelegate(RichTextDelegate(self.list))
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.field, self.order, self.note, self.list):
            layout.addWidget(widget)
        self.ready = False
        self.generation = 0
        self.shown_generation = 0
        self._held: list[tuple[SignalInstance, tuple]] | None = None  # sends waiting (hold)
        self._thread = QThread(self)
        self.worker = SearchWorker()
        self.worker.moveToThread(self._thread)
        self._build.connect(self.worker.build)
        self._update.connect(self.worker.update)
        self._search.connect(self.worker.search)
        self._close.connect(self.worker.close)
        self.worker.results.connect(self._show)
        self.worker.progress.connect(self._progress)
        self.worker.built.connect(self._built)
        self._thread.start()
        self.field.textChanged.connect(self._query)
        self.order.activated.connect(self._order_chosen)
        self.field.returnPressed.connect(self._activate_current)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)

    def set_journal(self, root: Path, paths: list[Path]) -> None:
        """Index the journal at ``root`` (its posts ``paths``) in the background."""
        self.ready = False
        self.note.setText(self.tr("Indexing the journal…"))
        self.list.clear()
        self._send(self._build, str(root), [str(path) for path in paths])

    def hold(self) -> None:
        """Keep what is sent to the worker until :meth:`release`: at launch its first build
        would import the search index (100 ms of the interpreter's time) while the window is
        building its first paint."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Send the worker what waited since :meth:`hold`, in order, and the rest as it comes."""
        held, self._held = self._held, None
        for signal, values in held or []:
            signal.emit(*values)

    def _send(self, signal: SignalInstance, *values) -> None:
        if self._held is not None:
            self._held.append((signal, values))
        else:
            signal.emit(*values)

    def reindex(self, paths) -> None:
        """Index these posts again (a save, the file watch's change); the query shown runs again."""
        self._send(self._update, [str(path) for path in paths])
        if self.field.text().strip():
            self._query(self.field.text())

    def open_panel(self) -> None:
        """Show the panel with its field focused and selected."""
        self.show()
        dock = self.parentWidget()
        if dock is not None and not dock.isVisible():
            dock.show()
        self.field.setFocus()
        self.field.selectAll()

    def set_order(self, order: str) -> None:
        """Show results ``order``-ed ("newest" first or by "relevance"); the query shown runs
        again."""
        at = self.order.findData(order)
        if at >= 0 and at != self.order.currentIndex():
            self.order.setCurrentIndex(at)
            self._query(self.field.text())

    def _order_chosen(self, _at: int) -> None:
        self._query(self.field.text())
        self.order_changed.emit(self.order.currentData())

    def _query(self, text: str) -> None:
        self.generation += 1
        self.worker.latest = self.generation
        if not text.strip():
            self.list.clear()
            self.shown_generation = self.generation
            return
        self._send(self._search, self.generation, text, self.order.currentData())

    def _progress(self, done: int, total: int) -> None:
        self.note.setText(self.tr("Indexing the journal… {done} of {total}").format(done=done, total=total))

    def _built(self, problem: str) -> None:
        self.ready = not problem
        self.note.setText(
            self.tr("Search is not available: {problem}").format(problem=problem) if problem else ""
        )
        if self.field.text().strip():
            self._query(self.field.text())

    def _show(self, generation: int, found: list[SearchResult]) -> None:
        if generation != self.generation:
            return  # overtaken by a newer query
        self.shown_generation = generation
        self.list.clear()
        for result in found:  # drawn by RichTextDelegate: only the rows in view are laid out
            item = QListWidgetItem(self.list)
            item.setData(RESULT_ROLE, result)
            item.setData(Qt.ItemDataRole.DisplayRole, _describe(result))
            item.setToolTip(str(result.path))
        if found:
            self.list.setCurrentRow(0)
        self.note.setText("" if found else self.tr("Nothing matched."))

    def _activate_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        result: SearchResult = item.data(RESULT_ROLE)
        self.open_requested.emit(result.path, result.line, result.term)

    def shutdown(self) -> None:
        """Stop the worker thread (a build in progress gives up at once) and close the index."""
        self.worker.stop()
        self._close.emit()
        self._thread.quit()
        self._thread.wait()


class RichTextDelegate(QStyledItemDelegate):
    """Draws a row's text as rich text (the match in bold), three lines high: the title line
    and as many whole lines of the snippet as fit (a line that does not fit is left out, not
    cut in half)."""

    def paint(self, painter, option, index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        text, options.text = options.text, ""
        style = options.widget.style() if options.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = QTextDocument()
        document.setDefaultFont(options.font)
        document.setHtml(text)
        document.setTextWidth(options.rect.width())
        painter.save()
        painter.translate(options.rect.topLeft())
        painter.setClipRect(0, 0, options.rect.width(), whole_lines_height(document, options.rect.height()))
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt name)
        height = option.fontMetrics.lineSpacing() * 3 + 8
        return QSize(option.rect.width(), height)


def whole_lines_height(document: QTextDocument, limit: int) -> int:
    """The height from the top of ``document`` (laid out) to the bottom of its last line that
    ends within ``limit`` pixels."""
    document.size()  # (lays it out)
    bottom = 0.0
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        top = layout.position().y()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            end = top + line.y() + line.height()
            if end > limit:
                return int(bottom)
            bottom = end
        block = block.next()
    return min(limit, int(bottom + document.documentMargin()))


def _describe(result: SearchResult) -> str:
    """A result as rich text: title, date and tags, then the snippet with the match in bold."""
    parts, last = [], 0
    for start, end in result.marks:
        parts += [html.escape(result.snippet[last:start]), f"<b>{html.escape(result.snippet[start:end])}</b>"]
        last = end
    parts.append(html.escape(result.snippet[last:]))
    tags = " ".join(f"#{tag}" for tag in result.tags)
    return (
        f"<b>{html.escape(result.title)}</b> <small>{html.escape(result.date[:10])} "
        f"{html.escape(tags)}</small><br>{''.join(parts)}"
    )


def select_match(editor: QPlainTextEdit, line: int, term: str) -> None:
    """Select ``term`` (folded) at or after file line ``line`` in the editor (the line itself when
    the term is not there as written) and scroll it to the middle."""
    document = editor.document()
    start = document.findBlockByNumber(max(line - 1, 0))
    cursor = QTextCursor(start)
    block = start
    while term and block.isValid():
        at = block.text().lower().find(term)
        if at >= 0:  # the editor counts UTF-16 units
            begin = block.position() + _utf16(block.text()[:at])
            cursor.setPosition(begin)
            cursor.setPosition(
                begin + _utf16(block.text()[at : at + len(term)]), QTextCursor.MoveMode.KeepAnchor
            )
            break
        block = block.next()
    else:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.centerCursor()


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def attach_search(
    window: QMainWindow, open_post: Callable[[Path], bool], editor: QPlainTextEdit
) -> SearchPanel:
    """The panel in a dock on the window's left (hidden until Ctrl+Shift+F); a result opens its
    post with ``open_post`` and selects the match in ``editor``."""
    dock = QDockWidget(QCoreApplication.translate("SearchPanel", "Search"), window)
    dock.setObjectName("searchDock")
    panel = SearchPanel(dock)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.hide()

    def show(path: Path, line: int, term: str) -> None:
        if open_post(path):
            select_match(editor, line, term)
            editor.setFocus()

    panel.open_requested.connect(show)
    return panel
