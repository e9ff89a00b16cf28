"""Take a screenshot of the window on the sample journal (the README's picture).

Usage: python -m journal_app.ui.screenshot OUT.png [JOURNAL_OR_POST] [--size 1400x900]
       [--theme light|dark] [--language en|ko]
Runs on whatever Qt platform is set (xcb under Xvfb, or offscreen); settings and the sample
journal copy live in a temporary folder, so the user's own are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

SHOWCASE = "content/제주도 여행 후기.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m journal_app.ui.screenshot")
    parser.add_argument("out")
    parser.add_argument("target", nargs="?")
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="light")
    parser.add_argument("--language", choices=("en", "ko"), default="en")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
    from PySide6.QtWidgets import QApplication

    from .app import create_window, ensure_sample_journal
    from .i18n import install_language
    from .settings import Environment

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    install_language(args.language)
    with tempfile.TemporaryDirectory() as folder:
        env = Environment.in_folder(Path(folder))
        env.settings.set("preferences/theme", args.theme)
        env.settings.set("preferences/language", args.language)
        target = Path(args.target) if args.target else ensure_sample_journal(env.data_dir) / SHOWCASE
        window = create_window(target, env)
        window.resize(width, height)
        state = {"images": False}
        clock = QElapsedTimer()
        clock.start()

        def check(result) -> None:
            state["images"] = bool(result)

        while clock.elapsed() < args.timeout * 1000 and not state["images"]:
            app.processEvents()
            if window.preview.ready and window.preview.last_html:
                window.preview.run_in_page(
                    "Array.from(document.images).every(function (i) { return i.complete && "
                    "i.naturalWidth > 0; }) && document.getElementById('content').innerText.length > 0",
                    check,
                )
            QApplication.processEvents()
            QCoreApplication.sendPostedEvents()
            app.thread().msleep(50)
        for _ in range(20):  # let the last paint land
            app.processEvents()
            app.thread().msleep(25)
        ok = window.grab().save(args.out)
        window.editor.document().setModified(False)
        window.close()
        print(f"wrote {args.out}" if ok else f"could not write {args.out}")
        return 0 if ok and state["images"] else 1


if __name__ == "__main__":
    sys.exit(main())
