"""The composition root: builds the QApplication, the environment and the window.

``create_window(path)`` is the factory for tests and tools: it returns the shown main window
on an existing QApplication without entering the event loop.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING, cast
from pathlib import Path

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer

from ..core.flavor import find_journal_root
from ..resources import resource_path
from .icons import app_icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SAMPLE = "sample-journal"
SWITCH_INTERVAL_S = 0.0005
FIRST_PAINT_WAIT_MS = 1000  # a window not painted by then (minimized, covered) builds anyway


class AfterPaint(QObject):
    """Runs ``act`` once, in the turn of the event loop after ``widget`` is next painted, or
    after ``at_most_ms`` when it is not painted by then (a minimized window)."""

    def __init__(self, widget: QWidget, act: Callable[[], None], at_most_ms: int) -> None:
        super().__init__(widget)
        self.widget = widget
        self.act: Callable[[], None] | None = act
        self._timer = QTimer(self, singleShot=True, interval=at_most_ms)
        self._timer.timeout.connect(self._run)
        self._timer.start()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            self._timer.stop()
            QTimer.singleShot(0, self, self._run)  # after this paint reaches the screen
        return False

    def _run(self) -> None:
        if self.act is not None:
            act, self.act = self.act, None
            self._timer.stop()
            self.widget.removeEventFilter(self)
            try:
                act()
            finally:
                self.deleteLater()


def after_first_paint(
    widget: QWidget, act: Callable[[], None], at_most_ms: int = FIRST_PAINT_WAIT_MS
) -> None:
    """Run ``act`` once ``widget`` has been painted (the next time it is), or after
    ``at_most_ms`` when it is not painted by then. A timer of 0 ms would run first: Qt paints a
    shown window a few milliseconds later, when the platform asks for the frame."""
    AfterPaint(widget, act, at_most_ms)


def ensure_sample_journal(data_dir: Path) -> Path:
    """The user's copy of the built-in sample journal (copied on first use, never the original)."""
    target = data_dir / SAMPLE
    if not target.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copytree(resource_path(SAMPLE), target)
    return target


def create_window(path: str | Path | None = None, env=None, delays=None, web_view: bool = True):
    """Build and show the main window on ``path`` (a journal folder or a post), or on the last
    journal, or on the sample journal. Needs an existing QApplication. ``delays`` (a
    ``document.Delays``): how long autosave, recovery and the file watch wait. ``web_view``
    False leaves the preview without its web view (``Preview.build`` makes it when called):
    the render thread still renders, nothing is shown."""
    from ..core.recovery import RecoveryStore
    from .collector import collect_on_gui_thread
    from .document import Delays
    from .main_window import MainWindow
    from .recovery_offer import offer_recovery
    from .settings import AUTOSAVE_SECONDS, Environment

    env = env or Environment.default()
    # the preview renders on a thread: a slow render (seconds for a megabyte of minified HTML)
    # would make each keystroke wait up to 5 ms, the default, for the interpreter lock, several
    # times over; 0.5 ms keeps typing quick
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    collect_on_gui_thread()  # never on the render thread: it would destroy Qt objects there
    recovery = RecoveryStore(env.data_dir / "recovery")
    low, high = AUTOSAVE_SECONDS
    autosave_ms = 1000 * max(low, min(high, env.settings.get("preferences/autosave_seconds")))
    window = MainWindow(env, recovery, delays or Delays(autosave_ms=autosave_ms))
    # the post's render and the search index's build wait for the first paint (_after_first_paint)
    window.preview.hold_renders()
    window.search.hold()
    window.setWindowIcon(app_icon())  # the SVG and each PNG size
    window.restore_state()
    select = None
    if path is not None:
        target = Path(path).absolute()
        if target.is_file():
            folder, select = find_journal_root(target), target
        else:
            folder = target
    else:
        last = env.settings.get("state/last_journal")
        folder = Path(last) if last and Path(last).is_dir() else ensure_sample_journal(env.data_dir)
    window.show()  # first, so a long first scan shows its progress in the window
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    window.open_journal(folder, select=select)
    # the form laid out for the post before the first paint, not a frame later (a wrapping
    # label's height follows its width: the second pass settles it)
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    # the editor shows the post now; once it has been painted with it, the inline highlighting
    # (``inline_later``), and a turn later the web view (which starts the web engine: 0.4 s of
    # processor time): the preview then loads its page and shows the render waiting
    after_first_paint(window.editor.viewport(), lambda: _after_first_paint(window, web_view))
    # and however that goes (the window closed before its first paint, the act failing), every
    # window's lines get their inline highlighting a moment later all the same
    QTimer.singleShot(2 * FIRST_PAINT_WAIT_MS, _inline_now)
    offer_recovery(window.document)
    return window


