"""Text from a post or a path is shown as plain text, never as HTML, in every Qt widget.

Qt's labels, message boxes and tooltips guess: text whose first line holds something like a tag
is drawn as rich text (``Qt.mightBeRichText``). A title, tag, header key, parser message or file
name such as ``<h1>BIG</h1><img src="...">`` would then spoof the window, load local files as
images, or hang it on a FIFO. The widgets built here never guess:

- ``plain_label`` and ``PlainMessageBox`` (with ``warning`` and ``question``, its static
  functions) set ``Qt.TextFormat.PlainText``; a message box's informative text follows it.
- ``plain_tooltip`` escapes the text into rich text that reads literally, since a tooltip's
  format cannot be set.
- ``menu_text`` and ``window_title`` keep ``&`` and ``[*]`` literal where Qt reads them as
  a shortcut mark or the unsaved-changes placeholder.

The status bar's ``showMessage`` already draws its text plainly, as item views draw their rows.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText
Button = QMessageBox.StandardButton


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A QLabel that shows its text literally."""
    label = QLabel(parent)
    label.setTextFormat(PLAIN)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltip text that Qt shows literally, line breaks and runs of spaces kept."""
    return f'<p style="white-space:pre">{html.escape(text)}</p>' if text else ""


def menu_text(text: str) -> str:
    """A menu entry's text with ``&`` shown, not taken as the shortcut mark."""
    return text.replace("&", "&&")


def window_title(text: str) -> str:
    """A window title's text with ``[*]`` shown, not taken as the unsaved-changes mark."""
    return text.replace("[*]", "[*][*]")


class PlainMessageBox(QMessageBox):
    """A QMessageBox whose text and informative text are plain text (the details always are)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setTextFormat(PLAIN)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    """Like ``QMessageBox.warning`` with one OK button, but plain text."""
    PlainMessageBox(QMessageBox.Icon.Warning, title, text, Button.Ok, parent).exec()


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = Button.Yes | Button.No,
    default: QMessageBox.StandardButton = Button.NoButton,
) -> QMessageBox.StandardButton:
    """Like ``QMessageBox.question``, but plain text: the standard button clicked."""
    box = PlainMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    if box.exec() == -1 or box.clickedButton() is None:
        return Button.Cancel
    return box.standardButton(box.clickedButton())
