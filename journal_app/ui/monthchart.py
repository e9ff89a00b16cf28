"""The journal's months in the Statistics window: posts per month as bars, words (어절) per month
as a line, one year at a time, drawn with QPainter in the palette's colours.

``MonthChart`` (objectName ``monthChart``) paints twelve months; ``JournalMonths`` (objectName
``journalMonths``) adds the year switch and counts every post's words on a worker thread (a
post is counted again only when its file changed), so a large journal never stalls the window.
Month names follow the heat map's: Korean in a Korean interface, English otherwise; the texts
go through Qt's translation.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from ..core import Journal, PostInfo
from ..core.calendar import MonthTotal, day_of, month_totals, words_of
from .heatmap import count_text, interface_locale, year_text
from .handoff import Handoff

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 34, 46, 22, 22
Stamp = tuple[int, int] | None


def words_text(words: int) -> str:
    """``1,234 words`` (``1,234어절`` in Korean)."""
    return QCoreApplication.translate("MonthChart", "{count} words").format(count=f"{words:,}")


def contrast(colour: QColor) -> QColor:
    """The colour opposite ``colour`` on the colour wheel (the words line against the bars)."""
    hue = colour.hsvHue()
    return QColor.fromHsv((hue + 180) % 360 if hue >= 0 else 30, max(colour.hsvSaturation(), 160), 220)


class MonthChart(QWidget):
    """Twelve months: a bar of posts each, and a line through their words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("monthChart")
        self.setAccessibleName(self.tr("Posts and words per month"))
        self.names = interface_locale()
        self.totals: list[MonthTotal] = []
        self.words_known = False
        self.setMinimumSize(360, 180)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(520, 220)

    def set_totals(self, totals: list[MonthTotal], words_known: bool) -> None:
        """Show ``totals`` (the words only when ``words_known``)."""
        self.totals, self.words_known = totals, words_known
        self.update()

    def plot(self) -> QRect:
        """The area the bars stand in."""
        return self.rect().adjusted(MARGIN_LEFT, MARGIN_TOP, -MARGIN_RIGHT, -MARGIN_BOTTOM)

    def bar_rect(self, index: int) -> QRectF:
        """The bar of month ``index`` (0: January); its height is in proportion to the year's
        busiest month."""
        area = self.plot()
        slot = area.width() / 12
        most = max((total.posts for total in self.totals), default=0)
        share = self.totals[index].posts / most if most else 0.0
        height = area.height() * share
        return QRectF(area.left() + slot * index + slot * 0.18, area.bottom() - height, slot * 0.64, height)

    def word_point(self, index: int) -> QPointF:
        """Where the words line passes month ``index``."""
        area = self.plot()
        slot = area.width() / 12
        most = max((total.words for total in self.totals), default=0)
        share = self.totals[index].words / most if most else 0.0
        return QPointF(area.left() + slot * (index + 0.5), area.bottom() - area.height() * share)

    def month_at(self, point: QPoint) -> int | None:
        """The month index under ``point``, or None."""
        area = self.plot()
        if not self.totals or not area.adjusted(0, -MARGIN_TOP, 0, MARGIN_BOTTOM).contains(point):
            return None
        return min(11, int((point.x() - area.left()) / (area.width() / 12)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        if not self.totals:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.PlaceholderText)
        bars = palette.color(QPalette.ColorRole.Highlight)
        line = contrast(bars)
        area = self.plot()
        painter.setPen(faint)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        most_posts = max(total.posts for total in self.totals)
        most_words = max(total.words for total in self.totals)
        flags = Qt.AlignmentFlag
        painter.drawText(QRect(0, area.top() - 8, MARGIN_LEFT - 4, 16), flags.AlignRight, f"{most_posts}")
        if self.words_known:
            painter.drawText(
                QRect(area.right() + 4, area.top() - 8, MARGIN_RIGHT - 4, 16),
                flags.AlignLeft,
                f"{most_words:,}",
            )
        slot = area.width() / 12
        for index, total in enumerate(self.totals):
            bar = self.bar_rect(index)
            painter.fillRect(bar, bars)
            label = QRectF(area.left() + slot * index, area.bottom() + 2, slot, MARGIN_BOTTOM - 2)
            painter.setPen(faint)
            name = self.names.standaloneMonthName(total.month, QLocale.FormatType.ShortFormat)
            painter.drawText(label, flags.AlignHCenter | flags.AlignTop, name)
            if total.posts:
                painter.setPen(text)
                above = QRectF(bar.left() - 6, bar.top() - 16, bar.width() + 12, 14)
                painter.drawText(above, flags.AlignHCenter | flags.AlignBottom, str(total.posts))
        if self.words_known:
            painter.setPen(QPen(line, 2))
            points = [self.word_point(index) for index in range(len(self.totals))]
            painter.drawPolyline(points)
            painter.setBrush(line)
            for point in points:
                painter.drawEllipse(point, 3, 3)
        posts_key, words_key = self.tr("■ posts"), self.tr("● words")
        metrics = painter.fontMetrics()
        right = area.right()
        for key, colour in (
            ((words_key, line), (posts_key, bars)) if self.words_known else ((posts_key, bars),)
        ):
            width = metrics.horizontalAdvance(key)
            painter.setPen(colour)
            painter.drawText(QRect(right - width, 2, width + 2, MARGIN_TOP - 4), flags.AlignLeft, key)
            right -= width + 14
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.month_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.month_text(index), self)
            return True
        return super().event(event)

    def month_text(self, index: int) -> str:
        """The tooltip of month ``index``: its name and year, posts and words."""
        total = self.totals[index]
        name = self.names.standaloneMonthName(total.month, QLocale.FormatType.LongFormat)
        when = self.tr("{month} {year}", "a month's name and its year").format(month=name, year=total.year)
        words = words_text(total.words) if self.words_known else "…"
        return f"{when} · {count_text(total.posts)} · {words}"


