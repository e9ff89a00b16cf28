"""Text from a post or a path is never drawn as HTML (issue 9): a journal of hostile posts is
opened in the real window, and every label, tooltip and dialog the window shows for them is
walked. Each must show the markup literally: ``<h1>WORD`` wherever WORD shows, and no image.

Every hostile string carries one marker WORD inside ``<h1>``, bold text and an ``<img>`` of a
big local picture, so a widget that renders it shows WORD without ``<h1>`` before it (and grows
to the picture's size, or holds its object character)."""

from __future__ import annotations

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QStatusBar,
    QTextEdit,
    QToolTip,
    QWidget,
)

from journal_app.core.recovery import RecoveryStore
from journal_app.ui.app import create_window
from journal_app.ui.sidebar import PATH_ROLE
from tests.ui.conftest import answer_dialog, close_window, type_text

IMAGE_SIZE = 400
WORDS = (
    "ROOT",
    "FILE",
    "TITLE",
    "TAG",
    "KEY",
    "VALUE",
    "DESC",
    "YAMLERR",
    "GONE",
    "NOJOURNAL",
    "SAVEDIR",
    "EXPORTDIR",
    "LOCKED",
)
ROOT_NAME = "<h1>ROOT<b>x & y"
FILE_NAME = "<h1>FILE<b>x.md"  # a file name holds no slash, so no closing tags


def hostile(word: str, image) -> str:
    return f'<h1>{word}</h1><b>bold</b><img src="{image}">'


def shown(text: str, text_format: Qt.TextFormat) -> str:
    """What Qt draws for ``text`` in ``text_format``: the text itself, or what its markup
    renders to (a label or tooltip in AutoText renders when ``Qt.mightBeRichText`` says so)."""
    if text_format == Qt.TextFormat.PlainText or (
        text_format == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)
    ):
        return text
    document = QTextDocument()
    if text_format == Qt.TextFormat.MarkdownText:
        document.setMarkdown(text)
    else:
        document.setHtml(text)
    return document.toPlainText()


def assert_literal(where: str, text: str) -> None:
    for word in WORDS:
        assert text.count(word) == text.count(f"<h1>{word}"), f"{where} draws markup: {text!r}"
    assert "\ufffc" not in text, f"{where} draws an image: {text!r}"


def walk(widget: QWidget, seen: list[str]) -> None:
    """Check every label, tooltip and rich text view in ``widget``; note what they show."""
    for item in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(item).__name__} {item.objectName()!r} in {widget.objectName()!r}"
        texts = []
        if isinstance(item, QLabel):
            texts.append(shown(item.text(), item.textFormat()))
            if item.text():
                assert item.sizeHint().height() < IMAGE_SIZE, f"{where} loads an image"
        if isinstance(item, QTextEdit):
            texts.append(item.toPlainText())
        if item.toolTip():
            texts.append(shown(item.toolTip(), Qt.TextFormat.AutoText))
        if isinstance(item, QAbstractItemView) and item.model() is not None:
            texts += [
                shown(index.data(Qt.ItemDataRole.ToolTipRole) or "", Qt.TextFormat.AutoText)
                for index in model_rows(item.model())
            ]
        for text in texts:
            assert_literal(where, text)
            seen.append(text)


def walk_next_dialog(seen: list[str], close) -> None:
    """When the next modal dialog opens, walk it, then ``close(dialog)`` (even when the walk
    fails: pytest-qt reports the failure once the dialog no longer blocks the test)."""

    def act(dialog):
        seen.append(f"dialog:{dialog.objectName() or type(dialog).__name__}")
        try:
            walk(dialog, seen)
        finally:
            close(dialog)

    answer_dialog(act)


def press_ok(box) -> None:
    box.button(QMessageBox.StandardButton.Ok).click()


def press_cancel(box) -> None:
    box.button(QMessageBox.StandardButton.Cancel).click()


def press(text: str):
    return lambda box: next(item for item in box.buttons() if item.text() == text).click()


def row_tooltip(qtbot, tree, index: QModelIndex) -> str:
    """Hover a tree row; what the tooltip Qt shows for it draws."""
    QToolTip.hideText()
    tree.scrollTo(index)
    point = tree.visualRect(index).center()
    where = tree.viewport().mapToGlobal(point)
    QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, where))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    label = next(
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QLabel) and widget.objectName() == "qtooltip_label"
    )
    assert label.text() == QToolTip.text()
    assert label.sizeHint().height() < IMAGE_SIZE, "the tooltip loads an image"
    text = shown(label.text(), label.textFormat())
    QToolTip.hideText()
    return text


