"""Spell check in the editor with the real hunspell dictionaries: wavy underlines on Korean
and English words the dictionaries do not know (in prose only), suggestions and Add to
Dictionary from the context menu, on and off remembered, and a message when it cannot work."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from journal_app.ui.editor import MarkdownEditor
from journal_app.ui.dictionaries import loaded_languages, release_idle
from journal_app.ui.spelling import Speller, attach_spelling, spelling_menu

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
POST = (
    "---\ntitle: wrte 몇일\n---\n"
    "# 📌 오랫만에 쓰는 일기 😀 wrte\n"
    "오늘은 날씨가 맑았다. I recieve `teh` code, see https://example.org/teh and [링크](teh.md).\n"
    "```python\n# wrte 몇일\n```\n"
)
MISSPELLED = ["오랫만에", "wrte", "recieve"]  # not the front matter, code, addresses


def underlined(editor: MarkdownEditor) -> list[str]:
    """The words shown with a wavy underline, in order (a format range per character, joined)."""
    words = []
    block = editor.document().begin()
    while block.isValid():
        units = block.text().encode("utf-16-le")
        marks = sorted(
            (item.start, item.start + item.length)
            for item in block.layout().formats()
            if item.format.underlineStyle() == WAVY
        )
        word_start = word_end = None
        for start, end in marks:
            if word_end == start:
                word_end = end
                continue
            if word_start is not None:
                words.append(units[2 * word_start : 2 * word_end].decode("utf-16-le"))
            word_start, word_end = start, end
        if word_start is not None:
            words.append(units[2 * word_start : 2 * word_end].decode("utf-16-le"))
        block = block.next()
    return words


def checked_editor(qtbot, tmp_path, on: bool = True):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 400)
    editor.show()
    toggle = QAction("Check Spelling")
    remembered = []
    speller = attach_spelling(editor, toggle, on, remembered.append)
    speller.use_words(tmp_path / "data" / "dictionary.txt")
    if on:
        qtbot.waitUntil(lambda: speller.dictionaries is not None, timeout=20000)
    editor.set_text(POST)
    # each language's dictionary loads when a word of it is first checked
    qtbot.waitUntil(lambda: underlined(editor) == (MISSPELLED if on else []), timeout=20000)
    return editor, speller, toggle, remembered


def test_misspelled_words_are_underlined_in_prose_only(qtbot, tmp_path):
    editor, speller, _, _ = checked_editor(qtbot, tmp_path)
    assert not speller.problem
    assert underlined(editor) == ["오랫만에", "wrte", "recieve"]  # not the front matter, code, addresses


def test_suggestions_replace_the_word_and_a_word_can_be_learned(qtbot, tmp_path):
    editor, speller, _, _ = checked_editor(qtbot, tmp_path)
    block = editor.document().findBlockByNumber(4)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("recieve") + 2)
    menu = QMenu()
    menu.addAction("Copy")
    spelling_menu(speller, editor, menu, cursor)
    names = [action.objectName() for action in menu.actions()]
    assert names[:2] == ["spellingWaiting", "spellingAdd"]
    qtbot.waitUntil(
        lambda: any(a.objectName() == "spellingSuggestion" for a in menu.actions()), timeout=20000
    )
    suggestions = [a for a in menu.actions() if a.objectName() == "spellingSuggestion"]
    receive = next(a for a in suggestions if a.text() == "receive")
    receive.trigger()
    assert "I receive `teh`" in editor.toPlainText()
    editor.undo()
    assert "I recieve `teh`" in editor.toPlainText()  # one undo step

    cursor = QTextCursor(editor.document().findBlockByNumber(3))
    cursor.setPosition(cursor.block().position() + 6)  # in 오랫만에, after an emoji (UTF-16)
    menu = QMenu()
    spelling_menu(speller, editor, menu, cursor)
    add = next(a for a in menu.actions() if a.objectName() == "spellingAdd")
    assert "오랫만에" in add.text()
    add.trigger()
    assert "오랫만에" in (tmp_path / "data" / "dictionary.txt").read_text(encoding="utf-8").split()
    qtbot.waitUntil(lambda: underlined(editor) == ["wrte", "recieve"])
    again = Speller(tmp_path / "data" / "dictionary.txt")
    assert "오랫만에" in again.words  # kept for the next run


def test_no_menu_entries_on_a_known_word(qtbot, tmp_path):
    editor, speller, _, _ = checked_editor(qtbot, tmp_path)
    cursor = QTextCursor(editor.document().findBlockByNumber(4))
    cursor.setPosition(cursor.block().position() + 1)
    menu = QMenu()
    spelling_menu(speller, editor, menu, cursor)
    assert menu.actions() == []


def test_on_and_off(qtbot, tmp_path):
    editor, speller, toggle, remembered = checked_editor(qtbot, tmp_path)
    toggle.setChecked(False)
    assert underlined(editor) == [] and remembered == [False]
    toggle.setChecked(True)
    assert underlined(editor) == ["오랫만에", "wrte", "recieve"] and remembered == [False, True]


def test_off_at_first_loads_nothing(qtbot, tmp_path):
    editor, speller, toggle, _ = checked_editor(qtbot, tmp_path, on=False)
    assert underlined(editor) == [] and not toggle.isChecked()


def test_the_window_remembers_the_choice(qtbot, window, env):
    assert window.commands.edit_spelling.isChecked()
    window.commands.edit_spelling.setChecked(False)
    assert env.settings.get("preferences/spell_check") is False
    assert window.editor.highlighter.misspelled is not None


def test_without_pyenchant_the_app_runs_and_says_so_once(tmp_path):
    script = textwrap.dedent(
        """
        import sys
        sys.modules["enchant"] = None  # as if pyenchant were not installed
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from journal_app.ui.editor import MarkdownEditor
        from journal_app.ui.spelling import attach_spelling
        editor = MarkdownEditor()
        told = []
        editor.notice.connect(told.append)
        toggle = QAction("x")
        speller = attach_spelling(editor, toggle, True, lambda on: None)
        while speller.dictionaries is None:
            app.processEvents()
        editor.set_text("wrte 몇일")
        toggle.setChecked(False)
        toggle.setChecked(True)
        app.processEvents()
        print(len(told), told[0])
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    count, message = result.stdout.strip().split(" ", 1)
    assert count == "1" and "Spell check is off" in message and "pyenchant" in message


