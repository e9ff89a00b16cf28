"""The calendar heat map of the sidebar's date view: a year at a glance, GitHub-style.

``HeatMap`` (objectName ``heatMap``) paints a column per week and a row per weekday with
QPainter, each day coloured by its number of posts in steps between the palette's base and
highlight colours (so it follows a light or a dark theme); hovering a day says its date and
count, clicking it emits ``day_clicked``. ``HeatMapPanel`` adds the year switch, the current
and longest streak, and the list of the clicked day's posts (activating one opens it). Month
and weekday names are Korean when the interface locale is Korean, English otherwise (the texts
around them go through Qt's translation). The days, streaks and grid are :mod:`..core.calendar`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import PostInfo
from ..core.calendar import LEVELS, Streaks, YearGrid, day_of, level, streaks
from .plain import plain_tooltip

PATH_ROLE = Qt.ItemDataRole.UserRole
LABEL_WIDTH = 22  # the weekday names' column
LABEL_HEIGHT = 14  # the month names' row
DAY_LIST_HEIGHT = 110  # the clicked day's posts: at most this tall, then it scrolls
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def interface_locale() -> QLocale:
    """The locale of the heat map's names: the default one when it is Korean, else English."""
    current = QLocale()
    return current if current.language() == QLocale.Language.Korean else ENGLISH


def year_text(year: int) -> str:
    """A year as a label: ``2024`` (``2024년`` in Korean)."""
    return QCoreApplication.translate("HeatMap", "{year}", "a year shown alone").format(year=year)


def count_text(count: int) -> str:
    """``2 posts`` (``글 2편`` in Korean)."""
    if count == 0:
        return QCoreApplication.translate("HeatMap", "no posts")
    if count == 1:
        return QCoreApplication.translate("HeatMap", "1 post")
    return QCoreApplication.translate("HeatMap", "{count} posts").format(count=count)


def day_text(day: date, count: int, locale: QLocale) -> str:
    """The tooltip of a day: its long date and its count."""
    long_date = locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
    return f"{long_date} · {count_text(count)}"


def streak_text(found: Streaks, year_posts: int, year: int) -> str:
    """The line under the map: the year's posts, the current streak and the longest."""
    if year_posts == 0:
        posts = QCoreApplication.translate("HeatMap", "No posts in {year}")
    elif year_posts == 1:
        posts = QCoreApplication.translate("HeatMap", "1 post in {year}")
    else:
        posts = QCoreApplication.translate("HeatMap", "{count} posts in {year}")
    if found.current == 1:
        current = QCoreApplication.translate("HeatMap", "current streak 1 day")
    else:
        current = QCoreApplication.translate("HeatMap", "current streak {count} days")
    if found.longest == 1:
        longest = QCoreApplication.translate("HeatMap", "longest 1 day")
    else:
        longest = QCoreApplication.translate("HeatMap", "longest {count} days")
    return " · ".join(
        (
            posts.format(count=year_posts, year=year),
            current.format(count=found.current),
            longest.format(count=found.longest),
        )
    )


def _mix(low: QColor, high: QColor, share: float) -> QColor:
    return QColor(
        round(low.red() + (high.red() - low.red()) * share),
        round(low.green() + (high.green() - low.green()) * share),
        round(low.blue() + (high.blue() - low.blue()) * share),
    )


def level_colour(palette: QPalette, step: int) -> QColor:
    """The colour of step ``step`` (0: no post) between the palette's base and highlight."""
    base = palette.color(QPalette.ColorRole.Base)
    if step <= 0:
        return _mix(base, palette.color(QPalette.ColorRole.Text), 0.1)
    return _mix(base, palette.color(QPalette.ColorRole.Highlight), 0.25 + 0.75 * step / LEVELS)


