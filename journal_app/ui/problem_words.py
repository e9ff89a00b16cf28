"""The core's sentences in the interface's language: a problem, a core error or any
:class:`~journal_app.core.words.Words` translated through Qt (context "Core") and filled in.

The core keeps each message as an English template and its values; here the template is
translated with ``QCoreApplication.translate`` and the values put in, a value that is itself
core words translated in turn. Without a translator (or for a template not translated) the text
is the core's English exactly. A translation whose placeholders do not fit falls back to English
rather than fail.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.problems import Problem
from ..core.words import CONTEXT, Words


def words(said: object) -> str:
    """``said`` (a Problem, with its line; a core error; a RefusedFile; Words) in the
    interface's language; anything else (an OSError of the system, a plain string) as ``str()``."""
    full = getattr(said, "full_words", None)  # a Problem: what str() says, its line included
    found = full if isinstance(full, Words) else getattr(said, "words", None)
    if isinstance(said, Words):
        found = said
    return translated(found) if isinstance(found, Words) else str(said)


def message(problem: Problem | None) -> str:
    """A problem's message alone (without its line) in the interface's language; "" for None."""
    return translated(problem.words) if problem is not None else ""


def translated(said: Words) -> str:
    """The template of ``said`` translated, its values (translated when they are Words) put in."""
    values = {
        name: translated(value) if isinstance(value, Words) else value for name, value in said.values.items()
    }
    template = QCoreApplication.translate(CONTEXT, said.template)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with other placeholders
        return said.template.format(**values)
