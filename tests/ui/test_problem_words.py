"""The core's messages in the interface's language: with a Korean translation of the core's
templates loaded, the window shows a broken header's problem in Korean (the form above the
editor and the Checks dock), core errors read in Korean, and without it all stays English."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from journal_app.core import ConflictError, Post
from journal_app.core.post import read_error_words
from journal_app.core.checks import check_post
from journal_app.core.problems import ProblemKind as K, RefusedFile
from journal_app.core.words import CONTEXT, Words
from journal_app.ui.checks_panel import ChecksPanel
from journal_app.ui.problem_words import message, words
from tests.ui.translating import compiled_translator
from journal_app.ui.sidebar import post_tooltip

DEMIAN = "backup/content/책 \u201c데미안\u201d 읽고.md"
AFTER_QUOTE = "the header has text after the closing quote (a {quote} inside the value needs escaping)"
KOREAN = {
    AFTER_QUOTE: "머리말에서 닫는 따옴표 뒤에 텍스트가 있습니다(값 안의 {quote}은(는) 이스케이프해야 합니다)",
    "line {line}: {message}": "{line}번째 줄: {message}",
    "{path} changed on disk since it was opened; saving now would overwrite that change.": (
        "{path}이(가) 연 뒤에 디스크에서 바뀌었습니다. 지금 저장하면 그 변경 사항을 덮어씁니다."
    ),
    "Could not read {path}: {reason}.": "{path}을(를) 읽지 못했습니다: {reason}.",
    "it is {kind}, not a regular file; it is not read": "일반 파일이 아니라 {kind}이므로 읽지 않습니다",
    "a socket": "소켓",
    "the file is empty": "파일이 비어 있습니다 {없는값}",  # a broken translation: English instead
}


@pytest.fixture
def korean(tmp_path):
    """A translator of the core's context holding ``KOREAN``, compiled with lrelease; installed
    for the test and removed after it."""
    with compiled_translator(tmp_path, {(CONTEXT, source): text for source, text in KOREAN.items()}) as found:
        yield found


def test_a_broken_header_reads_in_korean_in_the_window(qtbot, window, journal_root, korean):
    assert window.open_post(journal_root / DEMIAN)
    label = window.findChild(QLabel, "headerProblem")
    korean_words = KOREAN[AFTER_QUOTE].format(quote='"')
    assert label.isVisible() and korean_words in label.text()
    assert "closing quote" not in label.text()
    window.commands.view_checks.trigger()
    panel = window.findChild(ChecksPanel, "checksPanel")
    first = panel.list.item(0).text()
    assert first == f"2번째 줄: {korean_words}"
    info = next(info for info in window.journal.posts if info.path == journal_root / DEMIAN)
    assert post_tooltip(info).endswith(f"\n2번째 줄: {korean_words}")  # the sidebar row's tooltip


def test_core_errors_read_in_korean_and_english_without_a_translator(qtbot, tmp_path, korean):
    error = ConflictError(
        "{path} changed on disk since it was opened; saving now would overwrite that change.", path=tmp_path
    )
    assert (
        words(error)
        == f"{tmp_path}이(가) 연 뒤에 디스크에서 바뀌었습니다. 지금 저장하면 그 변경 사항을 덮어씁니다."
    )
    refused = RefusedFile(
        Words("it is {kind}, not a regular file; it is not read", {"kind": Words("a socket")}), K.NOT_REGULAR
    )
    said = read_error_words(tmp_path / "s.md", refused)
    assert (
        words(said)
        == f"{tmp_path / 's.md'}을(를) 읽지 못했습니다: 일반 파일이 아니라 소켓이므로 읽지 않습니다."
    )
    problem = check_post(Post(b""))[0]  # its translation has a placeholder it lacks: not used
    assert words(problem) == message(problem) == "the file is empty"
    QCoreApplication.removeTranslator(korean)
    assert words(error) == str(error) and words(said) == str(said)
    assert words(OSError("plain")) == "plain" and message(None) == ""
