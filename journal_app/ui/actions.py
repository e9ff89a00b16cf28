"""Every QAction of the window in one place: text, shortcut and name (``file_save`` ...).

The window connects them; ``lay_out`` builds the menus and the toolbar from this collection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..core.flavor import FLAVORS
from .icons import themed_icon
from .plain import menu_text

# marks a text for pyside6-lupdate and returns it unchanged (typed: PySide's says ``object``)
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)
Key = QKeySequence.StandardKey
SPECS: dict[str, tuple[str, list[str | QKeySequence.StandardKey], str]] = {
    # name: (text, shortcuts: the platform's standard keys where there is one, status tip)
    "file_new": (
        QT_TRANSLATE_NOOP("Actions", "&New Post…"),
        ["Ctrl+N"],
        QT_TRANSLATE_NOOP("Actions", "Create a new post in this journal"),
    ),
    "file_today": (
        QT_TRANSLATE_NOOP("Actions", "&Today's Entry"),
        ["Ctrl+T"],
        QT_TRANSLATE_NOOP("Actions", "Create (or open) today's post from the journal's template"),
    ),
    "file_open": (
        QT_TRANSLATE_NOOP("Actions", "&Open Journal…"),
        ["Ctrl+O"],
        QT_TRANSLATE_NOOP("Actions", "Open a journal folder"),
    ),
    "file_save": (
        QT_TRANSLATE_NOOP("Actions", "&Save"),
        ["Ctrl+S"],
        QT_TRANSLATE_NOOP("Actions", "Save the post"),
    ),
    "file_save_as": (
        QT_TRANSLATE_NOOP("Actions", "Save &As…"),
        ["Ctrl+Shift+S"],
        QT_TRANSLATE_NOOP("Actions", "Save the post to another file"),
    ),
    "file_convert_utf8": (
        QT_TRANSLATE_NOOP("Actions", "Convert to &UTF-8"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Save this legacy-encoded post as UTF-8 from now on"),
    ),
    "file_export": (
        QT_TRANSLATE_NOOP("Actions", "&Export HTML…"),
        ["Ctrl+E"],
        QT_TRANSLATE_NOOP("Actions", "Export the post as a standalone HTML page"),
    ),
    "file_history": (
        QT_TRANSLATE_NOOP("Actions", "&History…"),
        ["Ctrl+Alt+H"],
        QT_TRANSLATE_NOOP("Actions", "Earlier versions of the post, compared with the text now"),
    ),
    "file_close_tab": (
        QT_TRANSLATE_NOOP("Actions", "&Close Tab"),
        ["Ctrl+W", "Ctrl+F4"],
        QT_TRANSLATE_NOOP("Actions", "Close the post's tab (asks to save changes)"),
    ),
    "view_next_tab": (
        QT_TRANSLATE_NOOP("Actions", "Ne&xt Tab"),
        ["Ctrl+Tab", "Ctrl+PgDown"],
        QT_TRANSLATE_NOOP("Actions", "Show the next open post"),
    ),
    "view_previous_tab": (
        QT_TRANSLATE_NOOP("Actions", "Pre&vious Tab"),
        ["Ctrl+Shift+Tab", "Ctrl+PgUp"],
        QT_TRANSLATE_NOOP("Actions", "Show the previous open post"),
    ),
    "file_quit": (
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        ["Ctrl+Q"],
        QT_TRANSLATE_NOOP("Actions", "Quit journal_app"),
    ),
    "edit_undo": (QT_TRANSLATE_NOOP("Actions", "&Undo"), ["Ctrl+Z"], QT_TRANSLATE_NOOP("Actions", "Undo")),
    "edit_redo": (
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        ["Ctrl+Shift+Z", "Ctrl+Y"],
        QT_TRANSLATE_NOOP("Actions", "Redo"),
    ),
    "edit_paste_plain": (
        QT_TRANSLATE_NOOP("Actions", "Paste as &Plain Text"),
        ["Ctrl+Shift+V"],
        QT_TRANSLATE_NOOP("Actions", "Paste the clipboard's text only"),
    ),
    "file_export_site": (
        QT_TRANSLATE_NOOP("Actions", "Export &Site…"),
        ["Ctrl+Shift+E"],
        QT_TRANSLATE_NOOP("Actions", "Export the whole journal as a static site"),
    ),
    "edit_cut": (
        QT_TRANSLATE_NOOP("Actions", "Cu&t"),
        [Key.Cut],
        QT_TRANSLATE_NOOP("Actions", "Cut the selection to the clipboard"),
    ),
    "edit_copy": (
        QT_TRANSLATE_NOOP("Actions", "&Copy"),
        [Key.Copy],
        QT_TRANSLATE_NOOP("Actions", "Copy the selection to the clipboard"),
    ),
    "edit_paste": (
        QT_TRANSLATE_NOOP("Actions", "&Paste"),
        [Key.Paste],
        QT_TRANSLATE_NOOP("Actions", "Paste the clipboard's text"),
    ),
    "edit_select_all": (
        QT_TRANSLATE_NOOP("Actions", "Select &All"),
        [Key.SelectAll],
        QT_TRANSLATE_NOOP("Actions", "Select the whole post"),
    ),
    "edit_find": (
        QT_TRANSLATE_NOOP("Actions", "&Find…"),
        ["Ctrl+F"],
        QT_TRANSLATE_NOOP("Actions", "Find text in the post"),
    ),
    "edit_find_next": (
        QT_TRANSLATE_NOOP("Actions", "Find &Next"),
        ["F3"],
        QT_TRANSLATE_NOOP("Actions", "Find the next match"),
    ),
    "edit_find_previous": (
        QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
        ["Shift+F3"],
        QT_TRANSLATE_NOOP("Actions", "Find the previous match"),
    ),
    "edit_replace": (
        QT_TRANSLATE_NOOP("Actions", "R&eplace…"),
        ["Ctrl+H"],
        QT_TRANSLATE_NOOP("Actions", "Find and replace text in the post"),
    ),
    "edit_search": (
        QT_TRANSLATE_NOOP("Actions", "&Search the Journal…"),
        ["Ctrl+Shift+F"],
        QT_TRANSLATE_NOOP("Actions", "Search every post of the journal"),
    ),
    "edit_switcher": (
        QT_TRANSLATE_NOOP("Actions", "&Go to Post…"),
        ["Ctrl+P"],
        QT_TRANSLATE_NOOP("Actions", "Open a post by its title (초성 too: ㅅㅍ finds 싸피)"),
    ),
    "edit_bold": (
        QT_TRANSLATE_NOOP("Actions", "&Bold"),
        ["Ctrl+B"],
        QT_TRANSLATE_NOOP("Actions", "Make the selection bold"),
    ),
    "edit_italic": (
        QT_TRANSLATE_NOOP("Actions", "&Italic"),
        ["Ctrl+I"],
        QT_TRANSLATE_NOOP("Actions", "Make the selection italic"),
    ),
    "edit_code": (
        QT_TRANSLATE_NOOP("Actions", "Inline &Code"),
        ["Ctrl+`"],
        QT_TRANSLATE_NOOP("Actions", "Make the selection inline code"),
    ),
    "edit_link": (
        QT_TRANSLATE_NOOP("Actions", "&Link"),
        ["Ctrl+K"],
        QT_TRANSLATE_NOOP("Actions", "Make the selection a link (to the address on the clipboard)"),
    ),
    "edit_spelling": (
        QT_TRANSLATE_NOOP("Actions", "Check &Spelling"),
        ["F7"],
        QT_TRANSLATE_NOOP("Actions", "Underline words the Korean and English dictionaries do not know"),
    ),
    "edit_preferences": (
        QT_TRANSLATE_NOOP("Actions", "&Preferences…"),
        ["Ctrl+,"],
        QT_TRANSLATE_NOOP("Actions", "Autosave, font, theme and this journal's settings"),
    ),
    "view_zoom_in": (
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        ["Ctrl++", "Ctrl+="],
        QT_TRANSLATE_NOOP("Actions", "Larger editor text"),
    ),
    "view_zoom_out": (
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        ["Ctrl+-"],
        QT_TRANSLATE_NOOP("Actions", "Smaller editor text"),
    ),
    "view_by_tag": (
        QT_TRANSLATE_NOOP("Actions", "Group by &Tag"),
        ["Ctrl+1"],
        QT_TRANSLATE_NOOP("Actions", "Group the sidebar by tag"),
    ),
    "view_by_date": (
        QT_TRANSLATE_NOOP("Actions", "Group by &Date"),
        ["Ctrl+2"],
        QT_TRANSLATE_NOOP("Actions", "Group the sidebar by date"),
    ),
    "view_outline": (
        QT_TRANSLATE_NOOP("Actions", "&Outline"),
        ["Ctrl+Shift+O"],
        QT_TRANSLATE_NOOP("Actions", "Show the headings of the post"),
    ),
    "view_filter": (
        QT_TRANSLATE_NOOP("Actions", "&Filter Posts"),
        ["Ctrl+Alt+F"],
        QT_TRANSLATE_NOOP("Actions", "Filter the sidebar"),
    ),
    "view_focus": (
        QT_TRANSLATE_NOOP("Actions", "&Focus Mode"),
        ["Ctrl+Shift+Return"],
        QT_TRANSLATE_NOOP("Actions", "Only the text: hide the sidebar and the preview"),
    ),
    "view_typewriter": (
        QT_TRANSLATE_NOOP("Actions", "&Typewriter Scrolling"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Keep the line being written in the middle"),
    ),
    "view_sidebar": (
        QT_TRANSLATE_NOOP("Actions", "Show Side&bar"),
        ["Ctrl+Shift+B"],
        QT_TRANSLATE_NOOP("Actions", "Show or hide the list of posts"),
    ),
    "view_preview": (
        QT_TRANSLATE_NOOP("Actions", "Show &Preview"),
        ["Ctrl+Shift+P"],
        QT_TRANSLATE_NOOP("Actions", "Show or hide the preview"),
    ),
    "view_full_screen": (
        QT_TRANSLATE_NOOP("Actions", "F&ull Screen"),
        ["F11"],
        QT_TRANSLATE_NOOP("Actions", "Let the window fill the screen"),
    ),
    "view_statistics": (
        QT_TRANSLATE_NOOP("Actions", "&Statistics…"),
        ["Ctrl+Shift+C"],
        QT_TRANSLATE_NOOP("Actions", "글자수, 어절, 원고지 and more, of the post and the selection"),
    ),
    "view_checks": (
        QT_TRANSLATE_NOOP("Actions", "&Checks…"),
        ["Ctrl+Shift+K"],
        QT_TRANSLATE_NOOP(
            "Actions", "The post's problems and what its platform would reject; velog-backup repairs"
        ),
    ),
    "view_remote_images": (
        QT_TRANSLATE_NOOP("Actions", "Load &Remote Images"),
        [],
        QT_TRANSLATE_NOOP(
            "Actions", "Let the preview load images from the web (remembered for this journal)"
        ),
    ),
    "git_commit": (
        QT_TRANSLATE_NOOP("Actions", "&Commit…"),
        ["Ctrl+Alt+C"],
        QT_TRANSLATE_NOOP("Actions", "Commit the posts changed through journal_app"),
    ),
    "git_pull": (
        QT_TRANSLATE_NOOP("Actions", "&Pull"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Bring in the commits of the remote branch"),
    ),
    "git_push": (
        QT_TRANSLATE_NOOP("Actions", "P&ush"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Send this branch's commits to its remote"),
    ),
    "git_auto_commit": (
        QT_TRANSLATE_NOOP("Actions", "Commit After Each &Save"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Commit every post right after it is saved"),
    ),
    "help_guide": (
        QT_TRANSLATE_NOOP("Actions", "&User Guide"),
        [Key.HelpContents],
        QT_TRANSLATE_NOOP("Actions", "A short guide to journal_app"),
    ),
    "help_shortcuts": (
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        ["Ctrl+/"],
        QT_TRANSLATE_NOOP("Actions", "Every command and its keys"),
    ),
    "help_about": (
        QT_TRANSLATE_NOOP("Actions", "&About journal_app"),
        [],
        QT_TRANSLATE_NOOP("Actions", "Versions, data folders and links"),
    ),
}


FLAVOR_LABELS = {
    "velog": "velog",
    "hugo": "Hugo",
    "jekyll": "Jekyll",
    "commonmark": "CommonMark (GitHub)",
    "python-markdown": "Python-Markdown (MkDocs, Pelican)",
}


ICONS = {  # name: the freedesktop icon name (the theme's icon, or resources/icons/NAME.svg)
    "file_new": "document-new",
    "file_open": "document-open",
    "file_save": "document-save",
    "file_save_as": "document-save-as",
    "file_export": "document-export",
    "file_quit": "application-exit",
    "edit_undo": "edit-undo",
    "edit_redo": "edit-redo",
    "edit_cut": "edit-cut",
    "edit_copy": "edit-copy",
    "edit_paste": "edit-paste",
    "edit_select_all": "edit-select-all",
    "edit_find": "edit-find",
    "edit_preferences": "preferences-system",
    "view_zoom_in": "zoom-in",
    "view_zoom_out": "zoom-out",
    "view_full_screen": "view-fullscreen",
    "help_guide": "help-contents",
    "help_shortcuts": "help-keyboard-shortcuts",
    "help_about": "help-about",
}

MENUS: dict[str, list[str | None]] = {  # None: a separator
    QT_TRANSLATE_NOOP("Actions", "&File"): [
        "file_new",
        "file_today",
        "file_open",
        None,
        "file_save",
        "file_save_as",
        "file_export",
        "file_export_site",
        "file_convert_utf8",
        "file_history",
        None,
        "file_close_tab",
        "file_quit",
    ],
    QT_TRANSLATE_NOOP("Actions", "&Edit"): [
        "edit_undo",
        "edit_redo",
        None,
        "edit_cut",
        "edit_copy",
        "edit_paste",
        "edit_paste_plain",
        "edit_select_all",
        None,
        "edit_find",
        "edit_find_next",
        "edit_find_previous",
        "edit_replace",
        "edit_search",
        "edit_switcher",
        None,
        "edit_bold",
        "edit_italic",
        "edit_code",
        "edit_link",
        None,
        "edit_spelling",
        None,
        "edit_preferences",
    ],
    QT_TRANSLATE_NOOP("Actions", "&View"): [
        "view_by_tag",
        "view_by_date",
        "view_filter",
        "view_statistics",
        "view_checks",
        "view_outline",
        None,
        "view_sidebar",
        "view_preview",
        "view_focus",
        "view_typewriter",
        "view_full_screen",
        None,
        "view_zoom_in",
        "view_zoom_out",
        None,
        "view_remote_images",
        None,
        "view_next_tab",
        "view_previous_tab",
    ],
    QT_TRANSLATE_NOOP("Actions", "&Git"): ["git_commit", "git_pull", "git_push", None, "git_auto_commit"],
    QT_TRANSLATE_NOOP("Actions", "&Help"): ["help_guide", "help_shortcuts", None, "help_about"],
}
TOOLBAR = ["file_new", "file_open", "file_save", "file_export", None, "edit_undo", "edit_redo", "edit_find"]


def key_sequences(key: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """The key sequences of one shortcut: a standard key's as this platform binds it."""
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key)]


