"""File → Today's Entry (Ctrl+T): create today's post from the journal's template, or open it
when it is there (the naming and placing rules are the core's ``todays_entry``).

The template is ``today.md`` in the journal's own folder under the app's data folder (never
inside the journal): ``{{date}}``, ``{{title}}`` and ``{{weekday}}`` (the locale's name of the
day) are filled in; a template without front matter gets the journal's own header. Without a
template the entry is that header alone.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from ..core import JournalError
from ..core.boundary import read_regular
from ..core.data_folder import journal_data
from ..core.newpost import todays_entry
from .plain import warning
from .problem_words import words

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .settings import Environment

TEMPLATE_LIMIT = 1 << 20  # bytes
translate = QCoreApplication.translate


def template_file(env: Environment, root: Path) -> Path:
    """Where the template of the journal at ``root`` is kept."""
    return journal_data(env.data_dir, root) / "today.md"


def read_template(path: Path) -> str:
    """The template's text; empty when there is none (or it cannot be read)."""
    try:
        return read_regular(path, TEMPLATE_LIMIT).decode("utf-8", "replace")
    except (OSError, JournalError):
        return ""


def open_today(window: MainWindow) -> Path | None:
    """Create (or open) today's entry in the window's journal and open it at its end; its
    path, or None."""
    journal = window.journal
    if journal is None or not window.document.maybe_save():
        return None
    moment = datetime.now().astimezone()
    template = template_file(window.env, journal.root)
    weekday = QLocale().dayName(moment.isoweekday(), QLocale.FormatType.LongFormat)
    try:
        path, created = todays_entry(
            journal, window.document.flavor(), read_template(template), moment, weekday
        )
    except JournalError as exc:
        warning(window, translate("Today", "Could not create today's entry"), words(exc))
        return None
    if not window.post_files.open_at_end(path, created):
        return None
    if created:
        if template.is_file():
            text = translate("Today", "Created today's entry (template: {template})")
        else:
            text = translate("Today", "Created today's entry (template: {template}, not there yet)")
        window.statusBar().showMessage(text.format(template=template), 8000)
    else:
        window.statusBar().showMessage(translate("Today", "Opened today's entry"), 8000)
    return path
