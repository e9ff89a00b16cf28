"""Help → User Guide (F1): a short guide to the app, in the interface's language.

The guide is markdown shipped in ``resources/guide/`` (``en.md``, ``ko.md``), rendered with the
app's own renderer and shown in a dialog; nothing is fetched, and links stay inside the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..core.render import render_markdown
from ..resources import resource_path
from .i18n import current_language

STYLE = "h1 { font-size: x-large; } h2 { font-size: large; margin-top: 14px; } li { margin: 2px 0; }"


def guide_html(language: str) -> str:
    """The guide's HTML in ``language`` (English where there is no such guide)."""
    path = resource_path(f"guide/{language}.md")
    if not path.is_file():
        path = resource_path("guide/en.md")
    return render_markdown(path.read_text(encoding="utf-8"), flavor="commonmark")


class GuideDialog(QDialog):
    """The user guide, read-only, with a Close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User Guide"))
        self.setObjectName("guide")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # no page of the web, no file: the guide stays put
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.setHtml(guide_html(current_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 640)

    def _anchor(self, url: QUrl) -> None:
        if url.hasFragment() and not url.scheme():
            self.browser.scrollToAnchor(url.fragment())


def show_guide(parent: QWidget) -> GuideDialog:
    """Open the guide (one at a time: an open guide is raised)."""
    existing = parent.findChild(GuideDialog)
    dialog = existing or GuideDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