def model_rows(model, parent=QModelIndex(), limit: int = 500):
    """The first rows of ``model``, children included (as far as they are loaded)."""
    for row in range(min(model.rowCount(parent), limit)):
        index = model.index(row, 0, parent)
        yield index
        yield from model_rows(model, index, limit)


def tree_rows(tree):
    return model_rows(tree.model())


@pytest.fixture
def image(tmp_path):
    path = tmp_path / "big.png"
    picture = QImage(IMAGE_SIZE, IMAGE_SIZE, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(path))
    return path


@pytest.fixture
def hostile_root(tmp_path, image):
    """A journal (its folder name hostile too) of one hostile post and one with a header
    whose parser message holds markup (the tag's %-escapes are decoded into the message)."""
    root = tmp_path / ROOT_NAME
    root.mkdir()

    def quoted(word):
        return "'" + hostile(word, image) + "'"

    (root / FILE_NAME).write_text(
        f"---\ntitle: {quoted('TITLE')[:-1]} [*] end'\ntags: [{quoted('TAG')}, plain]\n"
        f"description: {quoted('DESC')}\n{quoted('KEY')}: {quoted('VALUE')}\n"
        "date: 2024-01-02T03:04:05+09:00\n---\n본문 <b>html in the body is the preview's</b>\n",
        encoding="utf-8",
    )
    tag = f"!x%3Ch1%3EYAML%45RR%3C/h1%3E%3Cimg%20src=%22{image}%22%3E"  # never the word itself
    (root / "bad.md").write_text(f"---\ntitle: broken\nkey: {tag} value\n---\n본문\n", encoding="utf-8")
    return root


@pytest.fixture
def hostile_window(qtbot, hostile_root, env):
    window = create_window(hostile_root / FILE_NAME, env)
    qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)
    yield window
    close_window(window)


def test_labels_and_tooltips_of_the_window_show_post_text_literally(qtbot, hostile_window, hostile_root):
    window = hostile_window
    seen: list[str] = []
    assert window.document.post.path.name == FILE_NAME
    walk(window, seen)
    assert any("<h1>FILE" in text for text in seen)  # the path in the status bar
    assert any("<h1>KEY" in text and "<h1>VALUE" in text for text in seen)  # other header keys
    tree = window.sidebar.tree
    tree.expandAll()
    tips = [row_tooltip(qtbot, tree, index) for index in tree_rows(tree) if index.data(PATH_ROLE)]
    for tip in tips:
        assert_literal("a post row's tooltip", tip)
    assert any(
        "  <h1>TAG</h1>" in tip and tip.endswith(f", plain\n{FILE_NAME}") for tip in tips
    )  # its line breaks and runs of spaces kept as well
    assert any("<h1>YAMLERR</h1><img src=" in tip for tip in tips)
    # the window title keeps the title's [*] (Qt's unsaved-changes mark) as text
    assert window.windowHandle().title().startswith(window.document.post.title)
    assert "[*]" in window.document.post.title

    window.find_bar.open_bar()
    window.find_bar.field.setText("<h1>ROOT is nowhere in the post")
    assert not window.find_bar.find_next()
    walk(window, seen)

    window.open_post(hostile_root / "bad.md")
    seen = []
    walk(window, seen)
    problem = window.findChild(QLabel, "headerProblem")
    assert problem.isVisibleTo(window) and "<h1>YAMLERR</h1><img src=" in problem.text()
    assert problem.textFormat() == Qt.TextFormat.PlainText


def test_recent_journals_menu_shows_an_ampersand(hostile_window, hostile_root):
    action = hostile_window.recent_menu.actions()[0]
    assert action.text().replace("&&", "&") == str(hostile_root)
    assert QKeySequence.mnemonic(action.text()).isEmpty()


def test_error_messages_show_file_names_literally(qtbot, hostile_window, hostile_root, tmp_path):
    window = hostile_window
    seen: list[str] = []
    walk_next_dialog(seen, press_ok)
    assert not window.open_post(hostile_root / "<h1>GONE<b>x.md")
    (hostile_root / "<h1>SAVEDIR<b>x").mkdir()
    walk_next_dialog(seen, press_ok)
    assert not window.document.save_as(hostile_root / "<h1>SAVEDIR<b>x")
    (tmp_path / "<h1>EXPORTDIR<b>x").mkdir()
    walk_next_dialog(seen, press_ok)
    assert not window.document.export_to(tmp_path / "<h1>EXPORTDIR<b>x")
    walk_next_dialog(seen, press_ok)
    assert not window.open_journal(tmp_path / "<h1>NOJOURNAL<b>x")
    shown_words = " ".join(seen)
    for word in ("GONE", "SAVEDIR", "EXPORTDIR", "NOJOURNAL"):
        assert f"<h1>{word}<b>x" in shown_words, word
    assert len([text for text in seen if text.startswith("dialog:")]) == 4


