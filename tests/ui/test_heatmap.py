"""The calendar heat map: in the sidebar's date view of the real window, coloured by the posts of
each local day, with a tooltip per day, the streaks, the year switch, the day's posts (opening
one opens the post) and Korean names in a Korean interface."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from journal_app.core import Journal
from journal_app.ui.heatmap import HeatMap, HeatMapPanel, level_colour

from tests.ui.translating import korean_interface


def write(root, name: str, when: str, title: str) -> None:
    path = root / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'---\ntitle: "{title}"\ndate: {when}\ntags: ["일상"]\n---\n본문\n', encoding="utf-8")


@pytest.fixture
def dated(tmp_path, seoul):
    """A journal whose posts fall (in Seoul) on 4, 5 (two posts) and 6 March 2024, and 1 January 2023."""
    root = tmp_path / "dated"
    write(root, "a.md", "2024-03-04T03:00:00.000Z", "사흘 전")
    write(root, "b.md", "2024-03-04T15:30:00.000Z", "자정 넘어")  # 00:30 on the 5th in Seoul
    write(root, "c.md", "2024-03-05T09:00:00.000Z", "둘째 글")
    write(root, "d.md", "2024-03-06T01:00:00.000Z", "오늘")
    write(root, "e.md", "2022-12-31T16:00:00.000Z", "새해")  # 1 January 2023, 01:00 in Seoul
    return root


def panel_on(qtbot, root, today=date(2024, 3, 6)) -> HeatMapPanel:
    panel = HeatMapPanel(today=lambda: today)
    qtbot.addWidget(panel)
    panel.resize(300, 260)
    panel.set_posts(Journal(root).posts)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def centre(heat: HeatMap, day: date) -> QPoint:
    return heat.cell_rect(day).center()


def test_days_are_coloured_by_their_posts_in_the_palette(qtbot, dated):
    panel = panel_on(qtbot, dated)
    heat = panel.map
    assert heat.counts[date(2024, 3, 5)] == 2 and heat.counts[date(2024, 3, 4)] == 1
    image = heat.grab().toImage()
    palette = heat.palette()
    # the busiest day (2 posts) is the last step, one post half way (ceil(4 * 1 / 2) = 2)
    assert QColor(image.pixel(centre(heat, date(2024, 3, 5)))) == level_colour(palette, 4)
    assert QColor(image.pixel(centre(heat, date(2024, 3, 4)))) == level_colour(palette, 2)
    assert QColor(image.pixel(centre(heat, date(2024, 3, 7)))) == level_colour(palette, 0)
    # a dark palette gives other colours: they come from the palette, not from constants
    dark = QPalette(palette)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#3d7dd8"))
    heat.setPalette(dark)
    image = heat.grab().toImage()
    assert QColor(image.pixel(centre(heat, date(2024, 3, 5)))) == QColor("#3d7dd8")
    assert QColor(image.pixel(centre(heat, date(2024, 3, 7)))) == level_colour(dark, 0)


def test_hovering_a_day_says_its_date_and_count(qtbot, dated):
    heat = panel_on(qtbot, dated).map
    point = centre(heat, date(2024, 3, 5))
    QToolTip.hideText()
    heat.event(QHelpEvent(QEvent.Type.ToolTip, point, heat.mapToGlobal(point)))
    assert QToolTip.text() == "Tuesday, March 5, 2024 · 2 posts"
    point = centre(heat, date(2024, 3, 7))
    heat.event(QHelpEvent(QEvent.Type.ToolTip, point, heat.mapToGlobal(point)))
    assert QToolTip.text() == "Thursday, March 7, 2024 · no posts"


def test_streaks_and_the_year_switch(qtbot, dated):
    panel = panel_on(qtbot, dated)
    assert panel.streaks.text() == "4 posts in 2024 · current streak 3 days · longest 3 days"
    assert not panel.next.isEnabled() and panel.previous.isEnabled()
    QTest.mouseClick(panel.previous, Qt.MouseButton.LeftButton)
    assert panel.year_label.text() == "2023" and panel.map.grid.year == 2023
    assert panel.streaks.text().startswith("1 post in 2023 · ")
    assert not panel.previous.isEnabled()  # the journal's first year
    QTest.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert panel.year_label.text() == "2024"


KOREAN = {
    ("HeatMap", "{year}"): "{year}년",
    ("HeatMap", "{count} posts"): "글 {count}편",
    ("HeatMap", "{count} posts in {year}"): "{year}년 글 {count}편",
    ("HeatMap", "current streak {count} days"): "현재 연속 {count}일",
    ("HeatMap", "longest {count} days"): "최장 연속 {count}일",
}


def test_korean_names_in_a_korean_interface(qtbot, dated):
    with korean_interface(KOREAN):
        panel = panel_on(qtbot, dated)
        heat = panel.map
        assert panel.year_label.text() == "2024년"
        assert panel.streaks.text() == "2024년 글 4편 · 현재 연속 3일 · 최장 연속 3일"
        assert heat.names.standaloneMonthName(3, QLocale.FormatType.ShortFormat) == "3월"
        point = centre(heat, date(2024, 3, 5))
        heat.event(QHelpEvent(QEvent.Type.ToolTip, point, heat.mapToGlobal(point)))
        assert QToolTip.text() == "2024년 3월 5일 화요일 · 글 2편"


@pytest.mark.web_view
def test_the_date_view_shows_the_map_and_a_clicked_day_opens_its_post(qtbot, window, journal_root, seoul):
    write(journal_root, "heat-a.md", "2024-03-04T15:30:00.000Z", "자정 넘어")
    write(journal_root, "heat-b.md", "2024-03-05T09:00:00.000Z", "둘째 글")
    window.open_journal(journal_root)
    sidebar = window.sidebar
    panel = sidebar.findChild(HeatMapPanel, "heatMapPanel")
    assert not panel.isVisible()  # the tag view has none
    window.commands.view_by_date.trigger()
    heat = sidebar.findChild(HeatMap, "heatMap")
    assert heat is not None and heat.isVisible()
    panel.show_year(2024)
    qtbot.waitUntil(lambda: heat.grid.year == 2024)
    QTest.mouseClick(heat, Qt.MouseButton.LeftButton, pos=centre(heat, date(2024, 3, 5)))
    items = [panel.day_posts.item(row).text() for row in range(panel.day_posts.count())]
    assert panel.day_posts.isVisible() and items == ["둘째 글", "자정 넘어"]
    item = panel.day_posts.item(1)
    panel.day_posts.itemActivated.emit(item)
    qtbot.waitUntil(lambda: window.document.post is not None and window.document.post.title == "자정 넘어")
    assert window.document.post.path.name == "heat-a.md"
    QTest.mouseClick(heat, Qt.MouseButton.LeftButton, pos=centre(heat, date(2024, 3, 5)))
    assert not panel.day_posts.isVisible()  # clicking the day again closes its list
