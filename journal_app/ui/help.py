"""The Help menu's box: what the program is and its version."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__


def show_about(parent: QWidget) -> None:
    """The About box over ``parent``."""
    QMessageBox.about(
        parent,
        "About journal_app",
        f"journal_app {__version__}\nA markdown journal editor that never "
        "rewrites a byte you did not change.",
    )
