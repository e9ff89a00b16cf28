"""The app quits cleanly after a copy in the editor: the copy's QMimeData, made in Python, used
to stay on the clipboard until Qt deleted it after the interpreter had finished (a segmentation
fault at exit on the offscreen platform); the copied text stays on the clipboard till the end."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication(["journal-app"])

def copy_and_quit():
    windows = [w for w in app.topLevelWidgets() if hasattr(w, "editor")]
    if not windows or not windows[0].editor.toPlainText():
        QTimer.singleShot(50, copy_and_quit)
        return
    editor = windows[0].editor
    editor.selectAll()
    editor.copy()
    # after the app's own handler (connected first): what the clipboard holds as the app quits
    app.aboutToQuit.connect(lambda: print("kept:", repr(app.clipboard().text()), flush=True))
    windows[0].close()

QTimer.singleShot(50, copy_and_quit)
from journal_app.ui.app import main
sys.exit(main([sys.argv[1]]))
"""


def test_copying_text_and_quitting_exits_cleanly_with_the_text_kept(tmp_path):
    post = tmp_path / "journal" / "글.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: 복사\n---\n한 줄 copied\n", encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(post)], env=env, capture_output=True, text=True, timeout=120
    )
    assert "kept: '---\\ntitle: 복사\\n---\\n한 줄 copied\\n'" in result.stdout, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
