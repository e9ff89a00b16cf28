"""The exceptions the core raises, each carrying one readable sentence.

The sentence is kept as a template and its values too (``template``, ``values``, ``words``; see
:mod:`.words`), so that the window can show it translated while ``str(error)`` stays English.
"""

from __future__ import annotations

from .words import Words


class JournalError(Exception):
    """Base class: every error the core raises for bad input or a failed write.

    Raised with a template marked for translation (see :mod:`.words`) and its values as
    keywords; the message is ``template.format(**values)``."""

    def __init__(self, template: str, /, **values: object):
        super().__init__(template.format(**values))
        self.template = template
        self.values = values

    @property
    def words(self) -> Words:
        """The message as its template and values."""
        return Words(self.template, self.values)


class HeaderError(JournalError):
    """The post's front matter cannot be read, so a field cannot be edited."""


class FieldEditError(JournalError):
    """A field edit could not be made so that it reads back as intended."""


class SaveError(JournalError):
    """Writing a file failed; the file on disk is unchanged."""


class ConflictError(SaveError):
    """The file changed on disk since it was read; saving would overwrite that change."""
