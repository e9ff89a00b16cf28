"""The window's texts reach Qt's translation: with a translator for a few of them installed, the
window shows them in Korean (a tiny .ts compiled here with PySide6's lrelease)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

KOREAN = {  # (context, source): translation
    ("Actions", "&File"): "파일(&F)",
    ("Actions", "&Save"): "저장(&S)",
    ("Actions", "Save the post"): "글을 저장합니다",
}


def compiled_translation(folder: Path, texts: dict[tuple[str, str], str]) -> Path:
    """A .qm holding ``texts``, made from a .ts by the environment's pyside6-lrelease."""
    contexts: dict[str, list[str]] = {}
    for (context, source), translation in texts.items():
        contexts.setdefault(context, []).append(
            f"<message><source>{escape(source)}</source>"
            f"<translation>{escape(translation)}</translation></message>"
        )
    body = "".join(
        f"<context><name>{name}</name>{''.join(messages)}</context>" for name, messages in contexts.items()
    )
    ts = folder / "test_ko.ts"
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ko">{body}</TS>',
        encoding="utf-8",
    )
    qm = folder / "test_ko.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def korean(tmp_path):
    """A translator for ``KOREAN`` installed while the test runs, removed afterwards."""
    translator = QTranslator()
    assert translator.load(str(compiled_translation(tmp_path, KOREAN)))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def window(korean, window):
    """The window of conftest, built while the translator is installed."""
    return window


def test_menus_and_actions_show_the_installed_translation(window) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[0] == "파일(&F)"
    assert "&Edit" in titles  # a text the translator does not hold stays English
    assert window.commands.file_save.text() == "저장(&S)"
    assert window.commands.file_save.statusTip() == "글을 저장합니다"
