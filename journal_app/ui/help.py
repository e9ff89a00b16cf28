"""The Help menu: the Keyboard Shortcuts window, made from the action table (``actions.SPECS``
and ``MENUS``) so it always says what the keys do, and the About window (versions, the folders
the program keeps its data in, links). Both show their text as plain text."""

from __future__ import annotations

import platform
import re
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
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
    """A menu text without its shortcut mark (``&Save`` → ``Save``, ``저장(&S)`` → ``저장``;
    ``&&`` stays ``&``)."""
    return re.sub(r"\(&[^&]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


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
        rows.append((label_of(QCoreApplication.translate("Actions", menu)), entries))
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


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # the keys' column


class ShortcutsDialog(QDialog):
    """Every command with its keys in two columns (the keys right-aligned), under a heading per
    menu, with a filter; what a command does is its row's tool tip (and found by the filter)."""

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
        self.table.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.headerItem().setTextAlignment(1, RIGHT)
        self.table.setRootIsDecorated(False)
        self.table.setIndentation(12)
        self.table.setUniformRowHeights(False)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.groups: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        for menu, entries in shortcut_rows():
            group = QTreeWidgetItem(self.table, [menu])
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            group.setFont(0, font)
            room = group.sizeHint(0)  # room above a heading
            room.setWidth(0)
            room.setHeight(self.fontMetrics().height() * 9 // 4)
            group.setSizeHint(0, room)
            group.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            items = []
            for command, keys, tip in entries:
                item = QTreeWidgetItem(group, [command, keys])
                item.setTextAlignment(1, RIGHT)
                item.setToolTip(0, tip)
                item.setToolTip(1, tip)
                item.setData(0, Qt.ItemDataRole.UserRole, tip)
                items.append(item)
            self.groups.append((group, items))
        self.table.expandAll()
        self.table.setItemsExpandable(False)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.filter.textChanged.connect(self.show_matching)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def show_matching(self, text: str) -> None:
        """Show only the commands whose name, keys or description hold ``text`` (all of a
        menu whose name holds it), under their menus' headings."""
        needle = text.strip().casefold()
        for group, items in self.groups:
            whole = needle in group.text(0).casefold()
            shown = 0
            for item in items:
                said = (item.text(0), item.text(1), str(item.data(0, Qt.ItemDataRole.UserRole)))
                hit = whole or any(needle in part.casefold() for part in said)
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
