"""Find and replace in the open post: the count, previous and next, the options (whole words in
Korean too), highlights, a bad regular expression, replace and Replace All as one undo step, and
on the window F3 / Shift+F3 over a journal search's term with the preview following."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from journal_app.ui.editor import MarkdownEditor
from journal_app.ui.find_replace import FindBar
from journal_app.ui.finding import Options, compile_pattern, find_all
from tests.ui.conftest import page_value, type_text, wait_for_page

TEXT = "싸피 일기\n나는 싸피에서 배웠다. 싸피는 좋다.\n😀 싸피 SSAFY ssafy\n후기: 싸피 수료 후기\n"


@pytest.fixture
def bar(qtbot):
    holder = QWidget()
    column = QVBoxLayout(holder)
    editor = MarkdownEditor(holder)
    found = FindBar(editor, holder)
    column.addWidget(found)
    column.addWidget(editor)
    qtbot.addWidget(holder)
    holder.resize(600, 400)
    holder.show()
    editor.set_text(TEXT)
    yield found  # (the holder lives as long as the test)


def selected(bar) -> str:
    return bar.editor.textCursor().selectedText()


def test_count_next_and_previous_with_one_and_two_syllables(bar):
    bar.open_bar()
    type_text(bar.field, "싸피")
    assert bar.count.text() == "5 matches"
    assert bar.find_next() and selected(bar) == "싸피" and bar.count.text() == "1 of 5"
    assert bar.find_next() and bar.count.text() == "2 of 5"
    assert bar.find_next(backward=True) and bar.count.text() == "1 of 5"
    assert bar.find_next(backward=True) and bar.count.text() == "5 of 5"  # wrapped around
    assert bar.find_next() and bar.count.text() == "1 of 5"
    bar.field.clear()
    type_text(bar.field, "후")
    assert bar.count.text() == "2 matches"
    assert len(bar.editor.extraSelections()) == 2  # every match highlighted


def test_a_match_after_an_emoji_is_selected_exactly(bar):
    bar.open_bar()
    type_text(bar.field, "싸피 SSAFY")
    assert bar.find_next() and selected(bar) == "싸피 SSAFY"


def test_case_whole_word_and_regex(bar):
    bar.open_bar()
    type_text(bar.field, "ssafy")
    assert bar.count.text() == "2 matches"
    bar.case.setChecked(True)
    assert bar.count.text() == "1 match"
    bar.case.setChecked(False)
    bar.field.clear()
    type_text(bar.field, "싸피")
    bar.word.setChecked(True)  # 싸피에서 and 싸피는 are other words
    assert bar.count.text() == "3 matches"
    bar.word.setChecked(False)
    bar.regex.setChecked(True)
    bar.field.setText(r"싸피(는|에서)")
    assert bar.count.text() == "2 matches"


def test_a_bad_regular_expression_says_so_and_finds_nothing(bar):
    bar.open_bar()
    bar.regex.setChecked(True)
    bar.field.setText("싸피(")
    assert bar.result.text().startswith("Not a valid regular expression")
    assert bar.count.text() == "" and not bar.find_next()
    assert bar.replace_all() == 0 and bar.editor.text() == TEXT
    bar.field.setText("싸피")
    assert bar.result.text() == "" and bar.count.text() == "5 matches"


def test_replace_all_is_one_undo_step(bar):
    bar.open_replace()
    type_text(bar.field, "싸피")
    type_text(bar.replacement, "SSAFY")
    assert bar.replace_all() == 5
    assert "싸피" not in bar.editor.text() and bar.editor.text().count("SSAFY") == 6
    assert bar.count.text() == "No matches"
    bar.editor.undo()
    assert bar.editor.text() == TEXT  # one undo brings back every replacement
    bar.editor.redo()
    assert "싸피" not in bar.editor.text()


def test_replace_one_and_regex_groups(bar):
    bar.open_replace()
    bar.regex.setChecked(True)
    bar.field.setText(r"싸피(는|에서)")
    bar.replacement.setText(r"SSAFY\1")
    assert not bar.replace()  # nothing selected yet: it finds the first match
    assert selected(bar) == "싸피에서"
    assert bar.replace()
    assert "SSAFY에서" in bar.editor.text() and selected(bar) == "싸피는"  # and goes to the next
    bar.editor.undo()
    assert bar.editor.text() == TEXT
    bar.replacement.setText(r"\9")
    assert bar.replace_all() == 0 and bar.result.text().startswith("Cannot replace")
    assert bar.editor.text() == TEXT


def test_the_match_is_scrolled_to_the_middle(qtbot, bar):
    bar.editor.set_text("".join(f"줄 {n}\n" for n in range(400)) + "찾는말\n" + "끝\n" * 400)
    bar.open_bar()
    type_text(bar.field, "찾는말")
    assert bar.find_next()
    rect = bar.editor.cursorRect()
    height = bar.editor.viewport().height()
    assert height / 3 < rect.center().y() < 2 * height / 3


def test_escape_closes_the_bar_and_its_highlights(qtbot, bar):
    bar.open_bar()
    type_text(bar.field, "싸피")
    assert bar.editor.extraSelections()
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and bar.editor.extraSelections() == []


WHALE = "고래가 나온다.\n\n"
LONG = "---\ntitle: 긴 글\n---\n" + "".join(
    f"## 절 {n}\n\n" + "긴 문단입니다. " * 40 + (WHALE if n in (5, 30) else "\n\n") for n in range(40)
)


@pytest.mark.web_view
def test_f3_steps_through_a_searchs_matches_and_the_preview_follows(qtbot, window, journal_root):
    path = journal_root / "long.md"
    path.write_text(LONG, encoding="utf-8")
    window.open_post(path)
    window.resize(1200, 600)
    wait_for_page(
        qtbot, window, "document.getElementById('content').innerText", lambda t: "절 39" in (t or "")
    )
    window.search.open_requested.emit(path, 1, "고래")  # as a result of the search panel opens it
    bar = window.find_bar
    assert selected(bar) == "고래" and bar.count.text() == "1 of 2"
    window.commands.edit_find_next.trigger()  # F3
    assert bar.count.text() == "2 of 2"
    line = window.editor.textCursor().blockNumber() + 1
    top = "document.querySelector('[data-line=\"%d\"]').getBoundingClientRect().top" % line
    wait_for_page(qtbot, window, top, lambda value: value is not None and 0 <= value < 300)
    assert page_value(qtbot, window, "window.scrollY") > 1000
    window.commands.edit_find_previous.trigger()  # Shift+F3
    assert bar.count.text() == "1 of 2"


@pytest.mark.web_view
def test_a_result_opened_while_the_previous_post_renders_scrolls_to_its_match(qtbot, window, journal_root):
    # the previous post's render arrives first: the preview must wait for the opened post's own
    # render to bring the match into view (it scrolled the previous page, then never again)
    path = journal_root / "long.md"
    path.write_text(LONG, encoding="utf-8")
    other = journal_root / "other.md"
    other.write_text("---\ntitle: 다른 글\n---\n짧은 글.\n", encoding="utf-8")
    window.resize(1200, 600)
    window.open_post(other)  # its render is still running when the result is opened
    window.search.open_requested.emit(path, 1, "고래")
    line = window.editor.textCursor().blockNumber() + 1
    assert window.editor.textCursor().selectedText() == "고래" and line > 20
    in_view = (
        "(n => n !== null && n.getBoundingClientRect().top >= 0"
        " && n.getBoundingClientRect().top < window.innerHeight)"
        "(document.querySelector('[data-line=\"%d\"]'))" % line
    )
    wait_for_page(qtbot, window, in_view, lambda value: value is True)


@pytest.mark.web_view
def test_a_match_below_an_image_stays_in_view_when_the_image_arrives(qtbot, window, journal_root):
    # the preview scrolls to the match before the sample post's image has loaded (the page is
    # shorter then, so the scroll stops short); the image grows the page above the match, which
    # must then be placed again instead of being pushed out of view
    path = journal_root / "content" / "제주도 여행 후기.md"
    window.resize(1400, 850)
    window.search.open_requested.emit(path, 1, "돌아와서")
    line = window.editor.textCursor().blockNumber() + 1
    assert window.editor.textCursor().selectedText() == "돌아와서"
    loaded = "(i => i.length > 0 && i.every(n => n.complete))(Array.from(document.images))"
    wait_for_page(qtbot, window, loaded, lambda value: value is True)
    in_view = (
        "(n => n !== null && n.getBoundingClientRect().top >= 0"
        " && n.getBoundingClientRect().bottom <= window.innerHeight)"
        "(document.querySelector('[data-line=\"%d\"]'))" % line
    )
    wait_for_page(qtbot, window, in_view, lambda value: value is True)


@pytest.mark.parametrize(
    "pattern, line",
    [(r"(a+)+$", "a" * 5000 + "!"), (r"(a|aa)+$", "a" * 34 + "!")],  # re backtracks for ages
)
def test_a_pattern_too_slow_to_search_says_so_and_the_window_goes_on(qtbot, bar, pattern, line):
    ticks = []
    timer = QTimer(bar, interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    bar.editor.set_text(f"싸피\n{line}\n")
    bar.open_bar()
    bar.regex.setChecked(True)
    bar.field.setText(pattern)
    assert bar.result.text() == "This pattern takes too long to search; try a simpler one"
    assert bar.count.text() == "" and bar.matches == [] and not bar.find_next()
    assert bar.replace_all() == 0
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= before + 3)  # the event loop runs on
    bar.field.setText("싸피")  # a quick pattern is searched again and the message goes
    assert bar.result.text() == "" and bar.count.text() == "1 match"


def test_a_plain_word_is_found_everywhere_in_a_long_post_and_a_runaway_pattern_is_stopped():
    text = "The quick brown fox jumps over the lazy dog. 다람쥐 헌 쳇바퀴에 타고파.\n" * 45_000  # 3 MB
    for body, options in [("e", Options()), ("다람쥐", Options()), (r"(?=a)|a", Options(regex=True))]:
        pattern = compile_pattern(body, options)
        expected = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
        assert [m.span() for m in find_all(pattern, text)] == expected  # 135,000 "e"s: all of them
    with pytest.raises(TimeoutError):
        find_all(compile_pattern("(a+)+$", Options(regex=True)), "a" * 5_000 + "b")


def test_other_threads_working_meanwhile_do_not_stop_a_search():
    """``regex`` counts the whole process's processor time against its limit: a search that
    needs less than the limit of its own thread's time finds everything while another thread
    works (a dictionary loading), and a runaway one is still stopped."""
    import hashlib
    import threading
    import time

    pattern = compile_pattern(r"(a|aa)+y|b", Options(regex=True))  # each a backtracks, b matches
    text = ("a" * 17 + "x b ") * 40
    began = time.thread_time()
    expected = [m.span() for m in find_all(pattern, text, limit=60)]
    alone = time.thread_time() - began  # this thread's time for all of it
    assert len(expected) == 40
    done = threading.Event()
    data = b"x" * 20_000_000

    def work() -> None:  # processor time of this process, outside the GIL
        while not done.is_set():
            hashlib.sha256(data).digest()

    worker = threading.Thread(target=work)
    worker.start()
    try:
        time.sleep(0.05)
        assert [m.span() for m in find_all(pattern, text, limit=1.4 * alone)] == expected
        with pytest.raises(TimeoutError):
            find_all(pattern, text * 4, limit=1.4 * alone)
    finally:
        done.set()
        worker.join()


def test_after_an_edit_a_long_search_runs_while_the_window_goes_on(qtbot, bar):
    """Every word of a megabyte post (about 195,000 matches) is found again after an edit on a
    worker thread: a 10 ms timer fires while it runs, and the count and highlights come as
    before."""
    bar.editor.set_text("The quick brown fox 다람쥐 헌 쳇바퀴에 타고파.\n" * 25_000)
    bar.open_bar()
    bar.regex.setChecked(True)
    bar.field.setText(r"\w+")
    qtbot.waitUntil(lambda: not bar._searching, timeout=30000)
    total = len(bar.matches)
    assert total == 200_000 and bar.count.text() == f"{total} matches"
    target = f"{total + 2} matches"
    searching = []  # the search after the edit has begun
    during = []  # ticks of a 10 ms timer after it began and before its count is shown
    timer = QTimer(bar, interval=10)
    timer.timeout.connect(lambda: searching and bar.count.text() != target and during.append(1))
    timer.start()
    bar._timer.timeout.connect(lambda: searching.append(1))
    bar.editor.moveCursor(bar.editor.textCursor().MoveOperation.End)
    bar.editor.insertPlainText("하나 더")
    qtbot.waitUntil(lambda: bar.count.text() == target, timeout=30000)
    assert searching and during  # the timer fired while it searched
    assert len(bar.editor.extraSelections()) == 5_000  # (as many highlights as ever)


def test_a_pattern_typed_in_a_long_post_is_searched_while_the_window_goes_on(qtbot, bar):
    """In a megabyte post the pattern typed and the option ticked are searched on the worker
    thread (the count says so meanwhile); F3 pressed meanwhile selects the first match once
    found, and with nothing to find it says so once, without searching again and again."""
    bar.editor.set_text("The quick brown fox 다람쥐 헌 쳇바퀴에 타고파.\n" * 25_000)
    bar.open_bar()
    ticks = []
    timer = QTimer(bar, interval=10)
    timer.timeout.connect(lambda: bar._searching and ticks.append(1))
    timer.start()
    bar.regex.setChecked(True)  # (no pattern yet: nothing to search)
    assert not bar._searching
    bar.field.setText(r"\w+")
    assert bar._searching and bar.count.text() == "Searching…"
    assert bar.find_next()  # F3 before the matches are found
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 200000", timeout=30000)
    assert selected(bar) == "The" and ticks  # the timer fired while it searched
    bar.word.setChecked(True)  # an option ticked: searched there too
    assert bar._searching
    qtbot.waitUntil(lambda: not bar._searching, timeout=30000)
    bar.field.setText("없는말")
    assert not bar.find_next() or bar._searching
    qtbot.waitUntil(lambda: bar.result.text() == "Not found", timeout=30000)
    qtbot.wait(100)
    assert not bar._searching and bar.count.text() == "No matches"


def test_what_a_search_found_in_an_older_text_is_not_shown(qtbot, bar):
    import threading

    from journal_app.ui import find_replace

    bar.open_bar()
    type_text(bar.field, "싸피")
    assert bar.count.text() == "5 matches"
    gate = threading.Event()
    find_replace._SCANS.submit(lambda: gate.wait(30))  # the worker busy until the test says
    bar.editor.moveCursor(bar.editor.textCursor().MoveOperation.End)
    bar.editor.insertPlainText("싸피")  # six now: searched once the edit settles
    with qtbot.waitSignal(bar._timer.timeout):
        pass
    bar.editor.set_text("다른 글\n")  # an edit before that search is done
    bar._timer.stop()  # (its own search later)
    gate.set()
    qtbot.waitUntil(lambda: not bar._searching)
    assert bar.count.text() != "6 matches" and len(bar.matches) != 6  # the older text's: dropped
    bar._timer.start(0)
    qtbot.waitUntil(lambda: bar.count.text() == "No matches")
    assert bar.editor.extraSelections() == []
