"""The Qt binding itself: a release that drops references to None crashes long sessions on
Python 3.11 ("none_dealloc" at exit, seen with PySide6 6.12.0); pyproject keeps it out."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_qt_calls_keep_none_alive(qapp):
    label, editor = QLabel(), QPlainTextEdit()
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
        editor.setPlainText("가")
    assert sys.getrefcount(None) - before > -20