def test_questions_about_a_post_show_its_name_and_title_literally(qtbot, hostile_window, hostile_root):
    window = hostile_window
    path = hostile_root / FILE_NAME
    seen: list[str] = []
    walk_next_dialog(seen, press_cancel)
    window.post_files.delete(path)
    assert path.exists() and f"Move “{FILE_NAME}” to the trash?" in seen

    walk_next_dialog(seen, lambda dialog: dialog.reject())
    window.post_files.rename(path)
    assert path.exists() and "dialog:QInputDialog" in seen

    walk_next_dialog(seen, lambda dialog: dialog.reject())
    window.post_files.new()
    assert "dialog:newPostDialog" in seen

    for choose in (window.post_files.save_as, window.post_files.export):  # Qt's own file dialog here
        walk_next_dialog(seen, lambda dialog: dialog.reject())
        choose()
    assert seen.count("dialog:QFileDialog") == 2 and path.exists()

    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "고친 줄")
    walk_next_dialog(seen, press_cancel)
    assert not window.tabs.close_tab(window.tabs.shown())  # (opening another post keeps its tab)
    assert any(text.startswith("Save the changes to “<h1>TITLE</h1>") for text in seen)


def test_conflict_and_compare_dialogs_show_the_post_literally(qtbot, hostile_window, hostile_root):
    window = hostile_window
    path = hostile_root / FILE_NAME
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "내 편집")
    seen: list[str] = []

    def compare_then_cancel(box):
        seen.append("dialog:conflictDialog")
        walk_next_dialog(seen, lambda dialog: (dialog.reject(), walk_next_dialog(seen, press_cancel)))
        try:
            walk(box, seen)
        finally:
            press("Compare…")(box)

    answer_dialog(compare_then_cancel)
    path.write_text(path.read_text(encoding="utf-8") + "밖에서 <h1>TITLE</h1>\n", encoding="utf-8")
    qtbot.waitUntil(lambda: seen.count("dialog:conflictDialog") == 2, timeout=10000)
    assert "dialog:differenceDialog" in seen
    assert any(f"“{FILE_NAME}” was changed by another program" in text for text in seen)


def test_recovery_dialog_shows_the_post_literally(qtbot, env, hostile_root):
    path = hostile_root / FILE_NAME
    store = RecoveryStore(env.data_dir / "recovery")
    store.write(path, path.read_text(encoding="utf-8") + "복구할 <h1>TITLE</h1> 줄\n")
    store.close()  # recovery files belong to a running instance: that session ends
    seen: list[str] = []
    walk_next_dialog(seen, press("Later"))
    window = create_window(path, env)
    try:
        assert "dialog:recoveryDialog" in seen
        assert any(text.startswith(f"“{FILE_NAME}” has text typed on") for text in seen)
        assert any("+복구할 <h1>TITLE</h1> 줄" in text for text in seen)  # the details
    finally:
        close_window(window)


def test_status_bar_draws_messages_as_plain_text(qtbot):
    """The window's status bar messages (``showMessage``) are painted by QStatusBar itself, no
    label: tags stay text, never a heading. Checked here on the pixels, as it is Qt's doing."""
    bar = QStatusBar()
    bar.resize(600, 30)
    qtbot.addWidget(bar)

    def ink(message: str) -> tuple[int, int]:
        bar.showMessage(message)
        picture = bar.grab().toImage()
        dark = [
            (x, y)
            for y in range(picture.height())
            for x in range(400)
            if picture.pixelColor(x, y).lightness() < 100
        ]
        xs, ys = [x for x, _ in dark], [y for _, y in dark]
        return max(xs) - min(xs), max(ys) - min(ys)

    width, height = ink("W")
    tagged_width, tagged_height = ink("<h1>W</h1>")
    assert tagged_height <= height + 2 and tagged_width > 3 * width
    assert not bar.findChildren(QLabel)


@pytest.mark.permissions
def test_an_unreadable_folder_is_named_literally(qtbot, env, hostile_root):
    locked = hostile_root / "<h1>LOCKED<b>x"
    locked.mkdir()
    locked.chmod(0o000)
    window = create_window(hostile_root, env)
    try:
        qtbot.waitUntil(lambda: window.preview.ready, timeout=20000)
        tree = window.sidebar.tree
        tree.expandAll()
        row = next(index for index in tree_rows(tree) if "<h1>LOCKED" in (index.data() or ""))
        assert_literal("the unreadable folder's row", row.data())
        tip = row_tooltip(qtbot, tree, row)
        assert_literal("the unreadable folder's tooltip", tip)
        assert str(locked) in tip
        assert "<h1>LOCKED<b>x" in window.statusBar().currentMessage()
    finally:
        close_window(window)
        locked.chmod(0o755)
