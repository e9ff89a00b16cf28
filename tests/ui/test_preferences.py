"""Edit → Preferences: each choice is stored in the settings and applied to the open window at
once (autosave, its delay, the editor's font, the preview's width, the journal's choices)."""

from __future__ import annotations

import pytest

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from journal_app.core.recovery import RecoveryStore
from journal_app.ui.app import create_window
from tests.ui.conftest import close_window, page_value, type_text, wait_for_page

WIDTH = "getComputedStyle(document.getElementById('post')).maxWidth"


def open_preferences(window):
    action = window.commands.edit_preferences
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    action.trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_autosave_turned_on_and_off_live(qtbot, window, env):
    post = window.document.post.path
    dialog = open_preferences(window)
    assert not dialog.autosave.isChecked()  # the test environment starts with autosave off
    dialog.autosave.setChecked(True)
    dialog.delay.setValue(1)
    assert env.settings.get("preferences/autosave") is True
    assert env.settings.get("preferences/autosave_seconds") == 1
    assert window.document.autosave_timer.interval() == 1000
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "자동 저장")
    qtbot.waitUntil(lambda: not window.document.is_modified(), timeout=5000)
    assert "자동 저장" in post.read_text(encoding="utf-8")
    dialog.autosave.setChecked(False)
    type_text(window.editor, " 끔")
    # the edit went through the timers (its recovery file is written), but autosave's never started
    store = RecoveryStore(env.data_dir / "recovery")
    qtbot.waitUntil(lambda: any(item.text.endswith(" 끔") for item in store.pending()), timeout=5000)
    store.close()
    assert not window.document.autosave_timer.isActive()
    assert window.document.is_modified()  # a preference turns autosave off
    assert " 끔" not in post.read_text(encoding="utf-8")
    dialog.close()


@pytest.mark.web_view
def test_font_and_preview_width_apply_live_and_are_remembered(qtbot, window, env, journal_root):
    dialog = open_preferences(window)
    assert page_value(qtbot, window, WIDTH) == f"{46 * 16}px"
    dialog.font_size.setValue(19)
    family = dialog.font_family.currentFont().family()
    assert window.editor.font().pointSize() == 19
    assert window.editor.font().family() == family
    dialog.line_width.setValue(60)
    wait_for_page(qtbot, window, WIDTH, lambda width: width == f"{60 * 16}px")
    dialog.close()
    window.close()
    again = create_window(journal_root, env)
    try:
        qtbot.waitUntil(lambda: again.preview.ready, timeout=20000)
        assert again.editor.font().pointSize() == 19
        assert page_value(qtbot, again, WIDTH) == f"{60 * 16}px"
        again.commands.view_zoom_in.trigger()  # zooming keeps the chosen family
        assert again.editor.font().pointSize() == 20
        assert again.editor.font().family() == family
    finally:
        close_window(again)


def test_the_journals_remote_images_and_flavor(qtbot, window, env):
    dialog = open_preferences(window)
    root = window.journal.root
    assert dialog.flavor.currentData() == window.document.flavor()
    dialog.remote_images.setChecked(True)
    assert env.settings.remote_images(root)
    assert window.commands.view_remote_images.isChecked()
    assert window.preview.allow_remote_images
    dialog.flavor.setCurrentIndex(dialog.flavor.findData("hugo"))
    assert env.settings.flavor(root) == "hugo"
    assert window.commands.flavors.checkedAction().data() == "hugo"
    assert window.status.flavor.text() == "Hugo"
    dialog.close()


def test_the_interface_language_is_kept_for_the_next_start(qtbot, window, env):
    dialog = open_preferences(window)
    assert dialog.language.currentData() == "system"
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    assert env.settings.get("preferences/language") == "ko"
    assert dialog.language_note.isVisible()  # said: from the next start
    dialog.close()


def test_spell_check_languages_apply_live(qtbot, window, env):
    from tests.ui.test_spelling import underlined

    window.commands.edit_spelling.setChecked(True)
    qtbot.waitUntil(lambda: window.speller.dictionaries is not None, timeout=20000)
    window.editor.set_text("오랫만에 recieve\n")
    qtbot.waitUntil(lambda: underlined(window.editor) == ["오랫만에", "recieve"], timeout=20000)
    dialog = open_preferences(window)
    dialog.spelling.setCurrentIndex(dialog.spelling.findData("en"))
    assert env.settings.get("preferences/spell_languages") == "en"
    qtbot.waitUntil(lambda: underlined(window.editor) == ["recieve"], timeout=10000)
    dialog.spelling.setCurrentIndex(dialog.spelling.findData("ko"))
    qtbot.waitUntil(lambda: underlined(window.editor) == ["오랫만에"], timeout=10000)
    dialog.close()
    window.editor.document().setModified(False)
