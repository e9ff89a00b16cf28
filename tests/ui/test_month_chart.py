"""The Statistics window's month chart in the real window: posts per month as bars and words
(어절) per month, by each post's local date, counted by hand."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QHelpEvent, QPalette
from PySide6.QtWidgets import QComboBox, QToolTip

from journal_app.ui.monthchart import JournalMonths, MonthChart


def write(root, name: str, when: str, body: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {name}\ndate: {when}\ntags: [a]\n---\n{body}\n", encoding="utf-8")


def test_posts_and_words_per_month_by_local_date(qtbot, window, tmp_path, seoul):
    root = tmp_path / "months"
    write(root, "a.md", "2024-01-10T09:00:00+09:00", "하나 둘 셋")  # 3 어절
    write(root, "b.md", "2024-01-20T09:00:00+09:00", "# 여섯")  # 1: the heading mark is not a word
    write(root, "c.md", "2024-01-31T15:30:00Z", "넷 다섯")  # 00:30 on 1 February in Seoul: 2
    write(root, "d.md", "2024-03-05T12:00:00+09:00", "hello world again\n\n```\nnot counted\n```")  # 3
    write(root, "e.md", "2023-07-01T12:00:00+09:00", "작년 글")
    assert window.open_journal(root)
    window.commands.view_statistics.trigger()
    months = window.findChild(JournalMonths, "journalMonths")
    chart = window.findChild(MonthChart, "monthChart")
    assert months is not None and chart is not None and chart.isVisible()
    year = months.findChild(QComboBox, "monthChartYear")
    assert [year.itemText(row) for row in range(year.count())] == ["2024", "2023"]
    qtbot.waitUntil(lambda: months.words_known, timeout=10000)
    assert [(t.month, t.posts, t.words) for t in chart.totals if t.posts] == [(1, 2, 4), (2, 1, 2), (3, 1, 3)]
    assert months.caption.text() == "4 posts, 9 words (by each post's date, local time)"
    assert chart.month_text(1) == "February 2024 · 1 post · 2 words"
    # January is the busiest month: its bar is the full height, February's half of it
    assert chart.bar_rect(0).height() == chart.plot().height()
    assert chart.bar_rect(1).height() == chart.plot().height() / 2 and chart.bar_rect(3).height() == 0
    image = chart.grab().toImage()
    inside = chart.bar_rect(0).center().toPoint()
    assert QColor(image.pixel(inside)) == chart.palette().color(QPalette.ColorRole.Highlight)
    point = chart.bar_rect(2).center().toPoint()
    chart.event(QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point)))
    assert QToolTip.text() == "March 2024 · 1 post · 3 words"
    year.setCurrentIndex(1)
    assert [(t.month, t.posts, t.words) for t in chart.totals if t.posts] == [(7, 1, 2)]
    assert months.caption.text().startswith("1 post, 2 words")
