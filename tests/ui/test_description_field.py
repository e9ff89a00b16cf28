"""The description field: a long description shown from its start on two lines (a line edit
showed its end, starting mid-word); Enter ends the edit, which changes that one header line."""

from __future__ import annotations

import difflib

from PySide6.QtCore import QPoint, Qt

from journal_app.core import load_post
from journal_app.ui.properties import PropertiesForm
from tests.ui.conftest import type_text

LONG = (
    "제주에서 보낸 사흘 동안의 기록: 성산 일출봉에 오르고, 우도에서 자전거를 타고, "
    "밤에는 별을 보았다. And a few words in English to make the line long enough to wrap twice."
)


def first_shown(field) -> int:
    """The position of the character shown first, at the field's top left."""
    if hasattr(field, "cursorPositionAt"):  # a line edit
        return field.cursorPositionAt(QPoint(4, field.height() // 2))
    return field.cursorForPosition(QPoint(2, 2)).position()


def test_a_long_description_is_shown_from_its_start_on_two_lines(qtbot, tmp_path):
    path = tmp_path / "post.md"
    path.write_text(f'---\ntitle: 제주\ndescription: "{LONG}"\n---\n본문\n', encoding="utf-8")
    form = PropertiesForm()
    qtbot.addWidget(form)
    form.resize(420, 300)
    form.show()
    qtbot.waitExposed(form)
    form.show_post(load_post(path, tmp_path))
    field = form.description
    assert field.text() == LONG
    form.grab()  # painted: a line edit scrolls to its cursor as it paints
    assert first_shown(field) == 0
    spacing = field.fontMetrics().lineSpacing()
    assert 2 * spacing <= field.viewport().height() < 3 * spacing  # two lines
    margin = int(field.document().documentMargin())
    second = field.cursorForPosition(QPoint(margin, margin + spacing + spacing // 2)).position()
    assert 0 < second < len(LONG) and LONG[second - 1] == " "  # wrapped at a word


def test_enter_ends_the_edit_without_a_line_break(qtbot, tmp_path):
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: 제주\ndescription: 짧게\n---\n본문\n", encoding="utf-8")
    form = PropertiesForm()
    qtbot.addWidget(form)
    form.show()
    form.show_post(load_post(path, tmp_path))
    edits = []
    form.field_edited.connect(lambda name, value: edits.append((name, value)))
    form.description.setFocus()
    form.description.moveCursor(form.description.textCursor().MoveOperation.End)
    type_text(form.description, " 더")
    qtbot.keyClick(form.description, Qt.Key.Key_Return)
    assert edits == [("description", "짧게 더")]
    assert form.description.text() == "짧게 더"


def test_the_description_edit_changes_one_line(qtbot, window, journal_root):
    path = journal_root / "content" / "제주도 여행 후기.md"
    assert window.open_post(path)
    before = path.read_bytes()
    field = window.form.description
    field.setFocus()
    field.selectAll()
    type_text(field, "새 설명, 두 줄로 보인다")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.document.save()
    diff = [
        line
        for line in difflib.ndiff(before.decode().splitlines(), path.read_bytes().decode().splitlines())
        if line[:1] in "+-"
    ]
    assert len(diff) == 2 and diff[0].startswith("- description:")
    assert (
        diff[1] == '+ description: "새 설명, 두 줄로 보인다"'
        or diff[1] == "+ description: 새 설명, 두 줄로 보인다"
    )


def test_the_same_post_shown_again_keeps_its_description_unless_it_changed(qtbot, tmp_path):
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: 제주\ndescription: 짧게\n---\n본문\n", encoding="utf-8")
    form = PropertiesForm()
    qtbot.addWidget(form)
    form.show_post(load_post(path, tmp_path))
    set_again = []
    form.description.document().contentsChange.connect(lambda *change: set_again.append(change))
    form.show_post(load_post(path, tmp_path))  # as after each save: not laid out again
    assert set_again == []
    path.write_text("---\ntitle: 제주\ndescription: 길게\n---\n본문\n", encoding="utf-8")
    form.show_post(load_post(path, tmp_path))
    assert form.description.text() == "길게"
    other = tmp_path / "other.md"
    other.write_text("---\ntitle: 다른 글\ndescription: 길게\n---\n", encoding="utf-8")
    set_again.clear()
    form.show_post(load_post(other, tmp_path))  # another post is shown afresh, from its start
    assert set_again != [] and form.description.text() == "길게"
