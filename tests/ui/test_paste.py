"""Pasting and dropping into the editor: images kept in the journal where the platform expects
them (through QApplication.clipboard() and QDropEvent), HTML as markdown, plain text as it is."""

from __future__ import annotations

import pytest

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QTextCursor
from PySide6.QtWidgets import QApplication

from journal_app.ui.editor import MarkdownEditor
from journal_app.ui.paste import Place, html_to_markdown
from tests.ui.conftest import wait_for_page


def png(color: str = "#ff8800", size: int = 6) -> bytes:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def velog(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "backup"
    (root / "images").mkdir(parents=True)
    post = root / "content" / "제주 여행.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: 제주\n---\n첫 줄\n", encoding="utf-8")
    return root, post


def editor_on(qtbot, place: Place | None, text: str = "첫 줄\n") -> MarkdownEditor:
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.set_text(text)
    editor.place = lambda: place
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def paste(editor: MarkdownEditor, mime: QMimeData) -> None:
    QApplication.clipboard().setMimeData(mime)
    editor.paste()


def image_mime(data: bytes) -> QMimeData:
    mime = QMimeData()
    mime.setData("image/png", QByteArray(data))
    return mime


def test_a_screenshot_goes_to_velog_images_once(qtbot, tmp_path):
    root, post = velog(tmp_path)
    editor = editor_on(qtbot, Place(post, root, "velog"))
    data = png()
    paste(editor, image_mime(data))
    saved = list((root / "images").iterdir())
    assert len(saved) == 1 and saved[0].read_bytes() == data
    assert saved[0].name.startswith("제주-여행-") and saved[0].suffix == ".png"
    assert editor.toPlainText() == f"첫 줄\n![](../images/{saved[0].name})"
    paste(editor, image_mime(data))  # the same bytes again: the same file
    assert list((root / "images").iterdir()) == saved
    assert editor.toPlainText().count(saved[0].name) == 2
    editor.undo()
    assert editor.toPlainText().count(saved[0].name) == 1  # one undo step each


def test_an_image_only_decoded_is_saved_as_png(qtbot, tmp_path):
    root, post = velog(tmp_path)
    editor = editor_on(qtbot, Place(post, root, "velog"), "가나\n")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.moveCursor(QTextCursor.MoveOperation.Right)  # in the middle of a line
    mime = QMimeData()
    image = QImage(3, 3, QImage.Format.Format_RGB32)
    image.fill(QColor("#123456"))
    mime.setImageData(image)
    paste(editor, mime)
    (saved,) = (root / "images").iterdir()
    assert saved.read_bytes().startswith(b"\x89PNG")
    assert editor.toPlainText() == f"가\n![](../images/{saved.name})\n나\n"  # on a line of its own


def test_where_each_platform_keeps_images(qtbot, tmp_path):
    data = png("#00ff00")
    cases = [
        ("jekyll", "_posts/2024-01-02-hello.md", "assets/images", "/assets/images/"),
        ("hugo", "content/posts/trip/index.md", "content/posts/trip", ""),
        ("hugo", "content/posts/trip.md", "static/images", "/images/"),
        ("commonmark", "notes/deep/a.md", "images", "../../images/"),
    ]
    for flavor, relative, folder, prefix in cases:
        root = tmp_path / flavor / relative.replace("/", "_")
        post = root / relative
        post.parent.mkdir(parents=True)
        post.write_text("x\n")
        editor = editor_on(qtbot, Place(post, root, flavor), "")
        paste(editor, image_mime(data))
        names = [path.name for path in (root / folder).iterdir() if path.suffix == ".png"]
        assert len(names) == 1, (flavor, relative)
        assert editor.toPlainText() == f"![]({prefix}{names[0]})", (flavor, relative)
        assert str(tmp_path) not in editor.toPlainText()


def drop(editor: MarkdownEditor, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = editor.cursorRect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys),
        QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys),
        QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, keys),
    ):
        QApplication.sendEvent(editor.viewport(), event)


def test_dropped_files_are_copied_in_never_linked(qtbot, tmp_path):
    root, post = velog(tmp_path)
    outside = tmp_path / "Downloads"
    outside.mkdir()
    photo = outside / "photo.png"
    photo.write_bytes(png("#0000ff"))
    notes = outside / "notes.txt"
    notes.write_text("hello")
    editor = editor_on(qtbot, Place(post, root, "velog"), "")
    told = []
    editor.notice.connect(told.append)
    drop(editor, [photo, notes])
    (saved,) = (root / "images").iterdir()
    assert saved.read_bytes() == photo.read_bytes() and photo.exists()
    assert editor.toPlainText() == f"![](../images/{saved.name})"
    assert "Downloads" not in editor.toPlainText()
    assert told and "notes.txt" in told[0]  # only images are copied in


