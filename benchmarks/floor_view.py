"""The floor of launch and memory: a bare QWebEngineView showing a post's text, nothing else.

Usage: python benchmarks/floor_view.py POST
The least a window with a web preview can cost with this Qt: PySide6's QtWebEngineWidgets, one
QApplication, one view given the post as escaped text in a ``<pre>``; once the page has loaded,
the window title becomes the post's file name (what run_all.py watches for, as for every app).
"""

from __future__ import annotations

import html
import sys
from pathlib import Path


def main() -> None:
    post = Path(sys.argv[1])
    from PySide6 import QtWebEngineWidgets
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    view = QtWebEngineWidgets.QWebEngineView()
    view.setWindowTitle("loading")
    view.loadFinished.connect(lambda ok: view.setWindowTitle(f"{post.name} - floor"))
    text = post.read_text(encoding="utf-8")
    view.setHtml(f"<!doctype html><meta charset='utf-8'><pre>{html.escape(text)}</pre>")
    view.resize(1000, 700)
    view.show()
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
