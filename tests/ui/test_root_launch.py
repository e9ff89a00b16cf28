"""As root the window starts as it does for anyone: the app switches the web engine's sandbox off
by itself (Chromium refuses root with its sandbox on) and says so once on stderr."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CHILD = """
import faulthandler, sys
faulthandler.dump_traceback_later(90, exit=True)  # a hang says where, before the test's timeout
from PySide6 import QtWebEngineWidgets  # noqa: F401
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication(["journal-app"])

def check():
    windows = [w for w in app.topLevelWidgets() if hasattr(w, "preview")]
    if windows and windows[0].preview.ready:
        print("preview ready", flush=True)
        windows[0].editor.document().setModified(False)
        windows[0].close()
        app.quit()
    else:
        QTimer.singleShot(100, check)

QTimer.singleShot(100, check)
from journal_app.ui.app import main
sys.exit(main([sys.argv[1]]))
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="the sandbox refuses only root")
def test_root_starts_the_window_without_being_told_about_the_sandbox(journal_root, tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QTWEBENGINE_DISABLE_SANDBOX", "QTWEBENGINE_CHROMIUM_FLAGS")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(journal_root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "preview ready" in result.stdout, result.stderr[-2000:]
    assert result.returncode == 0
    assert result.stderr.count("without the web engine's sandbox") == 1