class Actions:
    """Named QActions, built once per window."""

    # one attribute per name in SPECS, set in __init__ (declared here for the type checker)
    file_new: QAction
    file_today: QAction
    file_open: QAction
    file_save: QAction
    file_save_as: QAction
    file_convert_utf8: QAction
    file_export: QAction
    file_history: QAction
    file_quit: QAction
    file_close_tab: QAction
    view_next_tab: QAction
    view_previous_tab: QAction
    edit_undo: QAction
    edit_redo: QAction
    edit_paste_plain: QAction
    file_export_site: QAction
    edit_cut: QAction
    edit_copy: QAction
    edit_paste: QAction
    edit_select_all: QAction
    edit_find: QAction
    edit_find_next: QAction
    edit_find_previous: QAction
    edit_replace: QAction
    edit_search: QAction
    edit_switcher: QAction
    edit_bold: QAction
    edit_italic: QAction
    edit_code: QAction
    edit_link: QAction
    edit_spelling: QAction
    edit_preferences: QAction
    view_zoom_in: QAction
    view_zoom_out: QAction
    view_by_tag: QAction
    view_by_date: QAction
    view_outline: QAction
    view_filter: QAction
    view_statistics: QAction
    view_checks: QAction
    view_remote_images: QAction
    git_commit: QAction
    git_pull: QAction
    git_push: QAction
    git_auto_commit: QAction
    view_focus: QAction
    view_typewriter: QAction
    view_sidebar: QAction
    view_preview: QAction
    view_full_screen: QAction
    help_guide: QAction
    help_shortcuts: QAction
    help_about: QAction

    def __init__(self, parent: QObject):
        for name, (text, shortcuts, tip) in SPECS.items():
            action = QAction(QCoreApplication.translate("Actions", text), parent)
            action.setObjectName(name)
            action.setShortcuts([sequence for key in shortcuts for sequence in key_sequences(key)])
            action.setStatusTip(QCoreApplication.translate("Actions", tip))
            if name in ICONS:
                action.setIcon(themed_icon(ICONS[name]))
            setattr(self, name, action)
        self.view_remote_images.setCheckable(True)
        self.git_auto_commit.setCheckable(True)
        self.edit_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.flavors = QActionGroup(parent)  # View → Render As: one platform per journal
        for flavor in FLAVORS:
            action = QAction(FLAVOR_LABELS[flavor], parent, checkable=True)
            action.setObjectName(f"view_flavor_{flavor}")
            action.setData(flavor)
            self.flavors.addAction(action)

    def check_flavor(self, flavor: str) -> None:
        """Tick ``flavor`` under View → Render As."""
        for action in self.flavors.actions():
            action.setChecked(action.data() == flavor)

    def check_remote_images(self, allowed: bool) -> None:
        """Tick (or not) Load Remote Images without reacting to it as to a choice."""
        blocked = self.view_remote_images.blockSignals(True)
        self.view_remote_images.setChecked(allowed)
        self.view_remote_images.blockSignals(blocked)


