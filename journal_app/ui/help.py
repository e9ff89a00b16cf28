"""The Help menu: the Keyboard Shortcuts window, made from the action table (``actions.SPECS``
and ``MENUS``) so it always says what the keys do, and the About window (versions, the folders
the program keeps its data in, links). Both show their text as plain text."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from .actions import MENUS, SPECS, key_sequences

LINKS = [  # what a post's header and markdown may hold, as each platform documents it
    ("CommonMark", "https://commonmark.org/help/"),
    (QT_TRANSLATE_NOOP("Help", "Hugo front matter"), "https://gohugo.io/content-management/front-matter/"),
    (QT_TRANSLATE_NOOP("Help", "Jekyll front matter"), "https://jekyllrb.com/docs/front-matter/"),
    ("velog", "https://velog.io/"),
]


def label_of(text: str) -> str:
    """A menu text without its shortcut mark (``&Save`` → ``Save``; ``&&`` stays ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def tr(text: str) -> str:
    """``text`` in the interface's language."""
    return QCoreApplication.translate("Help", text)


def shortcut_rows() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(menu, [(command, keys, what it does)]) for every action, menu by menu, as the action
    table declares them; actions in no menu come last under "Other"."""
    rows = []
    listed: set[str] = set()
    for menu, names in MENUS.items():
        entries = []
        for name in names:
            if name is None:
                continue
            listed.add(name)
            entries.append(_row(name))
        rows.append((label_of(tr(menu)), entries))
    others = [_row(name) for name in SPECS if name not in listed]
    if others:
        rows.append((QCoreApplication.translate("Help", "Other"), others))
    return rows


def _row(name: str) -> tuple[str, str, str]:
    text, keys, tip = SPECS[name]
    native = QKeySequence.SequenceFormat.NativeText
    shown = ", ".join(sequence.toString(native) for key in keys for sequence in key_sequences(key))
    translate = QCoreApplication.translate
    return label_of(translate("Actions", text)), shown, translate("Actions", tip)


class ShortcutsDialog(QDialog):
    """Every command with its keys, by menu, with a filter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText(self.tr("Filter commands or keys"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHeaderLabels([self.tr("Command"), self.tr("Keys"), self.tr("What it does")])
        self.table.setRootIsDecorated(False)
        self.groups: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        for menu, entries in shortcut_rows():
            group = QTreeWidgetItem(self.table, [menu])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.groups.append((group, [QTreeWidgetItem(group, list(entry)) for entry in entries]))
        self.table.expandAll()
        self.table.setItemsExpandable(False)
        for column in (0, 1):
            self.table.resizeColumnToContents(column)
        self.filter.textChanged.connect(self.show_matching)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def show_matching(self, text: str) -> None:
        """Show only the commands whose name, keys or description hold ``text``."""
        needle = text.strip().casefold()
        for group, items in self.groups:
            shown = 0
            for item in items:
                hit = not needle or any(needle in item.text(column).casefold() for column in range(3))
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)


def about_text(data_dir: Path, settings_file: str) -> str:
    """What the About window says: the program, its versions and where it keeps its data."""
    lines = [
        f"journal_app {__version__}",
        QCoreApplication.translate(
            "Help", "A markdown journal editor that never rewrites a byte you did not change."
        ),
        "",
        QCoreApplication.translate("Help", "Versions"),
        f"  Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"  Python {platform.python_version()} ({sys.platform})",
        "",
        QCoreApplication.translate("Help", "Folders"),
        QCoreApplication.translate("Help", "  Data (sample journal, recovery files, caches): {path}").format(
            path=data_dir
        ),
        QCoreApplication.translate("Help", "  Settings: {path}").format(path=settings_file),
        "",
        QCoreApplication.translate("Help", "Links"),
        *(f"  {QCoreApplication.translate('Help', str(name))}: {url}" for name, url in LINKS),
    ]
    return "\n".join(lines)


class AboutDialog(QDialog):
    """The program, its versions, its folders and links, as plain text one can copy."""

    def __init__(self, data_dir: Path, settings_file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About journal_app"))
        self.text = QPlainTextEdit(about_text(data_dir, settings_file), self)
        self.text.setObjectName("aboutText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        folder = QPushButton(self.tr("Open Data Folder"), self)
        folder.setObjectName("aboutOpenData")
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir))))
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        guide = QPushButton(self.tr("Markdown Guide"), self)
        guide.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(LINKS[0][1])))
        buttons.addButton(guide, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 380)


def show_shortcuts(parent: QWidget) -> ShortcutsDialog:
    """The Keyboard Shortcuts window over ``parent`` (one at a time, not modal)."""
    found = parent.findChild(ShortcutsDialog, "shortcutsDialog")
    dialog = found if isinstance(found, ShortcutsDialog) else ShortcutsDialog(parent)
    dialog.show()
    dialog.raise_()
    return dialog


def show_about(parent: QWidget, data_dir: Path | None = None, settings: QSettings | None = None) -> None:
    """The About window over ``parent``."""
    store = settings or QSettings()
    dialog = AboutDialog(data_dir or Path(), store.fileName(), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()