def test_dropped_files_inside_the_journal_are_linked_where_they_are(qtbot, tmp_path):
    root, post = velog(tmp_path)
    (root / "images" / "sea view.png").write_bytes(png())
    (root / "content" / "other.md").write_text("x")
    editor = editor_on(qtbot, Place(post, root, "velog"), "")
    drop(editor, [root / "images" / "sea view.png", root / "content" / "other.md"])
    assert editor.toPlainText() == "![](<../images/sea view.png>)\n[other.md](other.md)"
    assert len(list((root / "images").iterdir())) == 1


def test_text_with_a_picture_of_itself_is_text_and_a_copied_image_is_an_image(qtbot, tmp_path):
    root, post = velog(tmp_path)
    editor = editor_on(qtbot, Place(post, root, "velog"), "")
    mime = image_mime(png("#abcdef"))  # an office program: the text, its HTML and a rendering
    mime.setText("표 한 칸")
    mime.setHtml("<table><tr><td>표 한 칸</td></tr></table>")
    paste(editor, mime)
    assert "표 한 칸" in editor.toPlainText() and list((root / "images").iterdir()) == []
    editor.clear()
    mime = image_mime(png("#fedcba"))  # a browser's Copy Image
    mime.setText("https://example.org/a.png")
    mime.setHtml('<meta charset="utf-8"><img src="https://example.org/a.png" alt="그림">')
    paste(editor, mime)
    (saved,) = (root / "images").iterdir()
    assert editor.toPlainText() == f"![](../images/{saved.name})"


def test_no_journal_no_image(qtbot, tmp_path):
    editor = editor_on(qtbot, None, "")
    told = []
    editor.notice.connect(told.append)
    paste(editor, image_mime(png()))
    assert editor.toPlainText() == "" and told


def test_html_from_a_browser_becomes_markdown(qtbot):
    editor = editor_on(qtbot, None, "")
    mime = QMimeData()
    mime.setHtml(
        "<meta charset='utf-8'><h2>제목 😀</h2><script>alert('x')</script><style>p{color:red}</style>"
        "<p>글 <b>굵게</b> <a href='https://example.org'>링크</a> <a href='javascript:evil()'>나쁜</a>"
        " <img src='data:image/png;base64,AAAA' alt='그림'></p><ul><li>하나</li><li>둘</li></ul>"
    )
    mime.setText("제목 글 굵게 링크")
    paste(editor, mime)
    text = editor.toPlainText()
    assert text.startswith("## 제목 😀\n\n글 **굵게** [링크](https://example.org) 나쁜 그림")
    assert text.endswith("- 하나\n- 둘")
    assert "alert" not in text and "color" not in text and "javascript" not in text and "data:" not in text


def test_plain_text_and_paste_as_plain_text(qtbot, window):
    editor = window.editor
    editor.set_text("")
    mime = QMimeData()
    mime.setHtml("<span style='color:red'>*그냥* 글</span>")  # no structure: its text
    mime.setText("*그냥* 글")
    paste(editor, mime)
    assert editor.toPlainText() == "*그냥* 글"
    mime = QMimeData()
    mime.setHtml("<b>굵게</b>")
    mime.setText("굵게 <b>")
    QApplication.clipboard().setMimeData(mime)
    editor.setFocus()
    qtbot.keyClick(
        editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert editor.toPlainText() == "*그냥* 글굵게 <b>"


def test_a_web_address_pasted_over_a_selection_makes_a_link(qtbot):
    editor = editor_on(qtbot, None, "see the docs now")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(12, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    mime = QMimeData()
    mime.setText("https://example.org/a")
    paste(editor, mime)
    assert editor.toPlainText() == "see [the docs](https://example.org/a) now"
    assert editor.textCursor().position() == len("see [the docs](https://example.org/a)")


def test_a_copy_from_the_editor_is_text_only(qtbot):
    editor = editor_on(qtbot, None, "**굵게** 글")
    editor.selectAll()
    editor.copy()
    mime = QApplication.clipboard().mimeData()
    assert mime.text() == "**굵게** 글" and not mime.hasHtml()


def test_html_conversion_keeps_code_and_tables():
    text = html_to_markdown("<pre><code>x = 1\nprint(x)</code></pre><p>a_b</p>")
    assert "x = 1\nprint(x)" in text and "a_b" in text


@pytest.mark.web_view
def test_the_preview_shows_a_pasted_image(qtbot, window, journal_root):
    post = journal_root / "content" / "오늘의 메모.md"
    assert window.open_post(post)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    data = png("#ff0000", 40)
    paste(window.editor, image_mime(data))
    names = [path.name for path in (journal_root / "images").iterdir() if path.read_bytes() == data]
    assert len(names) == 1
    assert window.editor.toPlainText().endswith(f"![](../images/{names[0]})")
    script = "Array.from(document.images).map(function (i) { return i.naturalWidth; })"
    assert 40 in wait_for_page(qtbot, window, script, lambda widths: widths and 40 in widths)