def _stopper(stop: threading.Event, pool: ThreadPoolExecutor):
    def stopped() -> None:
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)

    return stopped


class JournalMonths(QWidget):
    """The year switch over the month chart, and the words of every post counted off the GUI
    thread."""

    _counted = Signal(int, object)  # (request number, {path: (stamp, words)}) from the worker

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("journalMonths")
        self.year = QComboBox(self)
        self.year.setObjectName("monthChartYear")
        self.year.setAccessibleName(self.tr("Year"))
        self.caption = QLabel(self)
        self.caption.setObjectName("monthChartCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = MonthChart(self)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        self.posts: list[PostInfo] = []
        self.words: dict[Path, tuple[Stamp, int]] = {}  # path -> (stamp when counted, words)
        self.words_known = False
        self._newest = 0
        self._stop = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-app-months")
        self._counted.connect(self._arrived)
        self._handoff = Handoff(self)  # closed by stop: no answer after it (see handoff.py)
        self.year.currentIndexChanged.connect(lambda _: self.refresh())
        self.destroyed.connect(_stopper(self._stop, self._pool))  # not self: gone by then

    def set_journal(self, journal: Journal | None) -> None:
        """Show ``journal``'s months (its newest year first) and count its words anew."""
        self.posts = [info for info in journal.posts if info.readable] if journal is not None else []
        years = sorted({day_of(info.date).year for info in self.posts}, reverse=True)
        chosen = self.year.currentData()
        blocked = self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(year_text(year), year)
        if chosen in years:
            self.year.setCurrentIndex(years.index(chosen))
        self.year.blockSignals(blocked)
        self._newest += 1
        self.words_known = False
        if journal is not None:
            known = dict(self.words)
            self._pool.submit(self._count, self._newest, journal.root, list(self.posts), known)
        self.refresh()

    def refresh(self) -> None:
        """Draw the chosen year from the posts and (when counted) their words."""
        year = self.year.currentData()
        if year is None:
            self.chart.set_totals([], False)
            self.caption.setText(self.tr("No posts."))
            return
        words = {path: count for path, (_, count) in self.words.items()}
        totals = month_totals(year, ((info.date, words.get(info.path, 0)) for info in self.posts))
        self.chart.set_totals(totals, self.words_known)
        posts = sum(total.posts for total in totals)
        if self.words_known:
            counted = f"{sum(t.words for t in totals):,}"
            caption = self.tr("{posts}, {words} words (by each post's date, local time)")
        else:
            counted = ""
            caption = self.tr("{posts}, counting words… (by each post's date, local time)")
        self.caption.setText(caption.format(posts=count_text(posts), words=counted))

    def stop(self) -> None:
        """No more counting (the window closes)."""
        self._newest += 1
        self._stop.set()
        self._handoff.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _count(self, number: int, root: Path, posts: list[PostInfo], known: dict) -> None:
        """On the worker thread: the words of every post, from ``known`` when unchanged."""
        found: dict[Path, tuple[Stamp, int]] = {}
        for info in posts:
            if self._stop.is_set() or number != self._newest:
                return
            previous = known.get(info.path)
            if previous is not None and previous[0] == info.stamp and info.stamp is not None:
                found[info.path] = previous
                continue
            try:
                found[info.path] = (info.stamp, words_of(info.load(root)))
            except OSError:
                found[info.path] = (info.stamp, 0)
        self._handoff.send(self._counted, number, found)

    def _arrived(self, number: int, found: dict) -> None:
        if number == self._newest:
            self.words, self.words_known = found, True
            self.refresh()