class HeatMap(QWidget):
    """A year of days coloured by their posts; ``day_clicked(date)`` when one is clicked."""

    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None, locale: QLocale | None = None):
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setAccessibleName(self.tr("Posts per day"))
        self.setMouseTracking(True)
        self.names = locale or interface_locale()
        self.first_weekday = self.names.firstDayOfWeek().value - 1  # Qt: Monday 1; Python: 0
        self.grid = YearGrid(date.today().year, self.first_weekday)
        self.counts: dict[date, int] = {}
        self.today = date.today()
        self.selected: date | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.heightForWidth(self.sizeHint().width()))

    def set_counts(self, counts: dict[date, int], year: int, today: date) -> None:
        """Show ``year`` with ``counts`` (posts per day)."""
        self.counts, self.today = counts, today
        self.grid = YearGrid(year, self.first_weekday)
        self.setFixedHeight(self.heightForWidth(self.width()))  # 53 or 54 columns
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def left(self, width: int | None = None) -> int:
        """The weekday names' column: none when the rows are too low to hold the names."""
        usable = (self.width() if width is None else width) - LABEL_WIDTH - 2
        return LABEL_WIDTH if usable // self.grid.columns >= 8 else 0

    def cell_size(self, width: int | None = None) -> int:
        """The side of a day's square at ``width`` (the widget's own by default)."""
        width = self.width() if width is None else width
        return max(3, (width - self.left(width) - 2) // self.grid.columns)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        return LABEL_HEIGHT + 7 * self.cell_size(width) + 2

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        height = self.heightForWidth(event.size().width())  # the squares grow with the width
        if height != self.height():
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(LABEL_WIDTH + 53 * 5 + 2, self.heightForWidth(LABEL_WIDTH + 53 * 5 + 2))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(LABEL_WIDTH + 53 * 3 + 2, LABEL_HEIGHT + 7 * 3 + 2)

    def cell_rect(self, day: date) -> QRect:
        """Where ``day`` is drawn (its square, the gap left out)."""
        size = self.cell_size()
        column, row = self.grid.position(day)
        gap = 1 if size >= 4 else 0
        return QRect(self.left() + column * size, LABEL_HEIGHT + row * size, size - gap, size - gap)

    def day_at(self, point: QPoint) -> date | None:
        """The day under ``point``, or None."""
        size = self.cell_size()
        x, y = point.x() - self.left(), point.y() - LABEL_HEIGHT
        if x < 0 or y < 0:
            return None
        return self.grid.cell(x // size, y // size)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        palette = self.palette()
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        size = self.cell_size()
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        last_right = -1
        for month, column in self.grid.month_columns():
            name = self.names.standaloneMonthName(month, QLocale.FormatType.ShortFormat)
            x = self.left() + column * size
            if x > last_right:  # a name that would run into the last one is left out
                painter.drawText(x, LABEL_HEIGHT - 3, name)
                last_right = x + metrics.horizontalAdvance(name) + 2
        for row in (1, 3, 5) if self.left() else ():
            weekday = (self.first_weekday + row) % 7 + 1  # Qt's day numbers
            name = self.names.dayName(weekday, QLocale.FormatType.ShortFormat)
            painter.drawText(
                QRect(0, LABEL_HEIGHT + row * size - 2, LABEL_WIDTH - 3, size + 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        most = max((self.counts.get(day, 0) for day in self._days()), default=0)
        colours = [level_colour(palette, step) for step in range(LEVELS + 1)]
        painter.setPen(Qt.PenStyle.NoPen)
        for day in self._days():
            painter.fillRect(self.cell_rect(day), colours[level(self.counts.get(day, 0), most)])
        marked: list[tuple[date | None, QPalette.ColorRole]] = [
            (self.today, QPalette.ColorRole.Text),
            (self.selected, QPalette.ColorRole.Highlight),
        ]
        for mark, role in marked:
            if mark is not None and mark.year == self.grid.year:
                painter.setPen(palette.color(role))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.cell_rect(mark).adjusted(0, 0, -1, -1))
        painter.end()

    def _days(self) -> Iterable[date]:
        for column in range(self.grid.columns):
            for row in range(7):
                day = self.grid.cell(column, row)
                if day is not None:
                    yield day

    # -- events --------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
            else:
                text = day_text(day, self.counts.get(day, 0), self.names)
                QToolTip.showText(event.globalPos(), text, self, self.cell_rect(day))
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        day = self.day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.selected = None if self.selected == day else day
            self.update()
            self.day_clicked.emit(self.selected)
        super().mouseReleaseEvent(event)


class HeatMapPanel(QWidget):
    """The heat map with its year switch, the streaks and the clicked day's posts."""

    post_activated = Signal(Path)

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.setObjectName("heatMapPanel")
        self.today = today
        self.map = HeatMap(self)
        self.previous = QToolButton(self)
        self.previous.setObjectName("heatMapPrevious")
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous.setAccessibleName(self.tr("Previous year"))
        self.next = QToolButton(self)
        self.next.setObjectName("heatMapNext")
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        self.next.setAccessibleName(self.tr("Next year"))
        self.year_label = QLabel(self)
        self.year_label.setObjectName("heatMapYear")
        self.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.streaks = QLabel(self)
        self.streaks.setObjectName("heatMapStreaks")
        self.streaks.setWordWrap(True)
        small = QFont(self.streaks.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.streaks.setFont(small)
        self.streaks.setTextFormat(Qt.TextFormat.PlainText)
        self.day_posts = QListWidget(self)
        self.day_posts.setObjectName("dayPosts")
        self.day_posts.setAccessibleName(self.tr("Posts of the day"))
        self.day_posts.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        switch = QHBoxLayout()
        switch.setContentsMargins(0, 0, 0, 0)
        switch.addWidget(self.previous)
        switch.addWidget(self.year_label, 1)
        switch.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(switch)
        layout.addWidget(self.map)
        layout.addWidget(self.streaks)
        layout.addWidget(self.day_posts)
        self.by_day: dict[date, list[PostInfo]] = {}
        self.year = today().year
        self.previous.clicked.connect(lambda: self.show_year(self.year - 1))
        self.next.clicked.connect(lambda: self.show_year(self.year + 1))
        self.map.day_clicked.connect(self.show_day)
        self.day_posts.itemActivated.connect(self._open)
        self.day_posts.itemClicked.connect(self._open)
        self.show_year(self.year)

    def set_posts(self, posts: Iterable[PostInfo]) -> None:
        """The journal's posts (newest first), grouped by their local day."""
        by_day: dict[date, list[PostInfo]] = {}
        for info in posts:
            by_day.setdefault(day_of(info.date), []).append(info)
        self.by_day = by_day
        self.show_year(self.year)
        if self.map.selected is not None:
            self.show_day(self.map.selected)

    def years(self) -> tuple[int, int]:
        """The first and last year the switch reaches: the journal's, and this year."""
        this_year = self.today().year
        return min([this_year, *(day.year for day in self.by_day)]), max(
            [this_year, *(day.year for day in self.by_day)]
        )

    def show_year(self, year: int) -> None:
        """Show ``year`` (kept within the journal's years)."""
        first, last = self.years()
        self.year = min(max(year, first), last)
        today = self.today()
        counts = {day: len(items) for day, items in self.by_day.items()}
        self.map.set_counts(counts, self.year, today)
        self.year_label.setText(year_text(self.year))
        self.previous.setEnabled(self.year > first)
        self.next.setEnabled(self.year < last)
        in_year = sum(count for day, count in counts.items() if day.year == self.year)
        self.streaks.setText(streak_text(streaks(counts, today), in_year, self.year))

    def show_day(self, day: date | None) -> None:
        """List the posts of ``day`` under the map (None: hide the list)."""
        self.day_posts.clear()
        if day is None:
            self.day_posts.hide()
            return
        posts = self.by_day.get(day, [])
        if not posts:
            item = QListWidgetItem(day_text(day, 0, self.map.names))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.day_posts.addItem(item)
        for info in posts:
            item = QListWidgetItem(info.title or info.relpath)
            item.setData(PATH_ROLE, str(info.path))
            item.setToolTip(plain_tooltip(info.relpath))
            self.day_posts.addItem(item)
        rows = self.day_posts.sizeHintForRow(0) * self.day_posts.count() + 2 * self.day_posts.frameWidth()
        self.day_posts.setFixedHeight(min(DAY_LIST_HEIGHT, rows + 2))  # as tall as its posts
        self.day_posts.show()

    def _open(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.post_activated.emit(Path(path))
