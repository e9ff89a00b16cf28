"""Ctrl+T in the real window: today's entry made from the journal's template (kept in the app's
data folder, not in the journal), opened in the editor and the sidebar; pressed again, the same
entry opens as it was left."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Qt

from journal_app.ui.today import template_file
from tests.ui.conftest import type_text


def files_of(root):
    return {path for path in root.rglob("*") if path.is_file()}


def test_ctrl_t_makes_and_then_opens_todays_entry(qtbot, window, journal_root, env):
    template = template_file(env, journal_root)
    template.parent.mkdir(parents=True)
    template.write_text("{{weekday}}의 일기\n\n", encoding="utf-8")
    before = files_of(journal_root)
    today = datetime.now().astimezone()
    qtbot.keyClick(window.editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    entry = journal_root / "content" / f"{today:%Y-%m-%d}.md"  # the sample journal is a velog backup
    assert files_of(journal_root) - before == {entry}
    assert window.document.post.path == entry and window.document.post.title == f"{today:%Y-%m-%d}"
    weekday = QLocale().dayName(today.isoweekday(), QLocale.FormatType.LongFormat)
    assert window.editor.text().endswith(f"\n---\n\n{weekday}의 일기\n\n")
    assert window.sidebar.tree.currentIndex().data() == f"{today:%Y-%m-%d}"
    type_text(window.editor, "맑음")
    assert window.document.save()
    window.open_post(journal_root / "content" / "오늘의 메모.md")
    qtbot.keyClick(window.editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.document.post.path == entry and window.editor.text().endswith("의 일기\n\n맑음")
    assert "Opened today's entry" in window.statusBar().currentMessage()