def _inline_now() -> None:
    from .highlighter import inline_now

    inline_now()


def _after_first_paint(window, web_view: bool) -> None:
    window.preview.release_renders()
    window.search.release()
    _inline_now()
    if web_view:  # in turns of their own: Qt WebEngine's modules, the web profile, the view
        QTimer.singleShot(0, window.preview, lambda: _web_modules(window))


def _web_modules(window) -> None:
    from .preview_web import shared_profile

    QTimer.singleShot(0, window.preview, lambda: _web_profile(window, shared_profile))


def _web_profile(window, shared_profile: Callable) -> None:
    shared_profile()
    QTimer.singleShot(0, window.preview, window.preview.build)


def allow_web_engine_as_root() -> bool:
    """As root (a container, a first try), let the preview's web engine start: Chromium's
    sandbox refuses root, and the engine would exit with "Running as root without --no-sandbox
    is not supported". Says so once on stderr; True when it switched the sandbox off."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or os.environ.get("QTWEBENGINE_DISABLE_SANDBOX"):
        return False
    os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    print(
        "journal-app: running as root, so the preview runs without the web engine's sandbox.",
        file=sys.stderr,
    )
    return True


def main(argv: list[str]) -> int:
    """Run the window: ``journal-app [JOURNAL_DIR | POST.md]``."""
    if len(argv) > 1:
        print("journal-app: give at most one journal folder or post file.", file=sys.stderr)
        return 2
    if argv and not Path(argv[0]).exists():
        print(f"journal-app: there is no folder or file at {argv[0]}.", file=sys.stderr)
        return 2
    allow_web_engine_as_root()
    # Qt WebEngine needs only the shared contexts before the QApplication: its modules load
    # with the preview's web view (ui/preview_web.py), after the window shows the post
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # instance() is typed QCoreApplication; in this program it is the QApplication (made here or
    # by the caller): a bare QCoreApplication would have no setApplicationDisplayName below
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0], *[]]))
    # no organization name: Qt's application folders are then journal_app/, not
    # journal_app/journal_app/ (the settings name both explicitly: Environment.default)
    app.setApplicationName("journal_app")
    app.setApplicationDisplayName("journal_app")
    app.setDesktopFileName("journal-app")  # resources/journal-app.desktop (--install-desktop)
    app.setWindowIcon(app_icon())
    from .clipboard import hand_clipboard_to_qt

    app.aboutToQuit.connect(hand_clipboard_to_qt)  # a copy's text outlives us, safely
    from .i18n import install_language, interface_language
    from .settings import Environment

    env = Environment.default()
    install_language(interface_language(env.settings.get("preferences/language")))
    from .highlighter import inline_later

    inline_later()  # the first paint shows the post without waiting for markdown-it-py
    window = create_window(argv[0] if argv else None, env)
    window.raise_()
    code = app.exec()
    # the window and its preview page go before the application and the web profile it owns
    window.deleteLater()
    QCoreApplication.sendPostedEvents(window, QEvent.Type.DeferredDelete.value)
    return code
