"""The exceptions the core raises, each carrying one readable sentence."""

from __future__ import annotations


class JournalError(Exception):
    """Base class: every error the core raises for bad input or a failed write."""


class HeaderError(JournalError):
    """The post's front matter cannot be read, so a field cannot be edited."""


class FieldEditError(JournalError):
    """A field edit could not be made so that it reads back as intended."""


class SaveError(JournalError):
    """Writing a file failed; the file on disk is unchanged."""


class ConflictError(SaveError):
    """The file changed on disk since it was read; saving would overwrite that change."""