def lay_out(window: QMainWindow, actions: Actions) -> QMenu:
    """Add the menus and the toolbar to ``window``; returns the (empty) Open Recent menu."""
    translate = QCoreApplication.translate
    recent = QMenu(translate("Actions", "Open &Recent"), window)
    for title, names in MENUS.items():
        menu = window.menuBar().addMenu(translate("Actions", title))
        for name in names:
            menu.addSeparator() if name is None else menu.addAction(getattr(actions, name))
        if title == "&File":
            menu.insertMenu(actions.file_save, recent)
        if title == "&View":
            flavors = menu.addMenu(translate("Actions", "Render &As"))
            flavors.setObjectName("flavorMenu")
            flavors.addActions(actions.flavors.actions())
    toolbar = window.addToolBar(translate("Actions", "Main"))
    toolbar.setObjectName("mainToolbar")
    for name in TOOLBAR:
        toolbar.addSeparator() if name is None else toolbar.addAction(getattr(actions, name))
    return recent


def fill_recent(menu: QMenu, folders: Iterable[str], open_folder: Callable[[str], object]) -> None:
    """The Open Recent menu: one entry per folder (shown as plain text), which opens it."""
    menu.clear()
    for folder in folders:
        action = menu.addAction(menu_text(folder))
        action.triggered.connect(lambda _=False, f=folder: open_folder(f))
