"""The Korean interface: the language chosen from the preference or the system locale, the
Korean texts complete and well-formed, compiled at install, and the window reading them (the
File menu reads 파일 with LANG=ko_KR.UTF-8)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from journal_app.resources import resource_path
from journal_app.ui.app import create_window
from journal_app.ui.i18n import has_translation, install_language, interface_language, remove_language
from tests.ui.conftest import close_window

REPO = Path(__file__).resolve().parents[2]
KOREAN_TS = REPO / "resources" / "translations" / "journal_app_ko.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
HANGUL = re.compile("[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{([a-z_0-9]*)(?::[^}]*)?\}|(%n|%\d)")  # a format spec may differ
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*")


@pytest.mark.parametrize(
    ("preference", "system", "expected"),
    [
        ("ko", "en_US", "ko"),
        ("en", "ko_KR", "en"),
        ("system", "ko_KR", "ko"),
        ("system", "en_GB", "en"),
        ("system", "de_DE", "en"),  # no German texts: the source language
    ],
)
def test_the_language_is_the_preference_or_else_the_systems(preference, system, expected):
    assert interface_language(preference, QLocale(system)) == expected


def korean_messages(path: Path = KOREAN_TS) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_text_of_the_code_has_its_korean(tmp_path):
    """lupdate over the code, into a copy of the Korean .ts, finds nothing new and nothing
    unfinished: a string wrapped for translation without its Korean fails here."""
    copy = tmp_path / "ko.ts"
    shutil.copy(KOREAN_TS, copy)
    sources = sorted(str(path) for path in (REPO / "journal_app").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), *sources, "-ts", str(copy), "-locations", "none", "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    unfinished = [
        (context, source)
        for context, source, message in korean_messages(copy)
        if message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []
    assert len(korean_messages(copy)) == len(korean_messages())  # no stale text kept either


def test_the_korean_keeps_each_placeholder_tag_and_accelerator():
    for context, source, message in korean_messages():
        korean = "".join(message.find("translation").itertext())  # type: ignore[union-attr]
        where = f"{context}: {source!r} → {korean!r}"
        assert sorted(PLACEHOLDER.findall(korean)) == sorted(PLACEHOLDER.findall(source)), where
        assert sorted(TAG.findall(korean)) == sorted(TAG.findall(source)), where
        accelerator = re.search(r"&([^&\s])", source.replace("&&", ""))
        if accelerator:
            assert f"(&{accelerator.group(1).upper()})" in korean.upper(), where
        if source.endswith("…"):
            assert korean.endswith("…"), where


def test_the_installed_texts_are_compiled_from_the_current_sources(tmp_path):
    """The .qm the app loads is what lrelease makes of the .ts now (the build hook ran)."""
    sys.path.insert(0, str(REPO / "resources" / "translations"))
    try:
        from build_hook import compile_translations
    finally:
        sys.path.pop(0)
    shutil.copy(KOREAN_TS, tmp_path / KOREAN_TS.name)
    (made,) = compile_translations(tmp_path)
    assert has_translation("ko")
    assert made.read_bytes() == resource_path("translations/journal_app_ko.qm").read_bytes()


@pytest.fixture
def korean(qapp):
    before = QLocale().name()
    install_language("ko")
    assert QLocale().language() == QLocale.Language.Korean
    yield
    remove_language()
    assert QLocale().name() == before  # nothing of the Korean interface stays for other tests


ENGLISH_ONLY = {"HTML", "Git", "UTF-8", "journal_app"}  # names that read the same in Korean


def test_the_window_reads_korean_menus_through_and_qts_own_texts_too(qtbot, korean, journal_root, env):
    window = create_window(journal_root, env)
    try:
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles[0] == "파일(&F)"
        untranslated = []
        for menu_action in window.menuBar().actions():
            for action in menu_action.menu().actions():
                text = action.text().replace("&", "")
                if text and not action.isSeparator() and not HANGUL.search(text):
                    if not any(name in text for name in ENGLISH_ONLY) and not action.data():
                        untranslated.append(text)
        assert untranslated == []
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"  # qtbase_ko
    finally:
        close_window(window)


CHILD = """
import json, sys
from PySide6 import QtWebEngineWidgets  # noqa: F401
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication([sys.argv[0]])

def report():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    print(json.dumps([action.text() for action in window.menuBar().actions()]), flush=True)
    window.close()
    quitting.start(100)  # again and again: the first may come before the event loop runs

quitting = QTimer()
quitting.timeout.connect(app.quit)

QTimer.singleShot(0, report)
from journal_app.ui.app import main
main([])
"""


def test_with_a_korean_system_locale_the_file_menu_reads_korean(tmp_path):
    env = dict(
        os.environ,
        LANG="ko_KR.UTF-8",
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "JOURNAL_APP_DATA_DIR"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=90, check=True
    )
    titles = json.loads(result.stdout.strip().splitlines()[-1])
    assert titles[0] == "파일(&F)"
    assert "도움말(&H)" in titles


def test_what_the_core_says_in_english_for_the_command_line_reads_korean_in_the_window(korean):
    from datetime import datetime, timezone

    from journal_app.core.gitrepo import GitStatus
    from journal_app.core.history import NOT_COMMITTED, Version
    from journal_app.core.repairs import HEADER, UNDEFINED, Repair
    from journal_app.ui.checks_panel import repair_label
    from journal_app.ui.git_sync import status_text
    from journal_app.ui.history_panel import version_summary
    from journal_app.ui.prompts import difference_text

    when = datetime(2024, 3, 5, tzinfo=timezone.utc)
    saved = Version(1, when, 10, 3, 1, "", NOT_COMMITTED, "a.md")
    assert saved.summary == "+3 \u22121 lines \u00b7 saved, not committed"  # the command line's
    assert version_summary(saved) == "+3 \u22121줄 \u00b7 저장됨, 커밋 안 됨"
    first = Version(2, when, 10, -1, 0, "", "init", "a.md")
    assert version_summary(first) == "남아 있는 가장 오래된 버전 \u00b7 init"
    status = GitStatus("main", None, 0, 0, [Path("a.md"), Path("b.md")])
    assert status_text(status) == "main \u00b7 커밋할 파일 2개 \u00b7 원격 브랜치 없음"
    assert repair_label(Repair(HEADER, ())) == "머리말 고치기"
    assert repair_label(Repair(UNDEFINED, ((), ()))) == "'undefined' 줄 2개 삭제"  # type: ignore[arg-type]
    assert difference_text("a\n", "a\n", Path("a.md"), "x", "y") == "두 텍스트가 같습니다."
    assert difference_text(None, "a\n", Path("a.md"), "x", "y").startswith("a.md 파일이")
