"""The front matter form above the editor: title, date, tags and description.

Editing a field emits ``field_edited(name, value)``; the window turns that into the core's
``set_field``, which rewrites only that key. Keys the form does not know are shown read-only.
A header that cannot be read shows the parser's message and line instead, fields disabled; so
does a header too large to read (the core's HEADER_TOO_LARGE problem), which the window keeps aside unchanged.
Other keys are listed cut short, so a header of thousands of keys cannot stall the form.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..core import Post
from ..core.dates import local, zone_label
from ..core.post import split_tags
from ..core.problems import ProblemKind
from .limits import header_too_large
from .plain import plain_label
from .problem_words import message

KNOWN = {"title", "date", "tags", "description"}
OTHER_KEYS_SHOWN = 30
OTHER_VALUE_SHOWN = 200  # characters of each other key's value


TAG_ROLE = Qt.ItemDataRole.UserRole + 1  # a completion row's tag (it shows "tag (count)")


class TagCompleter(QCompleter):
    """Completes the last tag of a comma-separated list; the rows show each tag with the
    number of its posts, and match and insert the tag alone."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt name)
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 (Qt name)
        field = cast("QLineEdit | None", self.widget())  # set on the tags line edit only
        done = field.text().split(",")[:-1] if field is not None else []
        return ", ".join([part.strip() for part in done if part.strip()] + [str(index.data(TAG_ROLE))])


def _cut(text: str) -> str:
    return text if len(text) <= OTHER_VALUE_SHOWN else text[:OTHER_VALUE_SHOWN] + "…"


def format_value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