def test_words_added_belong_to_the_open_journal(qtbot, window, env, tmp_path):
    """ "Add to Dictionary" keeps the word in the journal's own dictionary (in its folder of
    the app's data folder): known in that journal, not in another one."""
    from journal_app.core.data_folder import journal_data

    first = window.journal.root
    window.speller.add("싸피스럽다")
    kept = journal_data(env.data_dir, first) / "dictionary.txt"
    assert kept.read_text(encoding="utf-8").split() == ["싸피스럽다"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "글.md").write_text("---\ntitle: 다른 일지\n---\n본문\n", encoding="utf-8")
    assert window.open_journal(other)
    assert "싸피스럽다" not in window.speller.words
    assert window.open_journal(first)
    assert "싸피스럽다" in window.speller.words


def test_a_word_learned_clears_its_underline_far_below_too(qtbot, tmp_path):
    """After "Add to Dictionary" the lines out of view are highlighted again when they come
    into view (they are marked a slice at a time, so a long post never holds the window)."""
    editor, speller, _, _ = checked_editor(qtbot, tmp_path)
    editor.set_text("".join(f"{n}번째 줄입니다\n" for n in range(6000)) + "끝에 wrte 한 번\n")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.ensureCursorVisible()
    qtbot.waitUntil(lambda: "wrte" in underlined(editor))  # seen once, underlined
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.ensureCursorVisible()
    qtbot.waitUntil(lambda: editor.highlighter._shown[0] == 0)
    speller.add("wrte")
    editor.highlighter.redo()
    qtbot.waitUntil(lambda: not editor.highlighter._marker.isActive(), timeout=20000)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.ensureCursorVisible()
    qtbot.waitUntil(lambda: editor.highlighter._shown[1] >= editor.blockCount() - 1)
    assert "wrte" not in underlined(editor)


