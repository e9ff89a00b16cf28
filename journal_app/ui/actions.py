"""Every QAction of the window in one place: text, shortcut and name (``file_save`` ...).

The window connects them; menus and the toolbar are laid out from this collection.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

SPECS = {
    # name: (text, shortcuts, status tip)
    "file_new": ("&New Post…", ["Ctrl+N"], "Create a new post in this journal"),
    "file_open": ("&Open Journal…", ["Ctrl+O"], "Open a journal folder"),
    "file_save": ("&Save", ["Ctrl+S"], "Save the post"),
    "file_save_as": ("Save &As…", ["Ctrl+Shift+S"], "Save the post to another file"),
    "file_convert_utf8": ("Convert to &UTF-8", [], "Save this legacy-encoded post as UTF-8 from now on"),
    "file_export": ("&Export HTML…", ["Ctrl+E"], "Export the post as a standalone HTML page"),
    "file_quit": ("&Quit", ["Ctrl+Q"], "Quit journal_app"),
    "edit_undo": ("&Undo", ["Ctrl+Z"], "Undo"),
    "edit_redo": ("&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "Redo"),
    "edit_find": ("&Find…", ["Ctrl+F"], "Find text in the post"),
    "edit_find_next": ("Find &Next", ["F3"], "Find the next match"),
    "edit_bold": ("&Bold", ["Ctrl+B"], "Make the selection bold"),
    "edit_italic": ("&Italic", ["Ctrl+I"], "Make the selection italic"),
    "view_zoom_in": ("Zoom &In", ["Ctrl++", "Ctrl+="], "Larger editor text"),
    "view_zoom_out": ("Zoom &Out", ["Ctrl+-"], "Smaller editor text"),
    "view_by_tag": ("Group by &Tag", ["Ctrl+1"], "Group the sidebar by tag"),
    "view_by_date": ("Group by &Date", ["Ctrl+2"], "Group the sidebar by date"),
    "view_filter": ("&Filter Posts", ["Ctrl+Shift+F"], "Filter the sidebar"),
    "view_remote_images": ("Load &Remote Images", [], "Let the preview load images from the web "
                           "(remembered for this journal)"),
    "help_about": ("&About journal_app", [], "About journal_app"),
}


class Actions:
    """Named QActions, built once per window."""

    def __init__(self, parent):
        for name, (text, shortcuts, tip) in SPECS.items():
            action = QAction(text, parent)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(key) for key in shortcuts])
            action.setStatusTip(tip)
            setattr(self, name, action)
        self.view_remote_images.setCheckable(True)

