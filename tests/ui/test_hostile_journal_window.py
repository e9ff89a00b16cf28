"""The window on a journal of hostile files opens, lists each as a problem and opens the rest.

The window runs in a child process with a time bound: on code that hangs (a pipe read, a form
printing an alias bomb, 20,000 tag groups), the test fails instead of blocking the run.
"""

from __future__ import annotations

import json
import os

from tests.hostile import BOMB, GOOD, deep_folders, hostile_journal, run_python

CHILD = r"""
import json, os, sys
from pathlib import Path
from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication(["journal-app"])
from journal_app.ui.app import create_window
from journal_app.ui.settings import Environment

root, messages = Path(sys.argv[1]), []

def dismiss():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        messages.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()
    QTimer.singleShot(20, dismiss)

QTimer.singleShot(0, dismiss)
# no web view: what is checked is the window's tree, editor, form and messages (the preview's
# render thread still renders each post); the web engine would double the child's work
window = create_window(root, Environment.in_folder(Path(sys.argv[2])), web_view=False)
opened = {}
for name in sys.argv[3:]:
    ok = window.open_post(root / name)
    opened[name] = [ok, window.editor.toPlainText()[:40] if ok else None,
                    window.form.others.text()[:40] if ok else None]
print(json.dumps({"groups": window.sidebar.model.rowCount(), "opened": opened,
                  "messages": messages, "problems": window.journal.problems}), flush=True)
window.editor.document().setModified(False)
os._exit(0)
"""


def test_the_window_opens_a_journal_of_hostile_files(tmp_path):
    root, server = hostile_journal(tmp_path, bomb_title="Bomb", tags=20000)
    qt = {"QT_QPA_PLATFORM": "offscreen"}
    if os.geteuid() == 0:
        qt["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    try:
        with deep_folders(root, 1100, (1100,)):
            result = run_python(
                "-c",
                CHILD,
                str(root),
                str(tmp_path / "env"),
                "key.md",
                "pipe.md",
                "zero.md",
                "bomb.md",
                "tags.md",
                "big.md",
                "good.md",
                timeout=60,
                memory=False,
                env=qt,
            )
    finally:
        server.close()
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.splitlines()[-1])
    opened = found["opened"]
    assert [opened[name][0] for name in ("key.md", "pipe.md", "zero.md")] == [False] * 3
    assert "link to a place outside the journal" in found["messages"][0]
    assert "named pipe (FIFO), not a regular file" in found["messages"][1]
    assert "PRIVATE KEY" not in result.stdout
    assert opened["bomb.md"] == [True, BOMB[:40], ""]  # the form shows no value of the bomb
    # a header over 1 MB is kept aside, not put in the editor; the (empty) body is what is edited
    assert opened["tags.md"][0] and opened["big.md"][0] and not opened["big.md"][1].startswith("---")
    assert opened["good.md"] == [True, GOOD, ""]
    assert found["groups"] < 110  # 100 tags of tags.md, "ok", untagged, problems
    assert len(found["problems"]) == 1 and "more than 64 folders deep" in found["problems"][0]
