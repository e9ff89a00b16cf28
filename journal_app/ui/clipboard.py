"""The clipboard when the application quits.

A copy in the editor puts a QMimeData made in Python on the clipboard
(``MarkdownEditor.createMimeDataFromSelection``: the text only). Qt deletes whatever the
clipboard holds when it tears down its platform plugin, and on some platforms (offscreen, where
the clipboard lives in a static object) that is after the interpreter has finished: deleting an
object made in Python then calls into a Python that is gone, and the process ended with a
segmentation fault after a clean quit. Before quitting, such data is handed back to Qt as a copy
Qt makes itself (``QClipboard.setText``), so nothing of Python is left on the clipboard and the
user's copied text stays there: on X11 the clipboard manager still takes it from the exiting
application, as it takes any text Qt owns.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QClipboard, QGuiApplication

MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection)


def hand_clipboard_to_qt() -> None:
    """Replace each clipboard's data made in Python (our copy's) by the same text in a
    QMimeData Qt makes; data made by Qt or by another program is left as it is."""
    clipboard = QGuiApplication.clipboard()
    for mode in MODES:
        if mode == QClipboard.Mode.Selection and not clipboard.supportsSelection():
            continue
        held = clipboard.mimeData(mode)
        if held is not None and shiboken6.isValid(held) and shiboken6.createdByPython(held):
            clipboard.setText(held.text(), mode)  # Qt's own QMimeData; ours is deleted now
