"""Fixtures for window tests: offscreen Qt, QtWebEngine loaded before the QApplication, a real
journal in tmp_path and settings kept in tmp_path."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import pytest  # noqa: E402
from PySide6 import QtWebEngineWidgets  # noqa: E402,F401  (before any QApplication exists)
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from journal_app.resources import resource_path  # noqa: E402
from journal_app.ui import dictionaries  # noqa: E402
from journal_app.ui.app import create_window  # noqa: E402
from journal_app.ui.document import Delays  # noqa: E402
from journal_app.ui.settings import Environment  # noqa: E402
from tests.quirks import write_quirks  # noqa: E402

QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

# The dictionaries' threads at the window's priority, not the lowest: on a machine kept busy
# (the other worker, other programs) a thread at the lowest priority got no turn for minutes, and
# a test waiting for a dictionary to load failed (and its process waited at exit for the load).
dictionaries.NICENESS = 0


def pytest_unconfigure(config):
    """Empty the clipboard while Python still runs. A QMimeData made in Python (a test's paste,
    the editor's copy) stays in the clipboard, which on the offscreen platform Qt keeps in a static
    object destroyed at exit, after the interpreter: deleting the data then calls into Python and
    crashed the process (exit code 139 after a passing run)."""
    if QApplication.instance() is not None:
        QApplication.clipboard().clear()


@pytest.fixture
def journal_root(tmp_path):
    """The sample journal plus every quirk file, in tmp_path."""
    root = tmp_path / "journal"
    shutil.copytree(resource_path("sample-journal"), root)
    write_quirks(root)
    return root


@pytest.fixture
def env(tmp_path):
    """Settings in tmp_path; autosave off so the unsaved-changes prompt can be tested
    (the autosave tests turn it back on)."""
    created = Environment.in_folder(tmp_path / "env")
    created.settings.set("preferences/autosave", False)
    return created


FAST = Delays(sync_ms=10, recovery_ms=50, autosave_ms=150, settle_ms=50)


@pytest.fixture
def delays():
    """Short waits for autosave, recovery and the file watch, so tests need not sleep on the
    real ones (a test can parametrize ``delays`` with ``Delays()`` to get those)."""
    return FAST


def wants_web_view(request) -> bool:
    """Whether the test gets the preview's real web view from the start: marked ``web_view``.
    The others get the window without it: the web view and its page are a good part of a
    window's cost and most window tests never look at the page (the render thread still
    renders; ``page_value`` and ``wait_for_page`` make the view when first asked)."""
    return request.node.get_closest_marker("web_view") is not None


@pytest.fixture
def window(request, qtbot, journal_root, env, delays):
    """The main window on the journal, shown. A test marked ``web_view`` gets the preview's web
    view with its page loaded, or still loading when also marked ``page_loads_meanwhile`` (it
    then reaches the page only through ``page_value`` and ``wait_for_page``, which wait for it).
    Other tests get no web view until ``page_value`` or ``wait_for_page`` makes it. A page made
    has loaded before its window closes, so every window is torn down in the same state."""
    web = wants_web_view(request)
    created = create_window(journal_root, env, delays, web_view=web)
    meanwhile = request.node.get_closest_marker("page_loads_meanwhile") is not None
    try:
        if web and not meanwhile:
            qtbot.waitUntil(lambda: created.preview.ready, timeout=20000)
    except BaseException:
        close_window(created)  # a window left open would be torn down later, mid-test
        raise
    yield created
    try:
        if created.preview.view is not None:  # (a test that closed the window has no page to wait for)
            qtbot.waitUntil(lambda: created.preview.ready or not created.isVisible(), timeout=20000)
    finally:
        close_window(created)


@pytest.fixture
def made(qtbot, tmp_path):
    """A function building an OpenDocument on a real editor, without a window (autosave off unless
    asked), and its scripted user (``Answers``)."""
    from journal_app.core.recovery import RecoveryStore
    from journal_app.ui.document import OpenDocument
    from journal_app.ui.editor import MarkdownEditor
    from journal_app.ui.watcher import JournalWatcher
    from tests.ui.documents import FAST as DOCUMENT_DELAYS, Answers

    stores = []

    def make(autosave: bool = False, recovery: RecoveryStore | None = None):
        editor = MarkdownEditor()
        qtbot.addWidget(editor)
        store = recovery or RecoveryStore(tmp_path / "recovery")
        stores.append(store)
        answers = Answers()
        document = OpenDocument(
            editor, store, answers, JournalWatcher(editor), lambda: autosave, DOCUMENT_DELAYS, editor
        )
        return document, answers

    yield make
    for store in stores:
        store.close()


def close_window(window) -> None:
    """Close a window without the unsaved-changes prompt (qtbot.addWidget would close it
    before our fixtures can discard the test's edits); a window already deleted is left be."""
    import shiboken6

    if not shiboken6.isValid(window):
        return
    window.editor.document().setModified(False)
    for index in range(window.tabs.bar.count()):  # and every other open tab's text
        held = window.tabs.held(index)
        if held is not None:
            held.text.setModified(False)
    window.close()
    window.deleteLater()
    # delete it now: a web page that outlives the QApplication crashes the process at exit
    QCoreApplication.sendPostedEvents(window, QEvent.Type.DeferredDelete.value)


class _Answer:
    """One ``answer_dialog`` call: what it waits for and how it ended."""

    def __init__(self, act, timeout_ms: int, required: bool, where: str) -> None:
        self.act, self.timeout_ms, self.required, self.where = act, timeout_ms, required, where
        self.waited = 0
        self.answered = False
        self.ended = False  # answered, given up or cancelled at the test's end
        self.failure: str | None = None

    def describe(self) -> str:
        name = getattr(self.act, "__qualname__", repr(self.act))
        return f"answer_dialog({name}, timeout_ms={self.timeout_ms}) called at {self.where}"


# the answers asked for during the current test (checked and cancelled when its call ends)
_answers: list[_Answer] = []


def answer_dialog(act, timeout_ms: int = 5000, required: bool = True) -> None:
    """When the next modal dialog opens, call ``act(dialog)`` on it. No dialog within
    ``timeout_ms`` of the event loop's turns (or none before the test ends) fails the test with
    what it waited for, unless ``required`` is false (a test proving that no dialog opens). A
    failure is recorded, not raised in the timer's slot, and ``act`` raising rejects the dialog
    (a dialog left open would hang the test in its ``exec``); the test fails when it ends
    (``pytest_runtest_call`` below). Waiting ends with the test: a wait left running would
    answer a later test's dialog."""
    import traceback

    caller = traceback.extract_stack(limit=2)[0]
    answer = _Answer(act, timeout_ms, required, f"{Path(caller.filename).name}:{caller.lineno}")
    _answers.append(answer)

    def handle():
        if answer.ended:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            answer.waited += 20
            if answer.waited < timeout_ms:
                QTimer.singleShot(20, handle)
            else:
                answer.ended = True
                if required:
                    answer.failure = f"no modal dialog opened: {answer.describe()}"
            return
        answer.ended = answer.answered = True
        try:
            act(dialog)
        except BaseException as error:  # noqa: BLE001 (recorded: the test fails when it ends)
            answer.failure = f"{answer.describe()} raised on {dialog.objectName() or dialog!r}: {error!r}"
            dialog.reject()

    QTimer.singleShot(0, handle)


def unanswered(answers: list[_Answer]) -> list[str]:
    """What each of ``answers`` failed at, the waits still running counted as failed, and every
    wait ended (a wait that is not required and saw no dialog failed nothing)."""
    failures = []
    for answer in answers:
        if answer.failure is not None:
            failures.append(answer.failure)
        elif not answer.answered and answer.required:
            failures.append(f"the test ended before a modal dialog opened: {answer.describe()}")
        answer.ended = True
    return failures


def _forget_answers() -> None:
    """End every wait still running, failing nothing (the phase failed already: its own error
    says more)."""
    unanswered(_answers)
    _answers.clear()


@contextmanager
def _answers_checked():
    """Around a test's phase: fail it when a wait still open at its end saw no dialog or its
    answer raised."""
    try:
        yield
    except BaseException:
        _forget_answers()
        raise
    failures = unanswered(_answers)
    _answers.clear()
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """A test's waits start with its fixtures: one a fixture starts goes on into the test."""
    _answers.clear()
    try:
        return (yield)
    except BaseException:
        _forget_answers()
        raise


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fails a test whose ``answer_dialog`` (its own or a fixture's) saw no dialog or whose
    answer raised."""
    with _answers_checked():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The same for the waits a fixture starts as it ends."""
    with _answers_checked():
        return (yield)


def page_value(qtbot, window, script: str, timeout: int = 10000):
    """The result of our own script run in the preview page's isolated world (the web view is
    made first when the window was built without it)."""
    import json

    window.preview.build()  # (nothing when it is made)
    qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)  # the page, not one still loading
    box = {}
    window.preview.run_in_page(f"JSON.stringify({script})", lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=timeout)
    return json.loads(box["value"]) if box["value"] else None


def wait_for_page(qtbot, window, script: str, accept, timeout_ms: int = 10000):
    """Run ``script`` in the preview until ``accept(result)`` is true; returns that result."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        value = page_value(qtbot, window, script)
        if accept(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"the preview never satisfied the check; last value: {value!r}")
        qtbot.wait(50)


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, Korean included (QTest's key clicks only know
    Latin-1): each character is a key press carrying that text, as an input method commits it."""
    from PySide6.QtGui import QKeyEvent

    for char in text:
        if char == "\n":
            key, char_text = Qt.Key.Key_Return, "\r"
        else:
            key, char_text = Qt.Key.Key_unknown, char
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char_text))
