"""Hostile posts in the window: a megabyte line with no break, files of NUL bytes, a header of
many megabytes. Each opens, typing still works, and saving writes the original bytes plus what
was typed, nothing else. What made them slow is checked by the work done (the wrap mode changes
on an empty editor, highlighting grows with the line); benchmarks/bench_hostile.py times them."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication

from journal_app.ui import editor as editor_module
from journal_app.ui.editor import BIG_CHANGE, LONG_RUN, MarkdownEditor
from journal_app.ui.highlighter import LONG_LINE, MarkdownHighlighter
from tests.ui.conftest import type_text, wait_for_page

# the preview's page loads while each test runs (tests/ui/conftest.py)
pytestmark = pytest.mark.page_loads_meanwhile

HEAD = "---\ntitle: 긴 줄\ntags: [a]\n---\n# 제목\n\n첫 문단입니다.\n\n"
TAIL = "\n\n끝 문단.\n"


WORD_WRAP, ANYWHERE = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere, QTextOption.WrapMode.WrapAnywhere


def open_shown(window, path) -> None:
    """Open ``path`` and let the editor lay out and paint it."""
    assert window.open_post(path)
    window.editor.viewport().repaint()
    QApplication.processEvents()


def wrap_changes(editor: MarkdownEditor) -> list[tuple[QTextOption.WrapMode, int]]:
    """From now on, each change of ``editor``'s wrap mode and the characters its document held
    then: a change lays out the whole text again (Qt's own method, only watched)."""
    changes: list[tuple[QTextOption.WrapMode, int]] = []
    set_mode = editor.setWordWrapMode

    def watched(mode: QTextOption.WrapMode) -> None:
        if mode != editor.wordWrapMode():
            changes.append((mode, editor.document().characterCount()))
        set_mode(mode)

    editor.setWordWrapMode = watched  # type: ignore[method-assign]
    return changes


def lines_run(work: Callable[[], object]) -> int:
    """How many lines of Python ``work()`` runs: the work done, whatever the machine's speed."""
    count = 0

    def trace(_frame, event, _arg):
        nonlocal count
        count += event == "line"
        return trace

    previous = sys.gettrace()  # a coverage run's or a debugger's, put back after
    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


def type_at(window, position: int, text: str) -> None:
    cursor = window.editor.textCursor()
    cursor.setPosition(position)
    window.editor.setTextCursor(cursor)
    type_text(window.editor, text)


LINES = {
    # a PNG of mostly zero bytes: base64 "AAAA…" gives word wrapping no place to break
    "data-image": "![](data:image/png;base64," + "A" * 1_000_000 + ")",
    # minified HTML: it breaks at spaces, so it still wraps at words
    "minified-html": "".join(
        f'<div class="c{i}"><span>word{i} **x** _y_</span></div>' for i in range(25_000)
    )[:1_000_000],
    # a long paragraph of prose on one line, markup all along it
    "prose": "긴 문장 **굵게** _기울임_ `코드` [링크](http://a.b) " * 25_000,
}


@pytest.mark.parametrize("kind", sorted(LINES))
def test_a_megabyte_line_opens_and_typing_adds_only_the_typed_text(qtbot, window, journal_root, kind):
    path = journal_root / "notes" / f"{kind}.md"
    original = (HEAD + LINES[kind] + TAIL).encode("utf-8")
    path.write_bytes(original)
    open_shown(window, path)
    assert not window.editor.isReadOnly()
    assert window.editor.wraps_anywhere() == (kind == "data-image")
    type_at(window, 0, "Z")  # the very start: before the header's opening line
    before_line = len("Z" + HEAD) - 1  # the end of the line just before the long one
    type_at(window, before_line, "여")
    assert window.document.save()
    at = len(("Z" + HEAD).encode("utf-8")) - 1
    expected = b"Z" + original
    assert path.read_bytes() == expected[:at] + "여".encode("utf-8") + expected[at:]


@pytest.mark.parametrize("size", [64 * 1024, 2 * BIG_CHANGE])  # each side of a big change
def test_a_file_of_nul_bytes_opens_read_only_with_the_nuls_shown(qtbot, window, journal_root, size):
    path = journal_root / "notes" / "zeros.md"
    path.write_bytes(b"\x00" * size)
    open_shown(window, path)
    assert window.editor.isReadOnly() and "binary" in window.statusBar().currentMessage()
    assert window.editor.text() == "\u2400" * size
    assert not window.document.save() and path.read_bytes() == b"\x00" * size


def test_the_next_post_after_a_long_run_opens_at_once(qtbot, window, journal_root):
    """Switching the wrap mode lays out what the editor holds: the long run of the post before
    must be gone first (word wrapping a megabyte of NULs took two minutes)."""
    changes = wrap_changes(window.editor)
    zeros = journal_root / "notes" / "zeros.md"
    zeros.write_bytes(b"\x00" * 2 * LONG_RUN)  # the size does not matter: what is laid out does
    open_shown(window, zeros)
    normal = journal_root / "notes" / "normal.md"
    normal.write_text(HEAD + TAIL, encoding="utf-8")
    open_shown(window, normal)
    assert window.editor.text() == HEAD + TAIL
    assert changes == [(ANYWHERE, 1), (WORD_WRAP, 1)]  # both on an empty editor (1: its end)


def test_nul_bytes_after_the_first_lines_are_kept_when_typing(qtbot, window, journal_root):
    """NULs too far in to mark the file binary: it stays editable and its NULs survive."""
    path = journal_root / "notes" / "late-zeros.md"
    original = (HEAD + "글 " * 5_000 + "\n").encode("utf-8") + b"\x00" * 500_000 + b"\n"
    path.write_bytes(original)
    open_shown(window, path)
    assert not window.editor.isReadOnly() and window.editor.wraps_anywhere()
    type_at(window, 0, "Z")
    assert window.document.save() and path.read_bytes() == b"Z" + original


@pytest.mark.parametrize("shape", ["long-line", "many-lines"])
def test_a_huge_header_is_kept_aside_and_the_body_stays_editable(qtbot, window, journal_root, shape):
    if shape == "long-line":
        header = "---\ntitle: 큰 머리말\ndescription: " + "x" * 8_000_000 + "\n---\n"
    else:
        header = "---\ntitle: 큰 머리말\ndescription: |\n" + "  한 줄 더\n" * 400_000 + "---\n"
    body = "본문 첫 줄\n"
    path = journal_root / "notes" / "big-header.md"
    path.write_bytes((header + body).encode("utf-8"))
    open_shown(window, path)
    assert window.editor.text() == body  # the header is not in the editor
    assert "too large to show" in window.statusBar().currentMessage()
    assert "too large to show" in window.form.problem.text() and not window.form.title.isEnabled()
    type_at(window, 0, "Z")
    assert window.document.buffer() == header + "Z" + body
    assert window.document.write_recovery()  # unsaved text is kept whole, header included
    assert window.document.save()
    assert path.read_bytes() == (header + "Z" + body).encode("utf-8")


def test_pasting_a_long_run_switches_to_wrapping_anywhere(qtbot, window, journal_root):
    window.open_post(journal_root / "content" / "2024년 회고.md")
    assert not window.editor.wraps_anywhere()
    changes = wrap_changes(window.editor)
    window.editor.insertPlainText("A" * 2 * BIG_CHANGE)  # a big paste: searched as one string
    window.editor.viewport().repaint()
    QApplication.processEvents()
    assert window.editor.wraps_anywhere() and [mode for mode, _ in changes] == [ANYWHERE]


def test_a_long_line_gets_no_inline_highlighting():
    document = QTextDocument()
    highlighter = MarkdownHighlighter(document)
    document.setPlainText("**굵게** 보통\n" + "**x** " * (LONG_LINE // 6 + 1) + "\n`code`")
    highlighter.rehighlight()
    formats = [bool(document.findBlockByNumber(n).layout().formats()) for n in range(3)]
    assert formats == [True, False, True]


def test_non_breaking_spaces_and_line_separators_survive(qtbot, window, journal_root):
    """Qt's toPlainText() turns U+00A0 into a space and U+2028 into a line break."""
    path = journal_root / "notes" / "nbsp.md"
    original = "---\ntitle: 공백\n---\n10\u00a0km 걸었다.\u2028다음 줄\n".encode("utf-8")
    path.write_bytes(original)
    window.open_post(path)
    assert window.document.save() and path.read_bytes() == original  # saved without an edit
    type_at(window, 0, "Z")
    assert window.document.save() and path.read_bytes() == b"Z" + original


@pytest.mark.parametrize("character", ["\u2029", "\ufdd0", "\ufdd1"])
def test_a_character_the_editor_would_change_opens_read_only(qtbot, window, journal_root, character):
    """Qt holds a paragraph separator and its frame marks as line breaks: a save without an
    edit would have changed the file."""
    path = journal_root / "notes" / "ps.md"
    original = f"첫 문단{character}둘째 문단\n".encode("utf-8")
    path.write_bytes(original)
    window.open_post(path)
    assert window.editor.isReadOnly()
    assert f"U+{ord(character):04X}" in window.statusBar().currentMessage()
    assert not window.document.save() and path.read_bytes() == original


def test_a_header_of_thousands_of_keys_is_listed_cut_short(qtbot, window, journal_root):
    path = journal_root / "notes" / "keys.md"
    keys = "".join(f"key{n}: {'v' * 250}\n" for n in range(3_000))  # under the 1 MB header cap
    path.write_text(f"---\ntitle: 열쇠\n{keys}---\n본문\n", encoding="utf-8")
    open_shown(window, path)
    shown = window.form.others.text().split("\n")
    assert len(shown) == 31 and shown[-1] == "… and 2,970 more keys"
    assert shown[0] == "key0: " + "v" * 200 + "…"


@pytest.mark.web_view
def test_a_line_too_long_to_render_while_typing_is_not_previewed(qtbot, window, journal_root):
    """Python-Markdown needs seconds for a long line of prose, on a thread that slows typing;
    a long data: image still shows."""
    path = journal_root / "notes" / "long-prose.md"
    path.write_text(HEAD + "긴 문장 **굵게** _기울임_ " * 12_000 + TAIL, encoding="utf-8")
    window.open_post(path)
    text = wait_for_page(
        qtbot,
        window,
        "document.getElementById('content').innerText",
        lambda value: "too long to preview" in (value or ""),
    )
    assert text.startswith(f"Line {HEAD.count(chr(10)) + 1} is 216,000 characters long")
    image = journal_root / "notes" / "image.md"
    image.write_text(HEAD + LINES["data-image"] + TAIL, encoding="utf-8")
    window.open_post(image)
    wait_for_page(qtbot, window, "document.querySelectorAll('#content img').length", lambda value: value == 1)


def test_the_window_takes_the_interpreter_lock_back_quickly(window):
    """While the preview thread renders, each keystroke waits for the lock at most this long."""
    assert sys.getswitchinterval() <= 0.001


@pytest.mark.parametrize("opener", ["*a ", "**a ", "[a]("])
def test_openers_with_no_closer_are_highlighted_in_linear_work(opener):
    """Each opener was searched to the end of the line: work that grows with its square. Twice
    the openers (still under LONG_LINE, so the line is parsed) must cost about twice the work."""

    def work(count: int) -> int:
        document = QTextDocument()
        highlighter = MarkdownHighlighter(document)
        document.setPlainText(opener * count)
        return lines_run(highlighter.rehighlight)

    assert len(opener * 600) < LONG_LINE
    assert work(600) < 2.5 * work(300)  # 2 when linear, 4 when it grows with the square


def test_runs_just_short_of_the_limit_are_searched_quickly(qtbot):
    """Runs of LONG_RUN - 1 characters: a search tried at every character took 10 s a megabyte."""
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    # the search is tried only where a run starts (after a space or at the start), not at every
    # character, where each try reads up to LONG_RUN characters
    assert editor_module._LONG_RUN.pattern.startswith(r"(?<!\S)")
    editor.set_text(("A" * (LONG_RUN - 1) + " ") * 20)
    assert not editor.wraps_anywhere()
    editor.set_text("짧은 글\n" + "A" * LONG_RUN)
    assert editor.wraps_anywhere()
