"""Help: the Keyboard Shortcuts window is made from the action table, so it lists every command
with the keys the window really binds; the About window names the versions and the folders,
as plain text."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from journal_app import __version__
from journal_app.ui.actions import MENUS, SPECS
from journal_app.ui.help import AboutDialog, ShortcutsDialog, label_of
from tests.ui.conftest import answer_dialog


def rows(dialog):
    table = dialog.table
    for index in range(table.topLevelItemCount()):
        group = table.topLevelItem(index)
        for row in range(group.childCount()):
            yield group.child(row)


def test_the_shortcuts_window_lists_what_the_window_binds(qtbot, window):
    window.commands.help_shortcuts.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    listed = {item.text(0): item.text(1) for item in rows(dialog)}
    native = QKeySequence.SequenceFormat.NativeText
    for name in SPECS:
        action = getattr(window.commands, name)
        keys = ", ".join(key.toString(native) for key in action.shortcuts())
        assert listed[label_of(action.text())] == keys, name
    assert listed["Save"] == QKeySequence("Ctrl+S").toString(native)
    assert listed["Preferences…"] == QKeySequence("Ctrl+,").toString(native)
    dialog.filter.setText("ctrl+shift+s")
    shown = [item.text(0) for item in rows(dialog) if not item.isHidden()]
    assert shown == ["Save As…"]
    dialog.close()


def test_the_shortcuts_window_is_two_columns_under_a_heading_per_menu(qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.columnCount() == 2
    headings = [table.topLevelItem(index).text(0) for index in range(table.topLevelItemCount())]
    assert headings == ["File", "Edit", "View", "Git", "Help"]
    save_as = next(item for item in rows(dialog) if item.text(0) == "Save As…")
    assert save_as.textAlignment(1) & Qt.AlignmentFlag.AlignRight  # the keys at the right
    assert save_as.toolTip(0) == SPECS["file_save_as"][2]  # what it does: the row's tool tip
    dialog.filter.setText("clipboard")  # found by what the command does
    shown = [item.text(0) for item in rows(dialog) if not item.isHidden()]
    assert shown == ["Cut", "Copy", "Paste", "Paste as Plain Text", "Link"]
    dialog.filter.setText("git")  # a menu's name: all of that menu
    shown = [item.text(0) for item in rows(dialog) if not item.isHidden()]
    assert shown == [label_of(SPECS[name][0]) for name in MENUS["&Git"] if name]
    assert [table.topLevelItem(i).isHidden() for i in range(5)] == [True, True, True, False, True]


def test_about_names_versions_and_folders_as_plain_text(qtbot, tmp_path):
    data = tmp_path / "<b>data</b>"
    dialog = AboutDialog(data, str(tmp_path / "settings.ini"))
    qtbot.addWidget(dialog)
    assert isinstance(dialog.text, QPlainTextEdit)
    text = dialog.text.toPlainText()
    for expected in (
        f"journal_app {__version__}",
        f"Qt {qVersion()}",
        f"PySide6 {PySide6.__version__}",
        f"Python {platform.python_version()}",
        str(data),
        str(tmp_path / "settings.ini"),
        "https://commonmark.org/help/",
    ):
        assert expected in text


def test_help_about_opens_the_about_window(qtbot, window):
    seen = []

    def read(dialog):
        seen.append((dialog.objectName(), dialog.text.toPlainText()))
        dialog.accept()

    answer_dialog(read)
    window.commands.help_about.trigger()
    assert seen[0][0] == "aboutDialog" and str(window.env.data_dir) in seen[0][1]
