"""The texts of the history, checks, git, preview, help, site export, spelling and paste parts go
through Qt's translation under the contexts pyside6-lupdate gives them: with a translator of a
few Korean texts installed (compiled here with PySide6's lrelease), the widgets show the Korean;
without one (every other test) they show the English source texts."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDockWidget, QWidget

from journal_app.core import Journal
from journal_app.ui.git_sync import CommitDialog
from journal_app.ui.help import about_text
from journal_app.ui.paste import pasted
from journal_app.ui.site_export import ExportSiteDialog
from journal_app.ui.dictionaries import _no_dictionary
from tests.ui.translating import compiled_translator

KOREAN = [  # (context, English source, Korean): as lupdate reads them from the code
    ("HistoryPanel", "History", "버전 기록"),
    ("HistoryPanel", "Versions of “{title}”, kept by journal_app", "“{title}”의 버전(journal_app이 보관)"),
    ("ChecksPanel", "Checks", "검사"),
    ("ChecksPanel", "No warnings for {platform}.", "{platform} 기준으로 경고가 없습니다."),
    ("ChecksPanel", "{count} warning(s) for {platform}.", "{platform} 기준으로 경고가 {count}개 있습니다."),
    (
        "GitSync",
        "The journal is not a git working tree: there is nothing to commit to.",
        "커밋할 곳이 없습니다.",
    ),
    ("CommitDialog", "Commit", "커밋"),
    ("Preview", "Preview", "미리 보기"),
    ("Help", "Folders", "폴더"),
    ("Help", "  Settings: {path}", "  설정: {path}"),
    ("ExportSiteDialog", "Export Site", "사이트 내보내기"),
    ("Spelling", "no ko dictionary installed", "한국어 사전이 설치되어 있지 않습니다"),
    (
        "Paste",
        "Images can be added to a post saved in a journal.",
        "이미지는 저널에 저장된 글에만 넣을 수 있습니다.",
    ),
]


@pytest.fixture
def korean(tmp_path, qapp):
    """The Korean texts above installed in the application for the test (taken out after)."""
    with compiled_translator(
        tmp_path, {(context, source): text for context, source, text in KOREAN}
    ) as found:
        yield found


def test_the_window_parts_speak_korean(qtbot, korean, window, journal_root):
    history = window.findChild(QDockWidget, "historyPanel")
    checks = window.findChild(QDockWidget, "checksPanel")
    assert history.windowTitle() == "버전 기록" and checks.windowTitle() == "검사"
    assert window.preview.accessibleName() == "미리 보기"

    post = journal_root / "content" / "오늘의 메모.md"
    window.open_post(post)
    checks.open_panel()
    assert "기준으로 경고가" in checks.summary.text()
    history.open_panel()
    assert history.heading.text().endswith("의 버전(journal_app이 보관)")

    window.git.commit()  # the sample journal is not under git
    assert window.statusBar().currentMessage() == "커밋할 곳이 없습니다."


def test_dialogs_and_messages_speak_korean(qtbot, korean, journal_root, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    assert CommitDialog(parent, "Update", [], [], tmp_path).windowTitle() == "커밋"
    assert (
        ExportSiteDialog(Journal(journal_root, use_index=False), tmp_path, "hugo", parent).windowTitle()
        == "사이트 내보내기"
    )
    about = about_text(tmp_path, "settings.ini").splitlines()
    assert "폴더" in about and "  설정: settings.ini" in about
    assert _no_dictionary(["ko"]) == "한국어 사전이 설치되어 있지 않습니다"
    image = QMimeData()
    image.setImageData(QImage(4, 4, QImage.Format.Format_RGB32))
    assert pasted(image, None).message == "이미지는 저널에 저장된 글에만 넣을 수 있습니다."


def test_without_a_translator_the_texts_are_the_english_sources(qtbot, tmp_path):
    assert _no_dictionary(["ko", "en"]) == "no ko or en dictionary installed"
    assert "Folders" in about_text(tmp_path, "settings.ini").splitlines()
