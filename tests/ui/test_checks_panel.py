"""View → Checks in the real window: the open post's warnings, and velog-backup's repairs shown
as a diff first, then made in the file (only those lines) and the post read again."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from journal_app.ui.checks_panel import ChecksPanel
from tests.ui.conftest import answer_dialog

DEMIAN = "backup/content/책 \u201c데미안\u201d 읽고.md"
PHOTOS = "backup/content/사진 모음.md"


def warnings(panel: ChecksPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def press(name: str, seen: dict):
    """When the repair dialog opens, keep its diff in ``seen`` and press the button ``name``."""

    def act(dialog):
        seen["diff"] = dialog.findChild(QPlainTextEdit, "repairDiff").toPlainText()
        seen["button"] = dialog.findChild(QPushButton, name).text()
        dialog.findChild(QPushButton, name).click()

    answer_dialog(act)


def test_fix_header_shows_the_diff_and_changes_only_that_line(qtbot, window, journal_root):
    path = journal_root / DEMIAN
    before = path.read_bytes()
    assert window.open_post(path)
    window.commands.view_checks.trigger()
    panel = window.findChild(ChecksPanel, "checksPanel")
    assert panel.isVisible()
    assert warnings(panel)[0].startswith("line 2: the header has text after the closing quote")
    assert panel.fix_header.isVisible() and not panel.undefined.isVisible()
    seen: dict = {}
    press("repairKeep", seen)  # Cancel: nothing changes
    assert not panel.repair("header") and path.read_bytes() == before
    assert seen["button"] == "Cancel"
    press("repairAccept", seen)
    assert panel.repair("header")
    assert seen["button"] == "Fix header"
    assert seen["diff"] == (
        f"--- a/{path.name}\n+++ b/{path.name}\n@@ -2,1 +2,1 @@\n"
        '-title: "책 "데미안" 읽고"\n+title: "책 \\"데미안\\" 읽고"\n'
    )
    assert path.read_bytes() == before.replace(
        '"책 "데미안" 읽고"'.encode(), '"책 \\"데미안\\" 읽고"'.encode()
    )
    qtbot.waitUntil(lambda: window.document.post.title == '책 "데미안" 읽고')
    assert not window.document.post.header_invalid
    assert not panel.fix_header.isVisible()
    assert not any("invalid YAML" in text for text in warnings(panel))


def test_undefined_lines_are_kept_or_removed(qtbot, window, journal_root):
    path = journal_root / PHOTOS
    before = path.read_bytes()
    assert window.open_post(path)
    window.commands.view_checks.trigger()
    panel = window.findChild(ChecksPanel, "checksPanel")
    listed = warnings(panel)
    assert "line 9: 'undefined' line: an image velog-backup failed to download" in listed
    assert "line 13: image not found: /images/missing.png" in listed
    assert panel.undefined.isVisible() and not panel.fix_header.isVisible()
    seen: dict = {}
    press("repairKeep", seen)
    assert not panel.repair("undefined")
    assert seen["button"] == "Keep" and path.read_bytes() == before
    press("repairAccept", seen)
    assert panel.repair("undefined") and seen["button"] == "Remove"
    assert path.read_bytes() == before.replace(b"\n\nundefined\n\nundefined\n", b"\n\n\n")
    qtbot.waitUntil(lambda: "undefined" not in window.editor.text())
    assert not panel.undefined.isVisible()
    item = next(
        panel.list.item(row)
        for row in range(panel.list.count())
        if "missing.png" in panel.list.item(row).text()
    )
    assert item.text().startswith("line 11: ")  # two lines fewer above it
    panel.list.itemActivated.emit(item)
    assert window.editor.textCursor().blockNumber() == 10  # the cursor is on file line 11


def test_an_edited_post_is_not_repaired_and_warnings_follow_the_text(qtbot, window, journal_root):
    path = journal_root / PHOTOS
    assert window.open_post(path)
    window.commands.view_checks.trigger()
    panel = window.findChild(ChecksPanel, "checksPanel")
    errors = []
    window.prompts.show_error = lambda title, message: errors.append(title)
    window.editor.appendPlainText("[다음 글](없는-글.md)")
    assert not panel.repair("undefined") and errors == ["Save the post first"]
    qtbot.waitUntil(lambda: any("없는-글.md" in text for text in warnings(panel)), timeout=5000)
    assert any(text.endswith("link to a post that does not exist: 없는-글.md") for text in warnings(panel))


def test_a_long_warning_wraps_in_a_narrow_dock(qtbot, window, journal_root):
    assert window.open_post(journal_root / DEMIAN)
    window.commands.view_checks.trigger()
    panel = window.findChild(ChecksPanel, "checksPanel")
    panel.setFloating(True)
    panel.resize(260, 400)
    qtbot.waitUntil(lambda: panel.list.viewport().width() < 260 and panel.list.count() > 0)
    first = panel.list.item(0)
    rect = panel.list.visualItemRect(first)
    line = panel.list.fontMetrics().height()
    assert rect.width() <= panel.list.viewport().width()  # no sideways scroll
    assert rect.height() >= 2 * line  # the text goes on below
    assert panel.list.horizontalScrollBar().maximum() == 0