class DescriptionField(QPlainTextEdit):
    """The description: two lines high, wrapped at words and shown from its start (a line edit
    showed the end of a long one, starting mid-word). Enter and leaving the field finish the
    edit (``editingFinished``, as a line edit's); the text is kept exactly (no character is
    turned into another, as ``toPlainText`` turns non-breaking spaces into spaces)."""

    editingFinished = Signal()  # noqa: N815 (the line edit's name)
    LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        margins = self.contentsMargins()
        height = self.fontMetrics().lineSpacing() * self.LINES + 2 * self.document().documentMargin()
        self.setFixedHeight(int(height) + margins.top() + margins.bottom() + 2)

    def text(self) -> str:
        """The description as typed (paragraph separators read as line breaks)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def setText(self, text: str) -> None:  # noqa: N802 (the line edit's name)
        """Show ``text`` from its start."""
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.editingFinished.emit()  # as a line edit: Enter ends the edit (Shift+Enter: a line)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        self.editingFinished.emit()


class PropertiesForm(QWidget):
    """Title, date, tags and description of the open post."""

    field_edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesForm")
        self.title = QLineEdit(self)
        self.title.setObjectName("titleField")
        self.title.setAccessibleName(self.tr("Title"))
        self.date = QDateTimeEdit(self)
        self.date.setObjectName("dateField")
        self.date.setAccessibleName(self.tr("Date"))
        self.date.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.date.setCalendarPopup(True)
        self.zone = plain_label(self)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("tagsField")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("comma, separated, tags"))
        self.tag_model = QStandardItemModel(self)
        completer = TagCompleter(self.tag_model, self)
        completer.setCompletionRole(TAG_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tags.setCompleter(completer)
        self.description = DescriptionField(self)
        self.description.setObjectName("descriptionField")
        self.description.setAccessibleName(self.tr("Description"))
        self.others = plain_label(self)
        self.others.setObjectName("otherFields")
        self.others.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.others.setWordWrap(True)
        self.problem = plain_label(self)
        self.problem.setObjectName("headerProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c92a2a;")
        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.zone)
        layout = QFormLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addRow(self.problem)
        layout.addRow(self.tr("Title"), self.title)
        layout.addRow(self.tr("Date"), date_row)
        layout.addRow(self.tr("Tags"), self.tags)
        layout.addRow(self.tr("Description"), self.description)
        layout.addRow(self.others)
        self._shown: dict[str, object] = {}
        self._path: Path | None = None  # the post shown
        self._wall = QDateTime()  # its date as shown, on this computer's clock
        self._zone: tzinfo | None = None
        self.title.editingFinished.connect(lambda: self._edited("title", self.title.text().strip()))
        self.description.editingFinished.connect(lambda: self._edited("description", self.description.text()))
        self.tags.editingFinished.connect(lambda: self._edited("tags", split_tags(self.tags.text())))
        self.date.editingFinished.connect(self._date_edited)
        self.show_post(None)

    def set_known_tags(self, counts: list[tuple[str, int]]) -> None:
        """The tags the field completes, most used first, each with its number of posts."""
        self.tag_model.clear()
        for tag, count in counts:
            item = QStandardItem(f"{tag} ({count})")
            item.setData(tag, TAG_ROLE)
            self.tag_model.appendRow(item)

    def known_tags(self) -> list[str]:
        """The tags the field completes, in order."""
        return [str(self.tag_model.item(row).data(TAG_ROLE)) for row in range(self.tag_model.rowCount())]

    def show_post(self, post: Post | None) -> None:
        """Fill the form from ``post`` (no edits are emitted)."""
        fields = (self.title, self.date, self.tags, self.description)
        for widget in fields:
            widget.blockSignals(True)
        try:
            if post is None:
                for widget in (self.title, self.tags, self.description):
                    widget.clear()
                self.title.setPlaceholderText("")
                self._shown = {}
                self._path = None
                self.problem.hide()
                self.others.clear()
                self.setEnabled(False)
                return
            self.setEnabled(True)
            too_large = post.has_problem(ProblemKind.HEADER_TOO_LARGE)
            editable = (
                not post.header_invalid
                and not too_large
                and (post.header is None or post.header.kind != "json")
            )
            for widget in fields:
                widget.setEnabled(editable)
            if too_large and post.header is not None:  # the size problem is the header's own
                self.problem.setText(header_too_large(post.header.text))
                self.problem.show()
            elif post.header_invalid and post.header is not None:  # invalid implies a header
                detail = post.problem_details[-1]
                self.problem.setText(
                    self.tr(
                        "The header could not be read (line {line}): {error}. Fix it in the text below; "
                        "nothing is rewritten until then."
                    ).format(line=detail.line, error=message(post.header.problem))
                )
                self.problem.show()
            else:
                self.problem.hide()
            moment = local(post.date)  # shown on this computer's clock
            self._zone = post.date.tzinfo  # and written back in the file's own offset
            # a field being typed in keeps its text when the same post is shown again (after an
            # autosave, say); finishing the edit then applies it
            same = post.path == self._path
            typing = {widget for widget in fields if widget.hasFocus()} if same else set()
            self._path = post.path
            title = post.title if "title" in post.metadata else ""
            description = post.description
            self._shown = {"title": title, "description": description, "tags": post.tags, "date": moment}
            if self.title not in typing:
                self.title.setText(title)
            self.title.setPlaceholderText(post.title)
            unchanged = same and self.description.text() == (description or "")  # (after a save)
            if self.description not in typing and not unchanged:
                self.description.setText(description or "")  # (laid out again: 2-5 ms)
            if self.tags not in typing:
                self.tags.setText(", ".join(post.tags))
            self._wall = QDateTime(
                QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second)
            )
            if self.date not in typing:
                self.date.setDateTime(self._wall)
            self.zone.setText(zone_label(moment))
            others = [key for key in post.metadata if key not in KNOWN]
            lines = [f"{key}: {_cut(format_value(post.metadata[key]))}" for key in others[:OTHER_KEYS_SHOWN]]
            if len(others) > OTHER_KEYS_SHOWN:
                lines.append(
                    self.tr("… and {count} more keys").format(count=f"{len(others) - OTHER_KEYS_SHOWN:,}")
                )
            self.others.setText("\n".join(lines))
            self.others.setVisible(bool(others))
        finally:
            for widget in fields:
                widget.blockSignals(False)

    def _edited(self, name: str, value: object) -> None:
        if self._shown and value != self._shown.get(name):
            self._shown[name] = value
            self.field_edited.emit(name, value)

    def _date_edited(self) -> None:
        value = self.date.dateTime()
        if value == self._wall:
            return  # unchanged (a wall time can be ambiguous in the hour a DST change repeats)
        date, time = value.date(), value.time()
        moment = (
            datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), time.second())
            .astimezone()
            .astimezone(self._zone)
        )
        shown = self._shown.get("date")
        if isinstance(shown, datetime) and shown.replace(microsecond=0) == moment:
            return
        self._edited("date", moment)