def type_text(editor: MarkdownEditor, text: str) -> None:
    """Type ``text`` at the end of the editor, a key event per character (Hangul too)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    editor.moveCursor(QTextCursor.MoveOperation.End)
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def test_a_language_loads_when_a_word_of_it_is_first_checked(qtbot, tmp_path):
    """A Korean post loads the Korean dictionary only; an English word typed in it then loads
    the English one, and is underlined when misspelled."""
    release_idle(0)  # (dictionaries of earlier tests in this process)
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 400)
    editor.show()
    speller = attach_spelling(editor, QAction("Check Spelling"), True, lambda on: None)
    editor.set_text("# 오랫만에 쓰는 일기\n\n오늘은 날씨가 맑았다.\n")
    qtbot.waitUntil(lambda: underlined(editor) == ["오랫만에"], timeout=20000)
    assert loaded_languages() == ["ko"] and speller.enabled
    type_text(editor, "I recieve it")
    qtbot.waitUntil(lambda: underlined(editor) == ["오랫만에", "recieve"], timeout=20000)
    assert loaded_languages() == ["en", "ko"]


def test_a_freed_dictionary_keeps_its_underlines_and_loads_again_for_a_new_word(qtbot, tmp_path):
    editor, speller, _, _ = checked_editor(qtbot, tmp_path)
    assert release_idle(3600) == []  # (used just now)
    assert sorted(release_idle(0)) == ["en", "ko"] and loaded_languages() == []
    editor.highlighter.redo()
    assert underlined(editor) == MISSPELLED  # the answers found are kept
    type_text(editor, "\n그리고 wrng 단어\n")
    qtbot.waitUntil(lambda: underlined(editor) == [*MISSPELLED, "wrng"], timeout=20000)
    assert loaded_languages() == ["en", "ko"]


def test_a_word_met_while_the_suggestions_hold_the_dictionaries_is_checked_after(qtbot, tmp_path):
    """The GUI thread never waits for the suggestion thread: a word to check meanwhile shows
    as correct, and is checked (and underlined) once the dictionaries are free."""
    from journal_app.ui.dictionaries import Store

    editor, speller, _, _ = checked_editor(qtbot, tmp_path)
    with Store.lock:  # as the suggestion thread holds it while it suggests
        type_text(editor, "\nanother wrogn\n")
        qtbot.wait(300)
        assert "wrogn" not in underlined(editor)
    qtbot.waitUntil(lambda: underlined(editor) == [*MISSPELLED, "wrogn"], timeout=20000)


EXIT_DURING_LOADS = """
import threading, time
from journal_app.ui import dictionaries
from journal_app.ui.dictionaries import Store
from journal_app.ui.spelling import _suggesting

Store.probe().result()
Store.want("en").result()  # one dictionary in use, so the exit has one to leave alone
gate = threading.Event()  # (never set: the threads stay busy, as a load at niceness 19 does)
Store.pool.submit(gate.wait)
Store.want("ko")  # waits behind it
_suggesting.submit(gate.wait)
print("leaving", flush=True)
"""


def test_the_exit_does_not_wait_for_the_dictionaries_threads():
    # a window closed while a dictionary still loads (minutes at the lowest priority on a busy
    # machine) ends at once and cleanly: the standard executor's threads would be joined at exit
    result = subprocess.run(
        [sys.executable, "-c", EXIT_DURING_LOADS], capture_output=True, text=True, timeout=60
    )
    assert result.stdout == "leaving\n" and result.returncode == 0, result.stderr[-2000:]


LOAD_WHILE_LEAVING = """
from journal_app.ui.dictionaries import Store
from journal_app.ui.spelling import _suggesting

Store.probe().result()
Store.want("en").result()
Store.want("ko")  # a real load, still running on its thread as the interpreter ends
_suggesting.submit(Store.suggest, "en", "helo")
"""


def test_leaving_while_a_dictionary_loads_ends_cleanly():
    for _ in range(3):
        result = subprocess.run(
            [sys.executable, "-c", LOAD_WHILE_LEAVING], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr[-2000:]
